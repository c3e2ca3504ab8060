import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/auth/roles';
import { SearchInput } from '../../../platform/components/SearchInput';
import { useOrganisationOptions } from '../../admin/api';
import { familyLanguageOptions, familyTypeOptions } from '../options';
import { useProviders } from '../queries';
import { FilterPanel } from '../ui/FilterPanel';

export const FAMILY_FILTER_KEYS = ['q', 'type', 'kovId', 'providerId', 'language'] as const;
export type FamilyFilterKey = (typeof FAMILY_FILTER_KEYS)[number];

interface Props {
  role: Role;
  filters: Record<FamilyFilterKey, string>;
  onChange: (key: FamilyFilterKey, value: string | null) => void;
}

/** The family list's filters, kept in the URL (X-FIND); a KOV worker sees only their municipality. */
export function FamiliesFilters({ role, filters, onChange }: Props) {
  const { t } = useTranslation();
  const wide = role === 'ska_contact' || role === 'ska_manager';
  const kovs = useOrganisationOptions('kov');
  const providers = useProviders(wide);
  const select = (key: FamilyFilterKey) => ({
    value: filters[key] || null,
    onChange: (v: string | null) => onChange(key, v),
    placeholder: t('common.all'),
    clearable: true,
    nothingFoundMessage: t('common.nothingFound'),
    clearButtonProps: { 'aria-label': t('common.clear') },
    'data-testid': `families-filter-${key === 'kovId' ? 'kov' : key === 'providerId' ? 'provider' : key}`,
  });
  const lead = (
    <SearchInput label={t('families.filters.q')} description={t('families.filters.qHint')} value={filters.q}
      onChange={(v) => onChange('q', v)} testId="families-filter-q" />
  );
  const selects = (
    <>
      <Select label={t('families.fields.type')} data={familyTypeOptions(t)} {...select('type')} />
      {role !== 'kov_worker' && (
        <Select label={t('families.fields.kov')} data={(kovs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} searchable {...select('kovId')} />
      )}
      {wide && (
        <Select label={t('families.fields.provider')} data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} {...select('providerId')} />
      )}
      <Select label={t('families.fields.language')} data={familyLanguageOptions(t)} {...select('language')} />
    </>
  );
  const active = (['type', 'kovId', 'providerId', 'language'] as const).filter((k) => filters[k]).length;
  return <FilterPanel lead={lead} selects={selects} active={active} cols={wide ? 5 : role === 'kov_worker' ? 3 : 4} testId="families" />;
}
