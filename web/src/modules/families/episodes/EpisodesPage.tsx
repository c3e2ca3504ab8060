import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../platform/api/pagination';
import type { Role } from '../../../platform/auth/roles';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { LoadMore } from '../../../platform/components/LoadMore';
import { PageHeader } from '../../../platform/components/PageHeader';
import { SavedFilters } from '../../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../../platform/components/useUrlFilters';
import { EPISODES_PATH, familyKeys } from '../api';
import { complianceOptions, episodeStatusOptions, supportKindOptions } from '../options';
import { useProviders, useSpecialists } from '../queries';
import type { EpisodeListItem } from '../types';
import { FilterPanel } from '../ui/FilterPanel';
import { EpisodesTable } from './EpisodesTable';

const KEYS = ['view', 'status', 'kind', 'compliance', 'providerId', 'specialistId'] as const;
type Key = (typeof KEYS)[number];

function Filters({ role, filters, onChange }: { role: Role; filters: Record<Key, string>; onChange: (k: Key, v: string | null) => void }) {
  const { t } = useTranslation();
  const ska = role === 'ska_contact' || role === 'ska_manager';
  const providers = useProviders(ska);
  const specialists = useSpecialists({}, ska || role === 'provider_admin');
  const select = (key: Key, testId: string) => ({
    value: filters[key] || null,
    onChange: (v: string | null) => onChange(key, v),
    placeholder: t('common.all'),
    clearable: true,
    nothingFoundMessage: t('common.nothingFound'),
    clearButtonProps: { 'aria-label': t('common.clear') },
    'data-testid': `episodes-filter-${testId}`,
  });
  const selects = (
    <>
      {role === 'provider_specialist' && (
        <Select label={t('families.filters.view')} data={[{ value: 'mine', label: t('families.filters.mine') }, { value: 'all', label: t('families.filters.allMine') }]}
          {...select('view', 'view')} placeholder={t('families.filters.mine')} />
      )}
      <Select label={t('families.fields.status')} data={episodeStatusOptions(t)} {...select('status', 'status')} />
      <Select label={t('families.fields.kind')} data={supportKindOptions(t)} {...select('kind', 'kind')} />
      <Select label={t('families.fields.compliance')} data={complianceOptions(t)} {...select('compliance', 'compliance')} />
      {ska && <Select label={t('families.fields.provider')} data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} {...select('providerId', 'provider')} />}
      {(ska || role === 'provider_admin') && (
        <Select label={t('families.fields.specialist')} data={(specialists.data ?? []).map((s) => ({ value: s.id, label: s.name }))} searchable {...select('specialistId', 'specialist')} />
      )}
    </>
  );
  const active = KEYS.filter((k) => filters[k]).length;
  return <FilterPanel selects={selects} active={active} cols={ska ? 5 : 4} testId="episodes" />;
}

/** /families/episodes — family-support services with the B-FREQ light (SKA: across providers). */
export function EpisodesPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [filters, setFilter, setFilters] = useUrlFilters(KEYS);
  const query = { ...filters, view: role === 'provider_specialist' ? filters.view || 'mine' : filters.view };
  const list = useCursorList<EpisodeListItem>(familyKeys.episodes, EPISODES_PATH, query);
  return (
    <>
      <PageHeader title={t('families.episodes.title')} description={t('families.episodes.intro')} />
      <Filters role={role} filters={filters} onChange={setFilter} />
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="family-episodes" current={filters} onApply={(q) => setFilters(pickFilters(KEYS, q))} />
        <ExportButtons listPath={EPISODES_PATH} filters={query} testIdPrefix="episodes" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <EpisodesTable items={list.items} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
