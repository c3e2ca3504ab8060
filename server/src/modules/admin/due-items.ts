import { sql } from 'kysely';
import type { DueItemsProvider } from '../../platform/home/due-items.js';

/** The administrator's home: mails that could not be delivered, accounts locked out. */
export const adminDueItems: DueItemsProvider = async (db, actor) => {
  if (actor.role !== 'admin') return [];
  const { failed } = await db.selectFrom('mail_outbox').select(sql<number>`count(*)::int`.as('failed')).where('status', '=', 'failed').executeTakeFirstOrThrow();
  const { locked } = await db.selectFrom('users').select(sql<number>`count(*)::int`.as('locked')).where('locked_until', '>', new Date()).executeTakeFirstOrThrow();
  const items = [];
  if (failed > 0) items.push({ id: 'admin.mail.failed', module: 'admin', titleKey: 'home.items.outboxFailed', count: failed, severity: 'warning' as const, link: '/admin/mail' });
  if (locked > 0) items.push({ id: 'admin.users.locked', module: 'admin', titleKey: 'home.items.usersLocked', count: locked, severity: 'info' as const, link: '/admin/users' });
  return items;
};

/** Everyone: unread notifications (X-NOTIFY). */
export const notificationDueItems: DueItemsProvider = async (db, actor) => {
  const { unread } = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('unread'))
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return unread > 0 ? [{ id: 'notifications.unread', module: 'platform', titleKey: 'home.items.unreadNotifications', count: unread, severity: 'info' as const, link: '/notifications' }] : [];
};
