import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import type { RiskAssessment, RiskLevel } from './types';

const LEVEL_VALUE: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };
const VALUE_LEVEL: Record<number, RiskLevel> = { 1: 'low', 2: 'medium', 3: 'high' };

/** PACT risk level over time (low = 1, medium = 2, high = 3); the table below carries the same data. */
export function RiskChart({ items }: { items: RiskAssessment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" data-testid="risk-empty">{t('cases.rv.noAssessments')}</Text>;
  const data = items.map((r) => ({ date: formatDate(r.assessedOn), level: LEVEL_VALUE[r.level] }));
  const levelName = (v: number) => (VALUE_LEVEL[v] ? t(`cases.risk.${VALUE_LEVEL[v]}`) : '');
  return (
    <>
      <figure style={{ margin: 0 }} data-testid="risk-chart">
        <figcaption className="visually-hidden-caption">{t('cases.rv.chartCaption')}</figcaption>
        <div aria-hidden>
          <LineChart h={240} data={data} dataKey="date" series={[{ name: 'level', label: t('cases.rv.level'), color: 'tedi.6' }]}
            curveType="linear" withDots strokeWidth={3} dotProps={{ r: 5 }} yAxisLabel={t('cases.rv.level')} xAxisLabel={t('cases.rv.assessedOn')}
            yAxisProps={{ domain: [0.5, 3.5], ticks: [1, 2, 3], tickFormatter: levelName, width: 90 }}
            valueFormatter={levelName} withTooltip={items.length > 1} accessibilityLayer={false} />
        </div>
      </figure>
      <Table.ScrollContainer minWidth={360} type="native" tabIndex={0} role="region" aria-label={t('cases.rv.tableCaption')}>
        <Table striped data-testid="risk-table">
          <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>{t('cases.rv.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.rv.assessedOn')}</Table.Th>
              <Table.Th scope="col">{t('cases.rv.level')}</Table.Th>
              <Table.Th scope="col">{t('cases.rv.notes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td className="nowrap">{formatDate(r.assessedOn)}</Table.Td>
                <Table.Td>{t(`cases.risk.${r.level}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.notes ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
