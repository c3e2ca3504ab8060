import './i18n';
import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { BackLink } from '../../platform/components/BackLink';
import { DetailList } from '../../platform/components/DetailList';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { Field } from '../../platform/components/Field';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { formatDate, formatDateTime } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { useApplications, useMeasures, useRanking, useRound } from './api';
import { ApplicationsTable } from './ApplicationsTable';
import { euros } from './format';
import { RoundForm } from './RoundForm';
import { RoundStateBadge, StatusBadge } from './ui';
import type { Ranking, Round } from './types';

/** D-SOS-ORDER: the funding ranking with each place explained, the categories' places and the budget left. */
function RankingView({ ranking }: { ranking: Ranking }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="ranking">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {ranking.categories.map((c) => (
          <Paper key={c.category} withBorder p="sm" radius="md" data-testid="ranking-category" data-category={c.category}>
            <Text fw={600}>{t(`grants.category.${c.category}`)}</Text>
            <Text size="sm">{t('grants.ranking.places', { taken: c.taken, places: c.places })}{c.unused ? ` · ${t('grants.ranking.unused', { count: c.unused })}` : ''}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" data-testid="ranking-budget">
        {t('grants.ranking.budget', { budget: euros(ranking.budgetCents), reserved: euros(ranking.reservedCents), remaining: euros(ranking.remainingCents) })}
        {ranking.spilloverPlaces ? ` · ${t('grants.ranking.spillover', { count: ranking.spilloverPlaces })}` : ''}
      </Text>
      {ranking.rows.length === 0 && <Text c="dimmed">{t('grants.ranking.empty')}</Text>}
      {ranking.rows.length > 0 && (
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={t('grants.ranking.caption')}>
          <Table data-testid="ranking-table" verticalSpacing="sm">
            <caption className="visually-hidden-caption">{t('grants.ranking.caption')}</caption>
            <Table.Thead><Table.Tr>
              <Table.Th scope="col">{t('grants.ranking.order')}</Table.Th><Table.Th scope="col">{t('grants.fields.kov')}</Table.Th><Table.Th scope="col">{t('grants.ranking.place')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('grants.ranking.amount')}</Table.Th><Table.Th scope="col">{t('grants.ranking.why')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {ranking.rows.map((r) => (
                <Table.Tr key={r.application.id} data-testid="ranking-row" data-reference={r.application.reference} data-fundable={r.fundable} data-place={r.place ?? 'none'} style={{ verticalAlign: 'top' }}>
                  <Table.Td>{r.order}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/grants/applications/${r.application.id}`}>{r.application.kovName}</Anchor>
                    <Text size="xs" c="dimmed">{r.application.reference} · {r.application.submittedAt ? formatDateTime(r.application.submittedAt, true) : ''}</Text>
                    <Group gap={4} mt={4}><StatusBadge status={r.application.status} /></Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={r.place ? (r.fundable ? 'green' : 'orange') : 'gray'} variant="light">{r.place ? t(`grants.ranking.placeKind.${r.place}`) : t('grants.ranking.noPlace')}</Badge>
                    <Text size="xs" mt={4}>{r.fundable ? t('grants.ranking.fundable') : t('grants.ranking.notFundable')}</Text>
                  </Table.Td>
                  <Table.Td ta="right" className="nowrap">{euros(r.amountCents)}{r.budgetAfterCents !== null && <Text size="xs" c="dimmed">{t('grants.ranking.after', { amount: euros(r.budgetAfterCents) })}</Text>}</Table.Td>
                  <Table.Td><List size="sm" spacing={2}>{r.explanation.map((e, i) => <List.Item key={i} data-code={e.code}>{e.message}</List.Item>)}</List></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {ranking.others.length > 0 && (
        <div>
          <Title order={3} size="h5" mb="xs">{t('grants.ranking.others')}</Title>
          <Stack gap={4}>{ranking.others.map((a) => <Group key={a.id} gap="xs"><Anchor component={Link} to={`/grants/applications/${a.id}`}>{a.kovName}</Anchor><StatusBadge status={a.status} /></Group>)}</Stack>
        </div>
      )}
    </Stack>
  );
}

function RoundFacts({ round }: { round: Round }) {
  const { t } = useTranslation();
  const measures = useMeasures();
  const measure = measures.data?.find((m) => m.key === round.measure);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="round-facts-title">
      <Title order={2} size="h4" id="round-facts-title" mb="sm">{t('grants.round.facts')}</Title>
      <DetailList>
        <Field label={t('grants.round.measure')}>{t(`grants.measure.${round.measure}`)}</Field>
        <Field label={t('grants.round.budget')}>{euros(round.budgetCents)}</Field>
        <Field label={t('grants.rounds.remaining')}>{euros(round.remainingCents)}</Field>
        <Field label={t('grants.round.announcedOn')}>{formatDate(round.announcedOn)}</Field>
        <Field label={t('grants.round.opensOn')}>{formatDate(round.opensOn)}</Field>
        <Field label={t('grants.round.closesOn')}>{round.closesOn ? formatDate(round.closesOn) : t('grants.rounds.untilFundsUsed')}</Field>
        {round.maxPerApplicationCents !== null && <Field label={t('grants.round.max')}>{euros(round.maxPerApplicationCents)}</Field>}
        {round.measure === 'signs_of_safety' && <Field label={t('grants.round.places')}>{round.placesPerCategory}</Field>}
      </DetailList>
      {round.notes && <Text size="sm" mt="sm">{round.notes}</Text>}
      {measure && (
        <Stack gap={4} mt="md">
          <Text fw={600}>{t('grants.round.conditions')}</Text>
          <List size="sm">{measure.conditions.map((c) => <List.Item key={c.key}>{t(`grants.condition.${c.key}`)}{c.activity ? ` (${t(`grants.activity.${c.activity}`)})` : ''}</List.Item>)}</List>
          <Text size="sm" c="dimmed">{t(`grants.round.periodRule.${round.measure}`)}</Text>
        </Stack>
      )}
    </Paper>
  );
}

/** /grants/rounds/:id — a round: its facts and conditions; for the ministry its applications in submission order and the funding ranking. */
export function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const officer = user.role === 'ministry_officer';
  const round = useRound(id);
  const apps = useApplications({ roundId: id });
  const ranking = useRanking(id, officer);
  const view = params.get('view') === 'ranking' ? 'ranking' : 'applications';
  return (
    <>
      <BackLink to="/grants" label={t('grants.rounds.back')} />
      {round.isPending && <InlineLoader />}
      <ErrorAlert error={round.error} />
      {round.data && (
        <>
          <PageHeader title={round.data.title} description={round.data.reference} actions={
            <Group gap="sm">
              <RoundStateBadge state={round.data.state} />
              {officer && (
                <ActionDialog label={t('grants.round.edit')} title={t('grants.round.edit')} variant="default" testId="round-edit" size="xl">
                  {(close) => <RoundForm round={round.data} onDone={() => close(t('grants.round.saved'))} />}
                </ActionDialog>
              )}
            </Group>
          } />
          <Stack gap="lg">
            <RoundFacts round={round.data} />
            {officer ? (
              <Tabs value={view} onChange={(v) => setParams(v === 'ranking' ? { view: 'ranking' } : {}, { replace: true })} keepMounted={false}>
                <Tabs.List mb="md">
                  <Tabs.Tab value="applications" data-testid="round-tab-applications">{t('grants.round.applications')}</Tabs.Tab>
                  <Tabs.Tab value="ranking" data-testid="round-tab-ranking">{t('grants.ranking.title')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="applications">{apps.data && <ApplicationsTable items={apps.data} caption={t('grants.round.applications')} />}</Tabs.Panel>
                <Tabs.Panel value="ranking">
                  {ranking.isPending && <InlineLoader />}
                  <ErrorAlert error={ranking.error} />
                  {ranking.data && <RankingView ranking={ranking.data} />}
                </Tabs.Panel>
              </Tabs>
            ) : (
              apps.data && apps.data.length > 0 && <Alert color="tedi">{t('grants.round.yourApplication')} <Anchor component={Link} to={`/grants/applications/${apps.data[0]!.id}`}>{apps.data[0]!.reference}</Anchor></Alert>
            )}
          </Stack>
        </>
      )}
    </>
  );
}
