import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from '../../../platform/components/StatusBadge';
import type { Organisation } from '../types';

function SpecialistCell({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  if (org.kind !== 'kov') return <>—</>;
  if (org.regionalSpecialistName) return <>{org.regionalSpecialistName}</>;
  return <Badge color="orange" variant="light">{t('organisations.specialist.missing')}</Badge>;
}

function OrgRow({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/admin/organisations/${encodeURIComponent(org.id)}`} fw={700}>
          {org.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`orgKinds.${org.kind}`)}</Table.Td>
      <Table.Td>{org.registryCode ?? '—'}</Table.Td>
      <Table.Td>{org.county ? t(`counties.${org.county}`, { defaultValue: org.county }) : '—'}</Table.Td>
      <Table.Td ta="right">{org.population?.toLocaleString(i18n.language) ?? '—'}</Table.Td>
      <Table.Td>{org.island ? t('common.yes') : t('common.no')}</Table.Td>
      <Table.Td><SpecialistCell org={org} /></Table.Td>
      <Table.Td><ActiveBadge active={org.active} /></Table.Td>
    </Table.Tr>
  );
}

export function OrganisationsTable({ items }: { items: Organisation[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" py="md">{t('organisations.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="organisations-table" aria-label={t('organisations.table.caption')}>
        <caption className="visually-hidden-caption">{t('organisations.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisations.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('organisations.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t('organisations.fields.registryCode')}</Table.Th>
            <Table.Th scope="col">{t('organisations.fields.county')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('organisations.fields.population')}</Table.Th>
            <Table.Th scope="col">{t('organisations.fields.islandShort')}</Table.Th>
            <Table.Th scope="col">{t('organisations.specialist.label')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => <OrgRow key={o.id} org={o} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
