import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../../platform/http/index.js';
import { appendAudit, diffFields } from '../../../platform/audit/audit.js';
import { compareIsoDates, formatDateEt, type IsoDate } from '../../../platform/calendar/working-days.js';
import { familyScope } from '../../../platform/policy/policy.js';
import { groupPlanDeadline } from '../service-limits.js';
import { skaContacts, tell, today, usersOf } from '../shared.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import { storeReportFile } from '../report-files.js';
import type { GroupFamilyType, ParticipantSignature } from '../service-tables.js';
import { findGroup, findPlan, type GroupRow, type PlanRow } from './queries.js';
import { dateInMonth, firstDayOf, planOpen } from './rules.js';
import { lockRecord } from '../../../platform/db/record-lock.js';

/**
 * Support-group use cases (B-GRP-1..5): one transaction each, the audit entry
 * in the same transaction, X-CONC versions. `on` is the service day (Tallinn
 * date); routes pass today, tests may pass another day.
 */

type Trx = Transaction<DB>;

export interface GroupInput {
  plannedOn: string;
  startsAt: string;
  plannedMinutes: number;
  online: boolean;
  place?: string | null | undefined;
  municipalityId?: string | null | undefined;
  topic: string;
  leaderName: string;
  leaderSpecialistId?: string | null | undefined;
  familyType: GroupFamilyType;
  publicInfo?: string | null | undefined;
}

export interface AttendanceInput {
  version: number;
  heldOn: string;
  actualMinutes: number;
  leaderSigned: boolean;
  participants: { name: string; familyId?: string | null | undefined; signature: ParticipantSignature }[];
}

const AUDITED_GROUP_FIELDS = [
  'planned_on',
  'starts_at',
  'planned_minutes',
  'online',
  'place',
  'municipality_id',
  'island',
  'topic',
  'leader_name',
  'leader_specialist_id',
  'family_type',
  'public_info',
  'status',
  'decision_reason',
  'small_group_approved',
  'small_group_reason',
  'held_on',
  'actual_minutes',
  'leader_signed',
  'attendance_file_id',
  'screenshot_file_id',
];

function planLate(month: string) {
  return new AppError(422, 'B_GRP_PLAN_LATE', { month, deadline: formatDateEt(groupPlanDeadline(month)) }, { rule: 'B-GRP-1', deadline: groupPlanDeadline(month) });
}

function assertPlanOpen(month: string, on: IsoDate) {
  if (!planOpen(month, on)) throw planLate(month);
}

async function lockPlan(trx: Trx, ctx: RequestContext, id: string, version: number | null, action: 'read' | 'create' | 'update' = 'update'): Promise<PlanRow> {
  return lockRecord(trx, 'support_group_plans', id, () => findPlan(trx, ctx.actor, id, action), version);
}

async function lockGroup(trx: Trx, ctx: RequestContext, id: string, version: number | null, action: 'read' | 'update' | 'approve' = 'update'): Promise<GroupRow> {
  const group = await findGroup(trx, ctx.actor, id, action);
  if (!group) throw notFound();
  await sql`select 1 from support_groups where id = ${id} for update`.execute(trx);
  const locked = (await findGroup(trx, ctx.actor, id, action))!;
  if (version !== null && locked.version !== version) throw versionConflict(locked.version);
  return locked;
}

/** Checks a group's fields against its plan; derives the island flag from the KOV (online: never an island). */
async function groupValues(trx: Trx, plan: PlanRow, input: GroupInput) {
  if (!dateInMonth(input.plannedOn, plan.month)) throw badRequest('B_GRP_DATE_OUTSIDE_MONTH', { fields: [{ path: 'plannedOn', message: `a day in ${plan.month}` }] }, { month: plan.month });
  const place = input.place?.trim() || null;
  const municipalityId = input.municipalityId ?? null;
  if (!input.online && (!place || !municipalityId)) {
    throw badRequest('B_GRP_PLACE_REQUIRED', { fields: [...(place ? [] : [{ path: 'place', message: 'required in person' }]), ...(municipalityId ? [] : [{ path: 'municipalityId', message: 'required in person' }])] });
  }
  let island = false;
  if (municipalityId) {
    const kov = await trx.selectFrom('organisations').select(['island']).where('id', '=', municipalityId).where('kind', '=', 'kov').executeTakeFirst();
    if (!kov) throw badRequest('B_GRP_MUNICIPALITY_INVALID', { fields: [{ path: 'municipalityId', message: 'not a municipality' }] });
    island = !input.online && kov.island;
  }
  const leaderSpecialistId = input.leaderSpecialistId ?? null;
  if (leaderSpecialistId) {
    const leader = await trx
      .selectFrom('provider_specialists')
      .select('id')
      .where('id', '=', leaderSpecialistId)
      .where('provider_organisation_id', '=', plan.provider_organisation_id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!leader) throw badRequest('B_GRP_LEADER_INVALID', { fields: [{ path: 'leaderSpecialistId', message: 'not an active specialist of the provider' }] });
  }
  return {
    planned_on: input.plannedOn,
    starts_at: input.startsAt,
    planned_minutes: input.plannedMinutes,
    online: input.online,
    place,
    municipality_id: municipalityId,
    island,
    topic: input.topic,
    leader_name: input.leaderName,
    leader_specialist_id: leaderSpecialistId,
    family_type: input.familyType,
    public_info: input.publicInfo?.trim() || null,
  };
}

