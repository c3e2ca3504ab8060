import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { PersonalCodeInput } from './PersonalCodeInput';
import { maxBirthDate, type PersonFormErrors, type PersonFormValues } from './person-form';

interface Props {
  values: PersonFormValues;
  errors: PersonFormErrors;
  onChange: (values: PersonFormValues) => void;
}

export function PersonFormFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => onChange({ ...values, [key]: value });
  const hasCode = values.personalCode.trim() !== '';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('people.fields.firstName')}
        value={values.firstName}
        onChange={(e) => set('firstName', e.currentTarget.value)}
        error={errors.firstName}
        withAsterisk
        autoComplete="off"
        data-testid="person-form-first-name"
      />
      <TextInput
        label={t('people.fields.lastName')}
        value={values.lastName}
        onChange={(e) => set('lastName', e.currentTarget.value)}
        error={errors.lastName}
        withAsterisk
        autoComplete="off"
        data-testid="person-form-last-name"
      />
      <PersonalCodeInput value={values.personalCode} onChange={(v) => set('personalCode', v)} error={errors.personalCode} />
      {!hasCode && (
        <DateField
          label={t('people.fields.birthDate')}
          description={t('people.form.birthDateHint')}
          value={values.birthDate}
          onChange={(v) => set('birthDate', v)}
          error={errors.birthDate}
          required
          maxDate={maxBirthDate()}
          testId="person-form-birth-date"
        />
      )}
    </SimpleGrid>
  );
}
