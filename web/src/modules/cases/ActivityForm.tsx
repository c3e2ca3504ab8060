import { useState, type FormEvent } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { isRealDate, todayInTallinn } from '../../platform/format';
import { addActivity, caseKeys } from './api';
import { ACTIVITY_KINDS } from './workflow';
import type { CaseDetail, NewActivity } from './types';

interface Values {
  kind: string;
  occurredOn: string;
  participants: string;
  notes: string;
  country: string;
  authority: string;
  foreignReference: string;
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

function toActivity(v: Values): NewActivity {
  const foreign = v.kind === 'foreign_correspondence';
  return {
    kind: v.kind,
    occurredOn: v.occurredOn,
    participants: opt(v.participants),
    notes: opt(v.notes),
    ...(foreign ? { country: opt(v.country), authority: opt(v.authority), foreignReference: opt(v.foreignReference) } : {}),
  };
}

/** X-MOBILE: the quick "what happened" form — kind, date (today), who took part, notes. */
export function ActivityForm({ c, onDone }: { c: CaseDetail; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = todayInTallinn();
  const [v, setV] = useState<Values>({ kind: '', occurredOn: today, participants: '', notes: '', country: '', authority: '', foreignReference: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const set = (key: keyof Values, value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const mutation = useMutation({
    mutationFn: () => addActivity(c.id, toActivity(v)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: caseKeys.timeline(c.id) });
      onDone(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!v.kind) found.kind = t('validation.required');
    if (!v.occurredOn) found.occurredOn = t('validation.required');
    else if (!isRealDate(v.occurredOn)) found.occurredOn = t('validation.date');
    else if (v.occurredOn > today) found.occurredOn = t('cases.activity.futureDate');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  const kinds = ACTIVITY_KINDS[c.type].map((k) => ({ value: k, label: t(`cases.activityKinds.${k}`) }));
  return (
    <form onSubmit={submit} noValidate data-testid="activity-form">
      <Stack gap="md">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('cases.activity.kind')} data={kinds} value={v.kind || null} onChange={(k) => set('kind', k ?? '')}
            error={errors.kind} withAsterisk data-autofocus data-testid="activity-form-kind" comboboxProps={{ withinPortal: true }} />
          <DateField label={t('cases.activity.occurredOn')} value={v.occurredOn} onChange={(d) => set('occurredOn', d)} error={errors.occurredOn}
            required maxDate={today} testId="activity-form-date" />
        </SimpleGrid>
        <TextInput label={t('cases.activity.participants')} description={t('cases.activity.participantsHint')} value={v.participants}
          onChange={(e) => set('participants', e.currentTarget.value)} maxLength={2000} data-testid="activity-form-participants" />
        {v.kind === 'foreign_correspondence' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('cases.activity.country')} value={v.country} onChange={(e) => set('country', e.currentTarget.value)}
              maxLength={100} data-testid="activity-form-country" />
            <TextInput label={t('cases.activity.authority')} value={v.authority} onChange={(e) => set('authority', e.currentTarget.value)}
              maxLength={300} data-testid="activity-form-authority" />
            <TextInput label={t('cases.activity.foreignReference')} value={v.foreignReference}
              onChange={(e) => set('foreignReference', e.currentTarget.value)} maxLength={100} data-testid="activity-form-foreign-reference" />
          </SimpleGrid>
        )}
        <Textarea label={t('cases.activity.notes')} value={v.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize
          minRows={3} maxRows={12} maxLength={20000} data-testid="activity-form-notes" />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending} data-testid="activity-form-submit">{t('cases.activity.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
