import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { ErrorAlert } from '../components/ErrorAlert';
import { hasCode, passwordProblems } from '../api/errors';
import { PasswordField } from '../../modules/admin/users/PasswordField';
import { AuthFrame } from './AuthFrame';
import { confirmPasswordReset, tokenFromHash } from './password-reset-api';

/** The page the reset e-mail links to: `/reset-password#token=…`; sets the new password against the policy. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.reset.title'));
  // Read from the fragment, then dropped from the address bar so it stays out of the history.
  const [token, setToken] = useState(() => tokenFromHash(window.location.hash));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    const dropHash = () => {
      if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
    };
    // A second link opened in the same tab changes only the fragment: start over with its token.
    const onHashChange = () => {
      const next = tokenFromHash(window.location.hash);
      if (next) {
        setToken(next);
        setPassword('');
        setRepeat('');
        setTouched(false);
        setError(null);
        setDone(false);
      }
      dropHash();
    };
    dropHash();
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const mismatch = touched && repeat !== password ? t('auth.reset.mismatch') : undefined;
  const missing = touched && !password ? t('validation.required') : undefined;
  const invalidLink = !token || hasCode(error, 'PASSWORD_RESET_INVALID');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!token || !password || password !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      await confirmPasswordReset(token, password);
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <AuthFrame title={t('auth.reset.title')}>
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="reset-done">
          {t('auth.reset.done')}
        </Alert>
        <Button component={Link} to="/login" data-testid="reset-to-login">
          {t('auth.reset.toLogin')}
        </Button>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('auth.reset.title')}>
      {invalidLink ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="reset-invalid">
          {token ? (error as Error).message : t('auth.reset.noToken')}
        </Alert>
      ) : (
        <>
          {passwordProblems(error).length === 0 && <ErrorAlert error={error} withFields={false} />}
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('auth.reset.formLabel')}>
            <Stack gap="md">
              <PasswordField
                label={t('auth.reset.newPassword')}
                value={password}
                onChange={setPassword}
                problems={passwordProblems(error)}
                error={missing}
                testId="reset-password"
              />
              <PasswordInput
                label={t('auth.reset.repeat')}
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch}
                withAsterisk
                data-testid="reset-repeat"
                visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
              />
              <Button type="submit" loading={busy} fullWidth data-testid="reset-submit">
                {t('auth.reset.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to={invalidLink ? '/forgot-password' : '/login'} data-testid={invalidLink ? 'reset-ask-again' : 'back-to-login'}>
        {invalidLink ? t('auth.reset.askAgain') : t('auth.forgot.back')}
      </Anchor>
    </AuthFrame>
  );
}
