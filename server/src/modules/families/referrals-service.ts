import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { compareIsoDates, formatDateEt } from '../../platform/calendar/working-days.js';
import { contractOn, familyFacts, findFamily, findReferral, type FamilyRecord, type ReferralRecord } from './queries.js';
import {
  checkAdaptationDay,
  checkForward,
  checkNeedsBasedChild,
  checkReferralRequest,
  checkRejection,
  firstContactDue,
  referralReference,
  type ReferralChecks,
} from './rules.js';
import { childAdaptationWindow, familyNeedsBasedVolume, placementFor } from './volume.js';
import { linkFamilyPeople, recordEvent, skaContacts, tell, today, usersOf } from './shared.js';
import type { ReferralSource, SupportKind } from './tables.js';
import { lockRecord } from '../../platform/db/record-lock.js';

export interface ReferralInput {
  familyId: string;
  kind: SupportKind;
  childPersonId?: string | null | undefined;
  source?: ReferralSource | undefined;
  topics?: string | null | undefined;
  problems?: string | null | undefined;
  goals?: string | null | undefined;
  casePlanReference?: string | null | undefined;
  preferredProviderId?: string | null | undefined;
  notes?: string | null | undefined;
}

const OPEN_STATUSES = ['submitted', 'forwarded', 'started'] as const;

async function assertProvider(trx: Transaction<DB>, id: string | null | undefined, path: string) {
  if (!id) return null;
  const org = await trx.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).where('kind', '=', 'provider').executeTakeFirst();
  if (!org) throw badRequest('PROVIDER_INVALID', { fields: [{ path, message: 'not a provider' }] });
  return org;
}

/**
 * The family-side rules a referral must meet on `on`, asked again when SKA
 * forwards it: no family support to a crisis or special foster family
 * (B-COI §2.1.5.8); adaptation only while the child's window is open
 * (B-ADAPT-1); needs-based only for a child in the family for over a year and
 * with volume left (B-NEED-1, B-CARRY).
 */
export async function checkFamilyEligibility(trx: Transaction<DB>, family: FamilyRecord, kind: SupportKind, childPersonId: string | null, on: string) {
  if (kind !== 'mentoring' && family.crisis_or_special_foster) throw new AppError(409, 'B_COI_CRISIS_FOSTER', {}, { rule: 'B-COI', clause: '§2.1.5.8' });
  if (kind === 'mentoring') return;
  const facts = await familyFacts(trx, family);
  const placement = childPersonId ? placementFor(facts, childPersonId, on) : null;
  if (!placement) throw badRequest('CHILD_NOT_IN_FAMILY', { fields: [{ path: 'childPersonId', message: 'not a child of this family' }] });
  if (kind === 'adaptation') {
    const window = childAdaptationWindow(facts, placement);
    // Asking early is fine (service may start a month before arrival); asking after the window has closed is not.
    if (checkAdaptationDay(window, on) === 'B_ADAPT_AFTER_WINDOW') throw new AppError(409, 'B_ADAPT_AFTER_WINDOW', { to: formatDateEt(window.to) }, { rule: 'B-ADAPT-1', window });
    return;
  }
  const childProblem = checkNeedsBasedChild(placement, on);
  if (childProblem) throw new AppError(409, childProblem, {}, { rule: 'B-NEED-1' });
  if (familyNeedsBasedVolume(facts, on).remainingDays <= 0) throw new AppError(409, 'B_NEED_VOLUME_USED', {}, { rule: 'B-NEED-1' });
}

/**
 * A request for support. A KOV worker files the referral form for their
 * families; the SKA contact records what a family or KOV asked; a provider
 * records an adaptation or mentoring request made to it directly, which is then
 * its own from the start (the B-START clock runs from the day it is recorded).
 * Needs-based support always goes through the SKA contact's check (B-NEED-2).
 */
