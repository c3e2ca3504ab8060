import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import type { AppNotification } from './api';
import { notificationTitle } from './notification-text';

interface Props {
  notification: AppNotification;
  onOpen: (notification: AppNotification) => void;
}

/** One notification as a button: opening it marks it read and follows its link. */
export function NotificationItem({ notification: n, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <UnstyledButton
      className="notification-item"
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      data-read={n.read}
      data-unread={!n.read || undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Text size="sm" fw={n.read ? 400 : 700}>
            {notificationTitle(n, t, i18n)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt)}
          </Text>
        </Stack>
        {!n.read && (
          <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
            {t('notifications.unread')}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}
