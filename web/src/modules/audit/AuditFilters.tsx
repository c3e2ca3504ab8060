import { Button, Group, Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { SearchInput } from '../../platform/components/SearchInput';
import { AUDIT_ACTIONS, type AuditFilterKey } from './types';

interface Props {
  filters: Record<AuditFilterKey, string>;
  onChange: (key: AuditFilterKey, value: string | null) => void;
  onClear: () => void;
}

export function AuditFilters({ filters, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }));
  const text = (key: AuditFilterKey, testId: string) => (
    <SearchInput
      label={t(`audit.filters.${key}`)}
      value={filters[key]}
      onChange={(v) => onChange(key, v || null)}
      testId={testId}
      icon={false}
    />
  );
  return (
    <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {text('actorId', 'audit-filter-actor')}
        {text('recordType', 'audit-filter-record-type')}
        {text('recordId', 'audit-filter-record-id')}
        <Select
          label={t('audit.filters.action')}
          placeholder={t('common.all')}
          data={actions}
          value={filters.action || null}
          onChange={(v) => onChange('action', v)}
          clearable
          data-testid="audit-filter-action"
        />
        <DateField label={t('audit.filters.from')} value={filters.from} onChange={(v) => onChange('from', v)} testId="audit-filter-from" />
        <DateField label={t('audit.filters.to')} value={filters.to} onChange={(v) => onChange('to', v)} testId="audit-filter-to" />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button variant="subtle" onClick={onClear}>{t('common.clearFilters')}</Button>
      </Group>
    </Paper>
  );
}
