import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { BackLink } from '../../../platform/components/BackLink';
import { PageHeader } from '../../../platform/components/PageHeader';
import { createReferral, familyKeys, fetchFamily } from '../api';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { FamilyPicker } from './FamilyPicker';
import { emptyReferral, toNewReferral, validateReferral, type ReferralFormErrors } from './referral-form';
import { ReferralFormFields } from './ReferralFormFields';

/** /families/referrals/new — the KOV's referral form, a family's request recorded by SKA, or one made to a provider directly. */
export function ReferralCreatePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const role = useSession().user.role;
  const [params] = useSearchParams();
  const preset = params.get('familyId') ?? '';
  const [values, setValues] = useState(() => emptyReferral(preset, role === 'kov_worker' ? 'kov' : 'family'));
  const [errors, setErrors] = useState<ReferralFormErrors>({});
  const family = useQuery({ queryKey: familyKeys.one(values.familyId), queryFn: ({ signal }) => fetchFamily(values.familyId, signal), enabled: Boolean(values.familyId) });
  const mutation = useMutation({
    mutationFn: () => createReferral(toNewReferral(values, role === 'ska_contact')),
    onSuccess: (created) => {
      client.setQueryData(familyKeys.referral(created.id), created);
      void client.invalidateQueries({ queryKey: familyKeys.all });
      void navigate(`/families/referrals/${encodeURIComponent(created.id)}`, { state: { created: true } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateReferral(values, family.data, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const back = preset ? `/families/${encodeURIComponent(preset)}` : '/families/referrals';
  const f = family.data;
  return (
    <>
      <BackLink to={back} label={preset ? t('families.backToFamily') : t('families.referrals.backToList')} />
      <PageHeader title={t('families.referralForm.title')} description={t(`families.referralForm.intro_${role}`, { defaultValue: t('families.referralForm.intro') })} />
      <Paper withBorder p="md" radius="md" maw={880}>
        <form onSubmit={submit} noValidate data-testid="referral-form">
          <Stack gap="lg">
            <FamilyPicker label={t('families.fields.family')} description={t('families.referralForm.familyHint')} value={values.familyId}
              selectedLabel={f ? `${f.reference} · ${f.parents.map((p) => `${p.firstName} ${p.lastName}`).join(', ')}` : undefined}
              onChange={(familyId) => setValues({ ...values, familyId, childPersonId: '' })} error={errors.familyId} testId="referral-form-family" />
            <ReferralFormFields role={role} family={f} values={values} errors={errors} onChange={setValues} />
            {mutation.error && <RuleErrorAlert error={mutation.error} testId="referral-form-error" />}
            <Group justify="flex-end">
              <Button component={Link} to={back} variant="default">{t('common.cancel')}</Button>
              <Button type="submit" loading={mutation.isPending} data-testid="referral-form-submit">{t('families.referralForm.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
