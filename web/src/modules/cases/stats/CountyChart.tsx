import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../types';

/** Applications and cases handled per county (the table next to it carries the same numbers). */
export function CountyChart({ rows }: { rows: StatsRow[] }) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({
    county: r.label ? t(`counties.${r.label}`, { defaultValue: r.label }).replace(/ maakond$| County$/, '') : t('cases.stats.noCounty'),
    applications: r.applications,
    handled: r.handled,
  }));
  return (
    <div aria-hidden data-testid="stats-county-chart">
      <BarChart h={340} data={data} dataKey="county" withLegend legendProps={{ verticalAlign: 'top', height: 40 }}
        series={[
          { name: 'applications', label: t('cases.stats.measures.applications'), color: 'tedi.6' },
          { name: 'handled', label: t('cases.stats.measures.handled'), color: 'orange.6' },
        ]}
        xAxisProps={{ angle: -40, textAnchor: 'end', height: 80, interval: 0 }} yAxisLabel={t('cases.stats.count')} tickLine="y" accessibilityLayer={false} />
    </div>
  );
}
