import { useState } from 'react';
import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { createRound, grantKeys, updateRound, type RoundBody } from './api';
import { centsToInput, parseEuros } from './format';
import { ProblemsAlert } from './ui';
import type { GrantMeasure, Round } from './types';

/** D-GRANT-1: a round's measure, budget, announcement (at least 5 calendar days before opening) and window. */
export function RoundForm({ round, onDone }: { round?: Round; onDone: (r: Round) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [measure, setMeasure] = useState<GrantMeasure>(round?.measure ?? 'signs_of_safety');
  const [title, setTitle] = useState(round?.title ?? '');
  const [budget, setBudget] = useState(centsToInput(round?.budgetCents));
  const [max, setMax] = useState(centsToInput(round?.maxPerApplicationCents));
  const [announcedOn, setAnnouncedOn] = useState(round?.announcedOn ?? '');
  const [opensOn, setOpensOn] = useState(round?.opensOn ?? '');
  const [closesOn, setClosesOn] = useState(round?.closesOn ?? '');
  const [places, setPlaces] = useState<number>(round?.placesPerCategory ?? 2);
  const [notes, setNotes] = useState(round?.notes ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body: RoundBody = { title, budgetCents: parseEuros(budget) ?? 0, announcedOn, opensOn, closesOn: closesOn || null, maxPerApplicationCents: max ? parseEuros(max) : null, placesPerCategory: places, notes: notes.trim() || null };
      return round ? updateRound(round.id, { ...body, version: round.version }) : createRound({ ...body, measure });
    },
    onSuccess: (r) => { void client.invalidateQueries({ queryKey: grantKeys.all }); onDone(r); },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <Stack gap="sm">
        {!round && (
          <div>
            <Text size="sm" fw={500} mb={4} id="round-measure-label">{t('grants.round.measure')}</Text>
            <SegmentedControl aria-labelledby="round-measure-label" value={measure} onChange={(v) => setMeasure(v as GrantMeasure)} data={[{ value: 'signs_of_safety', label: t('grants.measure.signs_of_safety') }, { value: 'perepesa', label: t('grants.measure.perepesa') }]} data-testid="round-measure" />
          </div>
        )}
        <TextInput label={t('grants.round.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} withAsterisk data-testid="round-title" />
        <Group grow align="flex-start">
          <TextInput label={t('grants.round.budget')} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.currentTarget.value)} withAsterisk error={budget && parseEuros(budget) === null ? t('grants.budget.badAmount') : undefined} data-testid="round-budget" />
          <TextInput label={t('grants.round.max')} description={t('grants.round.maxHelp')} inputMode="decimal" value={max} onChange={(e) => setMax(e.currentTarget.value)} data-testid="round-max" />
        </Group>
        <Group grow align="flex-start">
          <DateField label={t('grants.round.announcedOn')} value={announcedOn} onChange={setAnnouncedOn} required testId="round-announced" />
          <DateField label={t('grants.round.opensOn')} description={t('grants.round.opensHelp')} value={opensOn} onChange={setOpensOn} required testId="round-opens" />
          <DateField label={t('grants.round.closesOn')} description={t(`grants.round.closesHelp.${measure}`)} value={closesOn} onChange={setClosesOn} testId="round-closes" />
        </Group>
        {measure === 'signs_of_safety' && (
          <NumberInput label={t('grants.round.places')} description={t('grants.round.placesHelp')} min={1} max={2} value={places} onChange={(v) => setPlaces(typeof v === 'number' ? v : 2)} w={240} data-testid="round-places" />
        )}
        <Textarea label={t('grants.round.notes')} autosize minRows={2} maxLength={4000} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <ProblemsAlert error={save.error} testId="round-error" />
        <Group justify="flex-end"><Button type="submit" loading={save.isPending} data-testid="round-save">{t('common.save')}</Button></Group>
      </Stack>
    </form>
  );
}
