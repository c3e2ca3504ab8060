import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Select, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../platform/components/DialogModal';
import { DetailList } from '../../platform/components/DetailList';
import { Field } from '../../platform/components/Field';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { formatDate, formatDateTime } from '../../platform/format';
import { useSubactivity, useUpdateSubactivity } from './api';
import { SubactivityBadges } from './StatusBadge';
import { SUBACTIVITY_STATUSES, type Subactivity, type SubactivityStatus } from './types';

function EditForm({ s, onDone }: { s: Subactivity; onDone: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SubactivityStatus>(s.status);
  const [progress, setProgress] = useState<number>(s.progress);
  const [note, setNote] = useState('');
  const update = useUpdateSubactivity(s.id);
  useEffect(() => { setStatus(s.status); setProgress(s.progress); }, [s.status, s.progress]);
  const changed = status !== s.status || progress !== s.progress || note.trim() !== '';
  return (
    <form onSubmit={(e) => { e.preventDefault(); update.mutate({ version: s.version, ...(status !== s.status ? { status } : {}), ...(progress !== s.progress ? { progress } : {}), ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => { setNote(''); onDone(); } }); }}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select label={t('programme.fields.status')} data={SUBACTIVITY_STATUSES.map((v) => ({ value: v, label: t(`programme.status.${v}`) }))} value={status}
            onChange={(v) => v && setStatus(v as SubactivityStatus)} allowDeselect={false} data-testid="subactivity-status-select" />
          <NumberInput label={t('programme.fields.progress')} min={0} max={100} suffix=" %" value={progress} onChange={(v) => setProgress(typeof v === 'number' ? v : 0)} data-testid="subactivity-progress" />
        </Group>
        <Textarea label={t('programme.fields.note')} autosize minRows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="subactivity-note" />
        <ErrorAlert error={update.error} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!changed} loading={update.isPending} data-testid="subactivity-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A sub-activity's facts, status and progress, and its notes (the officer edits; the SKA manager reads). */
export function SubactivityDialog({ id, canEdit, onClose }: { id: string | null; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useSubactivity(id);
  const s = query.data?.subactivity;
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [id]);
  return (
    <DialogModal opened={id !== null} onClose={onClose} title={s ? `${s.activityCode} · ${s.number}. ${s.title}` : t('programme.gantt.subactivity')} size="xl" fullScreenOnPhone testId="subactivity-dialog">
      {query.isPending && <InlineLoader />}
      <ErrorAlert error={query.error} />
      {s && (
        <Stack gap="md">
          <SubactivityBadges s={s} />
          <DetailList>
            <Field label={t('programme.fields.measure')}>{s.measureTitle}</Field>
            <Field label={t('programme.fields.implementers')}>{s.implementers.join(', ')}</Field>
            <Field label={t('programme.fields.generalTimeframe')}>{s.generalTimeframe}</Field>
            <Field label={t('programme.fields.dates')}>{formatDate(s.startsOn)}–{formatDate(s.endsOn)}</Field>
            <Field label={t('programme.fields.datesAsWritten')}>{s.datesAsWritten}</Field>
          </DetailList>
          {s.dateNote && <Alert color="yellow" title={t('programme.fields.dateNote')} data-testid="subactivity-date-note">{s.dateNote}</Alert>}
          {saved && <Alert color="green" role="status">{t('programme.saved')}</Alert>}
          {canEdit && <EditForm s={s} onDone={() => setSaved(true)} />}
          <div>
            <Text fw={700} mb="xs">{t('programme.notes')}</Text>
            {query.data!.notes.length === 0 ? <Text c="dimmed" size="sm">{t('programme.noNotes')}</Text> : (
              <Timeline bulletSize={14} lineWidth={2} data-testid="subactivity-notes">
                {query.data!.notes.map((n) => (
                  <Timeline.Item key={n.id} title={`${formatDateTime(n.writtenAt)}${n.writtenBy ? ` · ${n.writtenBy}` : ''}`}>
                    <Text size="sm">{n.note}</Text>
                    {n.status && <Text size="xs" c="dimmed">{t(`programme.status.${n.status}`)}{n.progress !== null ? ` · ${n.progress}%` : ''}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </div>
        </Stack>
      )}
    </DialogModal>
  );
}
