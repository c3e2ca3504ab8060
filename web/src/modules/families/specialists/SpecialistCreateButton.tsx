import { useState, type FormEvent } from 'react';
import { Select, Stack, Text, Textarea } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EMPTY_PERSON, validatePerson, type PersonFormErrors } from '../../people/person-form';
import { createSpecialist, familyKeys } from '../api';
import { PersonFields, toPersonInput } from '../form/PersonFields';
import { optText } from '../options';
import { useSpecialistCandidates } from '../queries';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { SpecialistLanguage, SpecialistRole } from '../types';
import { SpecialistFields } from './SpecialistFields';

function CreateForm({ close }: { close: (done?: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const candidates = useSpecialistCandidates(true);
  const [userId, setUserId] = useState('');
  const [person, setPerson] = useState({ ...EMPTY_PERSON });
  const [roles, setRoles] = useState<SpecialistRole[]>(['family_supporter']);
  const [languages, setLanguages] = useState<SpecialistLanguage[]>(['et']);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<PersonFormErrors & { user?: string; roles?: string; languages?: string }>({});
  const mutation = useMutation({
    mutationFn: () => createSpecialist({ userId, person: toPersonInput(person), roles, languages, notes: optText(notes) }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: familyKeys.specialists });
      close();
      void navigate(`/families/specialists/${encodeURIComponent(created.id)}`);
    },
  });
  const pickUser = (id: string | null) => {
    setUserId(id ?? '');
    const user = candidates.data?.find((c) => c.id === id);
    if (user && !person.firstName && !person.lastName) {
      const [first, ...rest] = user.name.split(' ');
      setPerson({ ...person, firstName: first ?? '', lastName: rest.join(' ') });
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      ...validatePerson(person, t),
      ...(userId ? {} : { user: t('validation.required') }),
      ...(roles.length ? {} : { roles: t('validation.required') }),
      ...(languages.length ? {} : { languages: t('validation.required') }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="specialist-form">
      <Stack gap="md">
        <Select label={t('families.specialists.user')} description={t('families.specialists.userHint')} data={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
          value={userId || null} onChange={pickUser} error={errors.user} withAsterisk nothingFoundMessage={t('families.specialists.noCandidates')}
          data-testid="specialist-form-user" />
        <Text size="sm" c="dimmed">{t('families.specialists.personHint')}</Text>
        <PersonFields values={person} errors={errors} onChange={setPerson} testId="specialist-form" />
        <SpecialistFields roles={roles} languages={languages} onRoles={setRoles} onLanguages={setLanguages} errors={errors} />
        <Textarea label={t('families.fields.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={5000} />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.specialists.create')} testId="specialist-form-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/** The provider registers a team member as a specialist; SKA approves before the first service (§2.8.6). */
export function SpecialistCreateButton() {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.specialists.create')} title={t('families.specialists.createTitle')} icon={<IconUserPlus size={18} aria-hidden />} testId="specialist-create">
      {(close) => <CreateForm close={close} />}
    </ActionDialog>
  );
}
