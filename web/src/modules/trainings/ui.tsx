import { Alert, Badge, Button, Group as Row, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api/errors';
import { todayInTallinn } from '../../platform/format';
import type { Group, RegistrationStatus } from './types';

const STATE_COLOR = { open: 'green', closed: 'gray', started: 'blue', held: 'gray', cancelled: 'red', merged: 'gray' } as const;
const STATUS_COLOR: Record<RegistrationStatus, string> = { confirmed: 'green', waitlisted: 'orange', cancelled: 'gray', released: 'red' };

/** Whether the group takes registrations (C-3), as text, not colour alone. */
export function StateBadge({ g }: { g: Pick<Group, 'registrationState' | 'endsOn'> }) {
  const { t } = useTranslation();
  // A group that has started is "held" once its last day has passed.
  const state = g.registrationState === 'started' && g.endsOn < todayInTallinn() ? 'held' : g.registrationState;
  return <Badge color={STATE_COLOR[state]} variant="light" data-testid="group-state" data-state={state}>{t(`trainings.group.state.${state}`)}</Badge>;
}

/** C-4: below the minimum after the cut-off. */
export function UnderfilledBadge({ g }: { g: Pick<Group, 'underfilled' | 'confirmed' | 'capacityMin'> }) {
  const { t } = useTranslation();
  if (!g.underfilled) return null;
  return <Badge color="red" variant="light" data-testid="group-underfilled">{t('trainings.group.underfilled', { confirmed: g.confirmed, min: g.capacityMin })}</Badge>;
}

export function StatusBadge({ status, position }: { status: RegistrationStatus; position?: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="registration-status" data-status={status}>
      {status === 'waitlisted' && position ? t('trainings.registration.position', { position }) : t(`trainings.registration.status.${status}`)}
    </Badge>
  );
}

/** "12 / 25, 13 free" or "full, 3 waiting" (C-3). */
export function PlacesText({ g }: { g: Pick<Group, 'confirmed' | 'capacityMin' | 'capacityMax' | 'freePlaces' | 'waitlisted' | 'status' | 'registrationState'> }) {
  const { t } = useTranslation();
  return (
    <Row gap={6} wrap="wrap">
      <Text size="sm" fw={500}>{t('trainings.group.placesText', { confirmed: g.confirmed, max: g.capacityMax })}</Text>
      {(g.registrationState === 'open' || g.registrationState === 'closed') && (
        <Text size="sm" c={g.freePlaces ? 'dimmed' : 'orange.9'}>{g.freePlaces ? t('trainings.group.free', { count: g.freePlaces }) : t('trainings.group.full')}</Text>
      )}
      {g.waitlisted > 0 && <Text size="sm" c="orange.9">{t('trainings.group.waiting', { count: g.waitlisted })}</Text>}
    </Row>
  );
}

/** The server's message in the user's language, with the rule it names (C-1…C-5). */
export function ProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const rule = isApiError(error) && typeof error.details === 'object' && error.details !== null ? (error.details as { rule?: string }).rule : undefined;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={rule ? t('trainings.rule', { rule }) : t('errors.title')} role="alert" data-testid={testId} data-code={isApiError(error) ? error.code : undefined}>
      {isApiError(error) ? error.message : t('errors.generic')}
    </Alert>
  );
}

/** A form's answer from the server next to its cancel and submit buttons. */
export function FormButtons({ error, pending, submitLabel, testId, onCancel, color }: { error: unknown; pending: boolean; submitLabel: string; testId: string; onCancel?: () => void; color?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemAlert error={error} testId={`${testId}-error`} />
      <Row justify="flex-end">
        {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="submit" loading={pending} color={color} data-testid={testId}>{submitLabel}</Button>
      </Row>
    </>
  );
}
