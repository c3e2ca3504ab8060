import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { formatDate, todayInTallinn } from '../../platform/format';
import { FormActions } from '../families/ui/FormActions';
import { Section } from '../families/ui/Section';
import { actions, useAvailability, useCalendar, useMediationWrite } from './api';
import { addDays, byDay, formatTime, mondayOf, weekdayName } from './format';
import type { Availability, Calendar } from './types';

const KEYS = ['week'] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** Working hours are chosen in quarter hours, shown as HH:mm (Tallinn wall clock). */
const TIMES = Array.from({ length: 24 * 4 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);
const WEEKS_SHOWN = 2;

/** One week, Monday to Sunday, of the mediator's sessions, free slots, leave and public holidays (Tallinn time). */
function Week({ data, from }: { data: Calendar; from: string }) {
  const { t, i18n } = useTranslation();
  const sessions = new Map(byDay(data.sessions, (s) => s.startsAt));
  const free = new Map(byDay(data.free, (s) => s.startsAt));
  const today = todayInTallinn();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 7 }} spacing="xs" data-testid="calendar-week">
      {WEEKDAYS.map((_, i) => {
        const day = addDays(from, i);
        const onLeave = data.leave.some((l) => l.startsOn <= day && day <= l.endsOn);
        const holiday = data.holidays.includes(day);
        return (
          <Paper key={day} withBorder radius="md" p="xs" component="section" aria-label={`${weekdayName(day, i18n.language)} ${formatDate(day)}`} data-testid="calendar-day" data-day={day}
            style={day === today ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}>
            <Stack gap={6}>
              <div>
                <Text fw={700} size="sm" tt="capitalize">{weekdayName(day, i18n.language)}</Text>
                <Text size="sm" c="dimmed">{formatDate(day)}</Text>
              </div>
              {holiday && <Badge color="red" variant="light">{t('mediation.calendar.holiday')}</Badge>}
              {onLeave && <Badge color="orange" variant="light">{t('mediation.calendar.leave')}</Badge>}
              {(sessions.get(day) ?? []).map((s) => (
                <Paper key={s.id} p={6} radius="sm" bg="var(--mantine-color-blue-0)" data-testid="calendar-session" data-status={s.status}>
                  <Text size="sm" fw={700}>{formatTime(s.startsAt)}–{formatTime(s.endsAt)}</Text>
                  <Anchor component={Link} to={`/mediation/${s.proceedingId}`} size="sm">{s.reference}</Anchor>
                  <Text size="xs">{s.parents}</Text>
                  {s.status !== 'booked' && <Text size="xs" c="dimmed">{t(`mediation.booking.status.${s.status}`)}</Text>}
                </Paper>
              ))}
              {(free.get(day) ?? []).map((s) => (
                <Text key={s.startsAt} size="xs" c="dimmed" data-testid="calendar-free">{t('mediation.calendar.free', { time: formatTime(s.startsAt) })}</Text>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

interface WindowRow {
  key: number;
  weekday: string;
  startsAt: string;
  endsAt: string;
}

/** E-BOOK: the mediator publishes weekly availability (from today on), session length and buffer. */
function AvailabilityForm({ availability }: { availability: Availability }) {
  const { t, i18n } = useTranslation();
  const current = availability.windows.filter((w) => w.validTo === null);
  const [rows, setRows] = useState<WindowRow[]>(current.map((w, key) => ({ key, weekday: String(w.weekday), startsAt: w.startsAt, endsAt: w.endsAt })));
  const [sessionMinutes, setSessionMinutes] = useState<number | string>(availability.sessionMinutes);
  const [bufferMinutes, setBufferMinutes] = useState<number | string>(availability.bufferMinutes);
  const [saved, setSaved] = useState(false);
  const save = useMediationWrite(
    () => actions.publish({ sessionMinutes: Number(sessionMinutes), bufferMinutes: Number(bufferMinutes), windows: rows.map((r) => ({ weekday: Number(r.weekday), startsAt: r.startsAt, endsAt: r.endsAt })) }),
    () => setSaved(true),
  );
  const weekdayOptions = WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(addDays('2026-01-05', d - 1), i18n.language) }));
  const set = (key: number, patch: Partial<WindowRow>) => {
    setSaved(false);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }} data-testid="availability-form">
      <Stack gap="sm">
        <Group gap="md" align="flex-end">
          <NumberInput label={t('mediation.calendar.sessionMinutes')} value={sessionMinutes} onChange={setSessionMinutes} min={30} max={240} step={15} w={200} />
          <NumberInput label={t('mediation.calendar.bufferMinutes')} value={bufferMinutes} onChange={setBufferMinutes} min={0} max={120} step={5} w={200} />
        </Group>
        <Table.ScrollContainer minWidth={520} type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mediation.calendar.weekday')}</Table.Th>
                <Table.Th>{t('mediation.calendar.from')}</Table.Th>
                <Table.Th>{t('mediation.calendar.to')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('mediation.calendar.removeWindow')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.key} data-testid="availability-row">
                  <Table.Td><Select aria-label={t('mediation.calendar.weekday')} data={weekdayOptions} value={r.weekday} onChange={(v) => set(r.key, { weekday: v ?? '1' })} allowDeselect={false} /></Table.Td>
                  <Table.Td><Select aria-label={`${t('mediation.calendar.from')} ${i + 1}`} data={TIMES} value={r.startsAt} onChange={(v) => set(r.key, { startsAt: v ?? r.startsAt })} allowDeselect={false} searchable /></Table.Td>
                  <Table.Td><Select aria-label={`${t('mediation.calendar.to')} ${i + 1}`} data={TIMES} value={r.endsAt} onChange={(v) => set(r.key, { endsAt: v ?? r.endsAt })} allowDeselect={false} searchable /></Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('mediation.calendar.removeWindow')} onClick={() => { setSaved(false); setRows((all) => all.filter((x) => x.key !== r.key)); }}>
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows((all) => [...all, { key: Math.max(0, ...all.map((x) => x.key)) + 1, weekday: '1', startsAt: '09:00', endsAt: '17:00' }])}>
            {t('mediation.calendar.addWindow')}
          </Button>
        </Group>
        {saved && <Alert color="green" role="status">{t('mediation.calendar.published')}</Alert>}
        <FormActions error={save.error} pending={save.isPending} submitLabel={t('mediation.calendar.publish')} testId="availability-save" />
      </Stack>
    </form>
  );
}

