import { Group, Select, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { todayInTallinn } from '../../../platform/format';
import { STATS_PATH, useCaseStats } from '../api';
import { CountyChart } from './CountyChart';
import { StatsCards } from './StatsCards';
import { StatsSection } from './StatsSection';
import { StatsTable } from './StatsTable';

function useYear(): [number, (year: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const current = Number(todayInTallinn().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : current;
  return [year, (y) => setParams(y ? { year: y } : {}, { replace: true })];
}

/** A-STAT: the yearly numbers of the consultation service ("2024 in numbers"). */
export function StatsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const total = useCaseStats(year, 'total');
  const years = [...new Set([year, ...(total.data?.years ?? [])])].sort((a, b) => b - a);
  return (
    <>
      <PageHeader title={t('cases.stats.title')} description={t('cases.stats.intro')} />
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Select label={t('cases.stats.year')} data={years.map(String)} value={String(year)} onChange={setYear} allowDeselect={false}
            w={160} data-testid="stats-year" />
          <ExportButtons listPath={STATS_PATH} filters={{ year, groupBy: 'total' }} testIdPrefix="stats-total" />
        </Group>
        {total.isPending && <InlineLoader />}
        {total.error && <ErrorAlert error={total.error} />}
        {total.data && <StatsCards total={total.data.rows[0]} year={year} />}
        <StatsSection year={year} groupBy="county">
          {(rows) => (
            <>
              <CountyChart rows={rows} />
              <StatsTable rows={rows} groupLabel={t('cases.fields.county')} caption={t('cases.stats.by.county')} testId="stats-county-table"
                label={(r) => (r.label ? t(`counties.${r.label}`, { defaultValue: r.label }) : t('cases.stats.noCounty'))} />
            </>
          )}
        </StatsSection>
        <StatsSection year={year} groupBy="kov">
          {(rows) => <StatsTable rows={rows} groupLabel={t('cases.fields.kov')} caption={t('cases.stats.by.kov')} testId="stats-kov-table"
            label={(r) => r.label} />}
        </StatsSection>
        <StatsSection year={year} groupBy="specialist">
          {(rows) => <StatsTable rows={rows} groupLabel={t('cases.fields.specialist')} caption={t('cases.stats.by.specialist')}
            testId="stats-specialist-table" label={(r) => r.label || t('cases.unassigned')} />}
        </StatsSection>
      </Stack>
    </>
  );
}
