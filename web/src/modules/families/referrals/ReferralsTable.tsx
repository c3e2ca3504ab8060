import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format';
import { FirstContactBadge, KindBadge, ReferralStatusBadge } from '../Badges';
import type { ReferralListItem } from '../types';

export const referralLink = (id: string) => `/families/referrals/${encodeURIComponent(id)}`;

function Row({ r, compact }: { r: ReferralListItem; compact: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="referral-row" data-reference={r.reference} data-status={r.status}>
      <Table.Td className="nowrap"><Anchor component={Link} to={referralLink(r.id)} fw={700}>{r.reference}</Anchor></Table.Td>
      <Table.Td>
        <Text span className="nowrap" size="sm">{r.familyReference}</Text>
        <Text size="xs" c="dimmed">{t(`families.type.${r.familyType}`)}{r.childName ? ` · ${r.childName}` : ''}</Text>
      </Table.Td>
      <Table.Td><KindBadge kind={r.kind} /></Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          {!compact && <ReferralStatusBadge status={r.status} />}
          <FirstContactBadge state={r.firstContactState} due={r.firstContactDue} on={r.firstContactOn} />
        </Stack>
      </Table.Td>
      <Table.Td className="nowrap">{formatDate(r.submittedOn)}</Table.Td>
      <Table.Td>
        {r.kovName}
        <Text size="xs" c="dimmed">{t(`families.source.${r.source}`)}</Text>
      </Table.Td>
      <Table.Td>{r.providerName ?? (r.preferredProviderName ? <Text size="sm" c="dimmed">{t('families.referrals.preferred', { name: r.preferredProviderName })}</Text> : '—')}</Table.Td>
    </Table.Tr>
  );
}

function Cards({ items, label }: { items: ReferralListItem[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={label} data-testid="referrals-table">
      {items.map((r) => (
        <Paper component="li" key={r.id} withBorder p="sm" radius="md" data-testid="referral-row" data-reference={r.reference} data-status={r.status}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={referralLink(r.id)} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>{r.reference}</Anchor>
            <ReferralStatusBadge status={r.status} />
          </Group>
          <Text>{r.familyReference}{r.childName ? ` · ${r.childName}` : ''}</Text>
          <Text size="sm" c="dimmed">{t(`families.kind.${r.kind}`)} · {r.kovName} · {formatDate(r.submittedOn)}</Text>
          <Group mt={4} gap={4}><FirstContactBadge state={r.firstContactState} due={r.firstContactDue} on={r.firstContactOn} /></Group>
        </Paper>
      ))}
    </Stack>
  );
}

interface Props {
  items: ReferralListItem[];
  label?: string;
  emptyText?: string;
  /** Leave out the status column (a queue where all have the same status). */
  compact?: boolean;
}

export function ReferralsTable({ items, label, emptyText, compact = false }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const caption = label ?? t('families.referrals.caption');
  if (items.length === 0) return <Text c="dimmed" py="md" data-testid="referrals-empty">{emptyText ?? t('families.referrals.empty')}</Text>;
  if (isPhone) return <Cards items={items} label={caption} />;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover data-testid="referrals-table">
        <caption className="visually-hidden-caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('families.fields.reference')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.family')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t(compact ? 'families.fields.firstContact' : 'families.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.submittedOn')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.kov')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.provider')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((r) => <Row key={r.id} r={r} compact={compact} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
