import { useState, type FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ResponsiveModal } from '../../platform/components/ResponsiveModal';
import { createPerson, peopleKeys } from './api';
import { PersonFormFields } from './PersonFormFields';
import { EMPTY_PERSON, toPersonFields, validatePerson, type PersonFormErrors } from './person-form';

function CreatePersonForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY_PERSON);
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const mutation = useMutation({
    mutationFn: () => createPerson(toPersonFields(values)),
    onSuccess: (person) => {
      client.setQueryData(peopleKeys.one(person.id), person);
      void client.invalidateQueries({ queryKey: [...peopleKeys.all, 'list'] });
      onDone();
      void navigate(`/people/${encodeURIComponent(person.id)}`, { state: { created: true } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePerson(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="person-create-form">
      <Stack gap="md">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <PersonFormFields values={values} errors={errors} onChange={setValues} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending} data-testid="person-form-submit">{t('people.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PersonCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('people.createTitle')}>
      <CreatePersonForm onDone={onClose} />
    </ResponsiveModal>
  );
}
