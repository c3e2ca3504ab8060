import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../platform/api/pagination';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { LoadMore } from '../../../platform/components/LoadMore';
import { PageHeader } from '../../../platform/components/PageHeader';
import { SavedFilters } from '../../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../../platform/components/useUrlFilters';
import { USERS_PATH, userKeys } from '../api';
import type { AdminUser } from '../types';
import { UserCreateModal } from './UserCreateModal';
import { USER_FILTER_KEYS, UsersFilters } from './UsersFilters';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const { t } = useTranslation();
  const [filters, setFilter, setFilters] = useUrlFilters(USER_FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const list = useCursorList<AdminUser>(userKeys.all, USERS_PATH, filters);
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <UsersFilters filters={filters} onChange={setFilter} />
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="admin-users" current={filters} onApply={(query) => setFilters(pickFilters(USER_FILTER_KEYS, query))} />
        <ExportButtons listPath={USERS_PATH} filters={filters} testIdPrefix="users" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <UsersTable users={list.items} />
          <LoadMore
            shown={list.items.length}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
