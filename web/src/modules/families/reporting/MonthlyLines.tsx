import { Badge, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format';
import { euros, type LineService, type ReportLine } from './MonthlyApi';

const SERVICES: LineService[] = ['family_support', 'mentoring', 'counselling', 'supervision', 'support_group'];

/** The lines grouped by service: billed or excluded with the reason; optional per-line comment inputs for SKA. */
export function MonthlyLines({ lines, comments, onComment }: { lines: ReportLine[]; comments?: Record<string, string>; onComment?: (lineId: string, text: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      {SERVICES.filter((s) => lines.some((l) => l.service === s)).map((service) => (
        <div key={service}>
          <Title order={2} size="h4">{t(`monthlyReports.service.${service}`)}</Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid={`monthly-lines-${service}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('monthlyReports.col.date')}</Table.Th>
                  <Table.Th>{t('monthlyReports.col.family')}</Table.Th>
                  <Table.Th>{t('monthlyReports.col.specialist')}</Table.Th>
                  <Table.Th>{t('monthlyReports.col.description')}</Table.Th>
                  <Table.Th>{t('monthlyReports.col.quantity')}</Table.Th>
                  <Table.Th>{t('monthlyReports.col.amount')}</Table.Th>
                  {(onComment || lines.some((l) => l.skaComment)) && <Table.Th>{t('monthlyReports.col.comment')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.filter((l) => l.service === service).map((l) => (
                  <Table.Tr key={l.id ?? l.position} data-billable={l.billable} data-testid="monthly-line">
                    <Table.Td>{formatDate(l.occurredOn)}</Table.Td>
                    <Table.Td>{l.family ? `${l.family.reference}${l.family.parentNames ? ` · ${l.family.parentNames}` : ''}` : '—'}</Table.Td>
                    <Table.Td>{l.specialist?.name ?? '—'}</Table.Td>
                    <Table.Td>{l.description}</Table.Td>
                    <Table.Td>{l.quantity.toLocaleString(i18n.language)}</Table.Td>
                    <Table.Td>
                      {l.billable ? euros(l.amountCents, i18n.language) : (
                        <Stack gap={2}>
                          <Badge color="red" variant="light">{t('monthlyReports.notBilled')} ({euros(l.valueCents, i18n.language)})</Badge>
                          <Text size="xs">{l.excludedReasonText}</Text>
                        </Stack>
                      )}
                    </Table.Td>
                    {(onComment || lines.some((x) => x.skaComment)) && (
                      <Table.Td>
                        {onComment && l.id ? (
                          <TextInput size="xs" aria-label={t('monthlyReports.col.comment')} value={comments?.[l.id] ?? ''} onChange={(e) => onComment(l.id!, e.currentTarget.value)} />
                        ) : (
                          <Text size="sm">{l.skaComment}</Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ))}
    </Stack>
  );
}
