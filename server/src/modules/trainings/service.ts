import { sql, type Transaction } from 'kysely';
import type { DB, Locale } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields, type AuditEntry } from '../../platform/audit/audit.js';
import { addCalendarDays, formatDateEt, todayInTallinn, type IsoDate } from '../../platform/calendar/working-days.js';
import { tell } from '../../platform/notify/tell.js';
import { findGroup, findGroupForAttendance, findRegistration, findTraining, groupsQuery, type GroupRow } from './queries.js';
import {
  defaultCutoff,
  eligibilityProblem,
  FEEDBACK_OPEN_DAYS,
  feedbackOpen,
  groupProblems,
  mayRegisterFor,
  mergeProblem,
  placeFor,
  planMerge,
  promotions,
  registrationState,
  sessionOpenForAttendance,
  sessionSpan,
  trainingProblems,
  trainingReference,
  type FeedbackAnswers,
  type RuleProblem,
  type SessionInput,
} from './rules.js';
import type { AttendanceStatus, TrainingForm } from './tables.js';

/**
 * Module C use cases: one transaction each, the audit entries (X-AUDIT) and
 * notifications (X-NOTIFY) in it, X-CONC versions. `on` is the service day
 * (Tallinn date); routes pass today, tests may pass another day.
 */

type Trx = Transaction<DB>;
export const today = () => todayInTallinn(new Date());

export interface TrainingInput {
  title: string;
  curriculum: string;
  topics: string[];
  targetGroup: string;
  eligibleOrganisationIds?: string[] | null | undefined;
  academicHours: number;
  days: number;
  form: TrainingForm;
  providerId: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  status?: 'draft' | 'published' | undefined;
}

export interface GroupInput {
  city?: string | null | undefined;
  venue?: string | null | undefined;
  sessions: SessionInput[];
  capacityMin: number;
  capacityMax: number;
  trainerId?: string | null | undefined;
  /** The cut-off (C-3); default: 10 working days before the first day. */
  registrationClosesOn?: IsoDate | undefined;
}

/** The input with its cut-off filled in (defaultCutoff when none is given). */
function withCutoff<T extends GroupInput>(input: T): T & { registrationClosesOn: IsoDate } {
  if (input.registrationClosesOn) return input as T & { registrationClosesOn: IsoDate };
  return { ...input, registrationClosesOn: input.sessions.length ? defaultCutoff(sessionSpan(input.sessions).startsOn) : '0001-01-01' };
}

const TRAINING_FIELDS = ['title', 'curriculum', 'topics', 'target_group', 'eligible_organisation_ids', 'academic_hours', 'days', 'form', 'provider_organisation_id', 'window_start', 'window_end', 'status'];
const GROUP_FIELDS = ['city', 'venue', 'starts_on', 'ends_on', 'capacity_min', 'capacity_max', 'trainer_user_id', 'registration_closes_on', 'status', 'cancel_reason', 'merged_into_group_id'];

/** The first problem as a 400/422 with the rule's code, every field concerned in the details. */
function refuse(problems: RuleProblem[], status = 422): never {
  const first = problems[0]!;
  throw new AppError(status, first.code, first.params ?? {}, { rule: ruleOf(first.code), fields: problems.flatMap((p) => p.fields ?? []) });
}

/** 'C_2_CITY_REQUIRED' → 'C-2'. */
const ruleOf = (code: string) => code.slice(0, 3).replace('_', '-');

// --- C-1: the catalogue ---------------------------------------------------------------------

async function checkTrainingRefs(trx: Trx, input: Pick<TrainingInput, 'providerId' | 'eligibleOrganisationIds'>) {
  const provider = await trx.selectFrom('organisations').select('id').where('id', '=', input.providerId).where('kind', '=', 'training_provider').where('active', '=', true).executeTakeFirst();
  if (!provider) throw badRequest('C_1_PROVIDER_INVALID', { fields: [{ path: 'providerId', message: 'an active training organisation' }] });
  const ids = [...new Set(input.eligibleOrganisationIds ?? [])];
  if (ids.length) {
    const kovs = await trx.selectFrom('organisations').select('id').where('id', 'in', ids).where('kind', '=', 'kov').execute();
    if (kovs.length !== ids.length) throw badRequest('C_1_ORGANISATION_INVALID', { fields: [{ path: 'eligibleOrganisationIds', message: 'municipalities only' }] });
  }
}

