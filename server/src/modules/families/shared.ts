import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { todayInTallinn } from '../../platform/calendar/working-days.js';

/** Small helpers the family services share. */

export const today = () => todayInTallinn(new Date());

/** One line on the family's timeline. */
export async function recordEvent(
  trx: Transaction<DB>,
  e: { familyId: string; episodeId?: string | null; referralId?: string | null; kind: string; from?: string | null; to?: string | null; reason?: string | null; actorId: string | null },
) {
  await trx
    .insertInto('family_events')
    .values({ family_id: e.familyId, episode_id: e.episodeId ?? null, referral_id: e.referralId ?? null, kind: e.kind, from_status: e.from ?? null, to_status: e.to ?? null, reason: e.reason ?? null, actor_id: e.actorId })
    .execute();
}

/** Everyone in a family (parents, children, other household members), for person links. */
export async function familyPeople(trx: Transaction<DB>, familyId: string): Promise<string[]> {
  const { rows } = await sql<{ person_id: string }>`
    select person_id from family_parents where family_id = ${familyId}
    union select child_person_id from family_children where family_id = ${familyId}
    union select hm.person_id from household_members hm join families f on f.household_id = hm.household_id where f.id = ${familyId}`.execute(trx);
  return rows.map((r) => r.person_id);
}

/**
 * Gives an organisation (and, for a family supporter, the user personally)
 * access to the family's people (platform person scope, SPEC §1).
 */
export async function linkFamilyPeople(trx: Transaction<DB>, familyId: string, organisationId: string, userId: string | null = null, people?: string[]) {
  const ids = people ?? (await familyPeople(trx, familyId));
  if (ids.length === 0) return;
  await trx
    .insertInto('person_links')
    .values(ids.map((id) => ({ person_id: id, organisation_id: organisationId, user_id: userId, reason: 'family' })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function usersOf(trx: Transaction<DB>, organisationId: string, roles: string[]) {
  return trx.selectFrom('users').select(['id', 'locale']).where('organisation_id', '=', organisationId).where('role', 'in', roles as never).where('active', '=', true).execute();
}

export async function skaContacts(trx: Transaction<DB>) {
  return trx
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.locale'])
    .where('users.role', '=', 'ska_contact')
    .where('users.active', '=', true)
    .where('organisations.kind', '=', 'ska')
    .execute();
}

/** An in-app notification, with an e-mail in the recipient's language when `mailCode` is given (X-NOTIFY). */
export { tell } from '../../platform/notify/tell.js';
