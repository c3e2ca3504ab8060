import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../platform/components/VersionConflictAlert';
import { hasCode } from '../../platform/api/errors';
import { peopleKeys, updatePerson } from './api';
import { PersonFormFields } from './PersonFormFields';
import { toPersonChanges, validatePerson, valuesFromPerson, type PersonFormErrors } from './person-form';
import type { PersonDetail } from './types';
import { ReloadedAlert } from '../../platform/components/ReloadedAlert';

interface Props {
  person: PersonDetail;
  onReload: () => Promise<PersonDetail | undefined>;
}

/** X-CONC edit form: a 409 keeps the edits; "Load latest" takes the new version. */
export function PersonEditForm({ person, onReload }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState(() => valuesFromPerson(person));
  const [baseVersion, setBaseVersion] = useState(person.version);
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const [notice, setNotice] = useState<'saved' | 'reloaded' | null>(null);
  const mutation = useMutation({
    mutationFn: () => updatePerson(person.id, toPersonChanges(values, person, baseVersion)),
    onSuccess: (next) => {
      client.setQueryData(peopleKeys.one(person.id), next);
      void client.invalidateQueries({ queryKey: [...peopleKeys.all, 'list'] });
      setValues(valuesFromPerson(next));
      setBaseVersion(next.version);
      setNotice('saved');
    },
  });
  const conflict = hasCode(mutation.error, 'VERSION_CONFLICT');
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
    const found = validatePerson(values, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-edit-title">
      <Title order={2} size="h4" id="person-edit-title" mb="md">{t('people.editTitle')}</Title>
      <form onSubmit={submit} noValidate data-testid="person-edit-form">
        <Stack gap="md">
          {conflict && <VersionConflictAlert onReload={() => void reload()} />}
          {notice === 'reloaded' && (
            <ReloadedAlert onDiscard={() => { setValues(valuesFromPerson(person)); setNotice(null); }} />
          )}
          {mutation.error && !conflict && <ErrorAlert error={mutation.error} />}
          {notice === 'saved' && <Alert color="green" role="status">{t('common.saved')}</Alert>}
          <PersonFormFields values={values} errors={errors} onChange={setValues} />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} data-testid="person-form-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