function trainingValues(input: TrainingInput) {
  const eligible = input.eligibleOrganisationIds?.length ? [...new Set(input.eligibleOrganisationIds)] : null;
  return {
    title: input.title,
    curriculum: input.curriculum,
    topics: JSON.stringify(input.topics.map((t) => t.trim()).filter(Boolean)),
    target_group: input.targetGroup,
    eligible_organisation_ids: eligible ? JSON.stringify(eligible) : null,
    academic_hours: input.academicHours,
    days: input.days,
    form: input.form,
    provider_organisation_id: input.providerId,
    window_start: input.windowStart,
    window_end: input.windowEnd,
  };
}

/** C-1: SKA adds a training to the catalogue (a draft unless published at once); its reference is KO-<year>-<n>. */
export async function createTraining(deps: AppDeps, ctx: RequestContext, input: TrainingInput): Promise<string> {
  const problems = trainingProblems(input);
  if (problems.length) refuse(problems, 400);
  const year = Number(input.windowStart.slice(0, 4));
  return deps.db.transaction().execute(async (trx) => {
    await checkTrainingRefs(trx, input);
    await sql`lock table trainings in share row exclusive mode`.execute(trx);
    const taken = await trx.selectFrom('trainings').select('reference').where('reference', 'like', `KO-${year}-%`).execute();
    const next = Math.max(0, ...taken.map((t) => Number(t.reference.split('-')[2]) || 0)) + 1;
    const row = await trx
      .insertInto('trainings')
      .values({ ...trainingValues(input), reference: trainingReference(year, next), status: input.status ?? 'draft', created_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'training', recordId: row.id, changes: diffFields({}, row, ['reference', ...TRAINING_FIELDS]) }]);
    return row.id;
  });
}

/** C-1: changes to a training; its window must still hold its groups, its days cannot change under them. */
export async function updateTraining(deps: AppDeps, ctx: RequestContext, id: string, input: TrainingInput & { version: number }): Promise<void> {
  const problems = trainingProblems(input);
  if (problems.length) refuse(problems, 400);
  await deps.db.transaction().execute(async (trx) => {
    const before = await findTraining(trx, ctx.actor, id, 'update');
    if (!before) throw notFound();
    await sql`select 1 from trainings where id = ${id} for update`.execute(trx);
    const locked = (await findTraining(trx, ctx.actor, id, 'update'))!;
    if (locked.version !== input.version) throw versionConflict(locked.version);
    await checkTrainingRefs(trx, input);
    const groups = await trx.selectFrom('training_groups').select(['starts_on', 'ends_on']).where('training_id', '=', id).where('status', '=', 'scheduled').execute();
    if (groups.length && input.days !== locked.days) throw new AppError(409, 'C_1_DAYS_LOCKED', { groups: groups.length }, { rule: 'C-1' });
    if (groups.some((g) => g.starts_on < input.windowStart || g.ends_on > input.windowEnd)) {
      throw new AppError(422, 'C_2_DATE_OUTSIDE_WINDOW', { from: formatDateEt(input.windowStart), to: formatDateEt(input.windowEnd) }, { rule: 'C-2', fields: [{ path: 'windowStart', message: 'holds every group' }] });
    }
    const values = { ...trainingValues(input), ...(input.status ? { status: input.status } : {}) };
    const changes = diffFields(locked, { ...values, topics: JSON.parse(values.topics), eligible_organisation_ids: values.eligible_organisation_ids ? JSON.parse(values.eligible_organisation_ids) : null }, TRAINING_FIELDS);
    await trx.updateTable('trainings').set({ ...values, version: locked.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'training', recordId: id, changes }]);
  });
}

// --- C-2: groups -------------------------------------------------------------------------------

async function checkTrainer(trx: Trx, trainerId: string | null, providerId: string) {
  if (!trainerId) return;
  const trainer = await trx.selectFrom('users').select('id').where('id', '=', trainerId).where('role', '=', 'trainer').where('active', '=', true).where('organisation_id', '=', providerId).executeTakeFirst();
  if (!trainer) throw badRequest('C_2_TRAINER_INVALID', { rule: 'C-2', fields: [{ path: 'trainerId', message: 'an active trainer of the provider' }] });
}

function groupValues(input: GroupInput & { registrationClosesOn: IsoDate }) {
  const span = sessionSpan(input.sessions);
  return {
    city: input.city?.trim() || null,
    venue: input.venue?.trim() || null,
    starts_on: span.startsOn,
    ends_on: span.endsOn,
    capacity_min: input.capacityMin,
    capacity_max: input.capacityMax,
    trainer_user_id: input.trainerId ?? null,
    registration_closes_on: input.registrationClosesOn,
  };
}

async function writeSessions(trx: Trx, groupId: string, sessions: SessionInput[]) {
  await trx.deleteFrom('training_sessions').where('group_id', '=', groupId).execute();
  await trx
    .insertInto('training_sessions')
    .values(sessions.map((s) => ({ group_id: groupId, day: s.day, starts_at: s.startsAt, ends_at: s.endsAt })))
    .execute();
}

