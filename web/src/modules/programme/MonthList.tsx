import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { formatDate } from '../../platform/format';
import { useMonth } from './api';
import { SubactivityBadges } from './StatusBadge';
import type { PlanFilters } from './types';

export function monthName(month: string, language: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'et' ? 'et-EE' : language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** D-PLAN "what runs this month": every sub-activity whose dates touch the month. */
export function MonthList({ year, month, onMonth, filters, onOpen }: { year: number; month: string; onMonth: (m: string) => void; filters: PlanFilters; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const query = useMonth(year, month, filters);
  const data = query.data;
  return (
    <>
      {data && (
        <Select label={t('programme.month.pick')} data={data.months.map((m) => ({ value: m, label: monthName(m, i18n.language) }))} value={data.month}
          onChange={(v) => v && onMonth(v)} allowDeselect={false} w={240} mb="sm" data-testid="programme-month" />
      )}
      {query.isPending && <InlineLoader />}
      <ErrorAlert error={query.error} />
      {data && data.items.length === 0 && <Text c="dimmed">{t('programme.month.empty')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760} type="native" tabIndex={0} role="region" aria-label={t('programme.month.caption', { month: monthName(data.month, i18n.language) })}>
          <Table striped data-testid="programme-month-table">
            <caption className="visually-hidden-caption">{t('programme.month.caption', { month: monthName(data.month, i18n.language) })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('programme.fields.activity')}</Table.Th>
                <Table.Th scope="col">{t('programme.fields.subactivity')}</Table.Th>
                <Table.Th scope="col">{t('programme.fields.implementers')}</Table.Th>
                <Table.Th scope="col">{t('programme.fields.dates')}</Table.Th>
                <Table.Th scope="col">{t('programme.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((s) => (
                <Table.Tr key={s.id} data-testid="month-row">
                  <Table.Td>{s.activityCode}</Table.Td>
                  <Table.Td>
                    <button type="button" className="gantt-row-button" style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }} onClick={() => onOpen(s.id)}>{s.title}</button>
                    <Text size="xs" c="dimmed">{s.measureTitle}</Text>
                  </Table.Td>
                  <Table.Td>{s.implementers.join(', ')}</Table.Td>
                  <Table.Td className="nowrap">{formatDate(s.startsOn)}–{formatDate(s.endsOn)}</Table.Td>
                  <Table.Td><SubactivityBadges s={s} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
