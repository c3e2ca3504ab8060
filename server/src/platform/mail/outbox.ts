import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  bodyText: string;
  /** Same key, same mail: a retried use case does not mail twice. */
  dedupeKey?: string;
}

/** Queues a mail in the caller's transaction: it is sent exactly when the change commits. */
export async function enqueueMail(trx: Transaction<DB> | Kysely<DB>, mail: OutgoingMail): Promise<void> {
  await trx
    .insertInto('mail_outbox')
    .values({ to_address: mail.to, subject: mail.subject, body_text: mail.bodyText, dedupe_key: mail.dedupeKey ?? null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