const sessionsText = (sessions: readonly SessionInput[]) => sessions.map((s) => `${s.day} ${s.startsAt}-${s.endsAt}`).sort().join(', ');

/** C-2: a group of a training: its days inside the window, a city when in person, capacity min–max, trainer, cut-off. */
export async function createGroup(deps: AppDeps, ctx: RequestContext, trainingId: string, given: GroupInput): Promise<string> {
  const input = withCutoff(given);
  return deps.db.transaction().execute(async (trx) => {
    const training = await findTraining(trx, ctx.actor, trainingId, 'update');
    if (!training) throw notFound();
    await sql`select 1 from trainings where id = ${trainingId} for update`.execute(trx);
    const problems = groupProblems({ windowStart: training.window_start, windowEnd: training.window_end, days: training.days, form: training.form }, { ...input, city: input.city ?? null });
    if (problems.length) refuse(problems);
    await checkTrainer(trx, input.trainerId ?? null, training.provider_organisation_id);
    const { n } = await trx.selectFrom('training_groups').select(sql<number>`coalesce(max(number), 0)::int`.as('n')).where('training_id', '=', trainingId).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('training_groups')
      .values({ ...groupValues(input), training_id: trainingId, number: n + 1, created_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeSessions(trx, row.id, input.sessions);
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'training_group', recordId: row.id, changes: [...diffFields({}, row, ['number', ...GROUP_FIELDS]), { field: 'sessions', old: null, new: sessionsText(input.sessions) }] }]);
    return row.id;
  });
}

/** Locks the group row (SELECT … FOR UPDATE) and reads it again with fresh counts; 404 outside the actor's scope. */
async function lockGroup(trx: Trx, ctx: RequestContext, id: string, action: 'read' | 'update' | 'approve'): Promise<GroupRow> {
  const visible = await findGroup(trx, ctx.actor, id, action);
  if (!visible) throw notFound();
  await sql`select 1 from training_groups where id = ${id} for update`.execute(trx);
  return (await findGroup(trx, ctx.actor, id, action))!;
}

/** C-2: changes to a group. Days are fixed once attendance is taken; a larger capacity moves the waitlist up (C-3). */
export async function updateGroup(deps: AppDeps, ctx: RequestContext, id: string, given: GroupInput & { version: number }, on: IsoDate = today()): Promise<void> {
  const input = withCutoff(given);
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, 'update');
    if (before.version !== input.version) throw versionConflict(before.version);
    if (before.status !== 'scheduled') throw new AppError(409, 'C_2_GROUP_CLOSED', {}, { rule: 'C-2', status: before.status });
    const problems = groupProblems({ windowStart: before.training_window_start, windowEnd: before.training_window_end, days: before.training_days, form: before.training_form }, { ...input, city: input.city ?? null });
    if (problems.length) refuse(problems);
    const training = (await trx.selectFrom('trainings').select('provider_organisation_id').where('id', '=', before.training_id).executeTakeFirstOrThrow()).provider_organisation_id;
    await checkTrainer(trx, input.trainerId ?? null, training);
    if (input.capacityMax < before.confirmed_count) throw new AppError(409, 'C_2_CAPACITY_BELOW_CONFIRMED', { confirmed: before.confirmed_count }, { rule: 'C-2', fields: [{ path: 'capacityMax', message: `at least ${before.confirmed_count}` }] });
    const oldSessions = await trx.selectFrom('training_sessions').select(['day', 'starts_at as startsAt', 'ends_at as endsAt']).where('group_id', '=', id).execute();
    const sessionsChanged = sessionsText(oldSessions) !== sessionsText(input.sessions);
    if (sessionsChanged) {
      const marked = await trx.selectFrom('training_attendance').innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id').select('training_attendance.session_id').where('training_sessions.group_id', '=', id).executeTakeFirst();
      if (marked) throw new AppError(409, 'C_2_SESSIONS_LOCKED', {}, { rule: 'C-2' });
      await writeSessions(trx, id, input.sessions);
    }
    const values = groupValues(input);
    const changes = diffFields(before, values, GROUP_FIELDS);
    if (sessionsChanged) changes.push({ field: 'sessions', old: sessionsText(oldSessions), new: sessionsText(input.sessions) });
    await trx.updateTable('training_groups').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'training_group', recordId: id, changes }]);
    const after = (await findGroup(trx, ctx.actor, id, 'update'))!;
    await promoteWaitlist(trx, ctx, after, on);
    if (sessionsChanged || changes.some((c) => c.field === 'city' || c.field === 'venue')) {
      const regs = await activeRegistrations(trx, id);
      for (const r of regs) await tellParticipant(trx, r, after, { titleKey: 'trainings.notifications.groupChanged', mailCode: 'MAIL_TRAINING_CHANGED', dedupeSuffix: `-v${after.version}` });
    }
  });
}

