import { useEffect, useState } from 'react';
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { MAIN_CONTENT_ID, SkipLink } from '../layout/SkipLink';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { FullPageLoader } from '../components/FullPageLoader';
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
    <Box bg="var(--general-surface-tertiary)" mih="100dvh">
      <SkipLink />
      <Box component="header" px="md" py="sm" bg="white" style={{ borderBottom: '1px solid var(--general-border-primary)' }}>
        <Group justify="space-between">
          <Text fw={700} fz="xl" c="var(--general-text-brand)">
            {t('app.name')}
          </Text>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size={460} py="xl" px="sm">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <div>
              <Title order={1}>{t('auth.login.title')}</Title>
              <Text c="dimmed" mt={4}>
                {t('app.tagline')}
              </Text>
            </div>
            <LoginNotices ended={ended} oidcError={params.get('error')} loginError={loginError} />
            <OidcLogin />
            <LoginForm onSuccess={onSuccess} onError={setLoginError} />
          </Stack>
        </Paper>
        <Text size="sm" c="dimmed" ta="center" mt="md">
          {t('auth.login.help')}
        </Text>
      </Container>
    </Box>
  );
}
