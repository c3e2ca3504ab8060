import { useState, type FormEvent } from 'react';
import { Alert, Checkbox, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useOrganisationOptions } from '../../admin/api';
import { useTranslation } from 'react-i18next';
import { updateSpecialist } from '../api';
import { optText } from '../options';
import { FormActions } from '../ui/FormActions';
import { Section } from '../ui/Section';
import type { SpecialistDetail, SpecialistLanguage, SpecialistRole } from '../types';
import { SpecialistFields } from './SpecialistFields';
import { useSpecialistWrite } from './specialist-write';

interface Values {
  roles: SpecialistRole[];
  languages: SpecialistLanguage[];
  active: boolean;
  notes: string;
  posts: string[];
  district: string;
}

function useTallinnId(): string | undefined {
  const kovs = useOrganisationOptions('kov');
  return (kovs.data ?? []).find((k) => k.name.startsWith('Tallinn'))?.id;
}

/** B-COI: posts as a KOV official; in Tallinn the district decides (one district for the Tallinn post). */
function PostsFields({ v, onChange }: { v: Values; onChange: (v: Values) => void }) {
  const { t } = useTranslation();
  const kovs = useOrganisationOptions('kov');
  const tallinn = useTallinnId();
  return (
    <>
      <MultiSelect label={t('families.specialists.posts')} description={t('families.specialists.postsHint')} data={(kovs.data ?? []).map((k) => ({ value: k.id, label: k.name }))}
        value={v.posts} onChange={(posts) => onChange({ ...v, posts })} searchable clearable maxValues={10} nothingFoundMessage={t('common.nothingFound')}
        clearButtonProps={{ 'aria-label': t('common.clear') }} data-testid="specialist-edit-posts" />
      {tallinn && v.posts.includes(tallinn) && (
        <TextInput label={t('families.fields.district')} description={t('families.specialists.districtHint')} value={v.district}
          onChange={(e) => onChange({ ...v, district: e.currentTarget.value })} maxLength={40} data-testid="specialist-edit-district" />
      )}
    </>
  );
}

/** The provider changes roles, languages, notes or sets the specialist inactive (X-CONC). */
export function SpecialistEditForm({ s }: { s: SpecialistDetail }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>({
    roles: s.roles,
    languages: s.languages,
    active: s.active,
    notes: s.notes ?? '',
    posts: s.officialPosts.map((p) => p.kovOrganisationId),
    district: s.officialPosts.find((p) => p.district)?.district ?? '',
  });
  const [errors, setErrors] = useState<{ roles?: string; languages?: string }>({});
  const [saved, setSaved] = useState(false);
  const tallinn = useTallinnId();
  const { mutation, reload } = useSpecialistWrite(s, (version, x: Values) => updateSpecialist(s.id, {
      version,
      roles: x.roles,
      languages: x.languages,
      active: x.active,
      notes: optText(x.notes),
      officialPosts: x.posts.map((kovOrganisationId) => ({ kovOrganisationId, district: kovOrganisationId === tallinn ? optText(x.district) : null })),
    }),
    () => setSaved(true));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const found = { ...(v.roles.length ? {} : { roles: t('validation.required') }), ...(v.languages.length ? {} : { languages: t('validation.required') }) };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(v);
  };
  return (
    <Section title={t('families.specialists.editTitle')} testId="specialist-edit">
      <form onSubmit={submit} noValidate data-testid="specialist-edit-form">
        <Stack gap="md">
          <SpecialistFields roles={v.roles} languages={v.languages} onRoles={(roles) => setV({ ...v, roles })} onLanguages={(languages) => setV({ ...v, languages })} errors={errors} />
          <PostsFields v={v} onChange={setV} />
          <Checkbox label={t('common.active')} description={t('families.specialists.activeHint')} checked={v.active} onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
            data-testid="specialist-edit-active" />
          <Textarea label={t('families.fields.notes')} value={v.notes} onChange={(e) => setV({ ...v, notes: e.currentTarget.value })} autosize minRows={2} maxLength={5000} />
          {saved && <Alert color="green" role="status" data-testid="specialist-saved">{t('common.saved')}</Alert>}
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="specialist-save" onReload={reload} />
        </Stack>
      </form>
    </Section>
  );
}
