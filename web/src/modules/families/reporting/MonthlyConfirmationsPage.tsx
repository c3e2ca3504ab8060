import { Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate } from '../../../platform/format';
import { reportActions, useConfirmations, useReportAction, type Confirmation } from './MonthlyApi';

/** /me/service-confirmations — a parent confirms the services their family received (B-REP-1 recipient signature). */
export function MonthlyConfirmationsPage() {
  const { t } = useTranslation();
  const query = useConfirmations();
  const confirm = useReportAction((c: Confirmation) => reportActions.clientConfirm(c));
  return (
    <>
      <PageHeader title={t('monthlyReports.client.title')} description={t('monthlyReports.client.intro')} />
      {query.isPending && <InlineLoader />}
      {(query.error ?? confirm.error) && <ErrorAlert error={(query.error ?? confirm.error)!} />}
      {query.data && query.data.items.length === 0 && <Text c="dimmed">{t('monthlyReports.client.empty')}</Text>}
      <Stack gap="sm">
        {query.data?.items.map((c) => (
          <Paper key={`${c.reportId}-${c.specialistId}-${c.family.id}`} withBorder p="sm" data-testid="confirmation" data-month={c.month} data-confirmed={c.confirmed}>
            <Group justify="space-between">
              <Text fw={700}>{c.month} · {c.provider} · {c.specialistName}</Text>
              {c.confirmed ? <Badge color="green">{t('monthlyReports.client.confirmed')}</Badge> : (
                <Button onClick={() => confirm.mutate(c)} loading={confirm.isPending} data-testid="confirmation-confirm">{t('monthlyReports.client.confirm')}</Button>
              )}
            </Group>
            <List size="sm" mt="xs">
              {c.lines.map((l, i) => (
                <List.Item key={i}>{formatDate(l.occurredOn)} · {t(`monthlyReports.service.${l.service}`)} · {l.description}</List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
