import { Anchor, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { InlineLoader } from '../components/FullPageLoader';
import { useLatestNotifications } from './api';
import { NotificationList } from './NotificationList';
import { ReadAllButton } from './ReadAllButton';
import { useOpenNotification } from './useOpenNotification';

interface Props {
  /** Closes the popover or drawer (after following a link). */
  onClose: () => void;
  /** Height of the scrolling list, e.g. '60vh'. */
  maxHeight: string;
}

/** Contents of the header bell's popover / drawer: latest notifications and "Mark all read". */
export function NotificationsPanel({ onClose, maxHeight }: Props) {
  const { t } = useTranslation();
  const query = useLatestNotifications();
  const open = useOpenNotification(onClose);
  const unread = query.data?.unreadCount ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="notifications-unread-count" style={{ flex: 1 }}>
          {t('notifications.unreadCount', { count: unread })}
        </Text>
        <ReadAllButton unread={unread} />
      </Group>
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && (
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
          <NotificationList items={query.data.items} onOpen={open} />
        </ScrollArea.Autosize>
      )}
      <Anchor component={Link} to="/notifications" onClick={onClose} data-testid="notifications-all"
        style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}>
        {t('notifications.showAll')}
      </Anchor>
    </Stack>
  );
}
