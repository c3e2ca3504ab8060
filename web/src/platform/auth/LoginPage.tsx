import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { FullPageLoader } from '../components/FullPageLoader';
import { AuthFrame } from './AuthFrame';
import { LoginForm } from './LoginForm';
import { LoginNotices } from './LoginNotices';
import { OidcLogin } from './OidcLogin';
import { clearSessionEnded, peekSessionEnded } from './session-ended';
import { useSessionQuery, useSetSession } from './useSession';
import type { Session } from './types';

function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const { data: session, isPending } = useSessionQuery();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [ended] = useState(peekSessionEnded);
  useEffect(clearSessionEnded, []);
  const [loginError, setLoginError] = useState<unknown>(null);
  const from = safeFrom(location.state);

  if (isPending) return <FullPageLoader />;
  if (session) return <Navigate to={from} replace />;

  const onSuccess = (next: Session) => {
    setSession(next);
    void navigate(from, { replace: true });
  };

  return (
    <AuthFrame
      title={t('auth.login.title')}
      subtitle={t('app.tagline')}
      footer={
        <Text size="sm" c="dimmed" ta="center" mt="md">
          {t('auth.login.help')}
        </Text>
      }
    >
      <LoginNotices ended={ended} oidcError={params.get('error')} loginError={loginError} />
      <OidcLogin />
      <LoginForm onSuccess={onSuccess} onError={setLoginError} />
    </AuthFrame>
  );
}
