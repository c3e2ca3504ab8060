import { Alert, Badge, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api/errors';
import { formatDate } from '../../platform/format';
import { STATUS_COLOR } from './format';
import type { ApplicationItem, ApplicationStatus, RoundState } from './types';

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]} variant="light" data-testid="grant-status" data-status={status}>{t(`grants.status.${status}`)}</Badge>;
}

export function RoundStateBadge({ state }: { state: RoundState }) {
  const { t } = useTranslation();
  const color = { planned: 'gray', announced: 'blue', open: 'green', closed: 'gray' }[state];
  return <Badge color={color} variant="light" data-testid="round-state">{t(`grants.roundState.${state}`)}</Badge>;
}

/** D-GRANT-3: working days left to the decision, or overdue; D-CONTRACT: the last day to sign. */
export function DeadlineBadge({ app }: { app: Pick<ApplicationItem, 'decisionDaysLeft' | 'decisionDueOn' | 'status' | 'contractSignDueOn'> }) {
  const { t } = useTranslation();
  if (app.status === 'contract_sent' && app.contractSignDueOn) return <Badge color="orange" variant="light" data-testid="sign-due">{t('grants.deadline.sign', { date: formatDate(app.contractSignDueOn) })}</Badge>;
  if (app.decisionDaysLeft === null || !app.decisionDueOn) return null;
  const overdue = app.decisionDaysLeft < 0;
  return (
    <Badge color={overdue ? 'red' : app.decisionDaysLeft <= 5 ? 'orange' : 'gray'} variant={overdue ? 'filled' : 'light'} data-testid="decision-due">
      {overdue ? t('grants.deadline.overdue', { date: formatDate(app.decisionDueOn) }) : t('grants.deadline.left', { count: app.decisionDaysLeft, date: formatDate(app.decisionDueOn) })}
    </Badge>
  );
}

/** An API error with every rule problem the server listed (details.problems), in the UI language. */
export function ProblemsAlert({ error, testId = 'grant-error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = isApiError(error) && typeof error.details === 'object' && error.details && Array.isArray((error.details as { problems?: unknown }).problems)
    ? ((error.details as { problems: { code: string; message: string }[] }).problems)
    : [];
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t('errors.title')} role="alert" data-testid={testId} data-code={isApiError(error) ? error.code : undefined}>
      {problems.length > 1 ? (
        <List size="sm">{problems.map((p, i) => <List.Item key={`${p.code}-${i}`} data-code={p.code}>{p.message}</List.Item>)}</List>
      ) : (
        <Text size="sm">{isApiError(error) ? error.message : t('errors.generic')}</Text>
      )}
    </Alert>
  );
}