// --- B-GRP-1: the plan -----------------------------------------------------------------

/** The provider starts next month's (or a later month's) plan; refused after its deadline. */
export async function createPlan(deps: AppDeps, ctx: RequestContext, input: { month: string }, on: IsoDate = today()): Promise<string> {
  assertPlanOpen(input.month, on);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('support_group_plans').select('id').where('provider_organisation_id', '=', ctx.actor.organisationId).where('month', '=', input.month).executeTakeFirst();
    if (existing) throw new AppError(409, 'B_GRP_PLAN_EXISTS', { month: input.month }, { planId: existing.id });
    const plan = await trx
      .insertInto('support_group_plans')
      .values({ provider_organisation_id: ctx.actor.organisationId, month: input.month, deadline_on: groupPlanDeadline(input.month) })
      .returning(['id', 'month', 'deadline_on'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'support_group_plan', recordId: plan.id, changes: [{ field: 'month', old: null, new: plan.month }] }]);
    return plan.id;
  });
}

/**
 * B-GRP-1: submitting by the 15th of the month before; on the 15th it is in
 * time, from the 16th it is refused (B_GRP_PLAN_LATE names the deadline).
 * SKA contacts are told.
 */
export async function submitPlan(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number }, on: IsoDate = today()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, ctx, id, input.version);
    if (plan.status === 'submitted') throw new AppError(409, 'B_GRP_PLAN_SUBMITTED');
    assertPlanOpen(plan.month, on);
    const groups = await trx.selectFrom('support_groups').select('id').where('plan_id', '=', id).where('status', '!=', 'cancelled').execute();
    if (groups.length === 0) throw new AppError(409, 'B_GRP_PLAN_EMPTY');
    await trx
      .updateTable('support_group_plans')
      .set({ status: 'submitted', submitted_on: on, submitted_by: ctx.actor.userId, late: false, version: plan.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_group_plan', recordId: id, changes: [{ field: 'status', old: plan.status, new: 'submitted' }, { field: 'submitted_on', old: null, new: on }] }]);
    const params = { provider: plan.provider_name, month: plan.month, count: String(groups.length) };
    await tell(trx, await skaContacts(trx), { kind: 'task', titleKey: 'groups.notifications.planSubmitted', params, link: `/families/groups?month=${plan.month}`, mailCode: 'MAIL_GROUP_PLAN_SUBMITTED', dedupe: `group-plan-${id}` });
  });
}

/** B-GRP-1: a group is added to a draft or submitted plan up to the deadline. */
export async function addGroup(deps: AppDeps, ctx: RequestContext, planId: string, input: GroupInput, on: IsoDate = today()): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, ctx, planId, null, 'create');
    assertPlanOpen(plan.month, on);
    const values = await groupValues(trx, plan, input);
    const group = await trx
      .insertInto('support_groups')
      .values({ ...values, plan_id: plan.id, provider_organisation_id: plan.provider_organisation_id, created_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'support_group', recordId: group.id, changes: diffFields({}, group, AUDITED_GROUP_FIELDS) }]);
    if (plan.status === 'submitted') {
      const params = { provider: plan.provider_name, month: plan.month, count: '1' };
      await tell(trx, await skaContacts(trx), { kind: 'task', titleKey: 'groups.notifications.groupAdded', params, link: `/families/groups?month=${plan.month}` });
    }
    return group.id;
  });
}

/** Changing a group up to the deadline; a decided group goes back to SKA for a new decision. */
export async function updateGroup(deps: AppDeps, ctx: RequestContext, id: string, input: GroupInput & { version: number }, on: IsoDate = today()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, input.version);
    if (ctx.actor.role !== 'provider_admin') throw notFound();
    if (!['planned', 'approved', 'rejected'].includes(before.status)) throw new AppError(409, 'B_GRP_STATUS_INVALID', { status: before.status });
    const plan = (await findPlan(trx, ctx.actor, before.plan_id, 'update'))!;
    assertPlanOpen(plan.month, on);
    const values = await groupValues(trx, plan, input);
    const reset = before.status !== 'planned' ? { status: 'planned' as const, decision_reason: null, decided_by: null, decided_on: null } : {};
    const changes = diffFields(before, { ...values, ...reset }, AUDITED_GROUP_FIELDS);
    await trx.updateTable('support_groups').set({ ...values, ...reset, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_group', recordId: id, changes }]);
  });
}

