import { useState, type FormEvent } from 'react';
import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../../platform/components/DetailList';
import { DateField } from '../../../platform/components/DateField';
import { Field } from '../../../platform/components/Field';
import { formatDate, isRealDate, todayInTallinn } from '../../../platform/format';
import { recordAgreement, type AgreementInput } from '../api';
import { optText } from '../options';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import { Section, TextBlock } from '../ui/Section';
import type { EpisodeDetail } from '../types';
import { useEpisodeWrite } from './episode-write';

type Errors = Partial<Record<'agreedOn' | 'goals' | 'activities', string>>;

function AgreementForm({ e, close }: { e: EpisodeDetail; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const a = e.agreement;
  const [v, setV] = useState({ agreedOn: a?.agreedOn ?? today, goals: a?.goals ?? '', activities: a?.activities ?? '', familyActivities: a?.familyActivities ?? '' });
  const [errors, setErrors] = useState<Errors>({});
  const { mutation, reload } = useEpisodeWrite(e, (version, body: AgreementInput) => recordAgreement(e.id, { version, ...body }), () => close(t('families.agreement.saved')));
  const set = (k: keyof typeof v, value: string) => setV((p) => ({ ...p, [k]: value }));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found: Errors = {};
    if (!v.agreedOn) found.agreedOn = t('validation.required');
    else if (!isRealDate(v.agreedOn)) found.agreedOn = t('validation.date');
    else if (v.agreedOn > today) found.agreedOn = t('families.dateInFuture');
    else if (v.agreedOn < e.startsOn) found.agreedOn = t('families.dateBefore', { date: formatDate(e.startsOn) });
    if (!v.goals.trim()) found.goals = t('validation.required');
    if (!v.activities.trim()) found.activities = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate({ agreedOn: v.agreedOn, goals: v.goals.trim(), activities: v.activities.trim(), familyActivities: optText(v.familyActivities) });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="agreement-form">
      <Stack gap="md">
        <Text size="sm">{t('families.agreement.formIntro')}</Text>
        <DateField label={t('families.agreement.agreedOn')} description={t('families.agreement.agreedOnHint')} value={v.agreedOn} onChange={(x) => set('agreedOn', x)}
          error={errors.agreedOn} required maxDate={today} testId="agreement-form-date" />
        <Textarea label={t('families.agreement.goals')} description={t(e.kind === 'needs_based' ? 'families.agreement.goalsHintPlan' : 'families.agreement.goalsHint')}
          value={v.goals} onChange={(x) => set('goals', x.currentTarget.value)} error={errors.goals} withAsterisk autosize minRows={3} maxLength={20000}
          data-testid="agreement-form-goals" />
        <Textarea label={t('families.agreement.activities')} description={t('families.agreement.activitiesHint')} value={v.activities}
          onChange={(x) => set('activities', x.currentTarget.value)} error={errors.activities} withAsterisk autosize minRows={3} maxLength={20000}
          data-testid="agreement-form-activities" />
        <Textarea label={t('families.agreement.familyActivities')} value={v.familyActivities} onChange={(x) => set('familyActivities', x.currentTarget.value)}
          autosize minRows={2} maxLength={20000} data-testid="agreement-form-family-activities" />
        {e.family.kovInvolved ? <Text size="sm" c="dimmed">{t('families.agreement.kovInfo')}</Text> : <Text size="sm" c="dimmed">{t('families.agreement.kovNotInvolved')}</Text>}
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.agreement.save')} testId="agreement-form-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** The cooperation agreement (koostööleping) from the first meeting at home: starts B-FREQ, opens the plan, informs the KOV. */
export function AgreementButton({ e, edit = false }: { e: EpisodeDetail; edit?: boolean }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t(edit ? 'families.agreement.edit' : 'families.agreement.add')} title={t('families.agreement.title')}
      icon={<IconSignature size={18} aria-hidden />} variant={edit ? 'default' : 'filled'} testId={edit ? 'agreement-edit' : 'agreement-add'}>
      {(close) => <AgreementForm e={e} close={close} />}
    </ActionDialog>
  );
}

export function AgreementSection({ e, canEdit }: { e: EpisodeDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const a = e.agreement;
  return (
    <Section title={t('families.agreement.title')} testId="episode-agreement" actions={canEdit && (a ? <AgreementButton e={e} edit /> : <AgreementButton e={e} />)}>
      {!a ? (
        <Alert color="orange" data-testid="agreement-missing">{t('families.agreement.missing')}</Alert>
      ) : (
        <Stack gap="sm">
          <DetailList>
            <Field label={t('families.agreement.agreedOn')}>{formatDate(a.agreedOn)}</Field>
          </DetailList>
          <TextBlock label={t('families.agreement.goals')} value={a.goals} />
          <TextBlock label={t('families.agreement.activities')} value={a.activities} />
          <TextBlock label={t('families.agreement.familyActivities')} value={a.familyActivities} />
        </Stack>
      )}
    </Section>
  );
}
