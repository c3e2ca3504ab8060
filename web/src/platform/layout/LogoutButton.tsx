import { useState } from 'react';
import { Box, Button } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../auth/useSession';

/** One button for all widths: icon + text on wide screens, icon only (same accessible name) on phones. */
export function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    setBusy(true);
    void logout().finally(() => setBusy(false));
  };
  return (
    <Button
      variant="default"
      onClick={onClick}
      loading={busy}
      aria-label={t('layout.logout')}
      data-testid="logout"
      px={{ base: 'sm', sm: 'md' }}
      miw={44}
    >
      <IconLogout size={20} aria-hidden />
      <Box component="span" visibleFrom="sm" ml={8}>
        {t('layout.logout')}
      </Box>
    </Button>
  );
}