/** A group of a draft plan is removed outright; in a submitted plan it is cancelled instead (see cancelGroup). */
export async function deleteGroup(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, input.version);
    if (ctx.actor.role !== 'provider_admin') throw notFound();
    if (before.plan_status !== 'draft') throw new AppError(409, 'B_GRP_PLAN_SUBMITTED');
    await trx.deleteFrom('support_group_participants').where('group_id', '=', id).execute();
    await trx.deleteFrom('support_groups').where('id', '=', id).execute();
    await appendAudit(trx, ctx, [{ action: 'delete', recordType: 'support_group', recordId: id, changes: [{ field: 'topic', old: before.topic, new: null }, { field: 'planned_on', old: before.planned_on, new: null }] }]);
  });
}

/** A planned or approved group that will not take place is cancelled (any time before it is held). */
export async function cancelGroup(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, input.version);
    if (ctx.actor.role !== 'provider_admin') throw notFound();
    if (!['planned', 'approved'].includes(before.status)) throw new AppError(409, 'B_GRP_STATUS_INVALID', { status: before.status });
    await trx.updateTable('support_groups').set({ status: 'cancelled', version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_group', recordId: id, changes: [{ field: 'status', old: before.status, new: 'cancelled' }] }]);
  });
}

// --- SKA's decisions ---------------------------------------------------------------------

async function tellProvider(trx: Trx, group: GroupRow, n: { titleKey: string; mailCode?: string; reason?: string | null }) {
  const params = { topic: group.topic, date: formatDateEt(group.planned_on), reason: n.reason ?? '' };
  const recipients = [...(await usersOf(trx, group.provider_organisation_id, ['provider_admin']))];
  if (group.leader_specialist_id) {
    const leader = await trx.selectFrom('provider_specialists').innerJoin('users', 'users.id', 'provider_specialists.user_id').select(['users.id', 'users.locale']).where('provider_specialists.id', '=', group.leader_specialist_id).where('users.active', '=', true).executeTakeFirst();
    if (leader && !recipients.some((r) => r.id === leader.id)) recipients.push(leader);
  }
  await tell(trx, recipients, { kind: 'decision', titleKey: n.titleKey, params, link: `/families/groups?month=${group.plan_month}`, ...(n.mailCode ? { mailCode: n.mailCode, dedupe: `group-decision-${group.id}-${group.version}` } : {}) });
}

/** B-GRP-1: SKA approves a planned group, or rejects one that breaks the rules (with a reason). */
export async function decideGroup(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; decision: 'approve' | 'reject'; reason?: string | null | undefined }, on: IsoDate = today()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, input.version, 'approve');
    if (!['planned', 'approved', 'rejected'].includes(before.status)) throw new AppError(409, 'B_GRP_STATUS_INVALID', { status: before.status });
    const reason = input.reason?.trim() || null;
    if (input.decision === 'reject' && !reason) throw badRequest('B_GRP_REJECT_REASON_REQUIRED', { fields: [{ path: 'reason', message: 'required when rejecting' }] });
    const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
    await trx.updateTable('support_groups').set({ status, decision_reason: reason, decided_by: ctx.actor.userId, decided_on: on, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_group', recordId: id, changes: diffFields(before, { status, decision_reason: reason }, ['status', 'decision_reason']) }]);
    await tellProvider(trx, before, {
      titleKey: status === 'approved' ? 'groups.notifications.groupApproved' : 'groups.notifications.groupRejected',
      mailCode: status === 'approved' ? 'MAIL_GROUP_APPROVED' : 'MAIL_GROUP_REJECTED',
      reason,
    });
  });
}

/** B-GRP-2: SKA's prior approval of a group of 4–5 foster parents (sparse areas, islands), with a reason; may be withdrawn before it is held. */
export async function approveSmallGroup(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; approved: boolean; reason?: string | null | undefined }, on: IsoDate = today()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, input.version, 'approve');
    if (!['planned', 'approved'].includes(before.status)) throw new AppError(409, 'B_GRP_STATUS_INVALID', { status: before.status });
    const reason = input.reason?.trim() || null;
    if (input.approved && !reason) throw badRequest('B_GRP_SMALL_GROUP_REASON_REQUIRED', { fields: [{ path: 'reason', message: 'required when approving' }] });
    const values = input.approved
      ? { small_group_approved: true, small_group_reason: reason, small_group_approved_by: ctx.actor.userId, small_group_approved_on: on }
      : { small_group_approved: false, small_group_reason: reason, small_group_approved_by: null, small_group_approved_on: null };
    await trx.updateTable('support_groups').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_group', recordId: id, changes: diffFields(before, values, ['small_group_approved', 'small_group_reason']) }]);
    await tellProvider(trx, before, { titleKey: input.approved ? 'groups.notifications.smallGroupApproved' : 'groups.notifications.smallGroupWithdrawn', reason });
  });
}

