import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../types';
import { MEASURES } from './StatsCards';

interface Props {
  rows: StatsRow[];
  /** Header of the first column (county, municipality, specialist). */
  groupLabel: string;
  caption: string;
  label: (row: StatsRow) => string;
  testId: string;
}

/** One grouping of the yearly numbers, with a total row. */
export function StatsTable({ rows, groupLabel, caption, label, testId }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  if (rows.length === 0) return <Text c="dimmed">{t('cases.stats.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640} type="native" tabIndex={0} role="region" aria-label={caption}>
      <Table striped highlightOnHover data-testid={testId}>
        <caption className="visually-hidden-caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{groupLabel}</Table.Th>
            {MEASURES.map((m) => <Table.Th key={m} scope="col" ta="right">{t(`cases.stats.measures.${m}`)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>{label(r)}</Table.Th>
              {MEASURES.map((m) => <Table.Td key={m} ta="right">{number.format(r[m])}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
