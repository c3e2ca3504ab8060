import { Checkbox, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { specialistLanguageOptions, specialistRoleOptions } from '../options';
import type { SpecialistLanguage, SpecialistRole } from '../types';

interface Props {
  roles: SpecialistRole[];
  languages: SpecialistLanguage[];
  onRoles: (roles: SpecialistRole[]) => void;
  onLanguages: (languages: SpecialistLanguage[]) => void;
  errors: { roles?: string; languages?: string };
}

/** Roles (family supporter, mentor…) and languages (§2.8.9) as checkbox groups. */
export function SpecialistFields({ roles, languages, onRoles, onLanguages, errors }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Checkbox.Group label={t('families.specialists.roles')} value={roles} onChange={(v) => onRoles(v as SpecialistRole[])} error={errors.roles} withAsterisk>
        <Group gap="md" mt="xs">
          {specialistRoleOptions(t).map((o) => <Checkbox key={o.value} value={o.value} label={o.label} data-testid={`specialist-form-role-${o.value}`} />)}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group label={t('families.specialists.languages')} description={t('families.specialists.languagesHint')} value={languages}
        onChange={(v) => onLanguages(v as SpecialistLanguage[])} error={errors.languages} withAsterisk>
        <Group gap="md" mt="xs">
          {specialistLanguageOptions(t).map((o) => <Checkbox key={o.value} value={o.value} label={o.label} data-testid={`specialist-form-language-${o.value}`} />)}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
