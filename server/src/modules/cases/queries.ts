import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { caseScope, type Action } from '../../platform/policy/policy.js';
import { newestFirstPage } from '../../platform/http/index.js';
import { normaliseName } from '../people/rules.js';
import type { CaseType } from './tables.js';

export interface CaseFilter {
  view?: 'mine' | 'team' | 'all' | undefined;
  type?: CaseType | undefined;
  status?: string | undefined;
  kovId?: string | undefined;
  county?: string | undefined;
  specialistId?: string | undefined;
  overdue?: boolean | undefined;
  unassigned?: boolean | undefined;
  q?: string | undefined;
}

/** The list columns: a case with its child, municipality and specialist. */
export function selectCases(db: Kysely<DB>, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('cases')
    .innerJoin('people as child', 'child.id', 'cases.child_person_id')
    .innerJoin('organisations as kov', 'kov.id', 'cases.kov_organisation_id')
    .innerJoin('users as kov_worker', 'kov_worker.id', 'cases.kov_worker_id')
    .leftJoin('users as specialist', 'specialist.id', 'cases.assigned_specialist_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.type',
      'cases.international_subtype',
      'cases.status',
      'cases.received_on',
      'cases.first_contact_due',
      'cases.opinion_due',
      'cases.court_date',
      'cases.closed_on',
      'cases.version',
      'cases.assigned_specialist_id',
      'cases.kov_organisation_id',
      'child.id as child_id',
      'child.first_name as child_first_name',
      'child.last_name as child_last_name',
      'child.birth_date as child_birth_date',
      'kov.name as kov_name',
      'kov.county as kov_county',
      'kov_worker.name as kov_worker_name',
      'specialist.name as specialist_name',
    ])
    .where(caseScope(actor, action));
}

export type CaseListRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

/** Overdue in SQL, the same rule as `isOverdue` in rules.ts. */
export function overdueCondition(eb: ExpressionBuilder<DB, 'cases'>, today: string): Expression<SqlBool> {
  return eb.or([
    eb.and([eb('cases.type', '=', 'domestic'), eb('cases.status', '=', 'application'), eb('cases.first_contact_due', '<', today)]),
    eb.and([eb('cases.type', '=', 'klat_opinion'), eb('cases.status', '!=', 'opinion_issued'), eb('cases.opinion_due', '<', today)]),
  ]);
}

const REFERENCE = /^[a-z]{2}-\d{4}-\d{5,}$/i;

function filtered(db: Kysely<DB>, actor: Actor, filter: CaseFilter, today: string) {
  let query = selectCases(db, actor);
  if (filter.view === 'mine') {
    query = actor.role === 'kov_worker' ? query.where('cases.kov_worker_id', '=', actor.userId) : query.where('cases.assigned_specialist_id', '=', actor.userId);
  }
  if (filter.type) query = query.where('cases.type', '=', filter.type);
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.kovId) query = query.where('cases.kov_organisation_id', '=', filter.kovId);
  if (filter.county) query = query.where('kov.county', '=', filter.county);
  if (filter.specialistId) query = query.where('cases.assigned_specialist_id', '=', filter.specialistId);
  if (filter.unassigned) query = query.where('cases.assigned_specialist_id', 'is', null);
  if (filter.overdue) query = query.where((eb) => overdueCondition(eb as unknown as ExpressionBuilder<DB, 'cases'>, today));
  if (filter.q && REFERENCE.test(filter.q.trim())) {
    query = query.where('cases.reference', '=', filter.q.trim().toUpperCase());
  } else if (filter.q) {
    const needle = normaliseName(filter.q);
    if (needle) {
      query = query.where((eb) =>
        eb.or([eb('cases.search_text', 'like', `%${needle.replace(/[\\%_]/g, '\\$&')}%`), eb(sql`word_similarity(${needle}, cases.search_text)`, '>', 0.4)]),
      );
    }
  }
  return query;
}

