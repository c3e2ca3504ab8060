import { Checkbox, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { useOrganisationOptions } from '../../admin/api';
import { familyLanguageOptions } from '../options';
import type { FamilyLanguage } from '../types';
import type { FamilyFormErrors, FamilyFormValues } from './family-form';

interface Props {
  values: FamilyFormValues;
  errors: FamilyFormErrors;
  onChange: (values: FamilyFormValues) => void;
}

/** Municipality, Tallinn district, service language, assessment, the adoptive family's choices and contacts. */
export function FamilyBasicsFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const user = useSession().user;
  const kovWorker = user.role === 'kov_worker';
  const kovs = useOrganisationOptions('kov');
  const set = <K extends keyof FamilyFormValues>(key: K, value: FamilyFormValues[K]) => onChange({ ...values, [key]: value });
  const kovName = kovWorker ? user.organisation.name : (kovs.data ?? []).find((k) => k.id === values.kovOrganisationId)?.name ?? '';
  const tallinn = kovName.startsWith('Tallinn');
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={2} size="h4" component="legend" mb="xs">{t('families.form.basics')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {kovWorker ? (
          <TextInput label={t('families.fields.kov')} value={user.organisation.name} readOnly data-testid="family-form-kov" />
        ) : (
          <Select label={t('families.fields.kov')} description={t('families.form.kovHint')} data={(kovs.data ?? []).map((k) => ({ value: k.id, label: k.name }))}
            value={values.kovOrganisationId || null} onChange={(v) => set('kovOrganisationId', v ?? '')} error={errors.kovOrganisationId}
            searchable withAsterisk nothingFoundMessage={t('common.nothingFound')} data-testid="family-form-kov" />
        )}
        {tallinn && (
          <TextInput label={t('families.fields.district')} description={t('families.form.districtHint')} value={values.district}
            onChange={(e) => set('district', e.currentTarget.value)} maxLength={40} data-testid="family-form-district" />
        )}
        <Select label={t('families.fields.language')} description={t('families.form.languageHint')} data={familyLanguageOptions(t)}
          value={values.language} onChange={(v) => set('language', (v ?? 'et') as FamilyLanguage)} allowDeselect={false} data-testid="family-form-language" />
        <TextInput label={t('families.fields.contactPhone')} type="tel" value={values.contactPhone} onChange={(e) => set('contactPhone', e.currentTarget.value)}
          maxLength={50} autoComplete="off" data-testid="family-form-phone" />
        <TextInput label={t('families.fields.contactEmail')} type="email" value={values.contactEmail} onChange={(e) => set('contactEmail', e.currentTarget.value)}
          error={errors.contactEmail} maxLength={200} autoComplete="off" data-testid="family-form-email" />
        <TextInput label={t('families.fields.address')} value={values.address} onChange={(e) => set('address', e.currentTarget.value)}
          maxLength={300} autoComplete="off" data-testid="family-form-address" />
      </SimpleGrid>
      <Checkbox label={t('families.fields.assessed')} description={t('families.form.assessedHint')} checked={values.assessed}
        onChange={(e) => set('assessed', e.currentTarget.checked)} data-testid="family-form-assessed" />
      {values.type === 'lapsendaja' && (
        <>
          {!kovWorker && (
            <Checkbox label={t('families.fields.kovInvolvementConsent')} description={t('families.form.kovConsentHint')} checked={values.kovInvolvementConsent}
              onChange={(e) => set('kovInvolvementConsent', e.currentTarget.checked)} data-testid="family-form-kov-consent" />
          )}
          <Checkbox label={t('families.fields.adoptionSecrecy')} description={t('families.form.secrecyHint')} checked={values.adoptionSecrecy}
            onChange={(e) => set('adoptionSecrecy', e.currentTarget.checked)} data-testid="family-form-secrecy" />
        </>
      )}
    </Stack>
  );
}