export async function createReferral(deps: AppDeps, ctx: RequestContext, input: ReferralInput): Promise<ReferralRecord> {
  const { actor } = ctx;
  const on = today();
  return deps.db.transaction().execute(async (trx) => {
    const family = await findFamily(trx, actor, input.familyId);
    if (!family) throw badRequest('FAMILY_INVALID', { fields: [{ path: 'familyId', message: 'no such family' }] });
    const source: ReferralSource = actor.role === 'kov_worker' ? 'kov' : (input.source ?? 'family');
    if (actor.role === 'provider_admin' && input.kind === 'needs_based') throw new AppError(409, 'B_NEED_SKA_CHECK_REQUIRED', {}, { rule: 'B-NEED-2' });
    const request = checkReferralRequest({
      familyType: family.type,
      kind: input.kind,
      source,
      childPersonId: input.childPersonId ?? null,
      topics: input.topics ?? null,
      problems: input.problems ?? null,
      goals: input.goals ?? null,
    });
    if (!request.ok) throw new AppError(409, request.problem, {}, { rule: input.kind === 'adaptation' ? 'B-ADAPT-1' : 'B-NEED-1', missing: request.missing });
    await checkFamilyEligibility(trx, family, input.kind, input.childPersonId ?? null, on);
    await assertProvider(trx, input.preferredProviderId, 'preferredProviderId');
    const open = await trx
      .selectFrom('family_referrals')
      .select('reference')
      .where('family_id', '=', family.id)
      .where('kind', '=', input.kind)
      .where('status', 'in', ['submitted', 'forwarded'])
      .where((eb) => (input.kind === 'adaptation' ? eb('child_person_id', '=', input.childPersonId!) : eb.lit(true)))
      .executeTakeFirst();
    if (open) throw new AppError(409, 'REFERRAL_ALREADY_OPEN', { reference: open.reference });
    const kovId = source === 'kov' ? (actor.role === 'kov_worker' ? actor.organisationId : family.kov_organisation_id) : null;
    const direct = actor.role === 'provider_admin';
    const { rows } = await sql<{ n: number }>`select nextval('family_referral_reference_seq')::int8 as n`.execute(trx);
    const values = {
      reference: referralReference(on, Number(rows[0]!.n)),
      family_id: family.id,
      kind: input.kind,
      child_person_id: input.childPersonId ?? null,
      source,
      status: direct ? ('forwarded' as const) : ('submitted' as const),
      kov_organisation_id: kovId,
      kov_worker_id: actor.role === 'kov_worker' ? actor.userId : null,
      topics: input.topics ?? null,
      problems: input.problems ?? null,
      goals: input.goals ?? null,
      case_plan_reference: input.casePlanReference ?? null,
      preferred_provider_id: direct ? actor.organisationId : (input.preferredProviderId ?? null),
      request_notes: input.notes ?? null,
      submitted_on: on,
      submitted_by: actor.userId,
      ...(direct ? { provider_organisation_id: actor.organisationId, received_on: on, first_contact_due: firstContactDue(on) } : {}),
    };
    const created = await trx.insertInto('family_referrals').values(values).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'family_referral', recordId: created.id, personId: created.child_person_id, changes: diffFields({}, values, ['kind', 'source', 'status', 'child_person_id', 'preferred_provider_id']) }]);
    await recordEvent(trx, { familyId: family.id, referralId: created.id, kind: 'referral_submitted', to: created.status, actorId: actor.userId });
    if (!direct) {
      await tell(trx, await skaContacts(trx), { kind: 'approval', titleKey: 'notifications.referralToCheck', params: { reference: created.reference }, link: `/families/referrals/${created.id}` });
    }
    return created;
  });
}

async function lockReferral(trx: Transaction<DB>, ctx: RequestContext, id: string, version: number, action: 'update' | 'approve' | 'read') {
  return lockRecord(trx, 'family_referrals', id, () => findReferral(trx, ctx.actor, id, action), version);
}

async function saveReferral(trx: Transaction<DB>, ctx: RequestContext, before: ReferralRecord, values: Partial<ReferralRecord>) {
  const changes = diffFields(before, values, Object.keys(values));
  const saved = await trx
    .updateTable('family_referrals')
    .set({ ...(values as object), version: before.version + 1, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'family_referral', recordId: before.id, personId: before.child_person_id, changes }]);
  return saved;
}

function requireStatus(r: ReferralRecord, ...allowed: string[]) {
  if (!allowed.includes(r.status)) throw new AppError(409, 'REFERRAL_STATUS_INVALID', { status: r.status });
}

/**
 * B-NEED-2: the SKA contact checks the referral and forwards it to the
 * provider the family and KOV chose (or another with a contract); the provider
 * receives it now and B-START's 5 working days begin.
 */
