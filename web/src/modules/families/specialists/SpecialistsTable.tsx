import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from '../../../platform/components/StatusBadge';
import { formatDate, todayInTallinn } from '../../../platform/format';
import type { Specialist } from '../types';

export const specialistLink = (id: string) => `/families/specialists/${encodeURIComponent(id)}`;

/** §2.8.6: approved by SKA (from a date), or waiting. */
export function ApprovalBadge({ s }: { s: Pick<Specialist, 'skaApprovedOn'> }) {
  const { t } = useTranslation();
  const approved = Boolean(s.skaApprovedOn && s.skaApprovedOn <= todayInTallinn());
  return (
    <Badge color={approved ? 'green' : 'orange'} variant="light" data-testid="specialist-approval" data-approved={approved}>
      {approved ? t('families.specialists.approvedOn', { date: formatDate(s.skaApprovedOn) }) : t('families.specialists.notApproved')}
    </Badge>
  );
}

function Cards({ items }: { items: Specialist[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.specialists.caption')} data-testid="specialists-table">
      {items.map((s) => (
        <Paper component="li" key={s.id} withBorder p="sm" radius="md" data-testid="specialist-row" data-name={s.name}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={specialistLink(s.id)} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>{s.name}</Anchor>
            <ApprovalBadge s={s} />
          </Group>
          <Text size="sm" c="dimmed">{s.providerName} · {s.roles.map((r) => t(`families.specialistRole.${r}`)).join(', ')}</Text>
          <Text size="sm" c="dimmed">{s.languages.map((l) => t(`families.language.${l}`)).join(', ')} · {t('families.specialists.families', { count: s.runningEpisodes })}</Text>
        </Paper>
      ))}
    </Stack>
  );
}

export function SpecialistsTable({ items }: { items: Specialist[] }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (items.length === 0) return <Text c="dimmed" py="md" data-testid="specialists-empty">{t('families.specialists.empty')}</Text>;
  if (isPhone) return <Cards items={items} />;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="specialists-table">
        <caption className="visually-hidden-caption">{t('families.specialists.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('families.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.provider')}</Table.Th>
            <Table.Th scope="col">{t('families.specialists.roles')}</Table.Th>
            <Table.Th scope="col">{t('families.specialists.languages')}</Table.Th>
            <Table.Th scope="col">{t('families.specialists.approval')}</Table.Th>
            <Table.Th scope="col">{t('families.specialists.running')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="specialist-row" data-name={s.name}>
              <Table.Td><Anchor component={Link} to={specialistLink(s.id)} fw={700}>{s.name}</Anchor><Text size="xs" c="dimmed">{s.email}</Text></Table.Td>
              <Table.Td>{s.providerName}</Table.Td>
              <Table.Td>{s.roles.map((r) => t(`families.specialistRole.${r}`)).join(', ')}</Table.Td>
              <Table.Td>{s.languages.map((l) => t(`families.language.${l}`)).join(', ')}</Table.Td>
              <Table.Td><ApprovalBadge s={s} /></Table.Td>
              <Table.Td>{s.runningEpisodes}</Table.Td>
              <Table.Td><ActiveBadge active={s.active} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
