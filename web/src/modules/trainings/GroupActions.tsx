import { useState, type FormEvent } from 'react';
import { Alert, Button, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowMerge, IconBan, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../platform/components/DialogModal';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { formatDate, todayInTallinn } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { cancelGroup, cancelRegistration, mergeGroup, useGroups, useTrainingWrite } from './api';
import { placeText } from './format';
import type { GroupDetail, Registration } from './types';
import { FormButtons } from './ui';

type Close = (done?: string) => void;

function MergeForm({ group, close }: { group: GroupDetail; close: Close }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const siblings = useGroups({ trainingId: group.training.id });
  const [into, setInto] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const mutation = useTrainingWrite((intoGroupId: string) => mergeGroup(group.id, { version: group.version, intoGroupId }), (r) => close(t('trainings.merge.done', { moved: r.moved, waitlisted: r.waitlisted })));
  if (siblings.isPending) return <InlineLoader />;
  const targets = (siblings.data ?? []).filter((g) => g.id !== group.id && g.status === 'scheduled' && g.startsOn > today);
  const target = targets.find((g) => g.id === into);
  const fit = target ? Math.min(group.confirmed, target.freePlaces) : 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(into ? undefined : t('validation.required'));
    if (into) mutation.mutate(into);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="merge-form">
      <Stack gap="md">
        <Text size="sm">{t('trainings.merge.intro', { count: group.confirmed + group.waitlisted })}</Text>
        {targets.length === 0 ? (
          <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>{t('trainings.merge.noTarget')}</Alert>
        ) : (
          <Select label={t('trainings.merge.target')} data={targets.map((g) => ({ value: g.id, label: t('trainings.merge.option', { number: g.number, place: placeText(g), date: formatDate(g.startsOn), count: g.freePlaces }) }))}
            value={into} onChange={setInto} error={error} withAsterisk allowDeselect={false} data-testid="merge-target" />
        )}
        {target && <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="merge-preview">{t('trainings.merge.preview', { fit, wait: group.confirmed - fit + group.waitlisted })}</Alert>}
        <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('trainings.merge.submit')} testId="merge-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function CancelGroupForm({ group, close }: { group: GroupDetail; close: Close }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const mutation = useTrainingWrite((r: string) => cancelGroup(group.id, { version: group.version, reason: r }), () => close(t('trainings.cancelGroup.done')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(reason.trim() ? undefined : t('validation.required'));
    if (reason.trim()) mutation.mutate(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate data-testid="cancel-group-form">
      <Stack gap="md">
        <Text size="sm">{t('trainings.cancelGroup.intro', { count: group.confirmed + group.waitlisted })}</Text>
        <Textarea label={t('trainings.cancelGroup.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} withAsterisk autosize minRows={2} maxLength={2000} data-testid="cancel-group-reason" />
        <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('trainings.cancelGroup.submit')} color="red" testId="cancel-group-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/** C-4 for the SKA manager: merge the group into another of the training, or cancel it; everyone registered is told. */
export function GroupActions({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  if (group.status !== 'scheduled' || group.startsOn <= todayInTallinn()) return null;
  return (
    <>
      <ActionDialog label={t('trainings.merge.button')} title={t('trainings.merge.title', { number: group.number })} icon={<IconArrowMerge size={16} aria-hidden />} variant={group.underfilled ? 'filled' : 'default'} testId="group-merge">
        {(close) => <MergeForm group={group} close={close} />}
      </ActionDialog>
      <ActionDialog label={t('trainings.cancelGroup.button')} title={t('trainings.cancelGroup.title', { number: group.number })} icon={<IconBan size={16} aria-hidden />} variant="default" color="red" testId="group-cancel">
        {(close) => <CancelGroupForm group={group} close={close} />}
      </ActionDialog>
    </>
  );
}

/** C-3: cancel a registration (the participant, a colleague of the KOV, the SKA manager); the waitlist moves up. */
export function CancelRegistrationButton({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useTrainingWrite((_: null) => cancelRegistration(registration.id, { version: registration.version, reason: reason.trim() || null }), () => setOpen(false));
  return (
    <>
      <Button variant="subtle" color="red" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={() => setOpen(true)} data-testid="registration-cancel">
        {t('trainings.registration.cancel')}
      </Button>
      <DialogModal opened={open} onClose={() => setOpen(false)} title={t('trainings.registration.cancelTitle')} size="md" testId="registration-cancel-dialog">
        <form onSubmit={(e) => { e.preventDefault(); mutation.mutate(null); }} noValidate>
          <Stack gap="md">
            <Text size="sm">{t(registration.status === 'confirmed' ? 'trainings.registration.cancelText' : 'trainings.registration.cancelTextWaitlist', { name: registration.participant.name, training: registration.training.title })}</Text>
            <Textarea label={t('trainings.registration.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('trainings.registration.cancel')} color="red" testId="registration-cancel-confirm" onCancel={() => setOpen(false)} />
          </Stack>
        </form>
      </DialogModal>
    </>
  );
}
