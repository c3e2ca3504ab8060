import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { grantApplicationScope, grantRoundScope, type Action } from '../../platform/policy/policy.js';
import type { ApplicationStatus } from './tables.js';
import { AWAITING_DECISION } from './rules.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Rounds the actor may see, newest first, with what their applications ask and were granted (cents). */
export function roundsQuery(db: Db, actor: Actor, today: string) {
  return db
    .selectFrom('grant_rounds')
    .selectAll('grant_rounds')
    .select((eb) => [
      eb.selectFrom('grant_applications as a').whereRef('a.round_id', '=', 'grant_rounds.id').where('a.status', '!=', 'draft').select(sql<number>`count(*)::int`.as('n')).as('submitted_count'),
      eb.selectFrom('grant_applications as a').whereRef('a.round_id', '=', 'grant_rounds.id').where('a.status', 'not in', ['draft', 'rejected', 'not_funded', 'lapsed']).select(sql<number>`coalesce(sum(a.requested_cents), 0)::int8`.as('n')).as('requested_cents'),
      eb.selectFrom('grant_applications as a').whereRef('a.round_id', '=', 'grant_rounds.id').where('a.status', 'in', ['granted', 'contract_sent']).select(sql<number>`coalesce(sum(a.granted_cents), 0)::int8`.as('n')).as('granted_cents'),
      eb.selectFrom('grant_applications as a').whereRef('a.round_id', '=', 'grant_rounds.id').where('a.status', '=', 'contract_signed').select(sql<number>`coalesce(sum(a.granted_cents), 0)::int8`.as('n')).as('contracted_cents'),
    ])
    .where((eb) => grantRoundScope(actor, today)(eb));
}

export async function listRounds(db: Db, actor: Actor, today: string) {
  return roundsQuery(db, actor, today).orderBy('grant_rounds.opens_on', 'desc').orderBy('grant_rounds.reference', 'desc').execute();
}

export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

export async function findRound(db: Db, actor: Actor, id: string, today: string, action: Action = 'read') {
  return db
    .selectFrom('grant_rounds')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => grantRoundScope(actor, today, action)(eb))
    .executeTakeFirst();
}

export async function findRoundWithTotals(db: Db, actor: Actor, id: string, today: string) {
  return roundsQuery(db, actor, today).where('grant_rounds.id', '=', id).executeTakeFirst();
}

/** Applications with their round and municipality, within the actor's scope. */
export function applicationsQuery(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('grant_applications')
    .innerJoin('grant_rounds as r', 'r.id', 'grant_applications.round_id')
    .innerJoin('organisations as kov', 'kov.id', 'grant_applications.kov_organisation_id')
    .selectAll('grant_applications')
    .select(['r.reference as round_reference', 'r.title as round_title', 'r.measure', 'kov.name as kov_name', 'kov.population as kov_population'])
    .where((eb) => grantApplicationScope(actor, action)(eb as never));
}

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationsQuery>['executeTakeFirstOrThrow']>>;

export async function findApplication(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return applicationsQuery(db, actor, action).where('grant_applications.id', '=', id).executeTakeFirst();
}

export interface ApplicationFilter {
  roundId?: string | undefined;
  status?: ApplicationStatus | undefined;
  /** Waiting for the ministry's decision (D-GRANT-3). */
  awaiting?: boolean | undefined;
}

/** A list in submission order (drafts last), the filters applied in SQL. */
export async function listApplications(db: Db, actor: Actor, f: ApplicationFilter, limit = 500) {
  let q = applicationsQuery(db, actor);
  if (f.roundId) q = q.where('grant_applications.round_id', '=', f.roundId);
  if (f.status) q = q.where('grant_applications.status', '=', f.status);
  if (f.awaiting) q = q.where('grant_applications.status', 'in', AWAITING_DECISION);
  return q
    .orderBy(sql`grant_applications.submitted_at is null`)
    .orderBy('grant_applications.submitted_at')
    .orderBy('grant_applications.created_at')
    .limit(limit)
    .execute();
}

export async function linesOf(db: Db, applicationId: string) {
  return db.selectFrom('grant_budget_lines').selectAll().where('application_id', '=', applicationId).orderBy('position').execute();
}

/** File metadata (never the content) of an application. */
export async function filesOf(db: Db, applicationId: string) {
  return db
    .selectFrom('grant_application_files as f')
    .leftJoin('users as u', 'u.id', 'f.uploaded_by')
    .select(['f.id', 'f.kind', 'f.condition_key', 'f.filename', 'f.content_type', 'f.size', 'f.signers', 'f.validation', 'f.created_at', 'u.name as uploaded_by_name'])
    .where('f.application_id', '=', applicationId)
    .orderBy('f.created_at')
    .execute();
}

export async function checksOf(db: Db, applicationId: string) {
  return db
    .selectFrom('grant_application_checks as c')
    .leftJoin('users as u', 'u.id', 'c.checked_by')
    .select(['c.condition_key', 'c.met', 'c.note', 'c.checked_at', 'u.name as checked_by_name'])
    .where('c.application_id', '=', applicationId)
    .execute();
}

export async function eventsOf(db: Db, applicationId: string) {
  return db
    .selectFrom('grant_application_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.kind', 'e.from_status', 'e.to_status', 'e.note', 'e.at', 'u.name as actor_name'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.at')
    .execute();
}
