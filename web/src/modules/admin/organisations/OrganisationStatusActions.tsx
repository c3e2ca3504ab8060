import { Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../platform/components/ConfirmButton';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ActiveBadge } from '../../../platform/components/StatusBadge';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { orgKeys, setOrganisationActive } from '../api';
import { isVersionConflict } from '../conflict';
import type { Organisation } from '../types';

export function OrganisationStatusActions({ org, onReload }: { org: Organisation; onReload: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => setOrganisationActive(org.id, org.version, !org.active),
    onSuccess: (next) => {
      client.setQueryData(orgKeys.one(org.id), next);
      void client.invalidateQueries({ queryKey: orgKeys.all });
      void client.invalidateQueries({ queryKey: ['organisation-options'] });
    },
  });
  const action = org.active ? 'deactivate' : 'activate';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-status-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="org-status-title">{t('users.status.title')}</Title>
        <Group justify="space-between" wrap="wrap">
          <ActiveBadge active={org.active} />
          <ConfirmButton
            label={t(`organisations.actions.${action}`)}
            confirmTitle={t(`organisations.actions.${action}Title`)}
            confirmText={t(`organisations.actions.${action}Text`, { name: org.name })}
            onConfirm={() => mutation.mutate()}
            color={org.active ? 'red' : 'tedi'}
            variant={org.active ? 'outline' : 'filled'}
            loading={mutation.isPending}
            testId={`org-${action}`}
          />
        </Group>
        {isVersionConflict(mutation.error) ? (
          <VersionConflictAlert onReload={() => { mutation.reset(); onReload(); }} />
        ) : (
          mutation.error && <ErrorAlert error={mutation.error} />
        )}
      </Stack>
    </Paper>
  );
}
