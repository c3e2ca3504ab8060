import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineState, GroupStatus } from './types';

// Held is filled green: Mantine's teal (not a TEDI colour) has too little contrast as a light badge (WCAG 1.4.3).
const COLOURS: Record<GroupStatus, string> = { planned: 'blue', approved: 'green', rejected: 'red', held: 'green', cancelled: 'gray' };

/** A group's state as text, not colour alone. */
export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLOURS[status]} variant={status === 'held' ? 'filled' : 'light'} data-testid="group-status" data-status={status}>{t(`groups.status.${status}`)}</Badge>;
}

/** B-GRP-1: the plan's deadline with the days left, or that it has passed. */
export function DeadlineBadge({ state, daysLeft, deadline, submitted }: { state: DeadlineState; daysLeft: number; deadline: string; submitted: boolean }) {
  const { t } = useTranslation();
  if (submitted) return <Badge color="green" variant="light" data-testid="plan-deadline">{t('groups.plan.submittedBadge')}</Badge>;
  const colour = state === 'late' ? 'red' : state === 'due_soon' ? 'orange' : 'blue';
  const text = state === 'late' ? t('groups.plan.late', { deadline }) : t('groups.plan.daysLeft', { count: daysLeft, deadline });
  return <Badge color={colour} variant="light" data-testid="plan-deadline">{text}</Badge>;
}
