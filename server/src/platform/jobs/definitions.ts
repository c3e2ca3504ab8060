import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.js';
import type { DB } from '../db/schema.js';
import { createTransport, deliverPendingMail } from '../mail/delivery.js';
import type { JobDefinition } from './jobs.js';

export const MAIL_DELIVERY_JOB = 'mail-deliver';
export const HOUSEKEEPING_JOB = 'housekeeping';

/** The platform's own background jobs; modules add reminders of their own. */
export function platformJobs(db: Kysely<DB>, config: AppConfig): JobDefinition[] {
  const transport = createTransport(config.smtpUrl);
  return [
    { name: MAIL_DELIVERY_JOB, cron: '* * * * *', run: () => deliverPendingMail(db, transport, config.mailFrom) },
    { name: HOUSEKEEPING_JOB, cron: '17 * * * *', run: () => housekeeping(db) },
  ];
}

/** Expired sessions, old login attempts and abandoned OIDC logins are removed. */
export async function housekeeping(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('login_attempts').where('at', '<', new Date(now.getTime() - 24 * 3_600_000)).execute();
  await db.deleteFrom('oidc_transactions').where('created_at', '<', new Date(now.getTime() - 3_600_000)).execute();
}