// --- C-3: registration and the waitlist ------------------------------------------------------------

const placeOf = (g: { city: string | null; venue: string | null }) => [g.venue, g.city].filter(Boolean).join(', ') || 'online';
const datesOf = (g: { starts_on: string; ends_on: string }) => (g.starts_on === g.ends_on ? formatDateEt(g.starts_on) : `${formatDateEt(g.starts_on)}–${formatDateEt(g.ends_on)}`);

interface ActiveRegistration {
  id: string;
  user_id: string;
  registered_by: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'released';
  queue_no: number;
  version: number;
  participant_name: string;
}

async function activeRegistrations(trx: Trx, groupId: string): Promise<ActiveRegistration[]> {
  const rows = await trx
    .selectFrom('training_registrations')
    .innerJoin('users', 'users.id', 'training_registrations.user_id')
    .select(['training_registrations.id', 'user_id', 'registered_by', 'status', 'queue_no', 'training_registrations.version', 'users.name as participant_name'])
    .where('group_id', '=', groupId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .orderBy('queue_no')
    .execute();
  return rows.map((r) => ({ ...r, queue_no: Number(r.queue_no) }));
}

/** The participant and, when someone else registered them, the registrant too (active users only). */
async function participantAndRegistrant(trx: Trx, r: { user_id: string; registered_by: string }): Promise<{ id: string; locale: Locale }[]> {
  const ids = [...new Set([r.user_id, r.registered_by])];
  return trx.selectFrom('users').select(['id', 'locale']).where('id', 'in', ids).where('active', '=', true).execute();
}

async function tellParticipant(
  trx: Trx,
  r: { id: string; user_id: string; registered_by: string; participant_name: string },
  g: { id: string; number: number; city: string | null; venue: string | null; starts_on: string; ends_on: string; training_title: string },
  n: { titleKey: string; mailCode: string; extra?: Record<string, string>; kind?: string; dedupeSuffix?: string },
) {
  const params = { training: g.training_title, group: String(g.number), place: placeOf(g), date: datesOf(g), participant: r.participant_name, ...n.extra };
  const dedupe = `${n.mailCode}-${r.id}-${g.id}${n.dedupeSuffix ?? ''}`;
  await tell(trx, await participantAndRegistrant(trx, r), { kind: n.kind ?? 'training', titleKey: n.titleKey, params, link: '/trainings/registrations', mailCode: n.mailCode, dedupe });
}

/**
 * C-3: free places go to the head of the waitlist (order of registration);
 * each one moved up is told, with the one who registered them. In the
 * caller's transaction, with the group row already locked.
 */
async function promoteWaitlist(trx: Trx, ctx: RequestContext, group: GroupRow, on: IsoDate): Promise<string[]> {
  if (group.status !== 'scheduled' || on >= group.starts_on) return [];
  const waitlisted = (await activeRegistrations(trx, group.id)).filter((r) => r.status === 'waitlisted').map((r) => ({ ...r, queueNo: r.queue_no }));
  const moving = promotions(waitlisted, group.confirmed_count, group.capacity_max);
  if (moving.length === 0) return [];
  await trx
    .updateTable('training_registrations')
    .set({ status: 'confirmed', confirmed_at: new Date(), version: sql`version + 1`, updated_at: new Date() })
    .where('id', 'in', moving.map((m) => m.id))
    .execute();
  await appendAudit(trx, ctx, moving.map((m) => ({ action: 'update' as const, recordType: 'training_registration', recordId: m.id, changes: [{ field: 'status', old: 'waitlisted', new: 'confirmed' }] })));
  for (const m of moving) await tellParticipant(trx, m, group, { titleKey: 'trainings.notifications.promoted', mailCode: 'MAIL_TRAINING_PROMOTED' });
  return moving.map((m) => m.id);
}

function closedError(state: ReturnType<typeof registrationState>, g: GroupRow): AppError {
  if (state === 'closed') return new AppError(409, 'C_3_REGISTRATION_CLOSED', { cutoff: formatDateEt(g.registration_closes_on) }, { rule: 'C-3', cutoff: g.registration_closes_on });
  if (state === 'started') return new AppError(409, 'C_3_GROUP_STARTED_REGISTER', {}, { rule: 'C-3' });
  return new AppError(409, 'C_3_GROUP_NOT_OPEN', {}, { rule: 'C-3', status: state });
}

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * C-3: a KOV worker registers themselves or a colleague of their KOV into a
 * group, up to and including its cut-off day. The group row is locked (SELECT
 * … FOR UPDATE) for the whole transaction, so places are counted and taken one
 * registration at a time and a group is never overfilled: a place while there
 * is one, the waitlist after. One place (or waitlist place) per person per
 * training, also under a race (the partial unique index).
 */
export async function register(deps: AppDeps, ctx: RequestContext, groupId: string, input: { userId?: string | undefined }, on: IsoDate = today()): Promise<string> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const group = await lockGroup(trx, ctx, groupId, 'read');
      const participantId = input.userId ?? ctx.actor.userId;
      const participant = await trx
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.name', 'users.role', 'users.active', 'users.organisation_id', 'organisations.kind', 'organisations.name as organisation_name'])
        .where('users.id', '=', participantId)
        .executeTakeFirst();
      if (!participant || !mayRegisterFor(ctx.actor, { id: participant.id, organisationId: participant.organisation_id })) {
        throw new AppError(404, 'C_3_PARTICIPANT_NOT_FOUND', {}, { rule: 'C-3', fields: [{ path: 'userId', message: 'yourself or a colleague of your municipality' }] });
      }
      if (group.training_status !== 'published') throw new AppError(409, 'C_3_TRAINING_NOT_PUBLISHED', {}, { rule: 'C-3' });
      const state = registrationState({ status: group.status, registrationClosesOn: group.registration_closes_on, startsOn: group.starts_on }, on);
      if (state !== 'open') throw closedError(state, group);
      const ineligible = eligibilityProblem(
        { id: participant.id, role: participant.role, organisationId: participant.organisation_id, organisationKind: participant.kind, active: participant.active },
        { eligibleOrganisationIds: group.training_eligible_organisation_ids },
      );
      if (ineligible) throw new AppError(422, ineligible, { organisation: participant.organisation_name }, { rule: 'C-3' });
      const existing = await trx
        .selectFrom('training_registrations')
        .innerJoin('training_groups', 'training_groups.id', 'training_registrations.group_id')
        .select(['training_groups.number'])
        .where('training_registrations.training_id', '=', group.training_id)
        .where('training_registrations.user_id', '=', participant.id)
        .where('training_registrations.status', 'in', ['confirmed', 'waitlisted'])
        .executeTakeFirst();
      if (existing) throw new AppError(409, 'C_3_ALREADY_REGISTERED', { group: existing.number }, { rule: 'C-3' });
      const status = placeFor(group.confirmed_count, group.capacity_max);
      const row = await trx
        .insertInto('training_registrations')
        .values({
          training_id: group.training_id,
          group_id: group.id,
          user_id: participant.id,
          organisation_id: participant.organisation_id,
          registered_by: ctx.actor.userId,
          status,
          confirmed_at: status === 'confirmed' ? new Date() : null,
        })
        .returning(['id', 'user_id', 'registered_by'])
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, [
        {
          action: 'create',
          recordType: 'training_registration',
          recordId: row.id,
          personId: null,
          changes: [
            { field: 'group_id', old: null, new: group.id },
            { field: 'user_id', old: null, new: participant.id },
            { field: 'status', old: null, new: status },
          ],
        },
      ]);
      if (participant.id !== ctx.actor.userId) {
        const r = { ...row, participant_name: participant.name };
        await tellParticipant(trx, r, group, {
          titleKey: status === 'confirmed' ? 'trainings.notifications.registered' : 'trainings.notifications.waitlisted',
          mailCode: status === 'confirmed' ? 'MAIL_TRAINING_REGISTERED' : 'MAIL_TRAINING_WAITLISTED',
          extra: { by: ctx.actor.name },
        });
      }
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'C_3_ALREADY_REGISTERED', { group: '?' }, { rule: 'C-3' });
    throw error;
  }
}

