import { Anchor, Button, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../../platform/api/client';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { useComplianceOverview } from '../queries';
import type { ComplianceRow } from '../types';

function Count({ value, to, color, testId }: { value: number; to: string; color?: string; testId: string }) {
  if (!value) return <Text span c="dimmed">0</Text>;
  return <Anchor component={Link} to={to} fw={700} c={color} data-testid={testId}>{value}</Anchor>;
}

function Totals({ rows, toCheck }: { rows: ComplianceRow[]; toCheck: number }) {
  const { t } = useTranslation();
  const sum = (k: keyof ComplianceRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const cards = [
    { key: 'toCheck', value: toCheck, to: '/families/referrals?view=queue' },
    { key: 'overdueFirstContacts', value: sum('overdueFirstContacts'), to: '/families/referrals?overdueFirstContact=true' },
    { key: 'red', value: sum('red'), to: '/families/episodes?compliance=red' },
    { key: 'running', value: sum('running'), to: '/families/episodes?status=running' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} mb="lg">
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="md" radius="md" data-testid={`compliance-card-${c.key}`}>
          <Text size="sm" c="dimmed">{t(`families.complianceOverview.${c.key}`)}</Text>
          <Group justify="space-between" align="flex-end">
            <Text fz={28} fw={700} c={(c.key === 'red' || c.key === 'overdueFirstContacts') && c.value ? 'red.8' : undefined}>{c.value}</Text>
            <Button component={Link} to={c.to} variant="subtle" px="xs" aria-label={`${t('home.open')}: ${t(`families.complianceOverview.${c.key}`)}`}>
              <IconArrowRight size={18} aria-hidden />
            </Button>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** /families/compliance — SKA contact: referrals waiting, late first contacts and the B-FREQ lights across providers. */
export function CompliancePage() {
  const { t } = useTranslation();
  const query = useComplianceOverview();
  const episodes = (providerId: string, extra: Record<string, string>) => withQuery('/families/episodes', { providerId, ...extra });
  return (
    <>
      <PageHeader title={t('families.complianceOverview.title')} description={t('families.complianceOverview.intro')} />
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && (
        <>
          <Totals rows={query.data.items} toCheck={query.data.toCheck} />
          <Table.ScrollContainer minWidth={820}>
            <Table striped data-testid="compliance-table">
              <caption className="visually-hidden-caption">{t('families.complianceOverview.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('families.fields.provider')}</Table.Th>
                  <Table.Th scope="col">{t('families.complianceOverview.waiting')}</Table.Th>
                  <Table.Th scope="col">{t('families.complianceOverview.overdueFirstContacts')}</Table.Th>
                  <Table.Th scope="col">{t('families.complianceOverview.running')}</Table.Th>
                  <Table.Th scope="col">{t('families.compliance.status.green')}</Table.Th>
                  <Table.Th scope="col">{t('families.compliance.status.amber')}</Table.Th>
                  <Table.Th scope="col">{t('families.compliance.status.red')}</Table.Th>
                  <Table.Th scope="col">{t('families.compliance.status.not_started')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((r) => (
                  <Table.Tr key={r.providerId} data-testid="compliance-row" data-provider={r.providerName}>
                    <Table.Th scope="row">{r.providerName}</Table.Th>
                    <Table.Td><Count value={r.waitingReferrals} to={withQuery('/families/referrals', { providerId: r.providerId, status: 'forwarded' })} testId="compliance-waiting" /></Table.Td>
                    <Table.Td><Count value={r.overdueFirstContacts} color="red.8" to={withQuery('/families/referrals', { providerId: r.providerId, overdueFirstContact: 'true' })} testId="compliance-overdue" /></Table.Td>
                    <Table.Td><Count value={r.running} to={episodes(r.providerId, { status: 'running' })} testId="compliance-running" /></Table.Td>
                    <Table.Td><Count value={r.green} to={episodes(r.providerId, { compliance: 'green' })} testId="compliance-green" /></Table.Td>
                    <Table.Td><Count value={r.amber} to={episodes(r.providerId, { compliance: 'amber' })} testId="compliance-amber" /></Table.Td>
                    <Table.Td><Count value={r.red} color="red.8" to={episodes(r.providerId, { compliance: 'red' })} testId="compliance-red" /></Table.Td>
                    <Table.Td><Count value={r.notStarted} to={episodes(r.providerId, { status: 'pending' })} testId="compliance-not-started" /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </>
  );
}
