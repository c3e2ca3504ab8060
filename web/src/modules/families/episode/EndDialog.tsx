import { useState, type FormEvent } from 'react';
import { Alert, Checkbox, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { formatDate, isRealDate, todayInTallinn } from '../../../platform/format';
import { endEpisode } from '../api';
import { endReasonOptions } from '../options';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { EndReason, EpisodeDetail } from '../types';
import { useEpisodeWrite } from './episode-write';
import { EMPTY_TERMINATION, TerminationFields, toTermination, validateTermination, type TerminationErrors } from './TerminationFields';

type Errors = TerminationErrors & { endsOn?: string; reason?: string };

function EndForm({ e, close }: { e: EpisodeDetail; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const kov = e.family.kovInvolved;
  const [endsOn, setEndsOn] = useState(today);
  const [reason, setReason] = useState<EndReason | ''>('');
  const [text, setText] = useState(EMPTY_TERMINATION);
  const [continued, setContinued] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const { mutation, reload } = useEpisodeWrite(e, (version, _: null) =>
    endEpisode(e.id, { version, endsOn, reason: reason as EndReason, continuedSupport: continued, ...toTermination(text, kov) }),
  () => close(t('families.end.done')));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found: Errors = validateTermination(text, kov, t);
    if (!endsOn) found.endsOn = t('validation.required');
    else if (!isRealDate(endsOn)) found.endsOn = t('validation.date');
    else if (endsOn > today) found.endsOn = t('families.dateInFuture');
    else if (endsOn < e.startsOn) found.endsOn = t('families.dateBefore', { date: formatDate(e.startsOn) });
    if (!reason) found.reason = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(null);
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="episode-end-form"] [aria-invalid="true"]')?.focus());
  };
  return (
    <form onSubmit={submit} noValidate data-testid="episode-end-form">
      <Stack gap="md">
        <Text size="sm">{t('families.end.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('families.end.endsOn')} value={endsOn} onChange={setEndsOn} error={errors.endsOn} required maxDate={today} testId="episode-end-date" />
          <Select label={t('families.end.reason')} data={endReasonOptions(t)} value={reason || null} onChange={(v) => setReason((v ?? '') as EndReason | '')}
            error={errors.reason} withAsterisk data-testid="episode-end-reason" />
        </SimpleGrid>
        <TerminationFields values={text} errors={errors} kovInvolved={kov} onChange={setText} testId="episode-end" />
        <Checkbox label={t('families.end.continued')} description={t('families.end.continuedHint')} checked={continued}
          onChange={(ev) => setContinued(ev.currentTarget.checked)} data-testid="episode-end-continued" />
        <Alert color={kov ? 'tedi' : 'gray'}>{t(kov ? 'families.end.kovInfo' : 'families.end.kovNotInvolved', { kov: e.family.kovName })}</Alert>
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.end.submit')} testId="episode-end-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-END: end the service in writing with the termination agreement (sent to the KOV unless declined, B-KOV). */
export function EndButton({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.end.button')} title={t('families.end.title', { reference: e.family.reference })} icon={<IconFlag size={18} aria-hidden />}
      variant="default" testId="episode-end">
      {(close) => <EndForm e={e} close={close} />}
    </ActionDialog>
  );
}
