import { useState, type FormEvent } from 'react';
import { NumberInput, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../ui/FormActions';
import { requestExtra, useSessionWrite } from './api';

/** B-PSY-1: the specialist's justification for more counselling or supervision sessions this year (SKA approves up to 5 a year). */
export function RequestExtraForm({ familyId, year, available, onDone }: { familyId: string; year: number; available: number; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<number | ''>(Math.min(available, 1) || 1);
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSessionWrite(requestExtra);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (sessions === '' || sessions < 1) problems.sessions = t('validation.required');
    if (!justification.trim()) problems.justification = t('validation.required');
    setErrors(problems);
    if (Object.keys(problems).length || sessions === '') return;
    save.mutate({ familyId, year, requestedSessions: sessions, justification: justification.trim() }, { onSuccess: () => onDone(t('sessions.extra.sent')) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NumberInput label={t('sessions.extra.requestedSessions')} description={t('sessions.extra.available', { count: available, year })} value={sessions}
          onChange={(v) => setSessions(typeof v === 'number' ? v : '')} min={1} max={5} error={errors.sessions} withAsterisk data-testid="extra-form-sessions" />
        <Textarea label={t('sessions.extra.justification')} value={justification} onChange={(e) => setJustification(e.currentTarget.value)} autosize minRows={3}
          maxLength={5000} error={errors.justification} withAsterisk data-testid="extra-form-justification" />
        <FormActions error={save.error} pending={save.isPending} submitLabel={t('sessions.extra.submit')} testId="extra-form-submit" onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
