import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockExclamation, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import type { ComplianceStatus, EpisodeStatus, FirstContactState, ReferralStatus, SupportKind } from './types';

/** Longer badge texts wrap instead of being cut off with an ellipsis. */
const WRAP = { label: { whiteSpace: 'normal', overflow: 'visible' } } as const;

const COMPLIANCE = {
  green: { color: 'green', Icon: IconCircleCheck },
  amber: { color: 'orange', Icon: IconAlertTriangle },
  red: { color: 'red', Icon: IconClockExclamation },
  not_started: { color: 'gray', Icon: IconMinus },
  ended: { color: 'gray', Icon: IconMinus },
  not_applicable: { color: 'gray', Icon: IconMinus },
} as const;

/** B-FREQ traffic light: the colour is a second cue, the text says it. */
export function ComplianceBadge({ status, testId = 'compliance-badge', size = 'md' }: { status: ComplianceStatus; testId?: string; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const { color, Icon } = COMPLIANCE[status];
  return (
    <Badge color={color} variant={status === 'red' ? 'filled' : 'light'} size={size} h="auto" py={2} styles={WRAP} leftSection={<Icon size={14} aria-hidden />}
      data-testid={testId} data-status={status}>
      {t(`families.compliance.status.${status}`)}
    </Badge>
  );
}

const REFERRAL_COLOR: Record<ReferralStatus, string> = { submitted: 'orange', forwarded: 'tedi', started: 'green', rejected: 'red', withdrawn: 'gray' };

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={REFERRAL_COLOR[status]} variant="light" h="auto" py={2} styles={WRAP} data-testid="referral-status" data-status={status}>
      {t(`families.referralStatus.${status}`)}
    </Badge>
  );
}

const EPISODE_COLOR: Record<EpisodeStatus, string> = { pending: 'orange', active: 'tedi', ended: 'gray' };

export function EpisodeStatusBadge({ status }: { status: EpisodeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={EPISODE_COLOR[status]} variant="light" h="auto" py={2} styles={WRAP} data-testid="episode-status" data-status={status}>
      {t(`families.episodeStatus.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: SupportKind }) {
  const { t } = useTranslation();
  return (
    <Badge color="tedi" variant="outline" h="auto" py={2} styles={WRAP} data-kind={kind}>
      {t(`families.kind.${kind}`)}
    </Badge>
  );
}

/** B-START: "First contact by 28.11.2026", overdue in red, done in green. */
export function FirstContactBadge({ state, due, on }: { state: FirstContactState; due: string | null; on: string | null }) {
  const { t } = useTranslation();
  if (state === 'not_received') return null;
  const color = state === 'overdue' || state === 'late' ? 'red' : state === 'in_time' ? 'green' : 'orange';
  return (
    <Badge color={color} variant={state === 'overdue' ? 'filled' : 'light'} h="auto" py={2} styles={WRAP} data-testid="first-contact-state" data-state={state}>
      {t(`families.firstContact.state.${state}`, { due: formatDate(due), on: formatDate(on) })}
    </Badge>
  );
}
