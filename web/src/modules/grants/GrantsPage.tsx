import './i18n';
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { formatDate } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { grantKeys, startApplication, useApplications, useRounds } from './api';
import { euros } from './format';
import { RoundForm } from './RoundForm';
import { DeadlineBadge, ProblemsAlert, RoundStateBadge, StatusBadge } from './ui';
import type { ApplicationItem, Round } from './types';

/** The ministry's budget use per round: contracted, granted and awaiting the contract, still free (a chart and the same figures as a table). */
function BudgetUse({ rounds }: { rounds: Round[] }) {
  const { t } = useTranslation();
  const data = rounds.map((r) => ({ round: r.reference, contracted: r.contractedCents / 100, granted: r.grantedCents / 100, remaining: Math.max(0, r.remainingCents) / 100 }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-use-title" data-testid="budget-use">
      <Title order={2} size="h4" id="budget-use-title" mb="sm">{t('grants.rounds.budgetUse')}</Title>
      <figure style={{ margin: 0 }}>
        <figcaption className="visually-hidden-caption">{t('grants.rounds.budgetUseCaption')}</figcaption>
        <div aria-hidden>
          <BarChart h={Math.max(140, 70 * rounds.length)} data={data} dataKey="round" type="stacked" orientation="vertical" withLegend accessibilityLayer={false} yAxisProps={{ width: 110 }}
            valueFormatter={(v) => `${new Intl.NumberFormat('et-EE', { maximumFractionDigits: 0 }).format(v)} €`}
            series={[
              { name: 'contracted', label: t('grants.rounds.contracted'), color: 'green.7' },
              { name: 'granted', label: t('grants.rounds.granted'), color: 'yellow.6' },
              { name: 'remaining', label: t('grants.rounds.remaining'), color: 'gray.4' },
            ]} />
        </div>
      </figure>
      <Table.ScrollContainer minWidth={640} type="native" mt="sm" tabIndex={0} role="region" aria-label={t('grants.rounds.budgetUseCaption')}>
        <Table striped data-testid="budget-use-table">
          <caption className="visually-hidden-caption">{t('grants.rounds.budgetUseCaption')}</caption>
          <Table.Thead><Table.Tr>
            <Table.Th scope="col">{t('grants.rounds.round')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.round.budget')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.rounds.requested')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('grants.rounds.granted')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.rounds.contracted')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.rounds.remaining')}</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {rounds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>{r.reference}</Table.Th><Table.Td ta="right">{euros(r.budgetCents)}</Table.Td><Table.Td ta="right">{euros(r.requestedCents)}</Table.Td>
                <Table.Td ta="right">{euros(r.grantedCents)}</Table.Td><Table.Td ta="right">{euros(r.contractedCents)}</Table.Td><Table.Td ta="right" data-testid="round-remaining">{euros(r.remainingCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function RoundCard({ round, mine }: { round: Round; mine?: ApplicationItem }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const start = useMutation({ mutationFn: () => startApplication(round.id), onSuccess: (app) => { void client.invalidateQueries({ queryKey: grantKeys.all }); navigate(`/grants/applications/${app.id}`); } });
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid="round-card" data-reference={round.reference}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/grants/rounds/${round.id}`} fw={700} data-testid="round-link">{round.title}</Anchor>
          <RoundStateBadge state={round.state} />
        </Group>
        <Text size="sm" c="dimmed">{round.reference} · {t(`grants.measure.${round.measure}`)}</Text>
        <Text size="sm">{t('grants.rounds.window', { opens: formatDate(round.opensOn), closes: round.closesOn ? formatDate(round.closesOn) : t('grants.rounds.untilFundsUsed') })}</Text>
        <Text size="sm">{t('grants.rounds.budgetLine', { budget: euros(round.budgetCents), remaining: euros(round.remainingCents) })}</Text>
        {user.role === 'ministry_officer' && <Badge variant="outline">{t('grants.rounds.submitted', { count: round.submittedCount })}</Badge>}
        {user.role === 'kov_worker' && (mine ? (
          <Group gap="xs"><Anchor component={Link} to={`/grants/applications/${mine.id}`} data-testid="round-my-application">{t('grants.rounds.myApplication', { reference: mine.reference })}</Anchor><StatusBadge status={mine.status} /></Group>
        ) : round.state !== 'closed' && (
          <Group><Button size="sm" onClick={() => start.mutate()} loading={start.isPending} data-testid="round-apply">{t('grants.rounds.apply')}</Button></Group>
        ))}
        <ProblemsAlert error={start.error} />
      </Stack>
    </Card>
  );
}

/** /grants — the ministry: all rounds and the budget use chart, new rounds; a KOV: announced rounds, its applications and their status. */
export function GrantsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const rounds = useRounds();
  const officer = user.role === 'ministry_officer';
  const mine = useApplications({});
  return (
    <>
      <PageHeader title={t('grants.rounds.title')} description={officer ? t('grants.rounds.introMinistry') : t('grants.rounds.introKov')}
        actions={officer && (
          <ActionDialog label={t('grants.rounds.new')} title={t('grants.rounds.new')} icon={<IconPlus size={18} aria-hidden />} testId="round-new" size="xl">
            {(close) => <RoundForm onDone={(r) => { close(t('grants.rounds.created', { reference: r.reference })); navigate(`/grants/rounds/${r.id}`); }} />}
          </ActionDialog>
        )} />
      {rounds.isPending && <InlineLoader />}
      <ErrorAlert error={rounds.error} />
      {rounds.data && (
        <Stack gap="lg">
          {officer && rounds.data.length > 0 && <BudgetUse rounds={rounds.data} />}
          <section aria-labelledby="rounds-list-title">
            <Title order={2} size="h4" id="rounds-list-title" mb="sm">{t('grants.rounds.list')}</Title>
            {rounds.data.length === 0 && <Text c="dimmed">{t('grants.rounds.empty')}</Text>}
            <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {rounds.data.map((r) => <RoundCard key={r.id} round={r} mine={mine.data?.find((a) => a.roundId === r.id)} />)}
            </SimpleGrid>
          </section>
          {!officer && mine.data && mine.data.length > 0 && (
            <section aria-labelledby="my-apps-title">
              <Title order={2} size="h4" id="my-apps-title" mb="sm">{t('grants.applications.mine')}</Title>
              <Stack gap="xs">
                {mine.data.map((a) => (
                  <Group key={a.id} gap="sm" data-testid="my-application">
                    <Anchor component={Link} to={`/grants/applications/${a.id}`}>{a.reference}</Anchor><Text size="sm">{a.roundTitle}</Text><StatusBadge status={a.status} /><DeadlineBadge app={a} />
                  </Group>
                ))}
              </Stack>
            </section>
          )}
        </Stack>
      )}
    </>
  );
}
