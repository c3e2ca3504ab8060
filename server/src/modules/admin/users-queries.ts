import { sql, type Kysely } from 'kysely';
import type { DB, Role } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { userScope } from '../../platform/policy/policy.js';
import { decodeCursor, toPage } from '../../platform/http/index.js';

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | undefined;
  active?: boolean | undefined;
}

export function selectUsers(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.organisation_id',
      'organisations.name as organisation_name',
      'users.active',
      'users.personal_code',
      'users.locked_until',
      'users.last_login_at',
      'users.locale',
      'users.version',
    ])
    .where(userScope(actor));
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function filtered(db: Kysely<DB>, actor: Actor, filter: UserFilter) {
  let query = selectUsers(db, actor);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(users.name)`, 'like', like), eb(sql`lower(users.email)`, 'like', like)]));
  }
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.organisationId) query = query.where('users.organisation_id', '=', filter.organisationId);
  if (filter.active !== undefined) query = query.where('users.active', '=', filter.active);
  return query;
}

/** Users by name, a keyset page at a time. */
export async function listUsers(db: Kysely<DB>, actor: Actor, filter: UserFilter, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor, ['string', 'string']);
  let query = filtered(db, actor, filter);
  if (after) query = query.where(sql`(lower(users.name), users.id)`, '>', sql`(${after[0]}, ${after[1]}::uuid)`);
  const rows = await query.orderBy(sql`lower(users.name)`).orderBy('users.id').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => [r.name.toLowerCase(), r.id]);
}

export function exportUsers(db: Kysely<DB>, actor: Actor, filter: UserFilter, limit: number) {
  return filtered(db, actor, filter).orderBy(sql`lower(users.name)`).orderBy('users.id').limit(limit).execute();
}

export function findUser(db: Kysely<DB>, actor: Actor, id: string) {
  return selectUsers(db, actor).where('users.id', '=', id).executeTakeFirst();
}

/** An active SKA chief specialist: who can be a regional specialist or be assigned a case. */
export async function isActiveSkaSpecialist(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.role', '=', 'ska_specialist')
    .where('users.active', '=', true)
    .where('organisations.kind', '=', 'ska')
    .executeTakeFirst();
  return Boolean(row);
}
