import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight, IconClock, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { formatDate, formatDateTime, todayInTallinn } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { FormActions } from '../families/ui/FormActions';
import { Section } from '../families/ui/Section';
import { actions, useMediationWrite, useSlots } from './api';
import { addDays, byDay, formatTime, weekdayName } from './format';
import type { Booking, Proceeding, Slot } from './types';
import { BookingBadge } from './ui';

const WEEKS_SHOWN = 2;

/**
 * E-BOOK: the assigned mediator's free slots, two weeks at a time, grouped by
 * day (Tallinn time); choosing one asks to confirm, then books (or moves the
 * session being rescheduled). A slot someone else took meanwhile is refused by
 * the server with its message.
 */
function SlotPicker({ p, onPick, pending, error }: { p: Proceeding; onPick: (slot: Slot) => void; pending: boolean; error: unknown }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(todayInTallinn());
  const to = addDays(from, WEEKS_SHOWN * 7 - 1);
  const slots = useSlots(p.id, from, to, true);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const days = byDay(slots.data?.items ?? [], (s) => s.startsAt);
  if (chosen) {
    return (
      <Stack gap="md" data-testid="slot-confirm-panel">
        <Text>{t('mediation.booking.confirmText', { when: formatDateTime(chosen.startsAt), end: formatTime(chosen.endsAt) })}</Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setChosen(null)}>{t('mediation.booking.otherTime')}</Button>
          <Button loading={pending} onClick={() => onPick(chosen)} data-testid="slot-confirm">{t('mediation.booking.confirm')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="slot-picker">
      <Group justify="space-between" wrap="wrap">
        <Text fw={700}>{t('mediation.booking.range', { from: formatDate(from), to: formatDate(to) })}</Text>
        <Group gap="xs">
          <Button variant="default" size="sm" leftSection={<IconChevronLeft size={16} aria-hidden />} disabled={from <= todayInTallinn()} onClick={() => setFrom(addDays(from, -WEEKS_SHOWN * 7))}>{t('mediation.booking.earlier')}</Button>
          <Button variant="default" size="sm" rightSection={<IconChevronRight size={16} aria-hidden />} onClick={() => setFrom(addDays(from, WEEKS_SHOWN * 7))} data-testid="slots-later">{t('mediation.booking.later')}</Button>
        </Group>
      </Group>
      {slots.data?.mediator && <Text size="sm" c="dimmed">{t('mediation.booking.with', { mediator: slots.data.mediator.name, minutes: slots.data.mediator.sessionMinutes })}</Text>}
      {slots.isPending ? <InlineLoader /> : slots.error ? <ErrorAlert error={slots.error} /> : days.length === 0 ? (
        <Text c="dimmed" data-testid="slots-empty">{t('mediation.booking.noSlots')}</Text>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {days.map(([day, items]) => (
            <li key={day} data-testid="slot-day" data-day={day}>
              <Title order={3} size="h6" tt="capitalize">{weekdayName(day, i18n.language)} {formatDate(day)}</Title>
              <Group gap="xs" mt={4}>
                {items.map((s) => (
                  <Button key={s.startsAt} variant="light" size="sm" miw={88} onClick={() => setChosen(s)} data-testid="slot" data-starts-at={s.startsAt}
                    aria-label={t('mediation.booking.slotLabel', { date: formatDate(day), time: formatTime(s.startsAt) })}>
                    {formatTime(s.startsAt)}
                  </Button>
                ))}
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function BookForm({ p, close }: { p: Proceeding; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const book = useMediationWrite((slot: Slot) => actions.book(p.id, slot.startsAt), () => close(t('mediation.booking.booked')));
  return <SlotPicker p={p} onPick={(s) => book.mutate(s)} pending={book.isPending} error={book.error} />;
}

function RescheduleForm({ p, booking, close }: { p: Proceeding; booking: Booking; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const move = useMediationWrite((slot: Slot) => actions.reschedule(booking.id, { version: booking.version, startsAt: slot.startsAt }), () => close(t('mediation.booking.moved')));
  return <SlotPicker p={p} onPick={(s) => move.mutate(s)} pending={move.isPending} error={move.error} />;
}

function CancelForm({ booking, close }: { booking: Booking; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const cancel = useMediationWrite(() => actions.cancel(booking.id, { version: booking.version, reason: reason.trim() || null }), () => close(t('mediation.booking.cancelled')));
  return (
    <form onSubmit={(e) => { e.preventDefault(); cancel.mutate(undefined); }}>
      <Stack gap="sm">
        <Text>{t('mediation.booking.cancelText', { when: formatDateTime(booking.startsAt) })}</Text>
        <Textarea label={t('mediation.booking.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="cancel-reason" />
        <FormActions error={cancel.error} pending={cancel.isPending} submitLabel={t('mediation.booking.cancel')} color="red" testId="cancel-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function Outcome({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const save = useMediationWrite((outcome: 'held' | 'no_show') => actions.outcome(booking.id, { version: booking.version, outcome }));
  return (
    <Group gap="xs">
      <Button size="xs" onClick={() => save.mutate('held')} loading={save.isPending} data-testid="outcome-held">{t('mediation.booking.markHeld')}</Button>
      <Button size="xs" variant="default" onClick={() => save.mutate('no_show')} loading={save.isPending}>{t('mediation.booking.markNoShow')}</Button>
      <ErrorAlert error={save.error} />
    </Group>
  );
}

/** E-BOOK on the proceeding page: the next session (move, cancel until the cut-off), booking a new one, and the sessions so far. */
export function Sessions({ p, role }: { p: Proceeding; role: string }) {
  const { t } = useTranslation();
  const now = Date.now();
  const upcoming = p.bookings.find((b) => b.status === 'booked' && Date.parse(b.startsAt) > now);
  const client = role === 'client';
  const mediator = role === 'mediator';
  const others = p.bookings.filter((b) => b !== upcoming);
  const mayChange = (b: Booking) => (client ? b.changeable : mediator);
  return (
    <Section title={t('mediation.booking.title')} intro={client ? t('mediation.booking.intro') : undefined} testId="sessions">
      {upcoming ? (
        <Alert color="blue" icon={<IconClock aria-hidden />} title={t('mediation.booking.next')} data-testid="next-session">
          <Stack gap="xs">
            <Text fw={700} data-testid="next-session-when">{formatDateTime(upcoming.startsAt)}–{formatTime(upcoming.endsAt)} · {upcoming.mediatorName}</Text>
            {mayChange(upcoming) ? (
              <Group gap="sm">
                <ActionDialog label={t('mediation.booking.reschedule')} title={t('mediation.booking.rescheduleTitle')} variant="filled" size="lg" testId="reschedule">
                  {(close) => <RescheduleForm p={p} booking={upcoming} close={close} />}
                </ActionDialog>
                <ActionDialog label={t('mediation.booking.cancel')} title={t('mediation.booking.cancelTitle')} variant="default" color="red" size="md" testId="cancel-booking">
                  {(close) => <CancelForm booking={upcoming} close={close} />}
                </ActionDialog>
              </Group>
            ) : client ? (
              <Text size="sm">{t('mediation.booking.cutoffPassed')}</Text>
            ) : null}
            {client && upcoming.changeable && <Text size="sm" c="dimmed">{t('mediation.booking.cutoffHint')}</Text>}
          </Stack>
        </Alert>
      ) : p.can.book ? (
        <Group>
          <ActionDialog label={t('mediation.booking.book')} title={t('mediation.booking.bookTitle')} icon={<IconCalendarPlus size={16} aria-hidden />} size="lg" testId="book">
            {(close) => <BookForm p={p} close={close} />}
          </ActionDialog>
        </Group>
      ) : (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>{p.mediator ? t('mediation.booking.closed') : t('mediation.booking.noMediator')}</Alert>
      )}
      {others.length > 0 && (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="session-history">
          {others.map((b) => (
            <Group key={b.id} component="li" gap="sm" wrap="wrap" data-testid="session-row" data-status={b.status}>
              <Text>{formatDateTime(b.startsAt)}–{formatTime(b.endsAt)}</Text>
              <BookingBadge status={b.status} />
              {b.cancelReason && <Text size="sm" c="dimmed">{b.cancelReason}</Text>}
              {mediator && p.can.recordOutcome && b.status === 'booked' && Date.parse(b.startsAt) <= now && <Outcome booking={b} />}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
