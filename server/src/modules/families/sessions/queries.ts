import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { extraRequestScope, familyScope, sessionScope, type Action } from '../../../platform/policy/policy.js';
import { decodeCursor, newestFirstPage, toPage } from '../../../platform/http/index.js';
import type { ExtraRequestStatus, SessionService } from '../service-tables.js';
import { firstDayOf, lastDayOf } from '../groups/rules.js';

type Db = Kysely<DB> | Transaction<DB>;
type Page = { limit: number; cursor?: string | undefined };

/**
 * The families whose sessions and limits a user may work with: the family
 * scope of the policy; a provider's specialist (a psychologist or supervisor
 * holds sessions without an episode of their own) also reaches the families
 * their provider serves.
 */
export function sessionFamilyScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'families'>): Expression<SqlBool> => {
    if (actor.role !== 'provider_specialist') return familyScope(actor)(eb);
    return eb.or([familyScope(actor)(eb), familyScope({ ...actor, role: 'provider_admin' })(eb)]);
  };
}

export function findSessionFamily(db: Db, actor: Actor, familyId: string) {
  return db.selectFrom('families').selectAll().where('families.id', '=', familyId).where(sessionFamilyScope(actor)).executeTakeFirst();
}

// --- Sessions -------------------------------------------------------------------------

export interface SessionFilter {
  familyId?: string | undefined;
  episodeId?: string | undefined;
  service?: SessionService | undefined;
  month?: string | undefined;
  specialistId?: string | undefined;
  status?: 'held' | 'cancelled' | undefined;
}

export function selectSessions(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('service_sessions')
    .innerJoin('families', 'families.id', 'service_sessions.family_id')
    .innerJoin('organisations as provider', 'provider.id', 'service_sessions.provider_organisation_id')
    .innerJoin('provider_specialists as specialist', 'specialist.id', 'service_sessions.specialist_id')
    .innerJoin('users as specialist_user', 'specialist_user.id', 'specialist.user_id')
    .select([
      'service_sessions.id',
      'service_sessions.service',
      'service_sessions.family_id',
      'service_sessions.episode_id',
      'service_sessions.provider_organisation_id',
      'service_sessions.specialist_id',
      'service_sessions.held_on',
      'service_sessions.minutes',
      'service_sessions.mode',
      'service_sessions.remote_agreed_on',
      'service_sessions.participants',
      'service_sessions.summary',
      'service_sessions.status',
      'service_sessions.version',
      'service_sessions.created_at',
      'service_sessions.updated_at',
      'families.reference as family_reference',
      'provider.name as provider_name',
      'specialist_user.name as specialist_name',
    ])
    .where(sessionScope(actor, action));
}

export type SessionRow = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>;

export async function listSessions(db: Db, actor: Actor, filter: SessionFilter, page: Page) {
  let query = selectSessions(db, actor);
  if (filter.familyId) query = query.where('service_sessions.family_id', '=', filter.familyId);
  if (filter.episodeId) query = query.where('service_sessions.episode_id', '=', filter.episodeId);
  if (filter.service) query = query.where('service_sessions.service', '=', filter.service);
  if (filter.specialistId) query = query.where('service_sessions.specialist_id', '=', filter.specialistId);
  if (filter.status) query = query.where('service_sessions.status', '=', filter.status);
  if (filter.month) {
    query = query.where('service_sessions.held_on', '>=', firstDayOf(filter.month)).where('service_sessions.held_on', '<=', lastDayOf(filter.month));
  }
  return newestFirstPage(query, { date: 'service_sessions.held_on', id: 'service_sessions.id', dateType: 'date' }, page, (r) => [r.held_on, r.id]);
}

export function findSession(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return selectSessions(db, actor, action).where('service_sessions.id', '=', id).executeTakeFirst();
}

// --- Extra-session requests (B-PSY-1) -------------------------------------------------

export interface ExtraFilter {
  status?: ExtraRequestStatus | undefined;
  familyId?: string | undefined;
  providerId?: string | undefined;
  year?: number | undefined;
}

export function selectExtras(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('counselling_extra_requests')
    .innerJoin('families', 'families.id', 'counselling_extra_requests.family_id')
    .innerJoin('organisations as provider', 'provider.id', 'counselling_extra_requests.provider_organisation_id')
    .innerJoin('users as requester', 'requester.id', 'counselling_extra_requests.requested_by')
    .leftJoin('users as decider', 'decider.id', 'counselling_extra_requests.decided_by')
    .select([
      'counselling_extra_requests.id',
      'counselling_extra_requests.family_id',
      'counselling_extra_requests.provider_organisation_id',
      'counselling_extra_requests.year',
      'counselling_extra_requests.requested_sessions',
      'counselling_extra_requests.justification',
      'counselling_extra_requests.status',
      'counselling_extra_requests.approved_sessions',
      'counselling_extra_requests.decision_reason',
      'counselling_extra_requests.requested_by',
      'counselling_extra_requests.requested_on',
      'counselling_extra_requests.decided_on',
      'counselling_extra_requests.version',
      'counselling_extra_requests.created_at',
      'families.reference as family_reference',
      'provider.name as provider_name',
      'requester.name as requested_by_name',
      'decider.name as decided_by_name',
      sql<number>`(case when counselling_extra_requests.status = 'requested' then 0 else 1 end)`.as('rank'),
    ])
    .where(extraRequestScope(actor, action));
}

