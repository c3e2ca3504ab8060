import { useState, type FormEvent } from 'react';
import { Button, Collapse, Stack, Textarea } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { isRealDate, todayInTallinn } from '../../../platform/format';
import { familyKeys, logContact } from '../api';
import { optText } from '../options';
import { FormActions } from '../ui/FormActions';
import type { Compliance, ContactKind, EpisodeDetail } from '../types';
import { ContactKindField } from './ContactKindField';
import { DurationField } from './DurationField';

interface Props {
  e: EpisodeDetail;
  /** After the end only continued-support contacts are logged (B-CONT). */
  continued: boolean;
  onDone: (compliance: Compliance | null) => void;
}

interface Errors {
  kind?: string;
  occurredOn?: string;
  duration?: string;
}

function GoalNotes({ e, notes, onChange }: { e: EpisodeDetail; notes: Record<string, string>; onChange: (n: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const goals = e.goals.filter((g) => g.status === 'open');
  if (goals.length === 0) return null;
  return (
    <Stack gap="xs">
      <Button variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="contact-goal-notes" justify="flex-start"
        h="auto" mih={44} py={6} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }} rightSection={open ? <IconChevronUp size={18} aria-hidden /> : <IconChevronDown size={18} aria-hidden />} data-testid="contact-form-goals-toggle">
        {t('families.contact.goalNotes', { count: goals.length })}
      </Button>
      <Collapse expanded={open} id="contact-goal-notes">
        <Stack gap="sm">
          {goals.map((g, i) => (
            <Textarea key={g.id} label={g.text} value={notes[g.id] ?? ''} onChange={(ev) => onChange({ ...notes, [g.id]: ev.currentTarget.value })}
              autosize minRows={1} maxLength={5000} data-testid={`contact-form-goal-${i}`} />
          ))}
        </Stack>
      </Collapse>
    </Stack>
  );
}

/** X-MOBILE: one quick record of a call, message, home visit or meeting — kind, today, minutes, a note. */
export function ContactForm({ e, continued, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = todayInTallinn();
  const [kind, setKind] = useState<ContactKind | ''>(continued ? 'continued_support' : '');
  const [occurredOn, setOccurredOn] = useState(today);
  const [duration, setDuration] = useState<number | ''>('');
  const [notes, setNotes] = useState('');
  const [goalNotes, setGoalNotes] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useMutation({
    mutationFn: () =>
      logContact(e.id, {
        kind: kind as ContactKind,
        occurredOn,
        durationMinutes: duration === '' ? 0 : duration,
        notes: optText(notes),
        goalNotes: Object.entries(goalNotes).filter(([, n]) => n.trim()).map(([goalId, note]) => ({ goalId, note: note.trim() })),
      }),
    onSuccess: (answer) => {
      client.setQueryData<EpisodeDetail>(familyKeys.episode(e.id), (old) => (old ? { ...old, compliance: answer.compliance } : old));
      void client.invalidateQueries({ queryKey: familyKeys.all });
      onDone(answer.compliance);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!kind) found.kind = t('validation.required');
    if (!occurredOn) found.occurredOn = t('validation.required');
    else if (!isRealDate(occurredOn)) found.occurredOn = t('validation.date');
    else if (occurredOn > today) found.occurredOn = t('families.dateInFuture');
    if (duration === '') found.duration = t('families.contact.durationRequired');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="md">
        {!continued && <ContactKindField value={kind} onChange={setKind} error={errors.kind} />}
        <DateField label={t('families.contact.occurredOn')} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} required maxDate={today}
          testId="contact-form-date" />
        <DurationField value={duration} onChange={setDuration} error={errors.duration} />
        <Textarea label={t('families.contact.notes')} description={t('families.contact.notesHint')} value={notes} onChange={(ev) => setNotes(ev.currentTarget.value)}
          autosize minRows={3} maxRows={10} maxLength={20000} data-testid="contact-form-notes" />
        {!continued && <GoalNotes e={e} notes={goalNotes} onChange={setGoalNotes} />}
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.contact.save')} testId="contact-form-submit"
          onCancel={() => onDone(null)} />
      </Stack>
    </form>
  );
}
