import { useId } from 'react';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
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
import { REFERRALS_PATH, familyKeys } from '../api';
import { familyCan } from '../permissions';
import type { ReferralListItem } from '../types';
import { ReferralQueue } from './ReferralQueue';
import { REFERRAL_FILTER_KEYS, ReferralsFilters } from './ReferralsFilters';
import { ReferralsTable } from './ReferralsTable';

function ViewSwitch({ view, onChange }: { view: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4} mb="md">
      <Text id={labelId} size="sm" fw={500}>{t('families.queue.view')}</Text>
      <SegmentedControl aria-labelledby={labelId} value={view} onChange={onChange} data-testid="referrals-view"
        data={[{ value: 'queue', label: t('families.queue.title') }, { value: 'all', label: t('families.queue.all') }]} />
    </Stack>
  );
}

function FilteredList({ filters }: { filters: Record<string, string> }) {
  const list = useCursorList<ReferralListItem>(familyKeys.referrals, REFERRALS_PATH, filters);
  if (list.isPending) return <InlineLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  return (
    <>
      <ReferralsTable items={list.items} />
      <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </>
  );
}

/** /families/referrals — the SKA contact's work queue, the KOV's referrals, the provider's incoming ones. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [filters, setFilter, setFilters] = useUrlFilters(REFERRAL_FILTER_KEYS);
  const [params, setParams] = useSearchParams();
  const anyFilter = REFERRAL_FILTER_KEYS.some((k) => filters[k]);
  const queue = role === 'ska_contact' && (params.get('view') ?? (anyFilter ? 'all' : 'queue')) === 'queue';
  const setView = (v: string) => setParams(v === 'queue' ? { view: 'queue' } : { view: 'all' }, { replace: true });
  return (
    <>
      <PageHeader
        title={t('families.referrals.title')}
        description={t(`families.referrals.intro.${role}`, { defaultValue: '' }) || undefined}
        actions={familyCan.refer(role) && (
          <Button component={Link} to="/families/referrals/new" leftSection={<IconSend size={18} aria-hidden />} data-testid="referral-create">
            {t('families.referrals.create')}
          </Button>
        )}
      />
      {role === 'ska_contact' && <ViewSwitch view={queue ? 'queue' : 'all'} onChange={setView} />}
      {queue ? (
        <ReferralQueue />
      ) : (
        <>
          <ReferralsFilters role={role} filters={filters} onChange={setFilter} />
          <Group justify="space-between" mb="sm" gap="sm">
            <SavedFilters list="family-referrals" current={filters} onApply={(q) => setFilters(pickFilters(REFERRAL_FILTER_KEYS, q))} />
            <ExportButtons listPath={REFERRALS_PATH} filters={filters} testIdPrefix="referrals" />
          </Group>
          <FilteredList filters={filters} />
        </>
      )}
    </>
  );
}
