import { sql, type Kysely } from 'kysely';
import type { DB, OrganisationKind } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { organisationScope } from '../../platform/policy/policy.js';
import { decodeCursor, toPage } from '../../platform/http/index.js';

export interface OrganisationFilter {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  active?: boolean | undefined;
}

export function selectOrganisations(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('organisations')
    .leftJoin('users as specialist', 'specialist.id', 'organisations.regional_specialist_id')
    .selectAll('organisations')
    .select('specialist.name as regional_specialist_name')
    .where(organisationScope(actor));
}

export type OrganisationRow = Awaited<ReturnType<ReturnType<typeof selectOrganisations>['executeTakeFirstOrThrow']>>;

function filtered(db: Kysely<DB>, actor: Actor, filter: OrganisationFilter) {
  let query = selectOrganisations(db, actor);
  if (filter.q) query = query.where(sql`lower(organisations.name)`, 'like', `%${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.kind) query = query.where('organisations.kind', '=', filter.kind);
  if (filter.active !== undefined) query = query.where('organisations.active', '=', filter.active);
  return query;
}

export async function listOrganisations(db: Kysely<DB>, actor: Actor, filter: OrganisationFilter, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor, ['string', 'string']);
  let query = filtered(db, actor, filter);
  if (after) query = query.where(sql`(lower(organisations.name), organisations.id)`, '>', sql`(${after[0]}, ${after[1]}::uuid)`);
  const rows = await query.orderBy(sql`lower(organisations.name)`).orderBy('organisations.id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => [r.name.toLowerCase(), r.id]);
}

export function exportOrganisations(db: Kysely<DB>, actor: Actor, filter: OrganisationFilter, limit: number) {
  return filtered(db, actor, filter).orderBy(sql`lower(organisations.name)`).orderBy('organisations.id').limit(limit).execute();
}

export function findOrganisation(db: Kysely<DB>, actor: Actor, id: string) {
  return selectOrganisations(db, actor).where('organisations.id', '=', id).executeTakeFirst();
}

/** Names for pickers: organisation names are public, so every logged-in user may list them. */
export function organisationOptions(db: Kysely<DB>, kind: OrganisationKind | undefined) {
  let query = db.selectFrom('organisations').select(['id', 'name', 'kind']).where('active', '=', true);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('name').limit(1000).execute();
}
