import { Group } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../platform/api/pagination';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { LoadMore } from '../../platform/components/LoadMore';
import { PageHeader } from '../../platform/components/PageHeader';
import { SavedFilters } from '../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../platform/components/useUrlFilters';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AUDIT_FILTER_KEYS, AUDIT_PATH, type AuditEntry } from './types';

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilter, setFilters] = useUrlFilters(AUDIT_FILTER_KEYS);
  const [, setParams] = useSearchParams();
  const list = useCursorList<AuditEntry>(['audit'], AUDIT_PATH, filters);
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <AuditFilters filters={filters} onChange={setFilter} onClear={() => setParams({}, { replace: true })} />
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="audit" current={filters} onApply={(query) => setFilters(pickFilters(AUDIT_FILTER_KEYS, query))} />
        <ExportButtons listPath={AUDIT_PATH} filters={filters} testIdPrefix="audit" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <AuditTable items={list.items} onFilter={setFilters} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
