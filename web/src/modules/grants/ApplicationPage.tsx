import './i18n';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { BackLink } from '../../platform/components/BackLink';
import { DetailList } from '../../platform/components/DetailList';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { Field } from '../../platform/components/Field';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { formatDate, formatDateTime } from '../../platform/format';
import { useApplication, useMeasures } from './api';
import { BudgetSummary, BudgetTable } from './BudgetEditor';
import { DraftForm } from './DraftForm';
import { FilesPanel } from './FilesPanel';
import { euros } from './format';
import { ChecklistPanel, ContractPanel, DecisionPanel } from './ProcessingPanels';
import { DeadlineBadge, StatusBadge } from './ui';
import type { Application, MeasureDef } from './types';

function Facts({ app }: { app: Application }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="facts-title">
      <Title order={2} size="h4" id="facts-title" mb="sm">{t('grants.application.facts')}</Title>
      <DetailList>
        <Field label={t('grants.fields.kov')}>{app.kovName}{app.population ? ` · ${t('grants.population', { count: app.population })}` : ''}</Field>
        {app.category && <Field label={t('grants.fields.category')}>{t(`grants.category.${app.category}`)}</Field>}
        <Field label={t('grants.fields.contact')}>{app.contactName} · {app.contactEmail}</Field>
        {app.activity && <Field label={t('grants.fields.activity')}>{t(`grants.activity.${app.activity}`)}</Field>}
        <Field label={t('grants.fields.plannedStart')}>{formatDate(app.plannedStart)}</Field>
        <Field label={t('grants.fields.submittedAt')}>{app.submittedAt ? formatDateTime(app.submittedAt, true) : '—'}</Field>
        <Field label={t('grants.fields.decisionDue')}>{formatDate(app.decisionDueOn) || '—'}</Field>
        <Field label={t('grants.fields.requested')}>{euros(app.requestedCents)}</Field>
        {app.grantedCents !== null && <Field label={t('grants.fields.granted')}>{euros(app.grantedCents)}</Field>}
        {app.decidedOn && <Field label={t('grants.fields.decidedOn')}>{formatDate(app.decidedOn)}</Field>}
      </DetailList>
      {app.decisionReason && <Text mt="sm" data-testid="decision-reason-text"><strong>{t('grants.fields.decisionReason')}:</strong> {app.decisionReason}</Text>}
      {app.partialFundingNote && <Text mt="xs"><strong>{t('grants.fields.partialFundingNote')}:</strong> {app.partialFundingNote}</Text>}
      <Stack gap="xs" mt="md">
        <Text fw={600}>{t('grants.fields.summary')}</Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{app.summary || '—'}</Text>
        {app.measure === 'signs_of_safety' && (<><Text fw={600}>{t('grants.fields.sustainability')}</Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{app.sustainability || '—'}</Text></>)}
        <Text fw={600}>{t('grants.fields.explanation')}</Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{app.explanation || '—'}</Text>
      </Stack>
    </Paper>
  );
}

function Budget({ app, measure }: { app: Application; measure: MeasureDef }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-view-title">
      <Title order={2} size="h4" id="budget-view-title" mb="sm">{t('grants.budget.title')}</Title>
      <Stack gap="md">
        <BudgetTable lines={app.evaluation.lines} measure={measure} />
        <BudgetSummary evaluation={app.evaluation} measure={measure} />
      </Stack>
    </Paper>
  );
}

function History({ app }: { app: Application }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="sm">{t('grants.application.history')}</Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="grant-history">
        {app.events.map((e) => (
          <Timeline.Item key={e.id} title={t(`grants.event.${e.kind}`, { defaultValue: e.kind })}>
            <Text size="xs" c="dimmed">{formatDateTime(e.at)}{e.actor ? ` · ${e.actor}` : ` · ${t('grants.application.system')}`}</Text>
            {e.note && <Text size="sm">{/^\d{4}-\d{2}-\d{2}$/.test(e.note) ? formatDate(e.note) : e.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

/** /grants/applications/:id — the KOV's draft and submitted application; the ministry's processing, decision and contract. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const query = useApplication(id);
  const measures = useMeasures();
  const app = query.data;
  const measure = measures.data?.find((m) => m.key === app?.measure);
  const officer = user.role === 'ministry_officer';
  const kov = user.role === 'kov_worker';
  return (
    <>
      <BackLink to="/grants/applications" label={t('grants.applications.back')} />
      {(query.isPending || measures.isPending) && <InlineLoader />}
      <ErrorAlert error={query.error ?? measures.error} />
      {app && measure && (
        <>
          <PageHeader title={t('grants.application.title', { reference: app.reference })} description={<>{app.kovName} · <Anchor component={Link} to={`/grants/rounds/${app.roundId}`}>{app.roundReference} {app.roundTitle}</Anchor></>}
            actions={<Group gap="xs"><StatusBadge status={app.status} /><DeadlineBadge app={app} /></Group>} />
          <Stack gap="lg">
            {app.status === 'draft' && kov ? (
              <SimpleGrid cols={{ base: 1, lg: 1 }}>
                <DraftForm app={app} measure={measure} />
                <FilesPanel app={app} editable />
              </SimpleGrid>
            ) : (
              <>
                {['granted', 'contract_sent', 'contract_signed', 'lapsed'].includes(app.status) && <ContractPanel app={app} role={officer ? 'ministry_officer' : 'kov_worker'} />}
                {officer && app.status === 'eligible' && <DecisionPanel app={app} />}
                {app.status !== 'draft' && <ChecklistPanel app={app} editable={officer && (app.status === 'submitted' || app.status === 'in_review')} />}
                <Facts app={app} />
                <Budget app={app} measure={measure} />
                <FilesPanel app={app} editable={false} />
              </>
            )}
            <History app={app} />
          </Stack>
        </>
      )}
    </>
  );
}
