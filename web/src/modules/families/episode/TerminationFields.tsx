import type { TFunction } from 'i18next';
import { Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { optText } from '../options';
import type { TerminationInput } from '../types';

export interface TerminationValues {
  activities: string;
  goalsReached: string;
  furtherNeeds: string;
  kovRecommendations: string;
}
export type TerminationErrors = Partial<Record<keyof TerminationValues, string>>;

export const EMPTY_TERMINATION: TerminationValues = { activities: '', goalsReached: '', furtherNeeds: '', kovRecommendations: '' };

/** B-END: activities, goals reached, further needs and (when the KOV is involved) recommendations for the KOV. */
export function validateTermination(v: TerminationValues, kovInvolved: boolean, t: TFunction): TerminationErrors {
  const keys: (keyof TerminationValues)[] = ['activities', 'goalsReached', 'furtherNeeds', ...(kovInvolved ? (['kovRecommendations'] as const) : [])];
  return Object.fromEntries(keys.filter((k) => !v[k].trim()).map((k) => [k, t('validation.required')]));
}

export const toTermination = (v: TerminationValues, kovInvolved: boolean): TerminationInput => ({
  activities: optText(v.activities),
  goalsReached: optText(v.goalsReached),
  furtherNeeds: optText(v.furtherNeeds),
  ...(kovInvolved ? { kovRecommendations: optText(v.kovRecommendations) } : {}),
});

interface Props {
  values: TerminationValues;
  errors: TerminationErrors;
  kovInvolved: boolean;
  onChange: (values: TerminationValues) => void;
  testId: string;
}

/** The written termination agreement's contents (lõpetamisleping). */
export function TerminationFields({ values, errors, kovInvolved, onChange, testId }: Props) {
  const { t } = useTranslation();
  const area = (k: keyof TerminationValues, id: string) => (
    <Textarea label={t(`families.end.${k}`)} description={t(`families.end.${k}Hint`)} value={values[k]} onChange={(e) => onChange({ ...values, [k]: e.currentTarget.value })}
      error={errors[k]} withAsterisk autosize minRows={3} maxRows={12} maxLength={20000} data-testid={`${testId}-${id}`} />
  );
  return (
    <Stack gap="md">
      {area('activities', 'activities')}
      {area('goalsReached', 'goals-reached')}
      {area('furtherNeeds', 'further-needs')}
      {kovInvolved && area('kovRecommendations', 'kov-recommendations')}
    </Stack>
  );
}