// --- B-GRP-5: attendance -------------------------------------------------------------------

/**
 * After the meeting the provider or its leader records it. Only an approved
 * (or already held, to correct) group; not in the future; not before the plan's
 * month. What breaks B-GRP-2/3/5 is recorded but not paid (see rules.ts).
 */
export async function recordAttendance(deps: AppDeps, ctx: RequestContext, id: string, input: AttendanceInput, on: IsoDate = today()): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, input.version);
    if (!['approved', 'held'].includes(before.status)) throw new AppError(409, 'B_GRP_NOT_APPROVED', {}, { status: before.status });
    if (compareIsoDates(input.heldOn, on) > 0) throw badRequest('DATE_IN_FUTURE', { fields: [{ path: 'heldOn', message: 'not after today' }] });
    if (compareIsoDates(input.heldOn, firstDayOf(before.plan_month)) < 0) throw badRequest('B_GRP_HELD_BEFORE_MONTH', { fields: [{ path: 'heldOn', message: `not before ${before.plan_month}` }] }, { month: before.plan_month });
    const familyIds = [...new Set(input.participants.map((p) => p.familyId).filter((f): f is string => Boolean(f)))];
    if (familyIds.length) {
      const visible = await trx.selectFrom('families').select('families.id').where(familyScope(ctx.actor)).where('families.id', 'in', familyIds).execute();
      const missing = familyIds.filter((f) => !visible.some((v) => v.id === f));
      if (missing.length) throw badRequest('VALIDATION_FAILED', { fields: input.participants.flatMap((p, i) => (p.familyId && missing.includes(p.familyId) ? [{ path: `participants.${i}.familyId`, message: 'unknown family' }] : [])) });
    }
    const values = { status: 'held' as const, held_on: input.heldOn, actual_minutes: input.actualMinutes, leader_signed: input.leaderSigned };
    const changes = diffFields(before, values, ['status', 'held_on', 'actual_minutes', 'leader_signed']);
    const oldCount = (await trx.selectFrom('support_group_participants').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', id).executeTakeFirstOrThrow()).n;
    await trx.deleteFrom('support_group_participants').where('group_id', '=', id).execute();
    if (input.participants.length) {
      await trx
        .insertInto('support_group_participants')
        .values(input.participants.map((p) => ({ group_id: id, name: p.name, family_id: p.familyId ?? null, signature: p.signature })))
        .execute();
    }
    changes.push({ field: 'participants', old: Number(oldCount), new: input.participants.length });
    await trx.updateTable('support_groups').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_group', recordId: id, changes }]);
  });
}

export type GroupFilePurpose = 'attendance_list' | 'attendance_screenshot';

/**
 * B-GRP-5, B-SEC: the signed attendance list (scan or PDF) or, for an online
 * group, the screenshot of the participants; stored encrypted; a new upload
 * replaces the group's earlier file of that purpose.
 */
export async function attachGroupFile(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  file: { purpose: GroupFilePurpose; filename: string; content: Buffer },
): Promise<string> {
  const key = encryptionKeyFrom(deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockGroup(trx, ctx, id, null);
    if (!['approved', 'held'].includes(before.status)) throw new AppError(409, 'B_GRP_NOT_APPROVED', {}, { status: before.status });
    if (file.purpose === 'attendance_screenshot' && !before.online) throw new AppError(409, 'B_GRP_FILE_NOT_FOR_GROUP');
    const fileId = await storeReportFile(trx, key, {
      providerId: before.provider_organisation_id,
      purpose: file.purpose,
      filename: file.filename,
      contentType: contentTypeOf(file.filename),
      content: file.content,
      uploadedBy: ctx.actor.userId,
    });
    const column = file.purpose === 'attendance_list' ? 'attendance_file_id' : 'screenshot_file_id';
    await trx.updateTable('support_groups').set({ [column]: fileId, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [
      { action: 'create', recordType: 'report_file', recordId: fileId, changes: [{ field: 'filename', old: null, new: file.filename }] },
      { action: 'update', recordType: 'support_group', recordId: id, changes: [{ field: column, old: before[column], new: fileId }] },
    ]);
    return fileId;
  });
}

const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

export function contentTypeOf(filename: string): string {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
