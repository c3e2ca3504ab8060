import { Checkbox, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/auth/roles';
import { SearchInput } from '../../../platform/components/SearchInput';
import { useOrganisationOptions } from '../../admin/api';
import { referralStatusOptions, supportKindOptions } from '../options';
import { useProviders } from '../queries';
import { FilterPanel } from '../ui/FilterPanel';

export const REFERRAL_FILTER_KEYS = ['q', 'status', 'kind', 'kovId', 'providerId', 'overdueFirstContact'] as const;
export type ReferralFilterKey = (typeof REFERRAL_FILTER_KEYS)[number];

interface Props {
  role: Role;
  filters: Record<ReferralFilterKey, string>;
  onChange: (key: ReferralFilterKey, value: string | null) => void;
}

/** Referral list filters in the URL; SKA also filters by municipality and provider. */
export function ReferralsFilters({ role, filters, onChange }: Props) {
  const { t } = useTranslation();
  const ska = role === 'ska_contact' || role === 'ska_manager';
  const kovs = useOrganisationOptions('kov');
  const providers = useProviders(ska);
  const select = (key: ReferralFilterKey, testId: string) => ({
    value: filters[key] || null,
    onChange: (v: string | null) => onChange(key, v),
    placeholder: t('common.all'),
    clearable: true,
    nothingFoundMessage: t('common.nothingFound'),
    clearButtonProps: { 'aria-label': t('common.clear') },
    'data-testid': `referrals-filter-${testId}`,
  });
  const lead = (
    <SearchInput label={t('families.filters.q')} description={t('families.filters.qReferralHint')} value={filters.q} onChange={(v) => onChange('q', v)}
      testId="referrals-filter-q" />
  );
  const selects = (
    <>
      <Select label={t('families.fields.status')} data={referralStatusOptions(t)} {...select('status', 'status')} />
      <Select label={t('families.fields.kind')} data={supportKindOptions(t)} {...select('kind', 'kind')} />
      {ska && <Select label={t('families.fields.kov')} data={(kovs.data ?? []).map((k) => ({ value: k.id, label: k.name }))} searchable {...select('kovId', 'kov')} />}
      {ska && <Select label={t('families.fields.provider')} data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} {...select('providerId', 'provider')} />}
    </>
  );
  const footer = role !== 'kov_worker' && (
    <Checkbox label={t('families.filters.overdueFirstContact')} checked={filters.overdueFirstContact === 'true'}
      onChange={(e) => onChange('overdueFirstContact', e.currentTarget.checked ? 'true' : null)} data-testid="referrals-filter-overdue" />
  );
  const active = (['status', 'kind', 'kovId', 'providerId'] as const).filter((k) => filters[k]).length;
  return <FilterPanel lead={lead} selects={selects} footer={footer} active={active} cols={ska ? 5 : 3} testId="referrals" />;
}
