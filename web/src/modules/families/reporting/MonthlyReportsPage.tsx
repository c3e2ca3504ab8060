import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { useSession } from '../../../platform/auth/useSession';
import { formatDate } from '../../../platform/format';
import { euros, reportActions, useMonthlyReports, useReportAction, type ReportSummary } from './MonthlyApi';

export function StatusBadge({ report }: { report: Pick<ReportSummary, 'status' | 'late' | 'overdue'> }) {
  const { t } = useTranslation();
  const color = { draft: 'gray', submitted: 'blue', returned: 'orange', approved: 'green' }[report.status];
  return (
    <Group gap={4}>
      <Badge color={color} variant="light" data-testid="monthly-status" data-status={report.status}>{t(`monthlyReports.status.${report.status}`)}</Badge>
      {report.late && <Badge color="red" variant="filled">{t('monthlyReports.late')}</Badge>}
      {report.overdue && <Badge color="red" variant="light">{t('monthlyReports.overdue')}</Badge>}
    </Group>
  );
}

/** /families/monthly-reports — provider: its reports and due dates; SKA: awaiting approval first (B-REP-1). */
export function MonthlyReportsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const query = useMonthlyReports();
  const [month, setMonth] = useState('');
  const create = useReportAction((m: string) => reportActions.create(m));
  return (
    <>
      <PageHeader title={t('monthlyReports.pageTitle')} description={t('monthlyReports.intro')} />
      {user.role === 'provider_admin' && (
        <Group mb="md" align="flex-end">
          <TextInput label={t('monthlyReports.month')} placeholder="2026-01" value={month} onChange={(e) => setMonth(e.currentTarget.value)} data-testid="monthly-new-month" />
          <Button onClick={() => create.mutate(month)} loading={create.isPending} disabled={!/^\d{4}-\d{2}$/.test(month)}>{t('monthlyReports.create')}</Button>
          <Anchor component={Link} to="/families/this-month">{t('monthlyReports.thisMonth.link')}</Anchor>
        </Group>
      )}
      {create.error && <ErrorAlert error={create.error} />}
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && query.data.items.length === 0 && <Text c="dimmed">{t('monthlyReports.empty')}</Text>}
      {query.data && query.data.items.length > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('monthlyReports.pageTitle')} data-testid="monthly-list">
          {query.data.items.map((r) => (
            <Paper component="li" key={r.id} withBorder p="sm" radius="md" data-testid="monthly-row" data-month={r.month}>
              <Group justify="space-between" wrap="wrap">
                <Anchor component={Link} to={`/families/monthly-reports/${r.id}`} fw={700} data-testid="monthly-link">
                  {r.reference} · {r.month} · {r.provider.name}
                </Anchor>
                <StatusBadge report={r} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('monthlyReports.dueOn', { date: formatDate(r.dueOn) })} · {t('monthlyReports.total')}: {euros(r.totalCents, i18n.language)}
                {r.excludedCents > 0 ? ` · ${t('monthlyReports.excluded')}: ${euros(r.excludedCents, i18n.language)}` : ''}
                {r.revision > 1 ? ` · ${t('monthlyReports.revision', { n: r.revision })}` : ''}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
