import { useState, type FormEvent } from 'react';
import { Checkbox, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { forwardReferral, rejectReferral, withdrawReferral, type ForwardInput } from '../api';
import { optText } from '../options';
import { useProviders } from '../queries';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { ReferralDetail } from '../types';
import { useReferralWrite } from './referral-write';

type Close = (done?: string) => void;
const CHECKS = ['targetGroup', 'earlierService', 'justificationAndGoals'] as const;
type Check = (typeof CHECKS)[number];
const CHECK_ID: Record<Check, string> = { targetGroup: 'target-group', earlierService: 'earlier-service', justificationAndGoals: 'justification' };

function ForwardForm({ r, close }: { r: ReferralDetail; close: Close }) {
  const { t } = useTranslation();
  const providers = useProviders();
  const required: Check[] = r.kind === 'needs_based' ? [...CHECKS] : ['targetGroup', 'earlierService'];
  const [checks, setChecks] = useState<Record<Check, boolean>>({ targetGroup: false, earlierService: false, justificationAndGoals: false });
  const [providerId, setProviderId] = useState(r.preferredProvider?.id ?? '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<{ checks?: string; provider?: string }>({});
  const { mutation, reload } = useReferralWrite(r, (version, body: ForwardInput) => forwardReferral(r.id, { version, ...body }),
    () => close(t('families.check.forwarded')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...(required.every((c) => checks[c]) ? {} : { checks: t('families.check.allRequired') }),
      ...(providerId ? {} : { provider: t('validation.required') }),
    };
    setErrors(found);
    if (Object.keys(found).length) return;
    mutation.mutate({ providerId, checks: Object.fromEntries(required.map((c) => [c, true])), checkNotes: optText(notes) });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="referral-forward-form">
      <Stack gap="md">
        <Checkbox.Group label={t('families.check.checksLabel')} description={t(`families.check.checksHint_${r.kind === 'needs_based' ? 'needs' : 'other'}`)}
          value={required.filter((c) => checks[c])} onChange={(v) => setChecks({ targetGroup: v.includes('targetGroup'), earlierService: v.includes('earlierService'), justificationAndGoals: v.includes('justificationAndGoals') })}
          error={errors.checks} withAsterisk>
          <Stack gap="sm" mt="xs">
            {required.map((c) => (
              <Checkbox key={c} value={c} label={t(`families.check.${c}`)} description={t(`families.check.${c}Hint`)} data-testid={`referral-forward-check-${CHECK_ID[c]}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select label={t('families.check.provider')} description={r.preferredProvider ? t('families.check.preferred', { name: r.preferredProvider.name }) : undefined}
          data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.contractInForce ? p.name : `${p.name} — ${t('families.noContract')}`, disabled: !p.contractInForce }))}
          value={providerId || null} onChange={(v) => setProviderId(v ?? '')} error={errors.provider} withAsterisk data-testid="referral-forward-provider" />
        <Textarea label={t('families.check.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={5000}
          data-testid="referral-forward-notes" />
        <Text size="sm" c="dimmed">{t('families.check.forwardInfo')}</Text>
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.check.forward')} testId="referral-forward-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-NEED-2: the SKA contact confirms the checks and forwards to a provider with a contract in force. */
export function ForwardButton({ r }: { r: ReferralDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.check.forward')} title={t('families.check.forwardTitle', { reference: r.reference })} icon={<IconSend size={18} aria-hidden />}
      testId="referral-forward">
      {(close) => <ForwardForm r={r} close={close} />}
    </ActionDialog>
  );
}

function ReasonForm({ r, close, action }: { r: ReferralDetail; close: Close; action: 'reject' | 'withdraw' }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const { mutation, reload } = useReferralWrite(r, (version, text: string) => (action === 'reject' ? rejectReferral : withdrawReferral)(r.id, { version, reason: text }),
    () => close(t(`families.check.${action}Done`)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(reason.trim() ? undefined : t('validation.required'));
    if (reason.trim()) mutation.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Textarea label={t(`families.check.${action}Reason`)} description={t(`families.check.${action}ReasonHint`)} value={reason}
          onChange={(e) => setReason(e.currentTarget.value)} error={error} withAsterisk autosize minRows={3} maxLength={action === 'reject' ? 5000 : 2000}
          data-autofocus data-testid={`referral-${action}-reason`} />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t(`families.check.${action}`)} testId={`referral-${action}-submit`}
          color="red" onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-NEED-2 rejection (the KOV worker is told the reason), or withdrawing a referral that has not started. */
export function ReasonButton({ r, action }: { r: ReferralDetail; action: 'reject' | 'withdraw' }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t(`families.check.${action}`)} title={t(`families.check.${action}Title`, { reference: r.reference })}
      icon={<IconX size={18} aria-hidden />} variant="default" color="red" size="md" testId={`referral-${action}`}>
      {(close) => <ReasonForm r={r} close={close} action={action} />}
    </ActionDialog>
  );
}
