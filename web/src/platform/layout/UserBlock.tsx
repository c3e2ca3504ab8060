import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../auth/types';

/** Name, role and organisation of the logged-in user. */
export function UserBlock({ user, align = 'right' }: { user: SessionUser; align?: 'left' | 'right' }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} align={align === 'right' ? 'flex-end' : 'flex-start'} data-testid="current-user">
      <Text fw={700} size="sm" lineClamp={1}>
        {user.name}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {t(`roles.${user.role}`)} · {user.organisation.name}
      </Text>
    </Stack>
  );
}
