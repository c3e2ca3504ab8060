import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Gives up on a mail after this many failed attempts; it then shows as failed in the admin page. */
export const MAX_MAIL_ATTEMPTS = 5;
const BATCH = 50;

export type MailTransport = (mail: { from: string; to: string; subject: string; text: string }) => Promise<void>;

/** SMTP when configured; otherwise demo mode, where mails are only stored and shown to the admin. */
export function createTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return async () => {};
  const transporter = nodemailer.createTransport(smtpUrl);
  return async (mail) => {
    await transporter.sendMail(mail);
  };
}

/**
 * Sends pending mails, oldest first. Each mail is claimed with SKIP LOCKED, so
 * two workers (two server processes) never send the same mail.
 */
export async function deliverPendingMail(db: Kysely<DB>, transport: MailTransport, from: string): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < BATCH; i++) {
    const outcome = await db.transaction().execute(async (trx) => {
      const mail = await trx.selectFrom('mail_outbox').selectAll().where('status', '=', 'pending').orderBy('created_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!mail) return 'empty' as const;
      try {
        await transport({ from, to: mail.to_address, subject: mail.subject, text: mail.body_text });
        await trx.updateTable('mail_outbox').set({ status: 'sent', sent_at: new Date(), attempts: mail.attempts + 1, last_error: null }).where('id', '=', mail.id).execute();
        return 'sent' as const;
      } catch (error) {
        const attempts = mail.attempts + 1;
        await trx
          .updateTable('mail_outbox')
          .set({ attempts, last_error: String((error as Error).message ?? error).slice(0, 500), status: attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending' })
          .where('id', '=', mail.id)
          .execute();
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent++;
    else failed++;
    if (outcome === 'failed') break; // retry on the next run, not in a tight loop
  }
  return { sent, failed };
}
