import { useMemo, useState } from 'react';
import { Button, Fieldset, Group as Row, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChecks, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { todayInTallinn } from '../../platform/format';
import { recordAttendance, useTrainingWrite } from './api';
import { sessionText } from './format';
import type { AttendanceStatus, GroupDetail } from './types';
import { ProblemAlert } from './ui';

const STATUSES: AttendanceStatus[] = ['present', 'partial', 'absent'];

/**
 * C-5 on a tablet: the trainer picks the day (on or after it) and taps each
 * participant present, partly present or absent — large targets, one save.
 * Participants not yet marked start as present.
 */
export function AttendancePanel({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const days = group.sessions.filter((s) => s.day <= today);
  const participants = group.registrations.filter((r) => r.status === 'confirmed');
  const firstOpen = days.find((s) => participants.some((p) => !p.attendance[s.id])) ?? days[days.length - 1];
  const [sessionId, setSessionId] = useState(firstOpen?.id ?? '');
  const saved = useMemo(() => Object.fromEntries(participants.map((p) => [p.id, p.attendance[sessionId]])), [participants, sessionId]);
  const [marks, setMarks] = useState<Record<string, Record<string, AttendanceStatus>>>({});
  const [announce, setAnnounce] = useState('');
  const mutation = useTrainingWrite(
    (body: { sessionId: string; marks: { registrationId: string; status: AttendanceStatus }[] }) => recordAttendance(group.id, body),
    () => setAnnounce(t('trainings.attendance.saved')),
  );
  if (days.length === 0) {
    return <Text c="dimmed" data-testid="attendance-not-yet">{t('trainings.attendance.future', { date: sessionText(group.sessions[0]!) })}</Text>;
  }
  if (participants.length === 0) return <Text c="dimmed">{t('trainings.attendance.none')}</Text>;
  const current = (id: string): AttendanceStatus => marks[sessionId]?.[id] ?? saved[id] ?? 'present';
  const set = (id: string, status: AttendanceStatus) => setMarks((old) => ({ ...old, [sessionId]: { ...old[sessionId], [id]: status } }));
  const unmarked = participants.filter((p) => !saved[p.id]).length;
  return (
    <Stack gap="md" data-testid="attendance-panel">
      {days.length > 1 && (
        <Fieldset variant="unstyled" legend={t('trainings.attendance.day')}>
          <SegmentedControl fullWidth size="md" value={sessionId} onChange={(v) => { setSessionId(v); setAnnounce(''); }} data={days.map((s) => ({ value: s.id, label: sessionText(s) }))} data-testid="attendance-day" />
        </Fieldset>
      )}
      {days.length === 1 && <Text fw={600}>{sessionText(days[0]!)}</Text>}
      {unmarked > 0 && <Text size="sm" c="dimmed">{t('trainings.attendance.prefilled', { count: unmarked })}</Text>}
      <Row>
        <Button variant="default" size="md" leftSection={<IconChecks size={18} aria-hidden />} onClick={() => setMarks((old) => ({ ...old, [sessionId]: Object.fromEntries(participants.map((p) => [p.id, 'present' as const])) }))} data-testid="attendance-all-present">
          {t('trainings.attendance.allPresent')}
        </Button>
      </Row>
      <Stack gap="sm" data-testid="attendance-list">
        {participants.map((p) => (
          <Fieldset key={p.id} variant="filled" p="sm" legend={<Text fw={600} component="span">{p.participant.name} <Text span size="sm" c="dimmed">· {p.organisation.name}</Text></Text>} data-testid="attendance-row" data-participant={p.participant.name}>
            <SegmentedControl fullWidth size="lg" value={current(p.id)} onChange={(v) => set(p.id, v as AttendanceStatus)} color={current(p.id) === 'present' ? 'green' : current(p.id) === 'partial' ? 'orange' : 'red'}
              data={STATUSES.map((s) => ({ value: s, label: t(`trainings.attendance.${s}`) }))} data-testid="attendance-mark" />
          </Fieldset>
        ))}
      </Stack>
      <ProblemAlert error={mutation.error} testId="attendance-error" />
      <Row justify="flex-end">
        <Button size="lg" leftSection={<IconDeviceFloppy size={20} aria-hidden />} loading={mutation.isPending}
          onClick={() => mutation.mutate({ sessionId, marks: participants.map((p) => ({ registrationId: p.id, status: current(p.id) })) })} data-testid="attendance-save">
          {t('trainings.attendance.save')}
        </Button>
      </Row>
      <Text role="status" aria-live="polite" c="green.9" fw={600} data-testid="attendance-saved">{announce}</Text>
    </Stack>
  );
}
