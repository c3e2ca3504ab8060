import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../../platform/auth/roles';
import { roleOptions } from '../../../platform/options';
import { useOrganisationOptions } from '../api';
import type { UserFormErrors, UserFormValues } from './user-form';

interface Props {
  values: UserFormValues;
  errors: UserFormErrors;
  onChange: (values: UserFormValues) => void;
}

/** email, name, role, organisation and personal code inputs, shared by create and edit. */
export function UserFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const organisations = useOrganisationOptions();
  const orgData = (organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('users.fields.email')}
        type="email"
        autoComplete="off"
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors.email}
        withAsterisk
        data-testid="user-form-email"
      />
      <TextInput
        label={t('users.fields.name')}
        autoComplete="off"
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        withAsterisk
        data-testid="user-form-name"
      />
      <Select
        label={t('users.fields.role')}
        data={roleOptions(t)}
        value={values.role || null}
        onChange={(v) => set('role', isRole(v) ? v : '')}
        error={errors.role}
        withAsterisk
        searchable
        data-testid="user-form-role"
      />
      <Select
        label={t('users.fields.organisation')}
        data={orgData}
        value={values.organisationId || null}
        onChange={(v) => set('organisationId', v ?? '')}
        error={errors.organisationId}
        withAsterisk
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="user-form-organisation"
      />
      <TextInput
        label={t('users.fields.personalCode')}
        description={t('users.fields.personalCodeHint')}
        inputMode="numeric"
        maxLength={11}
        value={values.personalCode}
        onChange={(e) => set('personalCode', e.currentTarget.value.replace(/\D/g, ''))}
        error={errors.personalCode}
        data-testid="user-form-personal-code"
      />
    </SimpleGrid>
  );
}
