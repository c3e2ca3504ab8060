import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate } from '../../../platform/format';
import { euros, useCurrentMonth } from './MonthlyApi';
import { MonthlyLines } from './MonthlyLines';

/** /families/this-month — the provider's work of this month so far, as it would be reported, and what would not be billed. */
export function MonthlyThisMonthPage() {
  const { t, i18n } = useTranslation();
  const query = useCurrentMonth();
  return (
    <>
      <PageHeader title={t('monthlyReports.thisMonth.title')} description={t('monthlyReports.thisMonth.intro')} />
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && (
        <>
          <Group gap="xl" mb="md">
            <Text>{query.data.month} · {t('monthlyReports.thisMonth.asOf', { date: formatDate(query.data.asOf) })}</Text>
            <Text fw={700}>{t('monthlyReports.total')}: {euros(query.data.totalCents, i18n.language)}</Text>
            <Text c="dimmed">{t('monthlyReports.excluded')}: {euros(query.data.excludedCents, i18n.language)}</Text>
          </Group>
          {query.data.lines.length === 0 ? <Text c="dimmed">{t('monthlyReports.thisMonth.empty')}</Text> : <MonthlyLines lines={query.data.lines} />}
        </>
      )}
    </>
  );
}