/**
 * C-3: a registration is cancelled (by the participant, a colleague of their
 * KOV or the SKA manager) until the group starts; a freed place goes to the
 * head of the waitlist at once, and whoever moves up is told.
 */
export async function cancelRegistration(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; reason?: string | null | undefined }, on: IsoDate = today()): Promise<{ promoted: string[] }> {
  return deps.db.transaction().execute(async (trx) => {
    const visible = await findRegistration(trx, ctx.actor, id, 'update');
    if (!visible) throw notFound();
    await sql`select 1 from training_groups where id = ${visible.group_id} for update`.execute(trx);
    const reg = (await findRegistration(trx, ctx.actor, id, 'update'))!;
    if (reg.version !== input.version) throw versionConflict(reg.version);
    if (reg.status !== 'confirmed' && reg.status !== 'waitlisted') throw new AppError(409, 'C_3_REGISTRATION_NOT_ACTIVE', {}, { rule: 'C-3' });
    if (on >= reg.group_starts_on) throw new AppError(409, 'C_3_GROUP_STARTED', {}, { rule: 'C-3' });
    const reason = input.reason?.trim() || null;
    await trx
      .updateTable('training_registrations')
      .set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: ctx.actor.userId, cancel_reason: reason, version: reg.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'training_registration', recordId: id, changes: diffFields(reg, { status: 'cancelled', cancel_reason: reason }, ['status', 'cancel_reason']) }]);
    if (reg.status !== 'confirmed') return { promoted: [] };
    const fresh = (await findGroupUnscoped(trx, reg.group_id))!;
    return { promoted: await promoteWaitlist(trx, ctx, fresh, on) };
  });
}

