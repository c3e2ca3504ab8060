import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '../../../platform/api/errors';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { setUserPassword, userKeys } from '../api';
import { isVersionConflict } from '../conflict';
import type { AdminUser } from '../types';
import { PasswordField } from './PasswordField';

export function SetPasswordForm({ user, onReload }: { user: AdminUser; onReload: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useMutation({
    mutationFn: () => setUserPassword(user.id, user.version, password),
    onSuccess: (next) => {
      client.setQueryData(userKeys.one(user.id), next);
      setPassword('');
    },
  });
  const problems = passwordProblems(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!password);
    if (password) mutation.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="user-password-title">
      <Title order={2} size="h4" id="user-password-title" mb="md">
        {t('users.password.title')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="user-password-form">
        <Stack gap="md">
          {mutation.isSuccess && <Alert color="green" role="status">{t('users.password.done')}</Alert>}
          {isVersionConflict(mutation.error) && (
            <VersionConflictAlert onReload={() => { mutation.reset(); onReload(); }} />
          )}
          {mutation.error && problems.length === 0 && !isVersionConflict(mutation.error) && (
            <ErrorAlert error={mutation.error} />
          )}
          <PasswordField
            label={t('users.password.newPassword')}
            value={password}
            onChange={setPassword}
            problems={problems}
            error={missing ? t('validation.required') : undefined}
            testId="user-password-input"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} data-testid="user-password-submit">
              {t('users.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
