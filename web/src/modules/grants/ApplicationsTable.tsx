import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { euros } from './format';
import { DeadlineBadge, StatusBadge } from './ui';
import type { ApplicationItem } from './types';

/** Applications in submission order (drafts last). */
export function ApplicationsTable({ items, caption }: { items: ApplicationItem[]; caption: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('grants.applications.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={caption}>
      <Table striped highlightOnHover data-testid="applications-table">
        <caption className="visually-hidden-caption">{caption}</caption>
        <Table.Thead><Table.Tr>
          <Table.Th scope="col">{t('grants.fields.reference')}</Table.Th><Table.Th scope="col">{t('grants.fields.kov')}</Table.Th><Table.Th scope="col">{t('grants.fields.category')}</Table.Th>
          <Table.Th scope="col">{t('grants.fields.submittedAt')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.fields.requested')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.fields.granted')}</Table.Th>
          <Table.Th scope="col">{t('grants.fields.status')}</Table.Th>
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid="application-row" data-reference={a.reference} data-status={a.status}>
              <Table.Td><Anchor component={Link} to={`/grants/applications/${a.id}`} data-testid="application-link">{a.reference}</Anchor></Table.Td>
              <Table.Td>{a.kovName}</Table.Td>
              <Table.Td>{a.category ? t(`grants.category.${a.category}`) : '—'}</Table.Td>
              <Table.Td className="nowrap">{a.submittedAt ? formatDateTime(a.submittedAt, true) : '—'}</Table.Td>
              <Table.Td ta="right" className="nowrap">{euros(a.requestedCents)}</Table.Td>
              <Table.Td ta="right" className="nowrap">{euros(a.grantedCents)}</Table.Td>
              <Table.Td><StatusBadge status={a.status} /> <DeadlineBadge app={a} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
