import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { enqueueMail } from '../mail/outbox.js';

export interface Notification {
  userId: string;
  /** What happened, for filtering: 'assignment', 'deadline', 'approval', 'rejection'... */
  kind: string;
  /** i18n key of the web app, with its parameters. */
  titleKey: string;
  params?: Record<string, string | number>;
  link?: string;
  /** Also send an e-mail (already in the recipient's language), through the outbox. */
  mail?: { subject: string; bodyText: string; dedupeKey?: string };
}

/**
 * X-NOTIFY: an in-app notification and, if asked, an e-mail, both in the caller's
 * transaction, so they exist exactly when the change that caused them does.
 */
export async function notify(trx: Transaction<DB> | Kysely<DB>, notification: Notification): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({ user_id: notification.userId, kind: notification.kind, title_key: notification.titleKey, params: JSON.stringify(notification.params ?? {}), link: notification.link ?? null })
    .execute();
  if (!notification.mail) return;
  const recipient = await trx.selectFrom('users').select(['email', 'active']).where('id', '=', notification.userId).executeTakeFirst();
  if (!recipient?.active) return;
  await enqueueMail(trx, { to: recipient.email, ...notification.mail });
}
