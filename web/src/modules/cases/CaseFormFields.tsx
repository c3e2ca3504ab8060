import { Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { PersonalCodeInput } from '../people/PersonalCodeInput';
import { maxBirthDate } from '../people/person-form';
import { childAge, rvAgeGroup, type CaseFormErrors, type CaseFormValues } from './case-form';
import { CaseTypeField } from './CaseTypeField';
import { RvAgeFields } from './RvAgeFields';
import { languageOptions, subtypeOptions } from './workflow';
import type { CaseLanguage, InternationalSubtype } from './types';

interface Props {
  values: CaseFormValues;
  errors: CaseFormErrors;
  onChange: (values: CaseFormValues) => void;
}

function ChildFields({ values, errors, set }: Props & { set: Setter }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={2} size="h4" component="legend" mb="xs">{t('cases.form.child')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('people.fields.firstName')} value={values.firstName} onChange={(e) => set('firstName', e.currentTarget.value)}
          error={errors.firstName} withAsterisk autoComplete="off" data-testid="case-form-first-name" />
        <TextInput label={t('people.fields.lastName')} value={values.lastName} onChange={(e) => set('lastName', e.currentTarget.value)}
          error={errors.lastName} withAsterisk autoComplete="off" data-testid="case-form-last-name" />
        <PersonalCodeInput value={values.personalCode} onChange={(v) => set('personalCode', v)} error={errors.personalCode}
          testId="case-form-personal-code" />
        {!values.personalCode.trim() && (
          <DateField label={t('people.fields.birthDate')} description={t('people.form.birthDateHint')} value={values.birthDate}
            onChange={(v) => set('birthDate', v)} error={errors.birthDate} required maxDate={maxBirthDate()} testId="case-form-birth-date" />
        )}
      </SimpleGrid>
      <TextInput label={t('cases.fields.childResidence')} description={t('cases.form.childResidenceHint')} value={values.childResidence}
        onChange={(e) => set('childResidence', e.currentTarget.value)} maxLength={300} data-testid="case-form-residence" />
    </Stack>
  );
}

type Setter = <K extends keyof CaseFormValues>(key: K, value: CaseFormValues[K]) => void;

function ApplicationFields({ values, errors, set }: Props & { set: Setter }) {
  const { t } = useTranslation();
  const type = values.type || 'domestic';
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={2} size="h4" component="legend" mb="xs">{t('cases.form.application')}</Title>
      <Textarea label={t(`cases.question.${type}`)} description={t(`cases.questionHint.${type}`)} value={values.question}
        onChange={(e) => set('question', e.currentTarget.value)} error={errors.question} withAsterisk autosize minRows={4} maxRows={14}
        maxLength={10000} data-testid="case-form-question" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('cases.fields.starReference')} description={t('cases.form.starHint')} value={values.starReference}
          onChange={(e) => set('starReference', e.currentTarget.value)} maxLength={100} data-testid="case-form-star" />
        {values.type === 'klat_opinion' && (
          <DateField label={t('cases.fields.courtDate')} description={t('cases.form.courtDateHint')} value={values.courtDate}
            onChange={(v) => set('courtDate', v)} error={errors.courtDate} testId="case-form-court-date" />
        )}
        <Select label={t('cases.fields.language')} description={t('cases.form.languageHint')} data={languageOptions(t)}
          value={values.language} onChange={(v) => set('language', (v ?? 'et') as CaseLanguage)} allowDeselect={false}
          data-testid="case-form-language" />
      </SimpleGrid>
    </Stack>
  );
}

export function CaseFormFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set: Setter = (key, value) => onChange({ ...values, [key]: value });
  const age = childAge(values);
  return (
    <Stack gap="lg">
      <CaseTypeField value={values.type} onChange={(v) => set('type', v)} error={errors.type} />
      {values.type === 'international' && (
        <Select label={t('cases.fields.internationalSubtype')} data={subtypeOptions(t)} value={values.internationalSubtype || null}
          onChange={(v) => set('internationalSubtype', (v ?? '') as InternationalSubtype | '')} error={errors.internationalSubtype}
          withAsterisk data-testid="case-form-subtype" />
      )}
      <ChildFields values={values} errors={errors} onChange={onChange} set={set} />
      {values.type === 'rv' && (
        <RvAgeFields age={age} group={rvAgeGroup(age)} note={values.rvAgeNote} consent={values.rvConsentOver18}
          onNote={(v) => set('rvAgeNote', v)} onConsent={(v) => set('rvConsentOver18', v)} errors={errors} />
      )}
      <ApplicationFields values={values} errors={errors} onChange={onChange} set={set} />
    </Stack>
  );
}
