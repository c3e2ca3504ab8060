import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { Select, Stack, Text, Textarea } from '@mantine/core';
import { IconPhoneCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { formatDate, isRealDate, todayInTallinn } from '../../../platform/format';
import { familyKeys, recordFirstContact, startEpisode } from '../api';
import { contactKindOptions, optText } from '../options';
import { useSpecialists } from '../queries';
import { SpecialistSelect } from '../specialists/SpecialistSelect';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { ReferralDetail } from '../types';
import { useReferralWrite } from './referral-write';

type Close = (done?: string) => void;

function dateProblem(day: string, from: string | null, t: TFunction): string | undefined {
  if (!day) return t('validation.required');
  if (!isRealDate(day)) return t('validation.date');
  if (day > todayInTallinn()) return t('families.dateInFuture');
  if (from && day < from) return t('families.dateBefore', { date: formatDate(from) });
  return undefined;
}

function FirstContactForm({ r, close }: { r: ReferralDetail; close: Close }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(todayInTallinn());
  const [channel, setChannel] = useState('call');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string>();
  const { mutation, reload } = useReferralWrite(r, (version, body: { contactedOn: string; channel: string; notes: string | null }) => recordFirstContact(r.id, { version, ...body }),
    () => close(t('families.firstContact.saved')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = dateProblem(day, r.receivedOn, t);
    setError(problem);
    if (!problem) mutation.mutate({ contactedOn: day, channel, notes: optText(notes) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {r.firstContactDue && <Text size="sm">{t('families.firstContact.dueText', { date: formatDate(r.firstContactDue) })}</Text>}
        <DateField label={t('families.firstContact.on')} value={day} onChange={setDay} error={error} required maxDate={todayInTallinn()} testId="referral-first-contact-date" />
        <Select label={t('families.firstContact.channel')} data={contactKindOptions(t)} value={channel} onChange={(v) => setChannel(v ?? 'call')} allowDeselect={false}
          data-testid="referral-first-contact-channel" />
        <Textarea label={t('families.fields.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={2000}
          data-testid="referral-first-contact-notes" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.firstContact.save')} testId="referral-first-contact-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-START: the provider's first contact with the family (5 working days from receipt). */
export function FirstContactButton({ r }: { r: ReferralDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.firstContact.record')} title={t('families.firstContact.title', { reference: r.reference })}
      icon={<IconPhoneCheck size={18} aria-hidden />} variant="default" size="md" testId="referral-first-contact">
      {(close) => <FirstContactForm r={r} close={close} />}
    </ActionDialog>
  );
}

function StartForm({ r, close }: { r: ReferralDetail; close: Close }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const specialists = useSpecialists({ active: true });
  const [specialistId, setSpecialistId] = useState('');
  const [day, setDay] = useState(todayInTallinn());
  const [errors, setErrors] = useState<{ specialist?: string; day?: string }>({});
  const mutation = useMutation({
    mutationFn: () => startEpisode(r.id, { version: r.version, specialistId, startsOn: day }),
    onSuccess: (episode) => {
      client.setQueryData(familyKeys.episode(episode.id), episode);
      void client.invalidateQueries({ queryKey: familyKeys.all, predicate: (q) => q.queryKey[1] !== 'episode' });
      close();
      void navigate(`/families/episodes/${encodeURIComponent(episode.id)}`, { state: { started: true } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dayProblem = dateProblemAny(day, r.receivedOn, t);
    const found = { ...(specialistId ? {} : { specialist: t('validation.required') }), ...(dayProblem ? { day: dayProblem } : {}) };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="referral-start-form">
      <Stack gap="md">
        <Text size="sm">{t('families.start.info', { kind: t(`families.kind.${r.kind}`), language: t(`families.language.${r.family.language}`, { defaultValue: r.family.language }) })}</Text>
        <SpecialistSelect items={specialists.data ?? []} kind={r.kind} language={r.family.language} value={specialistId} onChange={setSpecialistId}
          error={errors.specialist} testId="referral-start-specialist" />
        <DateField label={t('families.start.startsOn')} description={t('families.start.startsOnHint')} value={day} onChange={setDay} error={errors.day}
          required testId="referral-start-date" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.start.submit')} testId="referral-start-submit"
          onCancel={() => close()} onReload={() => { mutation.reset(); void client.invalidateQueries({ queryKey: familyKeys.referral(r.id) }); }} />
      </Stack>
    </form>
  );
}

/** The service may start on or after receipt, also later than today (a planned first meeting). */
function dateProblemAny(day: string, from: string | null, t: TFunction): string | undefined {
  if (!day) return t('validation.required');
  if (!isRealDate(day)) return t('validation.date');
  if (from && day < from) return t('families.dateBefore', { date: formatDate(from) });
  return undefined;
}

/** The provider starts the service and assigns a specialist (§2.8.6 approval, language, B-COI). */
export function StartEpisodeButton({ r }: { r: ReferralDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.start.button')} title={t('families.start.title', { reference: r.reference })} icon={<IconPlayerPlay size={18} aria-hidden />}
      testId="referral-start">
      {(close) => <StartForm r={r} close={close} />}
    </ActionDialog>
  );
}