/** A group by id without a scope, for use after the caller has checked access to something that holds it. */
async function findGroupUnscoped(trx: Trx, id: string): Promise<GroupRow | undefined> {
  return groupsQuery(trx).where('training_groups.id', '=', id).executeTakeFirst() as Promise<GroupRow | undefined>;
}

// --- C-4: merge or cancel an under-filled group ------------------------------------------------------

/**
 * C-4: SKA merges a group into another group of the same training (neither
 * started). The source's participants move with their place where the target
 * has room, the rest join its waitlist in order of registration (planMerge);
 * the source is marked merged; everyone affected and both trainers are told.
 * Both group rows are locked, in id order.
 */
export async function mergeGroup(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; intoGroupId: string }, on: IsoDate = today()) {
  return deps.db.transaction().execute(async (trx) => {
    const source0 = await findGroup(trx, ctx.actor, id, 'approve');
    const target0 = await findGroup(trx, ctx.actor, input.intoGroupId, 'approve');
    if (!source0) throw notFound();
    if (!target0) throw new AppError(404, 'NOT_FOUND', {}, { fields: [{ path: 'intoGroupId', message: 'not found' }] });
    await sql`select 1 from training_groups where id in (${id}, ${input.intoGroupId}) order by id for update`.execute(trx);
    const source = (await findGroup(trx, ctx.actor, id, 'approve'))!;
    const target = (await findGroup(trx, ctx.actor, input.intoGroupId, 'approve'))!;
    if (source.version !== input.version) throw versionConflict(source.version);
    const problem = mergeProblem(
      { id: source.id, trainingId: source.training_id, status: source.status, startsOn: source.starts_on },
      { id: target.id, trainingId: target.training_id, status: target.status, startsOn: target.starts_on },
      on,
    );
    if (problem) throw new AppError(problem.code === 'C_4_MERGE_SAME_GROUP' || problem.code === 'C_4_MERGE_OTHER_TRAINING' ? 422 : 409, problem.code, problem.params ?? {}, { rule: 'C-4', fields: problem.fields ?? [] });
    const sourceRegs = await activeRegistrations(trx, source.id);
    const targetWaitlist = (await activeRegistrations(trx, target.id)).filter((r) => r.status === 'waitlisted');
    const plan = planMerge(
      sourceRegs.map((r) => ({ id: r.id, queueNo: r.queue_no, status: r.status as 'confirmed' | 'waitlisted' })),
      { confirmed: target.confirmed_count, capacityMax: target.capacity_max, waitlisted: targetWaitlist.map((w) => ({ id: w.id, queueNo: w.queue_no })) },
    );
    const audit: AuditEntry[] = [];
    for (const move of plan.moves) {
      const before = sourceRegs.find((r) => r.id === move.id)!;
      await trx
        .updateTable('training_registrations')
        .set({ group_id: target.id, status: move.status, ...(move.status === 'confirmed' && before.status !== 'confirmed' ? { confirmed_at: new Date() } : {}), version: before.version + 1, updated_at: new Date() })
        .where('id', '=', move.id)
        .execute();
      audit.push({ action: 'update', recordType: 'training_registration', recordId: move.id, changes: [{ field: 'group_id', old: source.id, new: target.id }, ...diffFields(before, { status: move.status }, ['status'])] });
    }
    if (plan.promoted.length) {
      await trx.updateTable('training_registrations').set({ status: 'confirmed', confirmed_at: new Date(), version: sql`version + 1`, updated_at: new Date() }).where('id', 'in', plan.promoted).execute();
      for (const p of plan.promoted) audit.push({ action: 'update', recordType: 'training_registration', recordId: p, changes: [{ field: 'status', old: 'waitlisted', new: 'confirmed' }] });
    }
    await trx.updateTable('training_groups').set({ status: 'merged', merged_into_group_id: target.id, version: source.version + 1, updated_at: new Date() }).where('id', '=', source.id).execute();
    audit.push({ action: 'update', recordType: 'training_group', recordId: source.id, changes: [{ field: 'status', old: source.status, new: 'merged' }, { field: 'merged_into_group_id', old: null, new: target.id }] });
    await appendAudit(trx, ctx, audit);
    const from = String(source.number);
    for (const move of plan.moves) {
      const r = sourceRegs.find((x) => x.id === move.id)!;
      await tellParticipant(trx, r, target, {
        titleKey: move.status === 'confirmed' ? 'trainings.notifications.moved' : 'trainings.notifications.movedWaitlist',
        mailCode: move.status === 'confirmed' ? 'MAIL_TRAINING_MOVED' : 'MAIL_TRAINING_MOVED_WAITLIST',
        extra: { from },
      });
    }
    for (const p of plan.promoted) await tellParticipant(trx, targetWaitlist.find((w) => w.id === p)!, target, { titleKey: 'trainings.notifications.promoted', mailCode: 'MAIL_TRAINING_PROMOTED' });
    await tellTrainers(trx, [source, target], 'trainings.notifications.trainerMerged', { training: source.training_title, from, group: String(target.number), date: datesOf(target) }, `/trainings/groups/${target.id}`);
    return { moved: plan.moves.filter((m) => m.status === 'confirmed').length, waitlisted: plan.moves.filter((m) => m.status === 'waitlisted').length, promoted: plan.promoted.length };
  });
}

