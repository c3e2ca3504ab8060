import { Box, Stack, Text } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from './api';
import { NotificationItem } from './NotificationItem';

interface Props {
  items: AppNotification[];
  onOpen: (notification: AppNotification) => void;
  /** Text when there are none (default: "No notifications"). */
  emptyText?: string;
}

/** Notifications as a list of buttons (`notifications-list`), or the empty state inside it. */
export function NotificationList({ items, onOpen, emptyText }: Props) {
  const { t } = useTranslation();
  return (
    <Box data-testid="notifications-list">
      {items.length === 0 ? (
        <Stack align="center" gap="xs" py="md" data-testid="notifications-empty">
          <IconBellOff size={32} aria-hidden color="var(--general-text-tertiary)" />
          <Text c="dimmed" ta="center">{emptyText ?? t('notifications.empty')}</Text>
        </Stack>
      ) : (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} onOpen={onOpen} />
            </li>
          ))}
        </Stack>
      )}
    </Box>
  );
}
