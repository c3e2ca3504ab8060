import './i18n';
import { Checkbox, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { APPLICATIONS_PATH, useApplications, useRounds } from './api';
import { ApplicationsTable } from './ApplicationsTable';
import { APPLICATION_STATUSES } from './types';

const KEYS = ['roundId', 'status', 'awaiting'] as const;

/** /grants/applications — the ministry: every submitted application (filters, export); a KOV: its own, drafts included. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const rounds = useRounds();
  const query = { roundId: filters.roundId || undefined, status: filters.status || undefined, awaiting: filters.awaiting || undefined };
  const apps = useApplications(query);
  return (
    <>
      <PageHeader title={user.role === 'ministry_officer' ? t('grants.applications.title') : t('grants.applications.mine')}
        actions={<ExportButtons listPath={APPLICATIONS_PATH} filters={query} testIdPrefix="grant-applications" />} />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <Select label={t('grants.rounds.round')} w={320} data={[{ value: '', label: t('grants.filters.all') }, ...(rounds.data ?? []).map((r) => ({ value: r.id, label: `${r.reference} ${r.title}` }))]} value={filters.roundId} onChange={(v) => setFilter('roundId', v)} data-testid="applications-round" />
        <Select label={t('grants.fields.status')} w={220} data={[{ value: '', label: t('grants.filters.all') }, ...APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`grants.status.${s}`) }))]} value={filters.status} onChange={(v) => setFilter('status', v)} data-testid="applications-status" />
        {user.role === 'ministry_officer' && <Checkbox mb={8} label={t('grants.filters.awaiting')} checked={filters.awaiting === 'true'} onChange={(e) => setFilter('awaiting', e.currentTarget.checked ? 'true' : null)} data-testid="applications-awaiting" />}
      </Group>
      {apps.isPending && <InlineLoader />}
      <ErrorAlert error={apps.error} />
      {apps.data && <ApplicationsTable items={apps.data} caption={t('grants.applications.title')} />}
    </>
  );
}