async function tellTrainers(trx: Trx, groups: readonly { trainer_user_id: string | null }[], titleKey: string, params: Record<string, string>, link: string) {
  const ids = [...new Set(groups.map((g) => g.trainer_user_id).filter((t): t is string => Boolean(t)))];
  if (ids.length === 0) return;
  const trainers = await trx.selectFrom('users').select(['id', 'locale']).where('id', 'in', ids).where('active', '=', true).execute();
  await tell(trx, trainers, { kind: 'training', titleKey, params, link });
}

/** C-4: SKA cancels a group that has not started, with a reason; every registration is released and everyone registered is told. */
export async function cancelGroup(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; reason: string }, on: IsoDate = today()) {
  return deps.db.transaction().execute(async (trx) => {
    const group = await lockGroup(trx, ctx, id, 'approve');
    if (group.version !== input.version) throw versionConflict(group.version);
    if (group.status !== 'scheduled') throw new AppError(409, 'C_4_GROUP_CLOSED', {}, { rule: 'C-4', status: group.status });
    if (on >= group.starts_on) throw new AppError(409, 'C_4_GROUP_STARTED', {}, { rule: 'C-4' });
    const reason = input.reason.trim();
    const regs = await activeRegistrations(trx, id);
    if (regs.length) {
      await trx
        .updateTable('training_registrations')
        .set({ status: 'released', cancelled_at: new Date(), cancelled_by: ctx.actor.userId, cancel_reason: reason, version: sql`version + 1`, updated_at: new Date() })
        .where('id', 'in', regs.map((r) => r.id))
        .execute();
    }
    await trx.updateTable('training_groups').set({ status: 'cancelled', cancel_reason: reason, cancelled_on: on, cancelled_by: ctx.actor.userId, version: group.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [
      { action: 'update', recordType: 'training_group', recordId: id, changes: [{ field: 'status', old: group.status, new: 'cancelled' }, { field: 'cancel_reason', old: null, new: reason }] },
      ...regs.map((r) => ({ action: 'update' as const, recordType: 'training_registration', recordId: r.id, changes: [{ field: 'status', old: r.status, new: 'released' }] })),
    ]);
    for (const r of regs) await tellParticipant(trx, r, group, { titleKey: 'trainings.notifications.groupCancelled', mailCode: 'MAIL_TRAINING_GROUP_CANCELLED', extra: { reason } });
    await tellTrainers(trx, [group], 'trainings.notifications.trainerCancelled', { training: group.training_title, group: String(group.number), date: datesOf(group) }, `/trainings/groups/${id}`);
    return { released: regs.length };
  });
}

// --- C-5: attendance and feedback ----------------------------------------------------------------------

/**
 * C-5: the trainer (or the SKA manager, to correct) marks each confirmed
 * participant present, partly present or absent on one session day, on or
 * after that day. Marks may be corrected; each change is audited.
 */
export async function recordAttendance(
  deps: AppDeps,
  ctx: RequestContext,
  groupId: string,
  input: { sessionId: string; marks: { registrationId: string; status: AttendanceStatus }[] },
  on: IsoDate = today(),
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const group = await findGroupForAttendance(trx, ctx.actor, groupId, 'update');
    if (!group) throw notFound();
    await sql`select 1 from training_groups where id = ${groupId} for update`.execute(trx);
    if (group.status !== 'scheduled') throw new AppError(409, 'C_5_GROUP_CLOSED', {}, { rule: 'C-5', status: group.status });
    const session = await trx.selectFrom('training_sessions').selectAll().where('id', '=', input.sessionId).where('group_id', '=', groupId).executeTakeFirst();
    if (!session) throw badRequest('C_5_SESSION_UNKNOWN', { rule: 'C-5', fields: [{ path: 'sessionId', message: 'a day of this group' }] });
    if (!sessionOpenForAttendance(session.day, on)) throw new AppError(422, 'C_5_SESSION_IN_FUTURE', { day: formatDateEt(session.day) }, { rule: 'C-5' });
    const ids = [...new Set(input.marks.map((m) => m.registrationId))];
    if (ids.length !== input.marks.length) throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'marks', message: 'each participant once' }] });
    const confirmed = ids.length
      ? await trx.selectFrom('training_registrations').select('id').where('group_id', '=', groupId).where('status', '=', 'confirmed').where('id', 'in', ids).execute()
      : [];
    if (confirmed.length !== ids.length) {
      const known = new Set(confirmed.map((c) => c.id));
      throw new AppError(422, 'C_5_NOT_PARTICIPANT', {}, { rule: 'C-5', fields: input.marks.flatMap((m, i) => (known.has(m.registrationId) ? [] : [{ path: `marks.${i}.registrationId`, message: 'not a confirmed participant' }])) });
    }
    if (ids.length === 0) return;
    const before = new Map(
      (await trx.selectFrom('training_attendance').select(['registration_id', 'status']).where('session_id', '=', session.id).where('registration_id', 'in', ids).execute()).map((a) => [a.registration_id, a.status]),
    );
    const changed = input.marks.filter((m) => before.get(m.registrationId) !== m.status);
    if (changed.length === 0) return;
    await trx
      .insertInto('training_attendance')
      .values(changed.map((m) => ({ registration_id: m.registrationId, session_id: session.id, status: m.status, recorded_by: ctx.actor.userId })))
      .onConflict((oc) => oc.columns(['registration_id', 'session_id']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), recorded_by: eb.ref('excluded.recorded_by'), recorded_at: new Date() })))
      .execute();
    await appendAudit(
      trx,
      ctx,
      changed.map((m) => ({ action: 'update' as const, recordType: 'training_registration', recordId: m.registrationId, changes: [{ field: `attendance ${session.day}`, old: before.get(m.registrationId) ?? null, new: m.status }] })),
    );
  });
}

