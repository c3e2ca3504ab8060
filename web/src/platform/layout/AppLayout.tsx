import { Suspense, useEffect, useRef } from 'react';
import { AppShell, Burger, Divider, Group, Anchor, Box } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { SessionExpiryWarning } from '../auth/SessionExpiryWarning';
import { useUserLocaleSync } from '../i18n/useUserLocaleSync';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { FullPageLoader } from '../components/FullPageLoader';
import { NotificationsBell } from '../notifications/NotificationsBell';
import { LanguageSwitcher } from './LanguageSwitcher';
import { LogoutButton } from './LogoutButton';
import { NavLinks } from './NavLinks';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';
import { UserBlock } from './UserBlock';

/** After client-side navigation, move focus to <main> so screen readers start at the new page. */
function useFocusMainOnNavigate(pathname: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  }, [pathname]);
}

export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navHidden = isPhone && !opened;
  useUserLocaleSync(session);
  useFocusMainOnNavigate(pathname);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header px={{ base: 'xs', sm: 'md' }}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="md"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="app-navbar"
                data-testid="nav-burger"
                style={{ minWidth: 44, minHeight: 44 }}
              />
              <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="var(--general-text-brand)">
                {t('app.name')}
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Box visibleFrom="md">
                <UserBlock user={session.user} />
              </Box>
              <NotificationsBell />
              <LanguageSwitcher />
              <LogoutButton />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          p="sm"
          id="app-navbar"
          aria-label={t('nav.main')}
          inert={navHidden}
          style={navHidden ? { visibility: 'hidden' } : undefined}
        >
          <Box hiddenFrom="md" mb="sm">
            <UserBlock user={session.user} align="left" />
            <Divider mt="sm" />
          </Box>
          <NavLinks role={session.user.role} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<FullPageLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
      <SessionExpiryWarning session={session} />
    </>
  );
}
