import { useState, type FormEvent } from 'react';
import { Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { isRealDate, todayInTallinn } from '../../../platform/format';
import { approveSpecialist, clearCoi } from '../api';
import { FamilyPicker } from '../referrals/FamilyPicker';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { SpecialistDetail } from '../types';
import { useSpecialistWrite } from './specialist-write';

type Close = (done?: string) => void;

function ApproveForm({ s, close, approve }: { s: SpecialistDetail; close: Close; approve: boolean }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const [on, setOn] = useState(today);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ on?: string; reference?: string }>({});
  const { mutation, reload } = useSpecialistWrite(s, (version, _: null) =>
    approveSpecialist(s.id, approve ? { version, approved: true, approvedOn: on, reference: reference.trim() } : { version, approved: false }),
  () => close(t(approve ? 'families.approval.done' : 'families.approval.withdrawn')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (approve) {
      if (!on) found.on = t('validation.required');
      else if (!isRealDate(on)) found.on = t('validation.date');
      else if (on > today) found.on = t('families.dateInFuture');
      if (!reference.trim()) found.reference = t('validation.required');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(null);
  };
  return (
    <form onSubmit={submit} noValidate data-testid={approve ? 'approval-form' : 'approval-withdraw-form'}>
      <Stack gap="md">
        <Text size="sm">{t(approve ? 'families.approval.intro' : 'families.approval.withdrawIntro', { name: s.name })}</Text>
        {approve && (
          <>
            <DateField label={t('families.approval.on')} value={on} onChange={setOn} error={errors.on} required maxDate={today} testId="approval-form-date" />
            <TextInput label={t('families.approval.reference')} description={t('families.approval.referenceHint')} value={reference}
              onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} withAsterisk maxLength={200} data-testid="approval-form-reference" />
          </>
        )}
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t(approve ? 'families.approval.approve' : 'families.approval.withdraw')}
          testId={approve ? 'approval-form-submit' : 'approval-withdraw-submit'} color={approve ? undefined : 'red'} onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** §2.8.6: SKA's written approval (date, reference of the confirmation), or its withdrawal (no new services). */
export function ApprovalButton({ s, approve }: { s: SpecialistDetail; approve: boolean }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t(approve ? 'families.approval.approve' : 'families.approval.withdraw')} title={t(approve ? 'families.approval.title' : 'families.approval.withdrawTitle')}
      icon={approve ? <IconCircleCheck size={18} aria-hidden /> : <IconCircleOff size={18} aria-hidden />} variant={approve ? 'filled' : 'default'}
      color={approve ? undefined : 'red'} size="md" testId={approve ? 'specialist-approve' : 'specialist-approval-withdraw'}>
      {(close) => <ApproveForm s={s} close={close} approve={approve} />}
    </ActionDialog>
  );
}

function CoiForm({ s, close }: { s: SpecialistDetail; close: Close }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const [familyId, setFamilyId] = useState('');
  const [decision, setDecision] = useState('');
  const [on, setOn] = useState(today);
  const [errors, setErrors] = useState<{ family?: string; decision?: string; on?: string }>({});
  const { mutation } = useSpecialistWrite(s, (_v, _: null) => clearCoi({ specialistId: s.id, familyId, decision: decision.trim(), decidedOn: on }),
    () => close(t('families.coiClear.done')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...(familyId ? {} : { family: t('validation.required') }),
      ...(decision.trim() ? {} : { decision: t('validation.required') }),
      ...(!on || !isRealDate(on) ? { on: t('validation.date') } : on > today ? { on: t('families.dateInFuture') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(null);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="coi-clear-form">
      <Stack gap="md">
        <Text size="sm">{t('families.coiClear.intro', { name: s.name })}</Text>
        <FamilyPicker label={t('families.fields.family')} value={familyId} onChange={setFamilyId} error={errors.family} testId="coi-clear-family" />
        <Textarea label={t('families.coiClear.decision')} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} error={errors.decision} withAsterisk
          autosize minRows={3} maxLength={5000} data-testid="coi-clear-decision" />
        <DateField label={t('families.coiClear.on')} value={on} onChange={setOn} error={errors.on} required maxDate={today} testId="coi-clear-date" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.coiClear.submit')} testId="coi-clear-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/** B-COI §2.1.6.5: SKA clears the KOV-official conflict of this specialist with one family, with a recorded decision. */
export function CoiClearButton({ s }: { s: SpecialistDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.coiClear.button')} title={t('families.coiClear.title')} icon={<IconShieldCheck size={18} aria-hidden />} variant="default" testId="coi-clear">
      {(close) => <CoiForm s={s} close={close} />}
    </ActionDialog>
  );
}
