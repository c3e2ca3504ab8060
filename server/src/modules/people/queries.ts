import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { personScope, type Action } from '../../platform/policy/policy.js';
import { decodeCursor, toPage } from '../../platform/http/index.js';
import { normalisePersonalCode } from './personal-code.js';
import { DUPLICATE_NAME_SIMILARITY, looksLikePersonalCode, normaliseName, SEARCH_SIMILARITY } from './rules.js';

const COLUMNS = ['people.id', 'people.personal_code', 'people.first_name', 'people.last_name', 'people.birth_date', 'people.sex', 'people.version'] as const;

export function findPerson(db: Kysely<DB>, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('people').select(COLUMNS).where('people.id', '=', id).where(personScope(actor, action)).executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/**
 * X-FIND search within the viewer's scope: a personal code matches exactly; a
 * name matches by trigrams (tolerant of misspelling), best matches first.
 * Without a query, everyone in scope by name, a keyset page at a time.
 */
export async function searchPeople(db: Kysely<DB>, actor: Actor, q: string | undefined, page: { limit: number; cursor?: string | undefined }) {
  const base = db.selectFrom('people').select(COLUMNS).where(personScope(actor));
  if (q && looksLikePersonalCode(q)) {
    const rows = await base.where('people.personal_code', '=', normalisePersonalCode(q)).execute();
    return { items: rows, nextCursor: null };
  }
  if (q) {
    const needle = normaliseName(q);
    const rows = await base
      .where((eb) => eb.or([eb('people.search_name', 'like', `%${needle.replace(/[\\%_]/g, '\\$&')}%`), eb(sql`word_similarity(${needle}, people.search_name)`, '>', SEARCH_SIMILARITY)]))
      .orderBy(sql`word_similarity(${needle}, people.search_name)`, 'desc')
      .orderBy('people.id')
      .limit(page.limit)
      .execute();
    return { items: rows, nextCursor: null };
  }
  const after = decodeCursor(page.cursor, ['string', 'string', 'string']);
  let query = base;
  if (after) query = query.where(sql`(people.last_name, people.first_name, people.id)`, '>', sql`(${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
  const rows = await query.orderBy('people.last_name').orderBy('people.first_name').orderBy('people.id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => [r.last_name, r.first_name, r.id]);
}

/** Possible duplicates the viewer may see: same birth date and a similar name (X-FIND). */
export function possibleDuplicates(db: Kysely<DB>, actor: Actor, person: { id: string | null; birthDate: string; searchName: string }) {
  let query = db
    .selectFrom('people')
    .select(['people.id', 'people.first_name', 'people.last_name', 'people.birth_date'])
    .where('people.birth_date', '=', person.birthDate)
    .where(sql`similarity(people.search_name, ${person.searchName})`, '>', DUPLICATE_NAME_SIMILARITY)
    .where(personScope(actor));
  if (person.id) query = query.where('people.id', '!=', person.id);
  return query.limit(20).execute();
}

/** Everyone in scope matching the search, for an export (bounded by the caller). */
export async function exportPeople(db: Kysely<DB>, actor: Actor, q: string | undefined, limit: number) {
  if (q) return (await searchPeople(db, actor, q, { limit })).items;
  return db.selectFrom('people').select(COLUMNS).where(personScope(actor)).orderBy('people.last_name').orderBy('people.first_name').orderBy('people.id').limit(limit).execute();
}
