import { Button, Group } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../platform/api/pagination';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { LoadMore } from '../../platform/components/LoadMore';
import { PageHeader } from '../../platform/components/PageHeader';
import { SavedFilters } from '../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../platform/components/useUrlFilters';
import { CASES_PATH, caseKeys } from './api';
import { CASE_FILTER_KEYS, CasesFilters } from './CasesFilters';
import { CasesTable } from './CasesTable';
import { defaultView, viewsFor, type CaseView } from './workflow';
import type { CaseListItem } from './types';

export function CasesPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [filters, setFilter, setFilters] = useUrlFilters(CASE_FILTER_KEYS);
  const view = (viewsFor(role) as string[]).includes(filters.view) ? (filters.view as CaseView) : defaultView(role);
  const query = { ...filters, view };
  const list = useCursorList<CaseListItem>(caseKeys.list, CASES_PATH, query);
  return (
    <>
      <PageHeader
        title={t('cases.title')}
        actions={
          role === 'kov_worker' && (
            <Button component={Link} to="/cases/new" leftSection={<IconFilePlus size={18} aria-hidden />} data-testid="case-create">
              {t('cases.create')}
            </Button>
          )
        }
      />
      <CasesFilters role={role} filters={filters} view={view} onChange={setFilter} />
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="cases" current={filters} onApply={(q) => setFilters(pickFilters(CASE_FILTER_KEYS, q))} />
        <ExportButtons listPath={CASES_PATH} filters={query} testIdPrefix="cases" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <CasesTable items={list.items} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
