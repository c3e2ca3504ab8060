import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { orgKeys, setRegionalSpecialist, useSkaSpecialists } from '../api';
import { isVersionConflict } from '../conflict';
import type { Organisation } from '../types';

/** Rule A-ASSIGN: every KOV has a regional SKA chief specialist. */
export function RegionalSpecialist({ org, onReload }: { org: Organisation; onReload: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const specialists = useSkaSpecialists();
  const [userId, setUserId] = useState<string | null>(org.regionalSpecialistId);
  const mutation = useMutation({
    mutationFn: () => setRegionalSpecialist(org.id, org.version, userId),
    onSuccess: (next) => {
      client.setQueryData(orgKeys.one(org.id), next);
      void client.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
  const data = (specialists.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  if (org.regionalSpecialistId && !data.some((d) => d.value === org.regionalSpecialistId)) {
    data.unshift({ value: org.regionalSpecialistId, label: org.regionalSpecialistName ?? org.regionalSpecialistId });
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-specialist-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="org-specialist-title">{t('organisations.specialist.title')}</Title>
        <Text size="sm" c="dimmed">{t('organisations.specialist.hint')}</Text>
        {!org.regionalSpecialistId && (
          <Alert color="orange" role="status">{t('organisations.specialist.missingText')}</Alert>
        )}
        {isVersionConflict(mutation.error) ? (
          <VersionConflictAlert onReload={() => { mutation.reset(); onReload(); }} />
        ) : (
          mutation.error && <ErrorAlert error={mutation.error} />
        )}
        {mutation.isSuccess && <Alert color="green" role="status">{t('common.saved')}</Alert>}
        {specialists.error && <ErrorAlert error={specialists.error} />}
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('organisations.specialist.label')}
            placeholder={t('organisations.specialist.none')}
            data={data}
            value={userId}
            onChange={setUserId}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            style={{ flex: '1 1 18rem' }}
            data-testid="org-specialist-select"
          />
          <Button
            onClick={() => mutation.mutate()}
            loading={mutation.isPending}
            disabled={userId === org.regionalSpecialistId}
            data-testid="org-specialist-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
