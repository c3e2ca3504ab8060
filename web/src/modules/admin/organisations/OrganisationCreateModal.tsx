import { useState, type FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ResponsiveModal } from '../../../platform/components/ResponsiveModal';
import { createOrganisation, orgKeys } from '../api';
import { OrganisationFormFields } from './OrganisationFormFields';
import { EMPTY_ORG, toOrgFields, validateOrg, type OrgFormErrors } from './org-form';

function CreateOrganisationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY_ORG);
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const mutation = useMutation({
    mutationFn: () => createOrganisation(toOrgFields(values)),
    onSuccess: (org) => {
      void client.invalidateQueries({ queryKey: orgKeys.all });
      void client.invalidateQueries({ queryKey: ['organisation-options'] });
      onDone();
      void navigate(`/admin/organisations/${encodeURIComponent(org.id)}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateOrg(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="org-create-form">
      <Stack gap="md">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <OrganisationFormFields values={values} errors={errors} onChange={setValues} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending} data-testid="org-form-submit">
            {t('organisations.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OrganisationCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('organisations.createTitle')}>
      <CreateOrganisationForm onDone={onClose} />
    </ResponsiveModal>
  );
}
