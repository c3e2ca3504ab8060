import { Paper, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../api/pagination';
import { ErrorAlert } from '../components/ErrorAlert';
import { InlineLoader } from '../components/FullPageLoader';
import { LoadMore } from '../components/LoadMore';
import { PageHeader } from '../components/PageHeader';
import { useUrlFilters } from '../components/useUrlFilters';
import { NOTIFICATIONS_PATH, notificationKeys, useLatestNotifications, type AppNotification } from './api';
import { NotificationList } from './NotificationList';
import { ReadAllButton } from './ReadAllButton';
import { useOpenNotification } from './useOpenNotification';

const KEYS = ['unread'] as const;
const PAGE_SIZE = 20;

/** /notifications: all of the user's notifications, newest first, with "Load more". */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const list = useCursorList<AppNotification>(notificationKeys.list, NOTIFICATIONS_PATH, filters, PAGE_SIZE);
  const open = useOpenNotification();
  const unread = useLatestNotifications().data?.unreadCount ?? 0;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.unreadCount', { count: unread })}
        actions={<ReadAllButton unread={unread} variant="default" />}
      />
      <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
        <Switch
          label={t('notifications.unreadOnly')}
          checked={filters.unread === 'true'}
          onChange={(e) => setFilter('unread', e.currentTarget.checked ? 'true' : null)}
          data-testid="notifications-unread-only"
          styles={{ body: { minHeight: 44, alignItems: 'center' } }}
        />
      </Paper>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <Paper withBorder p="xs" radius="md">
          <NotificationList items={list.items} onOpen={open}
            emptyText={filters.unread === 'true' ? t('notifications.emptyUnread') : undefined} />
        </Paper>
      )}
      {list.data && (
        <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()} />
      )}
    </>
  );
}
