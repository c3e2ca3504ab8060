import type { Kysely, Transaction } from 'kysely';
import type { DB, Locale } from '../db/schema.js';
import { translate } from '../i18n/messages.js';
import { notify } from './notifications.js';

/**
 * X-NOTIFY for several recipients: an in-app notification each and, when
 * `mailCode` is given, an e-mail in the recipient's language
 * (`<mailCode>_SUBJECT` / `<mailCode>_BODY` from the server messages), in the
 * caller's transaction.
 */
export async function tell(
  trx: Transaction<DB> | Kysely<DB>,
  recipients: readonly { id: string; locale: Locale }[],
  n: { kind: string; titleKey: string; params: Record<string, string>; link: string; mailCode?: string; dedupe?: string },
) {
  for (const r of recipients) {
    await notify(trx, {
      userId: r.id,
      kind: n.kind,
      titleKey: n.titleKey,
      params: n.params,
      link: n.link,
      ...(n.mailCode
        ? { mail: { subject: translate(r.locale, `${n.mailCode}_SUBJECT`, n.params), bodyText: translate(r.locale, `${n.mailCode}_BODY`, n.params), ...(n.dedupe ? { dedupeKey: `${n.dedupe}-${r.id}` } : {}) } }
        : {}),
    });
  }
}
