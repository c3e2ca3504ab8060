import { useState, type FormEvent } from 'react';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { login } from './session-api';
import type { Session } from './types';

interface Props {
  onSuccess: (session: Session) => void;
  onError: (error: unknown) => void;
}

/** Email + password form; field errors are shown inline, API errors go to the page. */
export function LoginForm({ onSuccess, onError }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);

  const emailError = touched && !email.trim() ? t('validation.required') : undefined;
  const passwordError = touched && !password ? t('validation.required') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!email.trim() || !password) return;
    setBusy(true);
    onError(null);
    try {
      onSuccess(await login(email.trim(), password));
    } catch (error) {
      onError(error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('auth.login.formLabel')}>
      <Stack gap="md">
        <TextInput
          label={t('auth.login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={emailError}
          withAsterisk
          data-testid="login-email"
        />
        <PasswordInput
          label={t('auth.login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordError}
          withAsterisk
          data-testid="login-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
        />
        <Anchor component={Link} to="/forgot-password" size="sm" data-testid="forgot-password">
          {t('auth.forgot.link')}
        </Anchor>
        <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
