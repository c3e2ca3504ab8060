import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { orgKeys, updateOrganisation } from '../api';
import { isVersionConflict } from '../conflict';
import type { Organisation } from '../types';
import { OrganisationFormFields } from './OrganisationFormFields';
import { toOrgFields, validateOrg, valuesFromOrg, type OrgFormErrors } from './org-form';
import { ReloadedAlert } from '../../../platform/components/ReloadedAlert';

interface Props {
  org: Organisation;
  onReload: () => Promise<Organisation | undefined>;
}

/** X-CONC edit form: edits survive a 409; "Load latest" takes the new version, keeps the edits. */
export function OrganisationEditForm({ org, onReload }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState(() => valuesFromOrg(org));
  const [baseVersion, setBaseVersion] = useState(org.version);
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const [notice, setNotice] = useState<'saved' | 'reloaded' | null>(null);
  const mutation = useMutation({
    mutationFn: () => updateOrganisation(org.id, { ...toOrgFields(values), version: baseVersion }),
    onSuccess: (next) => {
      client.setQueryData(orgKeys.one(org.id), next);
      void client.invalidateQueries({ queryKey: orgKeys.all });
      void client.invalidateQueries({ queryKey: ['organisation-options'] });
      setValues(valuesFromOrg(next));
      setBaseVersion(next.version);
      setNotice('saved');
    },
  });
  const conflict = isVersionConflict(mutation.error);
  const reload = async () => {
    const latest = await onReload();
    mutation.reset();
    if (!latest) return;
    setBaseVersion(latest.version);
    setNotice('reloaded');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const found = validateOrg(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-edit-title">
      <Title order={2} size="h4" id="org-edit-title" mb="md">{t('organisations.editTitle')}</Title>
      <form onSubmit={submit} noValidate data-testid="org-edit-form">
        <Stack gap="md">
          {conflict && <VersionConflictAlert onReload={() => void reload()} />}
          {notice === 'reloaded' && (
            <ReloadedAlert onDiscard={() => { setValues(valuesFromOrg(org)); setNotice(null); }} />
          )}
          {mutation.error && !conflict && <ErrorAlert error={mutation.error} />}
          {notice === 'saved' && <Alert color="green" role="status">{t('common.saved')}</Alert>}
          <OrganisationFormFields values={values} errors={errors} onChange={setValues} />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} data-testid="org-form-submit">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