/** Newest first, a keyset page at a time. */
export async function listCases(db: Kysely<DB>, actor: Actor, filter: CaseFilter, page: { limit: number; cursor?: string | undefined }, today: string) {
  return newestFirstPage(filtered(db, actor, filter, today), { date: 'cases.received_on', id: 'cases.id', dateType: 'date' }, page, (r) => [r.received_on, r.id]);
}

export function exportCases(db: Kysely<DB>, actor: Actor, filter: CaseFilter, limit: number, today: string) {
  return filtered(db, actor, filter, today).orderBy('cases.received_on', 'desc').orderBy('cases.id', 'desc').limit(limit).execute();
}

/** The whole case record in scope (for the case page and for writes). */
export function findCase(db: Kysely<DB>, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('cases').selectAll().where('cases.id', '=', id).where(caseScope(actor, action)).executeTakeFirst();
}

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function riskAssessmentsOf(db: Kysely<DB>, caseId: string) {
  return db.selectFrom('case_risk_assessments').select(['id', 'assessed_on', 'level', 'notes', 'created_at']).where('case_id', '=', caseId).orderBy('assessed_on').orderBy('created_at').execute();
}

/** One chronological timeline: recorded activities and the case's own events (received, status, reassignment). */
export async function timelineOf(db: Kysely<DB>, caseId: string) {
  const [activities, events] = await Promise.all([
    db
      .selectFrom('case_activities')
      .innerJoin('users', 'users.id', 'case_activities.created_by')
      .select([
        'case_activities.id',
        'case_activities.kind',
        'case_activities.occurred_on',
        'case_activities.participants',
        'case_activities.notes',
        'case_activities.country',
        'case_activities.authority',
        'case_activities.foreign_reference',
        'case_activities.created_at',
        'users.name as author',
      ])
      .where('case_activities.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('case_events')
      .leftJoin('users as actor', 'actor.id', 'case_events.actor_id')
      .leftJoin('users as from_user', 'from_user.id', 'case_events.from_user_id')
      .leftJoin('users as to_user', 'to_user.id', 'case_events.to_user_id')
      .select(['case_events.id', 'case_events.kind', 'case_events.from_status', 'case_events.to_status', 'case_events.reason', 'case_events.at', 'actor.name as author', 'from_user.name as from_user_name', 'to_user.name as to_user_name'])
      .where('case_events.case_id', '=', caseId)
      .execute(),
  ]);
  return { activities, events };
}

export function documentsOf(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('case_documents')
    .innerJoin('users', 'users.id', 'case_documents.uploaded_by')
    .select(['case_documents.id', 'case_documents.kind', 'case_documents.filename', 'case_documents.content_type', 'case_documents.size', 'case_documents.signers', 'case_documents.validation', 'case_documents.created_at', 'users.name as uploaded_by_name'])
    .where('case_documents.case_id', '=', caseId)
    .orderBy('case_documents.created_at')
    .execute();
}

/** The names the case page shows beside the record. */
export function caseParties(db: Kysely<DB>, c: { child_person_id: string; kov_organisation_id: string; kov_worker_id: string; assigned_specialist_id: string | null }) {
  return db
    .selectFrom('people as child')
    .innerJoin('organisations as kov', (j) => j.on('kov.id', '=', c.kov_organisation_id))
    .innerJoin('users as worker', (j) => j.on('worker.id', '=', c.kov_worker_id))
    .leftJoin('users as specialist', (j) => j.on('specialist.id', '=', c.assigned_specialist_id ?? '00000000-0000-0000-0000-000000000000'))
    .select([
      'child.id as child_id',
      'child.first_name',
      'child.last_name',
      'child.personal_code',
      'child.birth_date',
      'kov.name as kov_name',
      'kov.county as kov_county',
      'worker.name as kov_worker_name',
      'worker.email as kov_worker_email',
      'specialist.name as specialist_name',
    ])
    .where('child.id', '=', c.child_person_id)
    .executeTakeFirstOrThrow();
}
