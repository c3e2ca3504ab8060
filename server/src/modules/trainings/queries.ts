import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import {
  trainingAttendanceScope,
  trainingFeedbackScope,
  trainingGroupScope,
  trainingRegistrationScope,
  trainingScope,
  type Action,
} from '../../platform/policy/policy.js';
import { decodeCursor, toPage } from '../../platform/http/index.js';
import { todayInTallinn } from '../../platform/calendar/working-days.js';
import type { TrainingAttendanceTable, TrainingGroupStatus, TrainingGroupsTable, TrainingRegistrationsTable, TrainingSessionsTable, TrainingsTable } from './tables.js';

/** Module C reads, always through the policy's row scopes (a record outside them is 404). */

type Db = Kysely<DB> | Transaction<DB>;

export type TrainingRow = Selectable<TrainingsTable> & { provider_name: string; group_count: number };
export type GroupRow = Selectable<TrainingGroupsTable> & {
  training_reference: string;
  training_title: string;
  training_form: TrainingsTable['form'];
  training_days: number;
  training_hours: number;
  training_status: 'draft' | 'published';
  training_window_start: string;
  training_window_end: string;
  training_eligible_organisation_ids: string[] | null;
  provider_name: string;
  trainer_name: string | null;
  confirmed_count: number;
  waitlist_count: number;
  merged_into_number: number | null;
  /** C-5: a session day has come and some confirmed participant has no mark for it. */
  attendance_due: boolean;
};
export type SessionRow = Selectable<TrainingSessionsTable>;
export type AttendanceRow = Selectable<TrainingAttendanceTable>;
export type RegistrationRow = Selectable<TrainingRegistrationsTable> & {
  participant_name: string;
  participant_email: string;
  participant_person_id: string | null;
  organisation_name: string;
  organisation_county: string | null;
  registered_by_name: string;
  group_number: number;
  group_city: string | null;
  group_venue: string | null;
  group_starts_on: string;
  group_ends_on: string;
  group_status: TrainingGroupStatus;
  group_trainer_user_id: string | null;
  training_reference: string;
  training_title: string;
  training_hours: number;
  full_attendance: boolean;
  attended_any: boolean;
  feedback_given: boolean;
  waitlist_position: number | null;
};

const count = (rel: string, status: string) =>
  sql<number>`(select count(*)::int from training_registrations cr where cr.group_id = ${sql.ref(rel)} and cr.status = ${status})`;

// --- trainings ---------------------------------------------------------------------------

function trainingsQuery(db: Db) {
  return db
    .selectFrom('trainings')
    .innerJoin('organisations as provider', 'provider.id', 'trainings.provider_organisation_id')
    .selectAll('trainings')
    .select(['provider.name as provider_name', sql<number>`(select count(*)::int from training_groups cg where cg.training_id = trainings.id)`.as('group_count')]);
}

export async function findTraining(db: Db, actor: Actor, id: string, action: Action = 'read'): Promise<TrainingRow | undefined> {
  return trainingsQuery(db).where(trainingScope(actor, action)).where('trainings.id', '=', id).executeTakeFirst();
}

export interface TrainingFilter {
  /** Trainings whose window touches this year. */
  year?: number | undefined;
  status?: 'draft' | 'published' | undefined;
  q?: string | undefined;
}

