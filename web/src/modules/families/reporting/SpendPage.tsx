import { CompositeChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate, todayInTallinn } from '../../../platform/format';
import { euros } from './InvoiceApi';
import { fetchSpend, spendKeys, type ContractSpend } from './SpendApi';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} data-testid={testId}>{value}</Text>
    </div>
  );
}

function ContractCard({ c }: { c: ContractSpend }) {
  const { t } = useTranslation();
  const monthName = (m: string) => t(`invoices.spend.months.${Number(m.slice(5)) - 1}`);
  // Euros for the chart only; every figure in text and table is formatted from integer cents.
  const data = c.months.map((m) => ({ month: monthName(m.month), approved: m.approvedCents / 100, submitted: m.submittedCents / 100, cumulative: m.cumulativeApprovedCents / 100 }));
  const elapsed = Math.round(c.periodElapsed * 100);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`${c.providerName} ${c.reference}`} data-testid="spend-contract" data-contract={c.reference}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">{c.providerName} · {c.reference}</Title>
          <Text size="sm" c="dimmed">{formatDate(c.startsOn)}–{formatDate(c.endsOn)}</Text>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('invoices.spend.approvedToDate')} value={euros(c.approvedToDateCents)} testId="spend-approved" />
          <Figure label={t('invoices.spend.submitted')} value={euros(c.submittedCents)} testId="spend-submitted" />
          <Figure label={t('invoices.spend.invoiced')} value={euros(c.invoicedCents)} testId="spend-invoiced" />
          <Figure label={t('invoices.spend.elapsed')} value={`${elapsed}%`} testId="spend-elapsed" />
        </SimpleGrid>
        <Progress value={elapsed} aria-label={t('invoices.spend.elapsed')} size="sm" />
        <figure style={{ margin: 0 }}>
          <figcaption className="visually-hidden-caption">{t('invoices.spend.chartCaption', { reference: c.reference })}</figcaption>
          <div aria-hidden>
            <CompositeChart h={260} data={data} dataKey="month" withLegend maxBarWidth={28} accessibilityLayer={false}
              valueFormatter={(v) => `${new Intl.NumberFormat('et-EE', { maximumFractionDigits: 0 }).format(v)} €`}
              series={[
                { name: 'approved', label: t('invoices.spend.approved'), color: 'tedi.6', type: 'bar' },
                { name: 'submitted', label: t('invoices.spend.submitted'), color: 'orange.5', type: 'bar' },
                { name: 'cumulative', label: t('invoices.spend.cumulative'), color: 'green.7', type: 'line' },
              ]} />
          </div>
        </figure>
        <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-label={t('invoices.spend.tableCaption', { reference: c.reference })}>
          <Table striped data-testid="spend-table">
            <caption className="visually-hidden-caption">{t('invoices.spend.tableCaption', { reference: c.reference })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('invoices.spend.month')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('invoices.spend.approved')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('invoices.spend.submitted')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('invoices.spend.cumulative')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={500}>{monthName(m.month)}</Table.Th>
                  <Table.Td ta="right">{euros(m.approvedCents)}</Table.Td>
                  <Table.Td ta="right">{m.submittedCents ? euros(m.submittedCents) : '—'}</Table.Td>
                  <Table.Td ta="right">{euros(m.cumulativeApprovedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** /families/spend — SKA: approved spend per provider contract by month and cumulatively, against the contract period. */
export function SpendPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInTallinn().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const query = useQuery({ queryKey: spendKeys.year(year), queryFn: ({ signal }) => fetchSpend(year, signal) });
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  return (
    <>
      <PageHeader title={t('invoices.spend.pageTitle')} description={t('invoices.spend.intro')} />
      <Group mb="sm">
        <Select label={t('invoices.spend.year')} data={years} value={String(year)} allowDeselect={false} w={140}
          onChange={(v) => setParams(v && Number(v) !== thisYear ? { year: v } : {}, { replace: true })} data-testid="spend-year" />
      </Group>
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && query.data.contracts.length === 0 && <Text c="dimmed" data-testid="spend-empty">{t('invoices.spend.empty')}</Text>}
      {query.data && (
        <Stack gap="md">
          {query.data.contracts.map((c) => <ContractCard key={c.contractId} c={c} />)}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="md">{t('invoices.spend.noCeiling')}</Text>
    </>
  );
}