/**
 * C-5: the participant answers the questionnaire once, from the group's last
 * day, if they took part. The answers are only ever shown summarised; the
 * audit entry names the fields, not the answers (like X-SECRET's `***`).
 */
export async function submitFeedback(deps: AppDeps, ctx: RequestContext, registrationId: string, answers: FeedbackAnswers, on: IsoDate = today()): Promise<string> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const reg = await findRegistration(trx, ctx.actor, registrationId);
      if (!reg || reg.user_id !== ctx.actor.userId) throw notFound();
      if (reg.status !== 'confirmed' || !reg.attended_any) throw new AppError(409, 'C_5_FEEDBACK_NOT_ATTENDED', {}, { rule: 'C-5' });
      if (!feedbackOpen({ endsOn: reg.group_ends_on, status: reg.group_status }, on)) {
        const late = on > reg.group_ends_on;
        throw new AppError(409, late ? 'C_5_FEEDBACK_CLOSED' : 'C_5_FEEDBACK_NOT_OPEN', { from: formatDateEt(reg.group_ends_on), to: formatDateEt(addCalendarDays(reg.group_ends_on, FEEDBACK_OPEN_DAYS)) }, { rule: 'C-5' });
      }
      if (reg.feedback_given) throw new AppError(409, 'C_5_FEEDBACK_GIVEN', {}, { rule: 'C-5' });
      const row = await trx
        .insertInto('training_feedback')
        .values({
          registration_id: reg.id,
          group_id: reg.group_id,
          overall: answers.overall,
          content: answers.content,
          trainer: answers.trainer,
          usefulness: answers.usefulness,
          organisation: answers.organisation,
          recommend: answers.recommend,
          most_useful: answers.mostUseful?.trim() || null,
          improve: answers.improve?.trim() || null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, [{ action: 'create', recordType: 'training_feedback', recordId: row.id, changes: [{ field: 'answers', old: null, new: '***' }, { field: 'registration_id', old: null, new: reg.id }] }]);
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'C_5_FEEDBACK_GIVEN', {}, { rule: 'C-5' });
    throw error;
  }
}