function LeaveList({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [note, setNote] = useState('');
  const [booked, setBooked] = useState(0);
  const add = useMediationWrite(() => actions.addLeave({ startsOn, endsOn: endsOn || startsOn, note: note.trim() || null }), (r) => {
    setBooked(r.bookedInLeave.length);
    setStartsOn('');
    setEndsOn('');
    setNote('');
  });
  const remove = useMediationWrite((id: string) => actions.removeLeave(id));
  return (
    <Stack gap="sm">
      {availability.leave.length === 0 ? <Text c="dimmed" size="sm">{t('mediation.calendar.noLeave')}</Text> : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {availability.leave.map((l) => (
            <Group key={l.id} component="li" gap="sm">
              <Text>{formatDate(l.startsOn)}–{formatDate(l.endsOn)}{l.note ? ` · ${l.note}` : ''}</Text>
              <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(l.id)}>{t('mediation.calendar.removeLeave')}</Button>
            </Group>
          ))}
        </Stack>
      )}
      {booked > 0 && <Alert color="orange" role="status">{t('mediation.calendar.bookedInLeave', { count: booked })}</Alert>}
      <form onSubmit={(e) => { e.preventDefault(); add.mutate(undefined); }}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <DateField label={t('mediation.calendar.leaveFrom')} value={startsOn} onChange={setStartsOn} required />
          <DateField label={t('mediation.calendar.leaveTo')} value={endsOn} onChange={setEndsOn} />
          <TextInput label={t('mediation.calendar.leaveNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Button type="submit" loading={add.isPending} disabled={!startsOn}>{t('mediation.calendar.addLeave')}</Button>
        </Group>
      </form>
      <ErrorAlert error={add.error ?? remove.error} />
    </Stack>
  );
}

/** /mediation/calendar — the mediator's calendar (E-BOOK): a week of sessions and free slots; availability and leave. */
export function CalendarPage() {
  const { t } = useTranslation();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const from = mondayOf(filters.week || todayInTallinn());
  const to = addDays(from, WEEKS_SHOWN * 7 - 1);
  const calendar = useCalendar(from, to);
  const availability = useAvailability();
  return (
    <>
      <PageHeader title={t('mediation.calendar.title')} description={t('mediation.calendar.intro')} />
      <Stack gap="lg">
        <Section
          title={t('mediation.calendar.week', { from: formatDate(from), to: formatDate(to) })}
          testId="calendar"
          actions={
            <>
              <Button variant="default" size="sm" leftSection={<IconChevronLeft size={16} aria-hidden />} onClick={() => setFilter('week', addDays(from, -WEEKS_SHOWN * 7))}>{t('mediation.calendar.previous')}</Button>
              <Button variant="default" size="sm" onClick={() => setFilter('week', null)}>{t('mediation.calendar.thisWeek')}</Button>
              <Button variant="default" size="sm" rightSection={<IconChevronRight size={16} aria-hidden />} onClick={() => setFilter('week', addDays(from, WEEKS_SHOWN * 7))} data-testid="calendar-next">{t('mediation.calendar.next')}</Button>
            </>
          }
        >
          {calendar.isPending ? <InlineLoader /> : calendar.error ? <ErrorAlert error={calendar.error} /> : (
            <Stack gap="sm">{Array.from({ length: WEEKS_SHOWN }, (_, w) => <Week key={w} data={calendar.data} from={addDays(from, w * 7)} />)}</Stack>
          )}
        </Section>
        <Section title={t('mediation.calendar.availability')} intro={t('mediation.calendar.availabilityIntro')} testId="availability">
          {availability.isPending ? <InlineLoader /> : availability.error ? <ErrorAlert error={availability.error} /> : <AvailabilityForm availability={availability.data} />}
        </Section>
        <Section title={t('mediation.calendar.leaveTitle')} intro={t('mediation.calendar.leaveIntro')} testId="leave">
          {availability.data && <LeaveList availability={availability.data} />}
        </Section>
      </Stack>
    </>
  );
}