export type ExtraRow = Awaited<ReturnType<ReturnType<typeof selectExtras>['executeTakeFirstOrThrow']>>;

/** Awaiting a decision first, then newest first: keyset on (awaiting, created_at, id). */
export async function listExtras(db: Db, actor: Actor, filter: ExtraFilter, page: Page) {
  let query = selectExtras(db, actor);
  if (filter.status) query = query.where('counselling_extra_requests.status', '=', filter.status);
  if (filter.familyId) query = query.where('counselling_extra_requests.family_id', '=', filter.familyId);
  if (filter.providerId) query = query.where('counselling_extra_requests.provider_organisation_id', '=', filter.providerId);
  if (filter.year) query = query.where('counselling_extra_requests.year', '=', filter.year);
  const after = decodeCursor(page.cursor, ['number', 'string', 'string']);
  const rank = sql`(case when counselling_extra_requests.status = 'requested' then 0 else 1 end)`;
  if (after) {
    query = query.where(
      sql<boolean>`(${rank} > ${after[0]} or (${rank} = ${after[0]} and (counselling_extra_requests.created_at, counselling_extra_requests.id) < (${after[1]}::timestamptz, ${after[2]}::uuid)))`,
    );
  }
  const rows = await query.orderBy(rank, 'asc').orderBy('counselling_extra_requests.created_at', 'desc').orderBy('counselling_extra_requests.id', 'desc').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => [Number(r.rank), r.created_at.toISOString(), r.id]);
}

export function findExtra(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return selectExtras(db, actor, action).where('counselling_extra_requests.id', '=', id).executeTakeFirst();
}

/** The year's extra sessions of a family: approved and still awaiting a decision. */
export async function extrasOfYear(db: Db, familyId: string, year: number, exceptId?: string) {
  let query = db
    .selectFrom('counselling_extra_requests')
    .select(['id', 'status', 'requested_sessions', 'approved_sessions', 'requested_on'])
    .where('family_id', '=', familyId)
    .where('year', '=', year)
    .where('status', '!=', 'rejected');
  if (exceptId) query = query.where('id', '!=', exceptId);
  const rows = await query.orderBy('created_at').execute();
  const approved = rows.filter((r) => r.status === 'approved').reduce((sum, r) => sum + (r.approved_sessions ?? 0), 0);
  const pending = rows.filter((r) => r.status === 'requested');
  return { approved, pending, pendingSessions: pending.reduce((sum, r) => sum + r.requested_sessions, 0) };
}

// --- Limits per family -----------------------------------------------------------------

/** The families of the "limits per family" view: a provider's (or, for SKA, one provider's) served families, newest first. */
export async function listLimitFamilies(db: Db, actor: Actor, filter: { providerId?: string | undefined; q?: string | undefined }, page: Page) {
  let query = db
    .selectFrom('families')
    .innerJoin('organisations as kov', 'kov.id', 'families.kov_organisation_id')
    .select([
      'families.id',
      'families.reference',
      'families.type',
      'families.created_at',
      'kov.name as kov_name',
      sql<string | null>`(select string_agg(p.first_name || ' ' || p.last_name, ', ' order by p.last_name, p.first_name) from family_parents fp join people p on p.id = fp.person_id where fp.family_id = families.id)`.as('parent_names'),
    ])
    .where(sessionFamilyScope(actor));
  const providerId = actor.role === 'provider_admin' || actor.role === 'provider_specialist' ? actor.organisationId : filter.providerId;
  if (providerId) {
    query = query.where((eb) =>
      eb.or([
        eb('families.intake_provider_id', '=', providerId),
        eb.exists(eb.selectFrom('family_episodes as le').select(sql`1`.as('one')).whereRef('le.family_id', '=', 'families.id').where('le.provider_organisation_id', '=', providerId)),
        eb.exists(eb.selectFrom('service_sessions as ls').select(sql`1`.as('one')).whereRef('ls.family_id', '=', 'families.id').where('ls.provider_organisation_id', '=', providerId)),
      ]),
    );
  }
  if (filter.q) query = query.where('families.reference', 'ilike', `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
  return newestFirstPage(query, { date: 'families.created_at', id: 'families.id', dateType: 'timestamptz' }, page, (r) => [r.created_at.toISOString(), r.id]);
}

/** The running mentoring episode of a family at a provider (the one new mentoring sessions go to). */
export async function runningMentoringEpisode(db: Db, actor: Actor, familyId: string) {
  const row = await db
    .selectFrom('family_episodes')
    .select('family_episodes.id')
    .where('family_episodes.family_id', '=', familyId)
    .where('family_episodes.kind', '=', 'mentoring')
    .where('family_episodes.status', '!=', 'ended')
    .where(episodeScopeFor(actor))
    .orderBy('family_episodes.starts_on', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

function episodeScopeFor(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'family_episodes'>): Expression<SqlBool> =>
    actor.role === 'provider_admin' || actor.role === 'provider_specialist' ? eb('family_episodes.provider_organisation_id', '=', actor.organisationId) : sql<SqlBool>`true`;
}
