import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { AuditChanges } from './AuditChanges';
import type { AuditEntry, AuditFilterKey } from './types';

interface Props {
  items: AuditEntry[];
  onFilter: (patch: Partial<Record<AuditFilterKey, string>>) => void;
}

function FilterLink({ label, title, onClick }: { label: string; title: string; onClick: () => void }) {
  return (
    <UnstyledButton onClick={onClick} title={title} c="var(--general-text-brand)" td="underline" style={{ minHeight: 24 }}>
      {label}
    </UnstyledButton>
  );
}

function AuditRow({ entry, onFilter }: { entry: AuditEntry; onFilter: Props['onFilter'] }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td className="nowrap">{formatDateTime(entry.at, true)}</Table.Td>
      <Table.Td>
        {entry.actorId ? (
          <FilterLink label={entry.actorName ?? entry.actorId} title={t('audit.filterByActor')} onClick={() => onFilter({ actorId: entry.actorId ?? '' })} />
        ) : (
          '—'
        )}
        {entry.actorRole && <Text size="xs" c="dimmed">{t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}</Text>}
      </Table.Td>
      <Table.Td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Table.Td>
      <Table.Td>
        {t(`audit.recordTypes.${entry.recordType}`, { defaultValue: entry.recordType })}
        {entry.recordIds ? (
          <Text size="xs" title={entry.recordIds.join('\n')}>{t('audit.listShown', { count: entry.recordIds.length })}</Text>
        ) : entry.recordId && (
          <Text size="xs">
            <FilterLink label={entry.recordId} title={t('audit.filterByRecord')} onClick={() => onFilter({ recordType: entry.recordType, recordId: entry.recordId ?? '' })} />
          </Text>
        )}
      </Table.Td>
      <Table.Td>{entry.ip ?? '—'}</Table.Td>
      <Table.Td><AuditChanges changes={entry.changes} entryId={entry.id} /></Table.Td>
    </Table.Tr>
  );
}

export function AuditTable({ items, onFilter }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" py="md">{t('audit.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="audit-table" aria-label={t('audit.table.caption')} verticalSpacing="xs">
        <caption className="visually-hidden-caption">{t('audit.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.table.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.record')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.ip')}</Table.Th>
            <Table.Th scope="col">{t('audit.table.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((e) => <AuditRow key={e.id} entry={e} onFilter={onFilter} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
