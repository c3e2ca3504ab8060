import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../platform/components/ConfirmButton';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { setUserActive, userKeys } from '../api';
import { isVersionConflict } from '../conflict';
import type { AdminUser } from '../types';
import { UserStatus } from './UserStatus';

export function UserStatusActions({ user, onReload }: { user: AdminUser; onReload: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => setUserActive(user.id, user.version, !user.active),
    onSuccess: (next) => {
      client.setQueryData(userKeys.one(user.id), next);
      void client.invalidateQueries({ queryKey: userKeys.all });
    },
  });
  const action = user.active ? 'deactivate' : 'activate';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="user-status-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="user-status-title">
          {t('users.status.title')}
        </Title>
        <Group justify="space-between" wrap="wrap">
          <UserStatus user={user} />
          <ConfirmButton
            label={t(`users.actions.${action}`)}
            confirmTitle={t(`users.actions.${action}Title`)}
            confirmText={t(`users.actions.${action}Text`, { name: user.name })}
            onConfirm={() => mutation.mutate()}
            color={user.active ? 'red' : 'tedi'}
            variant={user.active ? 'outline' : 'filled'}
            loading={mutation.isPending}
            testId={`user-${action}`}
          />
        </Group>
        {!user.active && <Text size="sm" c="dimmed">{t('users.status.inactiveHint')}</Text>}
        {isVersionConflict(mutation.error) ? (
          <VersionConflictAlert onReload={() => { mutation.reset(); onReload(); }} />
        ) : (
          mutation.error && <ErrorAlert error={mutation.error} />
        )}
      </Stack>
    </Paper>
  );
}
