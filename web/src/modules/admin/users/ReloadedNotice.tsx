import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AdminUser } from '../types';
import { valuesFromUser, type UserFormValues } from './user-form';
import { ReloadedAlert } from '../../../platform/components/ReloadedAlert';

const FIELDS: (keyof UserFormValues)[] = ['email', 'name', 'role', 'organisationId', 'personalCode'];

function savedText(user: AdminUser, field: keyof UserFormValues, t: TFunction): string {
  if (field === 'role') return t(`roles.${user.role}`);
  if (field === 'organisationId') return user.organisationName;
  return valuesFromUser(user)[field] || '—';
}

interface Props {
  latest: AdminUser;
  values: UserFormValues;
  onDiscard: () => void;
}

/** After a conflict reload: which saved values differ from the user's kept edits. */
export function ReloadedNotice({ latest, values, onDiscard }: Props) {
  const { t } = useTranslation();
  const saved = valuesFromUser(latest);
  const differing = FIELDS.filter((f) => saved[f] !== values[f]);
  return (
    <ReloadedAlert onDiscard={onDiscard}>
      {differing.length > 0 && (
        <>
        <div>{t('errors.versionConflict.savedValues')}</div>
        <List size="sm" mt="xs">
          {differing.map((f) => (
            <List.Item key={f}>
              {t(`users.fields.${f === 'organisationId' ? 'organisation' : f}`)}: {savedText(latest, f, t)}
            </List.Item>
          ))}
        </List>
        </>
      )}
    </ReloadedAlert>
  );
}
