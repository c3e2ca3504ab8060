import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/auth/roles';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { SavedFilters } from '../../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../../platform/components/useUrlFilters';
import { activeOptions } from '../../../platform/options';
import { SPECIALISTS_PATH } from '../api';
import { specialistLanguageOptions, specialistRoleOptions } from '../options';
import { useProviders, useSpecialists } from '../queries';
import { FilterPanel } from '../ui/FilterPanel';
import { TabbedPanels, useTabParam } from '../ui/TabbedPanels';
import { CaseloadTable } from './CaseloadTable';
import { SpecialistCreateButton } from './SpecialistCreateButton';
import { SpecialistsTable } from './SpecialistsTable';

const KEYS = ['providerId', 'role', 'language', 'approved', 'active'] as const;
type Key = (typeof KEYS)[number];

function Filters({ role, filters, onChange }: { role: Role; filters: Record<Key, string>; onChange: (k: Key, v: string | null) => void }) {
  const { t } = useTranslation();
  const ska = role !== 'provider_admin';
  const providers = useProviders(ska);
  const select = (key: Key) => ({
    value: filters[key] || null,
    onChange: (v: string | null) => onChange(key, v),
    placeholder: t('common.all'),
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    'data-testid': `specialists-filter-${key === 'providerId' ? 'provider' : key}`,
  });
  const approval = [{ value: 'true', label: t('families.specialists.approved') }, { value: 'false', label: t('families.specialists.notApproved') }];
  const selects = (
    <>
      {ska && <Select label={t('families.fields.provider')} data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} {...select('providerId')} />}
      <Select label={t('families.specialists.role')} data={specialistRoleOptions(t)} {...select('role')} />
      <Select label={t('families.specialists.language')} data={specialistLanguageOptions(t)} {...select('language')} />
      <Select label={t('families.specialists.approval')} data={approval} {...select('approved')} />
      <Select label={t('families.fields.status')} data={activeOptions(t)} {...select('active')} />
    </>
  );
  return <FilterPanel selects={selects} active={KEYS.filter((k) => filters[k]).length} cols={ska ? 5 : 4} testId="specialists" />;
}

function List({ filters }: { filters: Record<Key, string> }) {
  const list = useSpecialists(filters);
  if (list.isPending) return <InlineLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return <SpecialistsTable items={list.data} />;
}

/** /families/specialists — specialists with SKA approval (§2.8.6), documents and caseload. */
export function SpecialistsPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [filters, setFilter, setFilters] = useUrlFilters(KEYS);
  const [tab, setTab] = useTabParam(['list', 'caseload'], 'list');
  const panels = [
    {
      id: 'list',
      label: t('families.specialists.title'),
      content: (
        <>
          <Filters role={role} filters={filters} onChange={setFilter} />
          <Group justify="space-between" mb="sm" gap="sm">
            <SavedFilters list="family-specialists" current={filters} onApply={(q) => setFilters(pickFilters(KEYS, q))} />
            <ExportButtons listPath={SPECIALISTS_PATH} filters={filters} testIdPrefix="specialists" />
          </Group>
          <List filters={filters} />
        </>
      ),
    },
    { id: 'caseload', label: t('families.caseload.title'), content: <CaseloadTable providerId={filters.providerId || undefined} /> },
  ];
  return (
    <>
      <PageHeader title={t('families.specialists.title')} description={t(`families.specialists.intro.${role}`, { defaultValue: '' }) || undefined}
        actions={role === 'provider_admin' && <SpecialistCreateButton />} />
      <TabbedPanels panels={panels} tab={tab} onTab={setTab} testId="specialists" />
    </>
  );
}
