import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate } from '../../../platform/format';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { createProviderReport, fetchSchedule, providerReportKeys, type ScheduleItem } from './ProviderReportApi';

export const providerReportLink = (id: string) => `/families/provider-reports/${encodeURIComponent(id)}`;

export function ProviderReportStatus({ item }: { item: Pick<ScheduleItem, 'overdue'> & { status: 'draft' | 'submitted' | null } }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={item.status === 'submitted' ? 'green' : item.status === 'draft' ? 'blue' : 'gray'}>
        {t(`providerReports.status.${item.status ?? 'missing'}`)}
      </Badge>
      {item.overdue && <Badge color="red" variant="filled">{t('providerReports.overdue')}</Badge>}
    </Group>
  );
}

function CreateButton({ item }: { item: ScheduleItem }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: () => createProviderReport({ contractId: item.contractId, kind: item.kind, periodEnd: item.periodEnd }),
    onSuccess: async (report) => {
      await client.invalidateQueries({ queryKey: providerReportKeys.all });
      void navigate(providerReportLink(report.id));
    },
  });
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconFilePlus size={16} aria-hidden />} loading={mutation.isPending} onClick={() => mutation.mutate()}
        data-testid="provider-report-create">
        {t('providerReports.create')}
      </Button>
      {mutation.error && <RuleErrorAlert error={mutation.error} testId="provider-report-create-error" />}
    </>
  );
}

/** /families/provider-reports — B-REP-3: monitoring reports (3 January, 3 June) and the final report per contract. */
export function ProviderReportsPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as '' | 'open' | 'submitted';
  const query = useQuery({ queryKey: providerReportKeys.list(status), queryFn: ({ signal }) => fetchSchedule(status, signal) });
  const provider = role === 'provider_admin';
  return (
    <>
      <PageHeader title={t('providerReports.pageTitle')} description={t('providerReports.intro')} />
      <Group mb="sm">
        <SegmentedControl
          value={status || 'all'}
          onChange={(v) => setParams(v === 'all' ? {} : { status: v }, { replace: true })}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'open', label: t('providerReports.filter.open') },
            { value: 'submitted', label: t('providerReports.filter.submitted') },
          ]}
          aria-label={t('providerReports.filter.label')}
          data-testid="provider-reports-filter"
        />
      </Group>
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && query.data.items.length === 0 && <Text c="dimmed" data-testid="provider-reports-empty">{t('providerReports.empty')}</Text>}
      {query.data && query.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('providerReports.pageTitle')}>
          <Table striped data-testid="provider-reports-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('providerReports.fields.kind')}</Table.Th>
                {!provider && <Table.Th scope="col">{t('providerReports.fields.provider')}</Table.Th>}
                <Table.Th scope="col">{t('providerReports.fields.contract')}</Table.Th>
                <Table.Th scope="col">{t('providerReports.fields.period')}</Table.Th>
                <Table.Th scope="col">{t('providerReports.fields.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('providerReports.fields.status')}</Table.Th>
                <Table.Th scope="col"><span className="visually-hidden-caption">{t('providerReports.fields.actions')}</span></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((i) => (
                <Table.Tr key={`${i.contractId}-${i.kind}-${i.periodEnd}`} data-testid="provider-report-row" data-kind={i.kind} data-due={i.dueOn}>
                  <Table.Td>{t(`providerReports.kind.${i.kind}`)}</Table.Td>
                  {!provider && <Table.Td>{i.providerName}</Table.Td>}
                  <Table.Td>{i.contractReference}</Table.Td>
                  <Table.Td>{formatDate(i.periodStart)}–{formatDate(i.periodEnd)}</Table.Td>
                  <Table.Td>{formatDate(i.dueOn)}</Table.Td>
                  <Table.Td><ProviderReportStatus item={{ overdue: i.overdue, status: i.report?.status ?? null }} /></Table.Td>
                  <Table.Td>
                    {i.report ? (
                      <Anchor component={Link} to={providerReportLink(i.report.id)} data-testid="provider-report-open">{t('providerReports.open')}</Anchor>
                    ) : provider ? (
                      <CreateButton item={i} />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
