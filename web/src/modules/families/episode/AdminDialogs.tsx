import { useState, type FormEvent } from 'react';
import { Select, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowsExchange, IconUserShare } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { formatDate, isRealDate, todayInTallinn } from '../../../platform/format';
import { assignSpecialist, familyKeys, switchToAdaptation } from '../api';
import { useFamily, useSpecialists } from '../queries';
import { SpecialistSelect } from '../specialists/SpecialistSelect';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { EpisodeDetail } from '../types';
import { useEpisodeWrite } from './episode-write';
import { EMPTY_TERMINATION, TerminationFields, toTermination, validateTermination, type TerminationErrors } from './TerminationFields';

type Close = (done?: string) => void;

function AssignForm({ e, close }: { e: EpisodeDetail; close: Close }) {
  const { t } = useTranslation();
  const specialists = useSpecialists({ active: true });
  const [specialistId, setSpecialistId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ specialist?: string; reason?: string }>({});
  const { mutation, reload } = useEpisodeWrite(e, (version, _: null) => assignSpecialist(e.id, { version, specialistId, reason: reason.trim() }),
    () => close(t('families.assign.done')));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = { ...(specialistId ? {} : { specialist: t('validation.required') }), ...(reason.trim() ? {} : { reason: t('validation.required') }) };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(null);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="episode-assign-form">
      <Stack gap="md">
        {e.specialist?.name && <Text size="sm">{t('families.assign.current', { name: e.specialist.name })}</Text>}
        <SpecialistSelect items={specialists.data ?? []} kind={e.kind} language={e.family.language} value={specialistId} onChange={setSpecialistId}
          error={errors.specialist} exceptId={e.specialist?.id} testId="episode-assign-specialist" />
        <Textarea label={t('families.assign.reason')} value={reason} onChange={(x) => setReason(x.currentTarget.value)} error={errors.reason} withAsterisk
          autosize minRows={2} maxLength={2000} data-testid="episode-assign-reason" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.assign.submit')} testId="episode-assign-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** The family may change supporter (§2.1.5.7.8); approval, language and B-COI are checked again. */
export function AssignButton({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.assign.button')} title={t('families.assign.title')} icon={<IconUserShare size={18} aria-hidden />} variant="default"
      testId="episode-assign">
      {(close) => <AssignForm e={e} close={close} />}
    </ActionDialog>
  );
}

function SwitchForm({ e, close }: { e: EpisodeDetail; close: Close }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const family = useFamily(e.family.id);
  const specialists = useSpecialists({ active: true });
  const today = todayInTallinn();
  const [childId, setChildId] = useState('');
  const [switchOn, setSwitchOn] = useState(today);
  const [specialistId, setSpecialistId] = useState(e.specialist?.id ?? '');
  const [text, setText] = useState(EMPTY_TERMINATION);
  const [errors, setErrors] = useState<TerminationErrors & { child?: string; switchOn?: string }>({});
  const mutation = useMutation({
    mutationFn: () => switchToAdaptation(e.id, { version: e.version, childPersonId: childId, switchOn, ...(specialistId ? { specialistId } : {}), ...toTermination(text, e.family.kovInvolved) }),
    onSuccess: (answer) => {
      client.setQueryData(familyKeys.episode(answer.adaptation.id), answer.adaptation);
      void client.invalidateQueries({ queryKey: familyKeys.all, predicate: (q) => !(q.queryKey[1] === 'episode' && q.queryKey[2] === answer.adaptation.id) });
      close();
      void navigate(`/families/episodes/${encodeURIComponent(answer.adaptation.id)}`);
    },
  });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found: typeof errors = validateTermination(text, e.family.kovInvolved, t);
    if (!childId) found.child = t('validation.required');
    if (!switchOn) found.switchOn = t('validation.required');
    else if (!isRealDate(switchOn)) found.switchOn = t('validation.date');
    else if (switchOn > today) found.switchOn = t('families.dateInFuture');
    else if (switchOn <= e.startsOn) found.switchOn = t('families.dateAfter', { date: formatDate(e.startsOn) });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  const children = (family.data?.children ?? []).filter((c) => !c.leftOn && c.personId !== e.child?.id).map((c) => ({ value: c.personId, label: `${c.firstName} ${c.lastName} (${formatDate(c.arrivedOn)})` }));
  return (
    <form onSubmit={submit} noValidate data-testid="episode-switch-form">
      <Stack gap="md">
        <Text size="sm">{t('families.switch.intro')}</Text>
        <Select label={t('families.switch.child')} data={children} value={childId || null} onChange={(v) => setChildId(v ?? '')} error={errors.child} withAsterisk
          data-testid="episode-switch-child" />
        <DateField label={t('families.switch.on')} description={t('families.switch.onHint')} value={switchOn} onChange={setSwitchOn} error={errors.switchOn}
          required maxDate={today} testId="episode-switch-date" />
        <SpecialistSelect items={specialists.data ?? []} kind="adaptation" language={e.family.language} value={specialistId} onChange={setSpecialistId}
          testId="episode-switch-specialist" />
        <TerminationFields values={text} errors={errors} kovInvolved={e.family.kovInvolved} onChange={setText} testId="episode-switch" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.switch.submit')} testId="episode-switch-submit"
          onCancel={() => close()} onReload={() => { mutation.reset(); void client.invalidateQueries({ queryKey: familyKeys.episode(e.id) }); }} />
      </Stack>
    </form>
  );
}

/** B-SWITCH: a new child joined — end needs-based support in writing and start adaptation support. */
export function SwitchButton({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.switch.button')} title={t('families.switch.title')} icon={<IconArrowsExchange size={18} aria-hidden />} variant="default"
      testId="episode-switch">
      {(close) => <SwitchForm e={e} close={close} />}
    </ActionDialog>
  );
}