export async function listTrainings(db: Db, actor: Actor, filter: TrainingFilter): Promise<TrainingRow[]> {
  let q = trainingsQuery(db).where(trainingScope(actor));
  if (filter.year) q = q.where('trainings.window_start', '<=', `${filter.year}-12-31`).where('trainings.window_end', '>=', `${filter.year}-01-01`);
  if (filter.status) q = q.where('trainings.status', '=', filter.status);
  if (filter.q) q = q.where(sql<boolean>`trainings.title ilike ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return q.orderBy('trainings.window_start', 'desc').orderBy('trainings.reference').limit(500).execute();
}

// --- groups --------------------------------------------------------------------------------

/** C-5: a session day of the group has come (Tallinn) and a confirmed participant has no mark for it. */
const attendanceDue = () => sql<boolean>`exists (select 1 from training_sessions ds join training_registrations dr on dr.group_id = ds.group_id and dr.status = 'confirmed'
  where ds.group_id = training_groups.id and ds.day <= ${todayInTallinn(new Date())}::date
    and not exists (select 1 from training_attendance da where da.registration_id = dr.id and da.session_id = ds.id))`;

export function groupsQuery(db: Db) {
  return db
    .selectFrom('training_groups')
    .innerJoin('trainings', 'trainings.id', 'training_groups.training_id')
    .innerJoin('organisations as provider', 'provider.id', 'trainings.provider_organisation_id')
    .leftJoin('users as trainer', 'trainer.id', 'training_groups.trainer_user_id')
    .leftJoin('training_groups as merged', 'merged.id', 'training_groups.merged_into_group_id')
    .selectAll('training_groups')
    .select([
      'trainings.reference as training_reference',
      'trainings.title as training_title',
      'trainings.form as training_form',
      'trainings.days as training_days',
      'trainings.academic_hours as training_hours',
      'trainings.status as training_status',
      'trainings.window_start as training_window_start',
      'trainings.window_end as training_window_end',
      'trainings.eligible_organisation_ids as training_eligible_organisation_ids',
      'provider.name as provider_name',
      'trainer.name as trainer_name',
      'merged.number as merged_into_number',
      count('training_groups.id', 'confirmed').as('confirmed_count'),
      count('training_groups.id', 'waitlisted').as('waitlist_count'),
      attendanceDue().as('attendance_due'),
    ]);
}

export async function findGroup(db: Db, actor: Actor, id: string, action: Action = 'read'): Promise<GroupRow | undefined> {
  return groupsQuery(db).where(trainingGroupScope(actor, action)).where('training_groups.id', '=', id).executeTakeFirst() as Promise<GroupRow | undefined>;
}

/** The group if the actor may take (or, with 'read', see) its attendance (C-5). */
export async function findGroupForAttendance(db: Db, actor: Actor, id: string, action: Action): Promise<GroupRow | undefined> {
  return groupsQuery(db).where(trainingAttendanceScope(actor, action)).where('training_groups.id', '=', id).executeTakeFirst() as Promise<GroupRow | undefined>;
}

export interface GroupFilter {
  trainingId?: string | undefined;
  /** Groups whose first day falls in this year (C-6). */
  year?: number | undefined;
  status?: 'scheduled' | 'cancelled' | 'merged' | undefined;
  /** Only groups ending on or after this day. */
  from?: string | undefined;
  /** Only groups with attendance still to take (C-5). */
  attendanceDue?: boolean | undefined;
}

export async function listGroups(db: Db, actor: Actor, filter: GroupFilter, limit = 1000): Promise<GroupRow[]> {
  let q = groupsQuery(db).where(trainingGroupScope(actor));
  if (filter.trainingId) q = q.where('training_groups.training_id', '=', filter.trainingId);
  if (filter.year) q = q.where('training_groups.starts_on', '>=', `${filter.year}-01-01`).where('training_groups.starts_on', '<=', `${filter.year}-12-31`);
  if (filter.status) q = q.where('training_groups.status', '=', filter.status);
  if (filter.from) q = q.where('training_groups.ends_on', '>=', filter.from);
  if (filter.attendanceDue) q = q.where('training_groups.status', '=', 'scheduled').where(attendanceDue());
  return q.orderBy('training_groups.starts_on').orderBy('trainings.reference').orderBy('training_groups.number').limit(limit).execute() as Promise<GroupRow[]>;
}

export async function sessionsOf(db: Db, groupIds: readonly string[]): Promise<SessionRow[]> {
  if (groupIds.length === 0) return [];
  return db.selectFrom('training_sessions').selectAll().where('group_id', 'in', groupIds).orderBy('day').execute();
}

export async function attendanceOfGroup(db: Db, groupId: string): Promise<AttendanceRow[]> {
  return db
    .selectFrom('training_attendance')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
    .selectAll('training_attendance')
    .where('training_sessions.group_id', '=', groupId)
    .execute();
}

// --- registrations ---------------------------------------------------------------------------

/** C-5 in SQL: a confirmed registration present on every session day of its group (rules.attendanceSummary = 'full'). */
export function fullAttendance(registration: string): RawBuilder<boolean> {
  const r = sql.ref(`${registration}.id`);
  const g = sql.ref(`${registration}.group_id`);
  return sql<boolean>`(${sql.ref(`${registration}.status`)} = 'confirmed'
    and exists (select 1 from training_sessions fs where fs.group_id = ${g})
    and not exists (select 1 from training_sessions fs where fs.group_id = ${g}
      and not exists (select 1 from training_attendance fa where fa.session_id = fs.id and fa.registration_id = ${r} and fa.status = 'present')))`;
}

function registrationsQuery(db: Db) {
  return db
    .selectFrom('training_registrations')
    .innerJoin('users as participant', 'participant.id', 'training_registrations.user_id')
    .innerJoin('organisations as kov', 'kov.id', 'training_registrations.organisation_id')
    .innerJoin('users as registrar', 'registrar.id', 'training_registrations.registered_by')
    .innerJoin('training_groups as g', 'g.id', 'training_registrations.group_id')
    .innerJoin('trainings as t', 't.id', 'training_registrations.training_id')
    .selectAll('training_registrations')
    .select([
      'participant.name as participant_name',
      'participant.email as participant_email',
      'participant.person_id as participant_person_id',
      'kov.name as organisation_name',
      'kov.county as organisation_county',
      'registrar.name as registered_by_name',
      'g.number as group_number',
      'g.city as group_city',
      'g.venue as group_venue',
      'g.starts_on as group_starts_on',
      'g.ends_on as group_ends_on',
      'g.status as group_status',
      'g.trainer_user_id as group_trainer_user_id',
      't.reference as training_reference',
      't.title as training_title',
      't.academic_hours as training_hours',
      fullAttendance('training_registrations').as('full_attendance'),
      sql<boolean>`exists (select 1 from training_attendance aa where aa.registration_id = training_registrations.id and aa.status <> 'absent')`.as('attended_any'),
      sql<boolean>`exists (select 1 from training_feedback ff where ff.registration_id = training_registrations.id)`.as('feedback_given'),
      sql<number | null>`case when training_registrations.status = 'waitlisted' then (select count(*)::int from training_registrations wq
        where wq.group_id = training_registrations.group_id and wq.status = 'waitlisted' and wq.queue_no <= training_registrations.queue_no) end`.as('waitlist_position'),
    ]);
}

export async function findRegistration(db: Db, actor: Actor, id: string, action: Action = 'read'): Promise<RegistrationRow | undefined> {
  return registrationsQuery(db).where(trainingRegistrationScope(actor, action)).where('training_registrations.id', '=', id).executeTakeFirst() as Promise<RegistrationRow | undefined>;
}

export interface RegistrationFilter {
  /** Only the actor's own registrations. */
  mine?: boolean | undefined;
  groupId?: string | undefined;
  trainingId?: string | undefined;
  kovId?: string | undefined;
  /** By the first day of the group. */
  year?: number | undefined;
  status?: 'confirmed' | 'waitlisted' | 'cancelled' | 'released' | undefined;
  /** Only those who attended in full (certified). */
  certified?: boolean | undefined;
}

function filteredRegistrations(db: Db, actor: Actor, filter: RegistrationFilter) {
  let q = registrationsQuery(db).where(trainingRegistrationScope(actor));
  if (filter.mine) q = q.where('training_registrations.user_id', '=', actor.userId);
  if (filter.groupId) q = q.where('training_registrations.group_id', '=', filter.groupId);
  if (filter.trainingId) q = q.where('training_registrations.training_id', '=', filter.trainingId);
  if (filter.kovId) q = q.where('training_registrations.organisation_id', '=', filter.kovId);
  if (filter.year) q = q.where('g.starts_on', '>=', `${filter.year}-01-01`).where('g.starts_on', '<=', `${filter.year}-12-31`);
  if (filter.status) q = q.where('training_registrations.status', '=', filter.status);
  if (filter.certified !== undefined) q = q.where(filter.certified ? fullAttendance('training_registrations') : sql<boolean>`not ${fullAttendance('training_registrations')}`);
  return q;
}

/** Newest registrations first, keyset on the queue number (a page costs the same deep in a long list). */
export async function listRegistrations(db: Db, actor: Actor, filter: RegistrationFilter, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor, ['number']);
  let q = filteredRegistrations(db, actor, filter);
  if (after) q = q.where('training_registrations.queue_no', '<', after[0] as number);
  const rows = (await q.orderBy('training_registrations.queue_no', 'desc').limit(page.limit + 1).execute()) as RegistrationRow[];
  return toPage(rows, page.limit, (r) => [Number(r.queue_no)]);
}

/** X-EXPORT: the same filters, by municipality and name (what "participants per KOV" reads best as). */
export async function exportRegistrations(db: Db, actor: Actor, filter: RegistrationFilter, limit: number): Promise<RegistrationRow[]> {
  return filteredRegistrations(db, actor, filter)
    .orderBy('kov.name')
    .orderBy('participant.name')
    .orderBy('g.starts_on')
    .orderBy('training_registrations.queue_no')
    .limit(limit)
    .execute() as Promise<RegistrationRow[]>;
}

/** A group's registrations that the actor may see (confirmed first, then the waitlist in its order). */
export async function registrationsOfGroup(db: Db, actor: Actor, groupId: string): Promise<RegistrationRow[]> {
  return registrationsQuery(db)
    .where(trainingRegistrationScope(actor))
    .where('training_registrations.group_id', '=', groupId)
    .orderBy(sql`case training_registrations.status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('training_registrations.queue_no')
    .execute() as Promise<RegistrationRow[]>;
}

/** The actor's own place (confirmed or waitlisted) in each of these trainings. */
export async function ownActiveRegistrations(db: Db, actor: Actor, trainingIds: readonly string[]) {
  if (trainingIds.length === 0) return [];
  return db
    .selectFrom('training_registrations')
    .select(['id', 'training_id', 'group_id', 'status'])
    .where('user_id', '=', actor.userId)
    .where('training_id', 'in', trainingIds)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();
}

// --- feedback --------------------------------------------------------------------------------

export async function feedbackOfGroups(db: Db, actor: Actor, groupIds: readonly string[]) {
  if (groupIds.length === 0) return [];
  return db.selectFrom('training_feedback').selectAll().where(trainingFeedbackScope(actor)).where('training_feedback.group_id', 'in', groupIds).execute();
}

// --- participants per KOV ---------------------------------------------------------------------

export interface KovSummaryRow {
  organisation_id: string;
  organisation_name: string;
  county: string | null;
  workers: number;
  registered: number;
  waitlisted: number;
  people_trained: number;
  certificates: number;
}

/**
 * "How many of a municipality's workers are trained": per KOV, its active
 * child protection workers, confirmed registrations, those on a waitlist,
 * distinct people who attended a training in full and the certificates
 * (full attendances). In the actor's registration scope.
 */
export async function kovSummary(db: Db, actor: Actor, filter: Pick<RegistrationFilter, 'year' | 'trainingId' | 'kovId'>): Promise<KovSummaryRow[]> {
  let q = db
    .selectFrom('training_registrations')
    .innerJoin('training_groups as g', 'g.id', 'training_registrations.group_id')
    .innerJoin('organisations as kov', 'kov.id', 'training_registrations.organisation_id')
    .where(trainingRegistrationScope(actor))
    .select([
      'kov.id as organisation_id',
      'kov.name as organisation_name',
      'kov.county as county',
      sql<number>`(select count(*)::int from users w where w.organisation_id = kov.id and w.role = 'kov_worker' and w.active)`.as('workers'),
      sql<number>`count(*) filter (where training_registrations.status = 'confirmed')::int`.as('registered'),
      sql<number>`count(*) filter (where training_registrations.status = 'waitlisted')::int`.as('waitlisted'),
      sql<number>`count(distinct training_registrations.user_id) filter (where ${fullAttendance('training_registrations')})::int`.as('people_trained'),
      sql<number>`count(*) filter (where ${fullAttendance('training_registrations')})::int`.as('certificates'),
    ])
    .groupBy(['kov.id', 'kov.name', 'kov.county']);
  if (filter.year) q = q.where('g.starts_on', '>=', `${filter.year}-01-01`).where('g.starts_on', '<=', `${filter.year}-12-31`);
  if (filter.trainingId) q = q.where('training_registrations.training_id', '=', filter.trainingId);
  if (filter.kovId) q = q.where('training_registrations.organisation_id', '=', filter.kovId);
  return q.orderBy('kov.name').execute();
}

/** The KOV's active child protection workers (whom a KOV worker may register, C-3). */
export async function colleaguesOf(db: Db, actor: Actor) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('organisation_id', '=', actor.organisationId)
    .where('role', '=', 'kov_worker')
    .where('active', '=', true)
    .orderBy('name')
    .limit(500)
    .execute();
}
