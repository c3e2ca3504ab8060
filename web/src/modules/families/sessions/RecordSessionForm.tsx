import { useState, type FormEvent } from 'react';
import { NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { isRealDate, todayInTallinn } from '../../../platform/format';
import { useSpecialists } from '../queries';
import { FormActions } from '../ui/FormActions';
import { recordSession, useSessionWrite, type SessionMode, type SessionService } from './api';

interface Props {
  familyId: string;
  /** The running mentoring episode new mentoring sessions go to (none: mentoring cannot be chosen). */
  mentoringEpisodeId: string | null;
  /** Fixed service (the episode page records mentoring only). */
  service?: SessionService;
  onDone: (message?: string) => void;
}

const ROLE_OF: Record<SessionService, string> = { mentoring: 'mentor', counselling: 'psychologist', supervision: 'supervisor' };

/** One held session: service, who, when, how long, in person or remote (with the prior agreement, §2.8.11); the server checks every limit. */
export function RecordSessionForm({ familyId, mentoringEpisodeId, service: fixed, onDone }: Props) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const specialists = useSpecialists({ active: true });
  const [service, setService] = useState<SessionService | ''>(fixed ?? '');
  const [specialistId, setSpecialistId] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  const [minutes, setMinutes] = useState<number | ''>(60);
  const [mode, setMode] = useState<SessionMode>('in_person');
  const [remoteAgreedOn, setRemoteAgreedOn] = useState('');
  const [participants, setParticipants] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSessionWrite(recordSession);

  const services: SessionService[] = mentoringEpisodeId ? ['mentoring', 'counselling', 'supervision'] : ['counselling', 'supervision'];
  const options = (specialists.data ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: service && !s.roles.includes(ROLE_OF[service] as never) ? `${s.name} — ${t('sessions.form.otherRole')}` : s.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!service) problems.service = t('validation.required');
    if (!specialistId) problems.specialistId = t('validation.required');
    if (!isRealDate(heldOn)) problems.heldOn = t('validation.required');
    else if (heldOn > today) problems.heldOn = t('sessions.form.notFuture');
    if (minutes === '' || minutes < 1 || minutes > 600) problems.minutes = t('sessions.form.minutesRange');
    if (mode === 'remote' && !isRealDate(remoteAgreedOn)) problems.remoteAgreedOn = t('sessions.form.remoteAgreementNeeded');
    setErrors(problems);
    if (Object.keys(problems).length || !service || minutes === '') return;
    save.mutate(
      {
        service,
        familyId,
        episodeId: service === 'mentoring' ? mentoringEpisodeId : null,
        specialistId,
        heldOn,
        minutes,
        mode,
        remoteAgreedOn: mode === 'remote' ? remoteAgreedOn : null,
        participants: participants.trim() || null,
        summary: summary.trim() || null,
      },
      { onSuccess: () => onDone(t('sessions.form.saved')) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {!fixed && (
          <Select label={t('sessions.fields.service')} data={services.map((s) => ({ value: s, label: t(`sessions.service.${s}`) }))} value={service || null}
            onChange={(v) => setService((v ?? '') as SessionService | '')} error={errors.service} withAsterisk data-testid="session-form-service" />
        )}
        <Select label={t('sessions.fields.specialist')} data={options} value={specialistId || null} onChange={(v) => setSpecialistId(v ?? '')} error={errors.specialistId}
          withAsterisk searchable data-testid="session-form-specialist" />
        <DateField label={t('sessions.fields.heldOn')} value={heldOn} onChange={setHeldOn} error={errors.heldOn} required maxDate={today} testId="session-form-held-on" />
        <NumberInput label={t('sessions.fields.minutes')} value={minutes} onChange={(v) => setMinutes(typeof v === 'number' ? v : '')} min={1} max={600} error={errors.minutes}
          withAsterisk data-testid="session-form-minutes" />
        <Select label={t('sessions.fields.mode')} data={(['in_person', 'remote'] as const).map((m) => ({ value: m, label: t(`sessions.mode.${m}`) }))} value={mode}
          onChange={(v) => setMode((v ?? 'in_person') as SessionMode)} allowDeselect={false} data-testid="session-form-mode" />
        {mode === 'remote' && (
          <DateField label={t('sessions.fields.remoteAgreedOn')} description={t('sessions.form.remoteHint')} value={remoteAgreedOn} onChange={setRemoteAgreedOn}
            error={errors.remoteAgreedOn} required maxDate={today} testId="session-form-remote-agreed" />
        )}
        <TextInput label={t('sessions.fields.participants')} value={participants} onChange={(e) => setParticipants(e.currentTarget.value)} maxLength={1000} data-testid="session-form-participants" />
        <Textarea label={t('sessions.fields.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={20000} data-testid="session-form-summary" />
        <FormActions error={save.error} pending={save.isPending} submitLabel={t('sessions.form.submit')} testId="session-form-submit" onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
