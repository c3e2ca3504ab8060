import { Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/auth/roles';
import { useProviders } from '../queries';
import type { FamilyDetail, SupportKind } from '../types';
import { childProblem, needsForm, type ReferralFormErrors, type ReferralFormValues } from './referral-form';

interface Props {
  role: Role;
  family: FamilyDetail | undefined;
  values: ReferralFormValues;
  errors: ReferralFormErrors;
  onChange: (values: ReferralFormValues) => void;
}

/** A provider records only adaptation and mentoring requests made to it; needs-based support goes through SKA (B-NEED-2). */
const kindsFor = (role: Role): SupportKind[] => (role === 'provider_admin' ? ['adaptation', 'mentoring'] : ['needs_based', 'adaptation', 'mentoring']);

function KindField({ role, value, onChange, error }: { role: Role; value: string; onChange: (k: SupportKind) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('families.fields.kind')} value={value} onChange={(v) => onChange(v as SupportKind)} error={error} withAsterisk data-testid="referral-form-kind">
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
        {kindsFor(role).map((k) => (
          <Radio.Card key={k} value={k} radius="md" p="sm" withBorder data-testid={`referral-form-kind-${k}`}
            style={{ borderColor: `var(--mantine-color-${value === k ? 'tedi-6' : 'gray-4'})`, borderWidth: value === k ? 2 : 1 }}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator aria-hidden />
              <Stack gap={2}>
                <Text fw={700}>{t(`families.kind.${k}`)}</Text>
                <Text size="sm" c="dimmed">{t(`families.kindHint.${k}`)}</Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** Kind, child, the KOV's referral form (topics, problems, goals from the case plan) and the preferred provider. */
export function ReferralFormFields({ role, family, values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const providers = useProviders();
  const set = <K extends keyof ReferralFormValues>(key: K, value: ReferralFormValues[K]) => onChange({ ...values, [key]: value });
  const children = (family?.children ?? []).map((c) => {
    const problem = childProblem(c, values.kind, t);
    return { value: c.personId, label: `${c.firstName} ${c.lastName}${problem ? ` — ${problem}` : ''}`, disabled: Boolean(problem) };
  });
  const form = needsForm(values);
  const area = (key: 'topics' | 'problems' | 'goals', testId: string) => (
    <Textarea label={t(`families.fields.${key}`)} description={t(`families.referralForm.${key}Hint`)} value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)} error={errors[key]} withAsterisk={form} autosize minRows={3} maxRows={12} maxLength={5000}
      data-testid={`referral-form-${testId}`} />
  );
  return (
    <Stack gap="lg">
      <KindField role={role} value={values.kind} onChange={(k) => onChange({ ...values, kind: k, childPersonId: '' })} error={errors.kind} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {values.kind !== 'mentoring' && (
          <Select label={t('families.fields.child')} description={t(`families.referralForm.childHint_${values.kind || 'none'}`)} data={children}
            value={values.childPersonId || null} onChange={(v) => set('childPersonId', v ?? '')} error={errors.childPersonId} withAsterisk
            disabled={!family} nothingFoundMessage={t('families.children.none')} data-testid="referral-form-child" />
        )}
        {role === 'ska_contact' && (
          <Select label={t('families.fields.source')} data={(['kov', 'family'] as const).map((s) => ({ value: s, label: t(`families.source.${s}`) }))}
            value={values.source} onChange={(v) => set('source', (v ?? 'family') as 'kov' | 'family')} allowDeselect={false} data-testid="referral-form-source" />
        )}
        {role !== 'provider_admin' && (
          <Select label={t('families.fields.preferredProvider')} description={t('families.referralForm.providerHint')}
            data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.contractInForce ? p.name : `${p.name} — ${t('families.noContract')}` }))}
            value={values.preferredProviderId || null} onChange={(v) => set('preferredProviderId', v ?? '')} clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }} data-testid="referral-form-provider" />
        )}
        <TextInput label={t('families.fields.casePlanReference')} description={t('families.referralForm.casePlanHint')} value={values.casePlanReference}
          onChange={(e) => set('casePlanReference', e.currentTarget.value)} maxLength={200} data-testid="referral-form-case-plan" />
      </SimpleGrid>
      {area('topics', 'topics')}
      {area('problems', 'problems')}
      {area('goals', 'goals')}
      <Textarea label={t('families.fields.notes')} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2}
        maxLength={5000} data-testid="referral-form-notes" />
    </Stack>
  );
}
