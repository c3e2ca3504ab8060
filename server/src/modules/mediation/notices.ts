import type { Transaction } from 'kysely';
import type { DB, Locale } from '../../platform/db/schema.js';
import { translate } from '../../platform/i18n/messages.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { tell } from '../../platform/notify/tell.js';

type Trx = Transaction<DB>;

/**
 * X-NOTIFY for a proceeding: who is told of a booking, a message or a
 * decision. A parent with a self-service account gets an in-app notification
 * and a mail in their language; a parent without one a mail to the address in
 * their profile, in the proceeding's language. Mails never carry the content
 * of the correspondence (E-MSG: it is read in the authenticated self-service).
 */
export async function tellProceeding(
  trx: Trx,
  proceeding: { id: string; reference: string; language: string; mediator_id: string | null },
  who: { parents?: boolean; mediator?: boolean; except?: string | null },
  n: { kind: string; titleKey: string; params: Record<string, string>; mailCode: string; dedupe?: string },
): Promise<void> {
  const link = `/mediation/${proceeding.id}`;
  const params = { reference: proceeding.reference, ...n.params };
  if (who.parents) {
    const parents = await trx
      .selectFrom('mediation_parties')
      .leftJoin('users', (j) => j.onRef('users.person_id', '=', 'mediation_parties.person_id').on('users.role', '=', 'client').on('users.active', '=', true))
      .select(['mediation_parties.email', 'users.id as user_id', 'users.locale'])
      .where('mediation_parties.proceeding_id', '=', proceeding.id)
      .where('mediation_parties.role', '=', 'parent')
      .execute();
    const users = parents.filter((p) => p.user_id && p.user_id !== who.except).map((p) => ({ id: p.user_id!, locale: p.locale as Locale }));
    await tell(trx, users, { ...n, params, link });
    const language = proceeding.language as Locale;
    for (const p of parents) {
      if (p.user_id || !p.email) continue;
      await enqueueMail(trx, {
        to: p.email,
        subject: translate(language, `${n.mailCode}_SUBJECT`, params),
        bodyText: translate(language, `${n.mailCode}_BODY`, params),
        ...(n.dedupe ? { dedupeKey: `${n.dedupe}-${p.email}` } : {}),
      });
    }
  }
  if (who.mediator && proceeding.mediator_id && proceeding.mediator_id !== who.except) {
    const mediator = await trx.selectFrom('users').select(['id', 'locale']).where('id', '=', proceeding.mediator_id).where('active', '=', true).execute();
    await tell(trx, mediator, { ...n, params, link });
  }
}
