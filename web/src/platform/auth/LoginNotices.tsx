import { Alert } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { hasCode, isApiError } from '../api/errors';
import type { EndReason } from './session-ended';

/** `/login?error=CODE` after a TARA-style login; any other code shows OIDC_FAILED's text. */
const OIDC_CODES = ['OIDC_FAILED', 'OIDC_NO_USER', 'OIDC_STATE_MISMATCH', 'OIDC_DISABLED'];

function retryMinutes(error: unknown): number | null {
  if (!isApiError(error)) return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : null;
}

/** Text for a failed password login: our lockout text when we know the wait, else the server's message. */
function loginErrorText(error: unknown, t: TFunction): string {
  const minutes = retryMinutes(error);
  if (hasCode(error, 'AUTH_LOCKED') && minutes !== null) return t('auth.errors.lockedFor', { count: minutes });
  return isApiError(error) ? error.message : t('errors.generic');
}

interface Props {
  ended: EndReason | null;
  oidcError: string | null;
  loginError: unknown;
}

export function LoginNotices({ ended, oidcError, loginError }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {ended && !loginError && (
        <Alert color="tedi" icon={<IconInfoCircle aria-hidden />} role="status" data-testid="login-notice">
          {t(ended === 'expired' ? 'auth.login.expired' : 'auth.login.loggedOut')}
        </Alert>
      )}
      {oidcError && !loginError && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="oidc-error">
          {t(OIDC_CODES.includes(oidcError) ? `auth.errors.${oidcError}` : 'auth.errors.OIDC_FAILED')}
        </Alert>
      )}
      {loginError !== null && loginError !== undefined && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="login-error">
          {loginErrorText(loginError, t)}
        </Alert>
      )}
    </>
  );
}
