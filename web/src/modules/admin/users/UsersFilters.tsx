import { Paper, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../platform/components/SearchInput';
import { activeOptions, roleOptions } from '../../../platform/options';
import { useOrganisationOptions } from '../api';

export const USER_FILTER_KEYS = ['q', 'role', 'organisationId', 'active'] as const;
export type UserFilterKey = (typeof USER_FILTER_KEYS)[number];

interface Props {
  filters: Record<UserFilterKey, string>;
  onChange: (key: UserFilterKey, value: string | null) => void;
}

export function UsersFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const organisations = useOrganisationOptions();
  const orgData = (organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <SearchInput
          label={t('users.filters.q')}
          value={filters.q}
          onChange={(v) => onChange('q', v)}
          testId="users-filter-q"
        />
        <Select
          label={t('users.filters.role')}
          placeholder={t('common.all')}
          data={roleOptions(t)}
          value={filters.role || null}
          onChange={(v) => onChange('role', v)}
          clearable
          searchable
          data-testid="users-filter-role"
        />
        <Select
          label={t('users.filters.organisation')}
          placeholder={t('common.all')}
          data={orgData}
          value={filters.organisationId || null}
          onChange={(v) => onChange('organisationId', v)}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data-testid="users-filter-organisation"
        />
        <Select
          label={t('users.filters.status')}
          placeholder={t('common.all')}
          data={activeOptions(t)}
          value={filters.active || null}
          onChange={(v) => onChange('active', v)}
          clearable
          data-testid="users-filter-active"
        />
      </SimpleGrid>
    </Paper>
  );
}
