import { Checkbox, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countyOptions, kindOptions } from '../../../platform/options';
import { isKind, type OrgFormErrors, type OrgFormValues } from './org-form';

interface Props {
  values: OrgFormValues;
  errors: OrgFormErrors;
  onChange: (values: OrgFormValues) => void;
}

export function OrganisationFormFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof OrgFormValues>(key: K, value: OrgFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('organisations.fields.name')}
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        withAsterisk
        data-testid="org-form-name"
      />
      <Select
        label={t('organisations.fields.kind')}
        data={kindOptions(t)}
        value={values.kind || null}
        onChange={(v) => set('kind', isKind(v) ? v : '')}
        error={errors.kind}
        withAsterisk
        data-testid="org-form-kind"
      />
      <TextInput
        label={t('organisations.fields.registryCode')}
        description={t('organisations.fields.registryCodeHint')}
        inputMode="numeric"
        maxLength={8}
        value={values.registryCode}
        onChange={(e) => set('registryCode', e.currentTarget.value.replace(/\D/g, ''))}
        error={errors.registryCode}
        data-testid="org-form-registry-code"
      />
      <Select
        label={t('organisations.fields.county')}
        data={countyOptions(t)}
        value={values.county || null}
        onChange={(v) => set('county', v ?? '')}
        clearable
        searchable
        data-testid="org-form-county"
      />
      <NumberInput
        label={t('organisations.fields.population')}
        value={values.population}
        onChange={(v) => set('population', typeof v === 'number' ? v : '')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=" "
        error={errors.population}
        data-testid="org-form-population"
      />
      <Checkbox
        label={t('organisations.fields.island')}
        description={t('organisations.fields.islandHint')}
        checked={values.island}
        onChange={(e) => set('island', e.currentTarget.checked)}
        mt={{ base: 0, sm: 'xl' }}
        data-testid="org-form-island"
      />
    </SimpleGrid>
  );
}
