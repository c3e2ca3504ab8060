import { useEffect, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { DialogModal } from '../components/DialogModal';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { toLocalTime } from '../api/server-clock';
import { refreshSession, SESSION_KEY } from './session-api';
import { shareExpiry } from './session-sync';
import { endSessionLocally, useLogout } from './useSession';
import { useCountdown, useReached } from './useCountdown';
import type { Session } from './types';

/** How long before expiry the warning opens. */
export const WARNING_MS = 2 * 60 * 1000;

function TimeLeft({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  if (seconds >= 60) return <>{t('session.expiresInMinutes', { count: Math.ceil(seconds / 60) })}</>;
  return <>{t('session.expiresInSeconds', { count: seconds })}</>;
}

/** X-AUTH: "Your session expires in N minutes" with "Stay logged in" and "Log out". */
export function SessionExpiryWarning({ session }: { session: Session }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const logout = useLogout();
  const expiresAt = toLocalTime(Date.parse(session.expiresAt));
  const open = useReached(expiresAt - WARNING_MS);
  const seconds = useCountdown(expiresAt, open);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open && seconds === 0) endSessionLocally(client, 'expired');
  }, [open, seconds, client]);

  const stay = async () => {
    setBusy(true);
    setError(null);
    try {
      const { expiresAt: next } = await refreshSession();
      client.setQueryData<Session>(SESSION_KEY, { ...session, expiresAt: next });
      shareExpiry(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogModal
      opened={open && !Number.isNaN(expiresAt)}
      onClose={() => void stay()}
      title={t('session.expiringTitle')}
      size="md"
      centered
      closeOnClickOutside={false}
      testId="session-expiry"
    >
      <Text mb="md">
        <TimeLeft seconds={seconds} />
      </Text>
      {error !== null && <ErrorAlert error={error} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => void logout()} data-testid="session-logout">
          {t('session.logout')}
        </Button>
        <Button onClick={() => void stay()} loading={busy} data-testid="session-stay" data-autofocus>
          {t('session.stay')}
        </Button>
      </Group>
    </DialogModal>
  );
}
