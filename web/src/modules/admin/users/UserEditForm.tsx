import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../../platform/api/errors';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { updateUser, userKeys } from '../api';
import { isVersionConflict } from '../conflict';
import type { AdminUser } from '../types';
import { ReloadedNotice } from './ReloadedNotice';
import { UserFields } from './UserFields';
import { serverFieldErrors, toUserChanges, validateUser, valuesFromUser, type UserFormErrors } from './user-form';

interface Props {
  user: AdminUser;
  /** Refetches the user; resolves with the latest saved record. */
  onReload: () => Promise<AdminUser | undefined>;
}

/**
 * X-CONC edit form. `baseVersion` is the version the edits started from; it changes only on
 * save or when the user loads the latest data after a 409 — the typed edits are kept.
 */
export function UserEditForm({ user, onReload }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState(() => valuesFromUser(user));
  const [baseVersion, setBaseVersion] = useState(user.version);
  const [errors, setErrors] = useState<UserFormErrors>({});
  const [notice, setNotice] = useState<'saved' | 'reloaded' | null>(null);
  const mutation = useMutation({
    mutationFn: () => updateUser(user.id, toUserChanges(values, user, baseVersion)),
    onSuccess: (next) => {
      client.setQueryData(userKeys.one(user.id), next);
      void client.invalidateQueries({ queryKey: userKeys.all });
      setValues(valuesFromUser(next));
      setBaseVersion(next.version);
      setNotice('saved');
    },
    onError: (error) => setErrors(serverFieldErrors(fieldProblems(error))),
  });
  const conflict = isVersionConflict(mutation.error);

  const reload = async () => {
    const latest = await onReload();
    mutation.reset();
    if (!latest) return;
    setBaseVersion(latest.version);
    setNotice('reloaded');
  };
  const discard = () => {
    setValues(valuesFromUser(user));
    setNotice(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const found = validateUser(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="user-edit-title">
      <Title order={2} size="h4" id="user-edit-title" mb="md">
        {t('users.editTitle')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="user-edit-form">
        <Stack gap="md">
          {conflict && <VersionConflictAlert onReload={() => void reload()} />}
          {notice === 'reloaded' && <ReloadedNotice latest={user} values={values} onDiscard={discard} />}
          {mutation.error && !conflict && <ErrorAlert error={mutation.error} />}
          {notice === 'saved' && <Alert color="green" role="status">{t('common.saved')}</Alert>}
          <UserFields values={values} errors={errors} onChange={setValues} />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} data-testid="user-form-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
