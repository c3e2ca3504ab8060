import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../platform/api/pagination';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { LoadMore } from '../../../platform/components/LoadMore';
import { PageHeader } from '../../../platform/components/PageHeader';
import { SavedFilters } from '../../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../../platform/components/useUrlFilters';
import { ORGANISATIONS_PATH, orgKeys } from '../api';
import type { Organisation } from '../types';
import { OrganisationCreateModal } from './OrganisationCreateModal';
import { ORG_FILTER_KEYS, OrganisationsFilters } from './OrganisationsFilters';
import { OrganisationsTable } from './OrganisationsTable';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const [filters, setFilter, setFilters] = useUrlFilters(ORG_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Organisation>(orgKeys.all, ORGANISATIONS_PATH, filters);
  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="org-create">
            {t('organisations.create')}
          </Button>
        }
      />
      <OrganisationsFilters filters={filters} onChange={setFilter} />
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="admin-organisations" current={filters} onApply={(query) => setFilters(pickFilters(ORG_FILTER_KEYS, query))} />
        <ExportButtons listPath={ORGANISATIONS_PATH} filters={filters} testIdPrefix="organisations" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <OrganisationsTable items={list.items} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
      <OrganisationCreateModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
