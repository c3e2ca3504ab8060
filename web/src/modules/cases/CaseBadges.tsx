import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconClockExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { isFinal } from './workflow';
import type { CaseDeadline } from './types';

const STATUS_COLOR: Record<string, string> = {
  application: 'orange',
  preparatory: 'orange',
};

/** The case's state as text (colour is only a second cue). */
export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = isFinal(status) ? 'green' : (STATUS_COLOR[status] ?? 'tedi');
  return (
    <Badge color={color} variant="light" data-testid="case-status" data-status={status}>
      {t(`cases.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

const SEVERITY = {
  overdue: { color: 'red', Icon: IconClockExclamation },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  info: { color: 'gray', Icon: IconClock },
} as const;

/** "First contact by 24.11.2026", "Overdue: opinion by 12.11.2026". */
export function DeadlineBadge({ deadline }: { deadline: CaseDeadline | null }) {
  const { t } = useTranslation();
  if (!deadline) return null;
  const { color, Icon } = SEVERITY[deadline.severity ?? 'info'];
  const text = t(`cases.deadline.${deadline.kind}`, { date: formatDate(deadline.due) });
  return (
    <Badge color={color} variant={deadline.severity === 'overdue' ? 'filled' : 'light'} leftSection={<Icon size={14} aria-hidden />}
      data-testid="case-deadline" data-severity={deadline.severity ?? 'none'}>
      {deadline.severity === 'overdue' ? `${t('cases.deadline.overdue')}: ${text}` : text}
    </Badge>
  );
}
