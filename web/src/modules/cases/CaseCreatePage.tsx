import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../platform/api/errors';
import { BackLink } from '../../platform/components/BackLink';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { PageHeader } from '../../platform/components/PageHeader';
import { caseKeys, createCase } from './api';
import { CaseFormFields } from './CaseFormFields';
import { EMPTY_CASE, serverCaseErrors, toNewCase, validateCase, type CaseFormErrors } from './case-form';

/** /cases/new: a KOV worker files an application (domestic, KLAT opinion, international, RV). */
export function CaseCreatePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY_CASE);
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const mutation = useMutation({
    mutationFn: () => createCase(toNewCase(values)),
    onSuccess: (created) => {
      client.setQueryData(caseKeys.one(created.id), created);
      void client.invalidateQueries({ queryKey: caseKeys.list });
      void navigate(`/cases/${encodeURIComponent(created.id)}`, { state: { created: true } });
    },
    onError: (error) => setErrors(serverCaseErrors(fieldProblems(error), t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCase(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return (
    <>
      <BackLink to="/cases" label={t('cases.backToList')} />
      <PageHeader title={t('cases.createTitle')} description={t('cases.form.intro')} />
      <Paper withBorder p="md" radius="md" maw={880}>
        <form onSubmit={submit} noValidate data-testid="case-form">
          <Stack gap="lg">
            {mutation.error && <ErrorAlert error={mutation.error} withFields={false} />}
            <CaseFormFields values={values} errors={errors} onChange={setValues} />
            <Group justify="flex-end">
              <Button component={Link} to="/cases" variant="default">{t('common.cancel')}</Button>
              <Button type="submit" loading={mutation.isPending} data-testid="case-form-submit">{t('cases.form.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
