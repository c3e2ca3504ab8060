import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { DetailList } from '../../../platform/components/DetailList';
import { Field } from '../../../platform/components/Field';
import { formatDate } from '../../../platform/format';
import { familyCan } from '../permissions';
import { Section } from '../ui/Section';
import type { FamilyDetail } from '../types';
import { AddPeriodButton } from './PeriodDialogs';

function Periods({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  const child = (id: string | null) => f.children.find((c) => c.personId === id);
  const rows = [
    ...f.priorPeriods.map((p) => ({ ...p, what: 'prior' as const, text: [p.procurement, p.transitionalExtra ? t('families.carry.transitionalExtra') : '', p.note ?? ''].filter(Boolean).join(' · ') })),
    ...f.agencyGaps.map((g) => ({ ...g, what: 'gap' as const, text: g.reason })),
  ].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('families.carry.none')}</Text>;
  return (
    <Table data-testid="family-periods">
      <caption className="visually-hidden-caption">{t('families.carry.title')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('families.carry.what')}</Table.Th>
          <Table.Th scope="col">{t('families.carry.period')}</Table.Th>
          <Table.Th scope="col">{t('families.carry.details')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.what}-${r.id}`}>
            <Table.Td>
              {t(`families.carry.${r.what}`)}
              <Text size="xs" c="dimmed">{t(`families.kind.${r.kind}`)}{child(r.childPersonId) ? ` · ${child(r.childPersonId)!.firstName}` : ''}</Text>
            </Table.Td>
            <Table.Td className="nowrap">{formatDate(r.startsOn)}–{formatDate(r.endsOn)}</Table.Td>
            <Table.Td>{r.text}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** B-NEED-1 volume left for the family, with earlier procurements and agency gaps (B-CARRY). */
export function VolumeSection({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const v = f.volume.needsBased;
  const used = v.limitDays ? Math.min(100, Math.round((v.usedDays / v.limitDays) * 100)) : 0;
  return (
    <Section title={t('families.volume.title')} intro={t('families.volume.intro')} testId="family-volume"
      actions={<>
        {familyCan.priorPeriod(role) && <AddPeriodButton f={f} what="prior" />}
        {familyCan.agencyGap(role) && <AddPeriodButton f={f} what="gap" />}
      </>}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={700} data-testid="family-volume-remaining" data-days={v.remainingDays}>
            {t('families.volume.remaining', { count: v.remainingDays })}
          </Text>
          {v.running && <Badge variant="light" color="tedi">{t('families.volume.running')}</Badge>}
        </Group>
        <Progress value={used} aria-label={t('families.volume.usedAria', { used: v.usedDays, limit: v.limitDays })} />
      </Stack>
      <DetailList>
        <Field label={t('families.volume.limit')}>{t('families.days', { count: v.limitDays })}{v.bonus ? ` (${t('families.volume.bonus')})` : ''}</Field>
        <Field label={t('families.volume.used')}>{t('families.days', { count: v.usedDays })}</Field>
        <Field label={t('families.volume.firstStart')}>{v.firstStart ? formatDate(v.firstStart) : t('families.volume.notStarted')}</Field>
        {v.excludedGapDays > 0 && <Field label={t('families.volume.excluded')}>{t('families.days', { count: v.excludedGapDays })}</Field>}
      </DetailList>
      <Periods f={f} />
    </Section>
  );
}
