import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { PersonalCodeInput } from '../../people/PersonalCodeInput';
import { maxBirthDate, toPersonFields, type PersonFormErrors, type PersonFormValues } from '../../people/person-form';
import type { PersonInput } from '../types';

interface Props {
  values: PersonFormValues;
  errors: PersonFormErrors;
  onChange: (values: PersonFormValues) => void;
  /** data-testid prefix: `<prefix>-first-name`, `<prefix>-personal-code`… */
  testId: string;
}

/** Name and personal code (or birth date without one) of a parent, child or household member. */
export function PersonFields({ values, errors, onChange, testId }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('people.fields.firstName')} value={values.firstName} onChange={(e) => set('firstName', e.currentTarget.value)}
        error={errors.firstName} withAsterisk autoComplete="off" maxLength={100} data-testid={`${testId}-first-name`} />
      <TextInput label={t('people.fields.lastName')} value={values.lastName} onChange={(e) => set('lastName', e.currentTarget.value)}
        error={errors.lastName} withAsterisk autoComplete="off" maxLength={100} data-testid={`${testId}-last-name`} />
      <PersonalCodeInput value={values.personalCode} onChange={(v) => set('personalCode', v)} error={errors.personalCode} testId={`${testId}-personal-code`} />
      {!values.personalCode.trim() && (
        <DateField label={t('people.fields.birthDate')} description={t('people.form.birthDateHint')} value={values.birthDate}
          onChange={(v) => set('birthDate', v)} error={errors.birthDate} required maxDate={maxBirthDate()} testId={`${testId}-birth-date`} />
      )}
    </SimpleGrid>
  );
}

export const toPersonInput = (v: PersonFormValues): PersonInput => toPersonFields(v);
