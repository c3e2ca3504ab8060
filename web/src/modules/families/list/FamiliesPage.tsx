import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../platform/api/pagination';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { LoadMore } from '../../../platform/components/LoadMore';
import { PageHeader } from '../../../platform/components/PageHeader';
import { SavedFilters } from '../../../platform/components/SavedFilters';
import { pickFilters, useUrlFilters } from '../../../platform/components/useUrlFilters';
import { FAMILIES_PATH, familyKeys } from '../api';
import { familyCan } from '../permissions';
import type { FamilyListItem } from '../types';
import { FAMILY_FILTER_KEYS, FamiliesFilters } from './FamiliesFilters';
import { FamiliesTable } from './FamiliesTable';

/** /families — foster, guardianship and adoptive families in the user's scope. */
export function FamiliesPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [filters, setFilter, setFilters] = useUrlFilters(FAMILY_FILTER_KEYS);
  const list = useCursorList<FamilyListItem>(familyKeys.list, FAMILIES_PATH, filters);
  return (
    <>
      <PageHeader
        title={t('families.title')}
        description={t(`families.intro.${role}`, { defaultValue: '' }) || undefined}
        actions={familyCan.create(role) && (
          <Button component={Link} to="/families/new" leftSection={<IconPlus size={18} aria-hidden />} data-testid="family-create">
            {t('families.create')}
          </Button>
        )}
      />
      <FamiliesFilters role={role} filters={filters} onChange={setFilter} />
      <Group justify="space-between" mb="sm" gap="sm">
        <SavedFilters list="families" current={filters} onApply={(q) => setFilters(pickFilters(FAMILY_FILTER_KEYS, q))} />
        <ExportButtons listPath={FAMILIES_PATH} filters={filters} testIdPrefix="families" />
      </Group>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <FamiliesTable items={list.items} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
