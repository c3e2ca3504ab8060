import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../platform/components/SearchInput';
import { activeOptions, kindOptions } from '../../../platform/options';

export const ORG_FILTER_KEYS = ['q', 'kind', 'active'] as const;
export type OrgFilterKey = (typeof ORG_FILTER_KEYS)[number];

interface Props {
  filters: Record<OrgFilterKey, string>;
  onChange: (key: OrgFilterKey, value: string | null) => void;
}

export function OrganisationsFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SearchInput label={t('organisations.filters.q')} value={filters.q} onChange={(v) => onChange('q', v)} testId="orgs-filter-q" />
        <Select
          label={t('organisations.fields.kind')}
          placeholder={t('common.all')}
          data={kindOptions(t)}
          value={filters.kind || null}
          onChange={(v) => onChange('kind', v)}
          clearable
          data-testid="orgs-filter-kind"
        />
        <Select
          label={t('users.filters.status')}
          placeholder={t('common.all')}
          data={activeOptions(t)}
          value={filters.active || null}
          onChange={(v) => onChange('active', v)}
          clearable
          data-testid="orgs-filter-active"
        />
      </SimpleGrid>
    </Paper>
  );
}
