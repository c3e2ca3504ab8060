import { useState } from 'react';
import { Button, Group, Paper } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../platform/api/pagination';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { LoadMore } from '../../platform/components/LoadMore';
import { PageHeader } from '../../platform/components/PageHeader';
import { SavedFilters } from '../../platform/components/SavedFilters';
import { SearchInput } from '../../platform/components/SearchInput';
import { pickFilters, useUrlFilters } from '../../platform/components/useUrlFilters';
import { PEOPLE_PATH, peopleKeys } from './api';
import { PeopleTable } from './PeopleTable';
import { PersonCreateModal } from './PersonCreateModal';
import type { Person } from './types';

const KEYS = ['q'] as const;

export function PeoplePage() {
  const { t } = useTranslation();
  const [filters, setFilter, setFilters] = useUrlFilters(KEYS);
  const [creating, setCreating] = useState(false);
  const list = useCursorList<Person>([...peopleKeys.all, 'list'], PEOPLE_PATH, filters);
  return (
    <>
      <PageHeader
        title={t('people.title')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="person-create">
            {t('people.create')}
          </Button>
        }
      />
      <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
        <SearchInput
          label={t('people.search')}
          description={t('people.searchHint')}
          value={filters.q}
          onChange={(v) => setFilter('q', v)}
          testId="people-search"
        />
      </Paper>
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="people" current={filters} onApply={(query) => setFilters(pickFilters(KEYS, query))} />
        <ExportButtons listPath={PEOPLE_PATH} filters={filters} testIdPrefix="people" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <PeopleTable items={list.items} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
      <PersonCreateModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
