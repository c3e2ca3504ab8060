import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api/client';
import type { Page } from '../api/pagination';

/** X-NOTIFY: one in-app notification of the logged-in user. */
export interface AppNotification {
  id: string;
  kind: string;
  /** i18n key of the web app (e.g. `notifications.caseAssigned`). */
  titleKey: string;
  params: Record<string, string | number>;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage extends Page<AppNotification> {
  unreadCount: number;
}

export const NOTIFICATIONS_PATH = '/api/me/notifications';
export const notificationKeys = {
  all: ['notifications'] as const,
  latest: ['notifications', 'latest'] as const,
  list: ['notifications', 'list'] as const,
};

/** How many notifications the header bell shows. */
const LATEST_LIMIT = 8;
const POLL_MS = 60_000;

/** Latest notifications and the unread count for the header bell; polled every minute and on focus. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => get<NotificationPage>(NOTIFICATIONS_PATH, { limit: LATEST_LIMIT }, signal),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

/** After marking read: the bell, the list and the home page's "unread notifications" item. */
function useInvalidateNotifications() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: notificationKeys.all }),
      client.invalidateQueries({ queryKey: ['home'] }),
    ]);
  };
}

export function useMarkRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: (id: string) => post<void>(`${NOTIFICATIONS_PATH}/${encodeURIComponent(id)}/read`),
    onSettled: invalidate,
  });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateNotifications();
  return useMutation({
    mutationFn: () => post<void>(`${NOTIFICATIONS_PATH}/read-all`),
    onSettled: invalidate,
  });
}
