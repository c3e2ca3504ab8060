import { useState, type FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldProblems, passwordProblems } from '../../../platform/api/errors';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ResponsiveModal } from '../../../platform/components/ResponsiveModal';
import { createUser, userKeys } from '../api';
import { PasswordField } from './PasswordField';
import { UserFields } from './UserFields';
import { EMPTY_USER, serverFieldErrors, toNewUser, validateUser, type UserFormErrors } from './user-form';

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY_USER);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<UserFormErrors>({});
  const mutation = useMutation({
    mutationFn: () => createUser(toNewUser(values, password)),
    onSuccess: (user) => {
      void client.invalidateQueries({ queryKey: userKeys.all });
      onDone();
      void navigate(`/admin/users/${encodeURIComponent(user.id)}`, { state: { created: true } });
    },
    onError: (error) => setErrors(serverFieldErrors(fieldProblems(error))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateUser(values, t);
    if (!password) found.password = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };

  const problems = passwordProblems(mutation.error);
  return (
    <form onSubmit={submit} noValidate data-testid="user-create-form">
      <Stack gap="md">
        {mutation.error && problems.length === 0 && <ErrorAlert error={mutation.error} />}
        <UserFields values={values} errors={errors} onChange={setValues} />
        <PasswordField
          label={t('users.fields.password')}
          value={password}
          onChange={setPassword}
          problems={problems}
          error={errors.password}
          testId="user-form-password"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="user-form-submit">
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('users.createTitle')}>
      <CreateUserForm onDone={onClose} />
    </ResponsiveModal>
  );
}
