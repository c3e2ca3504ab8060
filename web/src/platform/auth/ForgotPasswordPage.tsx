import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuthFrame } from './AuthFrame';
import { requestPasswordReset } from './password-reset-api';

/** "Forgot password?": asks for a reset link by e-mail. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.title'));
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const emailError = touched && !email.trim() ? t('validation.required') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!email.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('auth.forgot.title')}>
      {sentTo ? (
        <Alert color="tedi" icon={<IconMailCheck aria-hidden />} role="status" data-testid="reset-sent">
          {t('auth.forgot.sent', { email: sentTo })}
        </Alert>
      ) : (
        <>
          <Text>{t('auth.forgot.intro')}</Text>
          <ErrorAlert error={error} withFields={false} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('auth.forgot.formLabel')}>
            <Stack gap="md">
              <TextInput
                label={t('auth.forgot.email')}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={emailError}
                withAsterisk
                data-testid="reset-email"
              />
              <Button type="submit" loading={busy} fullWidth data-testid="reset-request-submit">
                {t('auth.forgot.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/login" data-testid="back-to-login">
        {t('auth.forgot.back')}
      </Anchor>
    </AuthFrame>
  );
}