export async function forwardReferral(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; providerId: string; checks: ReferralChecks; checkNotes?: string | null | undefined }) {
  const on = today();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockReferral(trx, ctx, id, input.version, 'approve');
    requireStatus(before, 'submitted');
    const check = checkForward(before.kind, input.checks);
    if (!check.ok) throw new AppError(409, check.problem, {}, { rule: 'B-NEED-2', missing: check.missing });
    const provider = (await assertProvider(trx, input.providerId, 'providerId'))!;
    if (!(await contractOn(trx, provider.id, on))) throw new AppError(409, 'PROVIDER_NO_CONTRACT', { provider: provider.name });
    const family = (await trx.selectFrom('families').selectAll().where('id', '=', before.family_id).executeTakeFirst())!;
    await checkFamilyEligibility(trx, family, before.kind, before.child_person_id, on);
    const saved = await saveReferral(trx, ctx, before, {
      status: 'forwarded',
      check_target_group: input.checks.targetGroup ?? null,
      check_earlier_service: input.checks.earlierService ?? null,
      check_justification: input.checks.justificationAndGoals ?? null,
      check_notes: input.checkNotes ?? null,
      checked_by: ctx.actor.userId,
      checked_on: on,
      provider_organisation_id: provider.id,
      received_on: on,
      first_contact_due: firstContactDue(on),
    });
    await linkFamilyPeople(trx, family.id, provider.id);
    await recordEvent(trx, { familyId: family.id, referralId: id, kind: 'referral_forwarded', from: before.status, to: 'forwarded', reason: provider.name, actorId: ctx.actor.userId });
    const params = { reference: saved.reference, due: formatDateEt(saved.first_contact_due!) };
    await tell(trx, await usersOf(trx, provider.id, ['provider_admin']), { kind: 'assignment', titleKey: 'notifications.referralReceived', params, link: `/families/referrals/${id}`, mailCode: 'MAIL_REFERRAL_RECEIVED', dedupe: `referral-received-${id}` });
    await tellSubmitter(trx, saved, 'notifications.referralForwarded', params);
    return saved;
  });
}

/** B-NEED-2: a rejection needs a reason, which the KOV worker is told. */
export async function rejectReferral(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; reason: string }) {
  const on = today();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockReferral(trx, ctx, id, input.version, 'approve');
    requireStatus(before, 'submitted');
    const check = checkRejection(input.reason);
    if (!check.ok) throw new AppError(409, check.problem, {}, { rule: 'B-NEED-2', missing: check.missing });
    const saved = await saveReferral(trx, ctx, before, { status: 'rejected', rejection_reason: input.reason, checked_by: ctx.actor.userId, checked_on: on });
    await recordEvent(trx, { familyId: before.family_id, referralId: id, kind: 'referral_rejected', from: before.status, to: 'rejected', reason: input.reason, actorId: ctx.actor.userId });
    await tellSubmitter(trx, saved, 'notifications.referralRejected', { reference: saved.reference });
    return saved;
  });
}

/** A KOV worker (or whoever recorded it) withdraws a referral that has not started. */
export async function withdrawReferral(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; reason: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockReferral(trx, ctx, id, input.version, 'read');
    const mayWithdraw = before.submitted_by === ctx.actor.userId || ctx.actor.role === 'ska_contact' || (ctx.actor.role === 'kov_worker' && before.kov_organisation_id === ctx.actor.organisationId);
    if (!mayWithdraw) throw new AppError(403, 'FORBIDDEN');
    requireStatus(before, 'submitted', 'forwarded');
    const saved = await saveReferral(trx, ctx, before, { status: 'withdrawn', rejection_reason: input.reason });
    await recordEvent(trx, { familyId: before.family_id, referralId: id, kind: 'referral_withdrawn', from: before.status, to: 'withdrawn', reason: input.reason, actorId: ctx.actor.userId });
    return saved;
  });
}

async function tellSubmitter(trx: Transaction<DB>, r: ReferralRecord, titleKey: string, params: Record<string, string>) {
  const submitter = await trx.selectFrom('users').select(['id', 'locale', 'role']).where('id', '=', r.submitted_by).executeTakeFirst();
  if (submitter && submitter.role === 'kov_worker') await tell(trx, [submitter], { kind: titleKey.endsWith('Rejected') ? 'rejection' : 'approval', titleKey, params, link: `/families/referrals/${r.id}` });
}

/**
 * B-START: the provider records its first contact with the family (also set
 * by the first contact logged on the episode). It must be on or after receipt.
 */
export async function recordFirstContact(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; contactedOn: string; channel: string; notes?: string | null | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockReferral(trx, ctx, id, input.version, 'update');
    requireStatus(before, 'forwarded', 'started');
    if (before.first_contact_on) throw new AppError(409, 'FIRST_CONTACT_RECORDED', { on: formatDateEt(before.first_contact_on) });
    if (compareIsoDates(input.contactedOn, before.received_on!) < 0 || compareIsoDates(input.contactedOn, today()) > 0) {
      throw badRequest('FIRST_CONTACT_DATE_INVALID', { fields: [{ path: 'contactedOn', message: 'between receipt and today' }] });
    }
    const saved = await saveReferral(trx, ctx, before, { first_contact_on: input.contactedOn, first_contact_channel: input.channel });
    await recordEvent(trx, { familyId: before.family_id, referralId: id, kind: 'first_contact', reason: input.notes ?? input.channel, actorId: ctx.actor.userId });
    return saved;
  });
}

export { OPEN_STATUSES };
