import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { BackLink } from '../../../platform/components/BackLink';
import { PageHeader } from '../../../platform/components/PageHeader';
import { createFamily, familyKeys } from '../api';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { EMPTY_FAMILY, hasErrors, toNewFamily, validateFamily, type FamilyFormErrors } from './family-form';
import { FamilyBasicsFields } from './FamilyBasicsFields';
import { FamilyTypeField } from './FamilyTypeField';
import { ChildrenFields, ParentsFields } from './MembersFields';

const NO_ERRORS: FamilyFormErrors = { parents: [], children: [] };

/** /families/new — record a foster, guardianship or adoptive family with its parents and children. */
export function FamilyCreatePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const role = useSession().user.role;
  const chooseKov = role !== 'kov_worker';
  const [values, setValues] = useState(EMPTY_FAMILY);
  const [errors, setErrors] = useState<FamilyFormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: () => createFamily(toNewFamily(values, chooseKov)),
    onSuccess: (created) => {
      client.setQueryData(familyKeys.one(created.id), created);
      void client.invalidateQueries({ queryKey: familyKeys.list });
      void navigate(`/families/${encodeURIComponent(created.id)}`, { state: { created: true } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateFamily(values, t, chooseKov);
    setErrors(found);
    if (!hasErrors(found)) mutation.mutate();
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return (
    <>
      <BackLink to="/families" label={t('families.backToList')} />
      <PageHeader title={t('families.createTitle')} description={t('families.form.intro')} />
      <Paper withBorder p="md" radius="md" maw={880}>
        <form onSubmit={submit} noValidate data-testid="family-form">
          <Stack gap="lg">
            <FamilyTypeField value={values.type} onChange={(type) => setValues({ ...values, type })} error={errors.type} />
            <FamilyBasicsFields values={values} errors={errors} onChange={setValues} />
            <ParentsFields parents={values.parents} errors={errors.parents} onChange={(parents) => setValues({ ...values, parents })} />
            <ChildrenFields items={values.children} errors={errors.children} onChange={(children) => setValues({ ...values, children })} />
            {mutation.error && <RuleErrorAlert error={mutation.error} />}
            <Group justify="flex-end">
              <Button component={Link} to="/families" variant="default">{t('common.cancel')}</Button>
              <Button type="submit" loading={mutation.isPending} data-testid="family-form-submit">{t('families.form.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
