import { useState, type FormEvent } from 'react';
import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { formatDate, isRealDate } from '../../platform/format';
import { createGroup, updateGroup, useTrainingOptions, useTrainingWrite } from './api';
import type { Group, GroupInput, Training } from './types';
import { FormButtons } from './ui';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
type Day = { day: string; startsAt: string; endsAt: string };

/**
 * C-2: a group of a training — one row per training day (inside the window),
 * city and venue, capacity min–max, the provider's trainer and the cut-off.
 */
export function GroupForm({ training, group, close }: { training: Pick<Training, 'id' | 'days' | 'form' | 'windowStart' | 'windowEnd' | 'provider'>; group?: Group; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const options = useTrainingOptions();
  const [city, setCity] = useState(group?.city ?? '');
  const [venue, setVenue] = useState(group?.venue ?? '');
  const [days, setDays] = useState<Day[]>(() =>
    group ? group.sessions.map((s) => ({ day: s.day, startsAt: s.startsAt, endsAt: s.endsAt })) : Array.from({ length: training.days }, () => ({ day: '', startsAt: '10:00', endsAt: '16:00' })),
  );
  const [min, setMin] = useState<number>(group?.capacityMin ?? 15);
  const [max, setMax] = useState<number>(group?.capacityMax ?? 25);
  const [trainerId, setTrainerId] = useState<string | null>(group?.trainer?.id ?? null);
  const [cutoff, setCutoff] = useState(group?.registrationClosesOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useTrainingWrite(
    (body: GroupInput) => (group ? updateGroup(group.id, { ...body, version: group.version }) : createGroup(training.id, body)),
    () => close(t(group ? 'trainings.group.saved' : 'trainings.group.created')),
  );
  if (options.isPending) return <InlineLoader />;
  const trainers = (options.data?.trainers ?? []).filter((x) => x.providerId === training.provider.id);
  const setDay = (i: number, patch: Partial<Day>) => setDays((old) => old.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    days.forEach((d, i) => {
      if (!isRealDate(d.day)) found[`day${i}`] = t('validation.date');
      else if (d.day < training.windowStart || d.day > training.windowEnd) found[`day${i}`] = t('trainings.group.inWindow', { from: formatDate(training.windowStart), to: formatDate(training.windowEnd) });
      if (!TIME.test(d.startsAt) || !TIME.test(d.endsAt) || d.endsAt <= d.startsAt) found[`time${i}`] = t('trainings.group.timeFormat');
    });
    if (training.form === 'in_person' && !city.trim()) found.city = t('validation.required');
    if (min > max) found.capacity = t('trainings.group.capacityOrder');
    if (cutoff && !isRealDate(cutoff)) found.cutoff = t('validation.date');
    setErrors(found);
    if (Object.keys(found).length) return;
    mutation.mutate({ city: city.trim() || null, venue: venue.trim() || null, sessions: days, capacityMin: min, capacityMax: max, trainerId, ...(cutoff ? { registrationClosesOn: cutoff } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="group-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('trainings.group.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} error={errors.city} withAsterisk={training.form === 'in_person'} maxLength={100} data-testid="group-form-city" />
          <TextInput label={t('trainings.group.venue')} description={t('trainings.group.venueHint')} value={venue} onChange={(e) => setVenue(e.currentTarget.value)} maxLength={300} data-testid="group-form-venue" />
        </SimpleGrid>
        <Title order={3} size="h5">{t('trainings.group.days')}</Title>
        <Text size="sm" c="dimmed">{t('trainings.group.daysHint', { count: training.days, from: formatDate(training.windowStart), to: formatDate(training.windowEnd) })}</Text>
        {days.map((d, i) => (
          <SimpleGrid key={i} cols={{ base: 1, sm: 3 }}>
            <DateField label={t('trainings.group.day', { n: i + 1 })} value={d.day} onChange={(v) => setDay(i, { day: v })} error={errors[`day${i}`]} required testId={`group-form-day-${i}`} />
            <TextInput label={t('trainings.group.startsAt')} value={d.startsAt} onChange={(e) => setDay(i, { startsAt: e.currentTarget.value })} error={errors[`time${i}`]} placeholder="10:00" maxLength={5} />
            <TextInput label={t('trainings.group.endsAt')} value={d.endsAt} onChange={(e) => setDay(i, { endsAt: e.currentTarget.value })} placeholder="16:00" maxLength={5} />
          </SimpleGrid>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('trainings.group.capacityMin')} value={min} onChange={(v) => setMin(Number(v) || 1)} min={1} max={500} error={errors.capacity} withAsterisk />
          <NumberInput label={t('trainings.group.capacityMax')} value={max} onChange={(v) => setMax(Number(v) || 1)} min={1} max={500} withAsterisk />
        </SimpleGrid>
        <Select label={t('trainings.group.trainer')} data={trainers.map((x) => ({ value: x.id, label: x.name }))} value={trainerId} onChange={setTrainerId} clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }} placeholder={t('trainings.group.noTrainer')} data-testid="group-form-trainer" />
        <DateField label={t('trainings.group.cutoff')} description={t('trainings.group.cutoffHint')} value={cutoff} onChange={setCutoff} error={errors.cutoff} testId="group-form-cutoff" />
        <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="group-form-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}
