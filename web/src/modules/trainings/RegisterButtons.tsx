import { useState, type FormEvent } from 'react';
import { Button, Group as Row, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { ActionDialog } from '../families/ui/ActionDialog';
import { registerFor, useColleagues, useTrainingWrite } from './api';
import type { Group, MyPlace, Registration } from './types';
import { FormButtons, ProblemAlert } from './ui';

function ColleagueForm({ group, close }: { group: Group; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const colleagues = useColleagues(group.training.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const mutation = useTrainingWrite((id: string) => registerFor(group.id, id), (r: Registration) => close(t(r.status === 'confirmed' ? 'trainings.register.done' : 'trainings.register.doneWaitlist', { name: r.participant.name })));
  if (colleagues.isPending) return <InlineLoader />;
  const data = (colleagues.data ?? []).map((c) => ({
    value: c.id,
    label: c.registration ? `${c.name} — ${t('trainings.register.already', { group: c.registration.groupNumber, status: t(`trainings.registration.status.${c.registration.status}`) })}` : c.name,
    disabled: Boolean(c.registration),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(userId ? undefined : t('validation.required'));
    if (userId) mutation.mutate(userId);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="colleague-form">
      <Stack gap="md">
        <Text size="sm">{t('trainings.register.colleagueIntro', { places: group.freePlaces })}</Text>
        <Select label={t('trainings.register.colleagueLabel')} description={t('trainings.register.colleagueHint')} data={data} value={userId} onChange={setUserId} searchable error={error} withAsterisk data-testid="colleague-select" />
        <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('trainings.register.submit')} testId="colleague-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/**
 * C-3 for a KOV worker on a group: register yourself (a place or the waitlist)
 * or a colleague of your municipality; your own place in the training, if any.
 */
export function RegisterButtons({ group, mine }: { group: Group; mine: MyPlace | null }) {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const self = useTrainingWrite((_: null) => registerFor(group.id), (r: Registration) => setAnnounce(t(r.status === 'confirmed' ? 'trainings.register.selfDone' : 'trainings.register.selfWaitlisted')));
  if (group.registrationState !== 'open') return null;
  const full = group.freePlaces === 0;
  return (
    <Stack gap={4} align="flex-start">
      <Row gap="xs" wrap="wrap">
        {!mine && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} variant={full ? 'default' : 'filled'} loading={self.isPending} onClick={() => self.mutate(null)} data-testid="register-self">
            {t(full ? 'trainings.register.selfWaitlist' : 'trainings.register.self')}
          </Button>
        )}
        <ActionDialog label={t('trainings.register.colleague')} title={t('trainings.register.colleagueTitle', { number: group.number })} icon={<IconUsersPlus size={16} aria-hidden />} variant="default" testId="register-colleague">
          {(close) => <ColleagueForm group={group} close={close} />}
        </ActionDialog>
      </Row>
      <VisuallyHidden role="status" aria-live="polite">{announce}</VisuallyHidden>
      <ProblemAlert error={self.error} testId="register-self-error" />
    </Stack>
  );
}
