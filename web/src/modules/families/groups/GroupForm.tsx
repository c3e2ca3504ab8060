import { useState, type FormEvent } from 'react';
import { NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { formatDate, isRealDate } from '../../../platform/format';
import { useOrganisationOptions } from '../../admin/api';
import { useSpecialists } from '../queries';
import { FormActions } from '../ui/FormActions';
import { addGroup, updateGroup, useGroupWrite } from './api';
import type { Group, GroupFamilyType, GroupInput } from './types';

const FAMILY_TYPES: GroupFamilyType[] = ['hooldus', 'eestkoste', 'lapsendaja', 'mixed'];

function initial(month: string, g?: Group): GroupInput {
  return g
    ? {
        plannedOn: g.plannedOn,
        startsAt: g.startsAt,
        plannedMinutes: g.plannedMinutes,
        online: g.online,
        place: g.place,
        municipalityId: g.municipality?.id ?? null,
        topic: g.topic,
        leaderName: g.leaderName,
        leaderSpecialistId: g.leaderSpecialistId,
        familyType: g.familyType,
        publicInfo: g.publicInfo,
      }
    : { plannedOn: `${month}-01`, startsAt: '17:00', plannedMinutes: 120, online: false, place: '', municipalityId: null, topic: '', leaderName: '', leaderSpecialistId: null, familyType: 'hooldus', publicInfo: '' };
}

type Errors = Partial<Record<keyof GroupInput, string>>;

/** B-GRP-1: one group of the plan — day in the plan's month, time, length, place or online, KOV (island), topic, leader, family type, public info. */
export function GroupForm({ planId, month, group, close }: { planId: string; month: string; group?: Group; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<GroupInput>(() => initial(month, group));
  const [errors, setErrors] = useState<Errors>({});
  const kovs = useOrganisationOptions('kov');
  const team = useSpecialists({ active: 'true' });
  const set = <K extends keyof GroupInput>(key: K, value: GroupInput[K]) => setV((old) => ({ ...old, [key]: value }));
  const mutation = useGroupWrite(
    (input: GroupInput) => (group ? updateGroup(group.id, { ...input, version: group.version }) : addGroup(planId, input)),
    () => close(t(group ? 'groups.form.saved' : 'groups.form.added')),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!v.plannedOn || !isRealDate(v.plannedOn)) found.plannedOn = t('validation.date');
    else if (v.plannedOn.slice(0, 7) !== month) found.plannedOn = t('groups.form.dateInMonth', { month });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.startsAt)) found.startsAt = t('groups.form.timeFormat');
    if (!v.plannedMinutes || v.plannedMinutes < 15) found.plannedMinutes = t('validation.wholeNumber');
    if (!v.online && !v.place?.trim()) found.place = t('validation.required');
    if (!v.online && !v.municipalityId) found.municipalityId = t('validation.required');
    if (!v.topic.trim()) found.topic = t('validation.required');
    if (!v.leaderName.trim()) found.leaderName = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length) return;
    mutation.mutate({ ...v, place: v.online ? null : v.place?.trim() || null, publicInfo: v.publicInfo?.trim() || null, topic: v.topic.trim(), leaderName: v.leaderName.trim() });
  };
  const shortInPerson = !v.online && v.plannedMinutes < 120;
  return (
    <form onSubmit={submit} noValidate data-testid="group-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('groups.fields.date')} value={v.plannedOn} onChange={(x) => set('plannedOn', x)} error={errors.plannedOn} required testId="group-form-date"
            description={t('groups.form.dateHint', { from: formatDate(`${month}-01`) })} />
          <TextInput type="time" label={t('groups.fields.startsAt')} value={v.startsAt} onChange={(e) => set('startsAt', e.currentTarget.value)} error={errors.startsAt} withAsterisk data-testid="group-form-time" />
          <NumberInput label={t('groups.fields.plannedMinutes')} value={v.plannedMinutes} onChange={(x) => set('plannedMinutes', Number(x) || 0)} min={15} max={600} step={15}
            error={errors.plannedMinutes} withAsterisk data-testid="group-form-minutes" />
        </SimpleGrid>
        {shortInPerson && <Text size="sm" c="orange.8" data-testid="group-form-short">{t('groups.form.shortHint')}</Text>}
        <Switch label={t('groups.fields.online')} description={t('groups.form.onlineHint')} checked={v.online} onChange={(e) => set('online', e.currentTarget.checked)} data-testid="group-form-online" />
        {!v.online && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('groups.fields.place')} value={v.place ?? ''} onChange={(e) => set('place', e.currentTarget.value)} error={errors.place} withAsterisk maxLength={300} data-testid="group-form-place" />
            <Select label={t('groups.fields.municipality')} description={t('groups.form.islandHint')} data={(kovs.data ?? []).map((k) => ({ value: k.id, label: k.name }))}
              value={v.municipalityId} onChange={(x) => set('municipalityId', x)} error={errors.municipalityId} withAsterisk searchable
              nothingFoundMessage={t('common.nothingFound')} data-testid="group-form-kov" />
          </SimpleGrid>
        )}
        <TextInput label={t('groups.fields.topic')} value={v.topic} onChange={(e) => set('topic', e.currentTarget.value)} error={errors.topic} withAsterisk maxLength={300} data-testid="group-form-topic" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('groups.fields.leaderSpecialist')} description={t('groups.form.leaderHint')} clearable data={(team.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={v.leaderSpecialistId} clearButtonProps={{ 'aria-label': t('common.clear') }}
            onChange={(x) => {
              const chosen = team.data?.find((s) => s.id === x);
              setV((old) => ({ ...old, leaderSpecialistId: x, leaderName: chosen ? chosen.name : old.leaderName }));
            }} data-testid="group-form-leader-specialist" />
          <TextInput label={t('groups.fields.leader')} value={v.leaderName} onChange={(e) => set('leaderName', e.currentTarget.value)} error={errors.leaderName} withAsterisk maxLength={200} data-testid="group-form-leader" />
        </SimpleGrid>
        <Select label={t('groups.fields.familyType')} description={t('groups.form.familyTypeHint')} data={FAMILY_TYPES.map((f) => ({ value: f, label: t(`groups.familyType.${f}`) }))}
          value={v.familyType} onChange={(x) => x && set('familyType', x as GroupFamilyType)} allowDeselect={false} data-testid="group-form-family-type" />
        <Textarea label={t('groups.fields.publicInfo')} description={t('groups.form.publicInfoHint')} value={v.publicInfo ?? ''} onChange={(e) => set('publicInfo', e.currentTarget.value)}
          autosize minRows={2} maxLength={2000} data-testid="group-form-public-info" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t(group ? 'common.save' : 'groups.form.add')} testId="group-form-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}
