import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { addCalendarDays, compareIsoDates, formatDateEt } from '../../platform/calendar/working-days.js';
import { assertAssignable } from './coi.js';
import { contractOn, familyFacts, findEpisode, findReferral, type EpisodeRecord, type FamilyRecord } from './queries.js';
import {
  checkAdaptationDay,
  checkNeedsBasedChild,
  checkNoDuplicateEpisode,
  checkNoRunningNeedsBased,
  checkServiceDay,
  checkSpecialist,
  checkTermination,
  contactCompliance,
  kovInvolved,
  type TerminationInput,
} from './rules.js';
import { childAdaptationWindow, episodeLimit, placementFor, type EpisodeFacts } from './volume.js';
import { linkFamilyPeople, recordEvent, tell, today, usersOf } from './shared.js';
import type { ContactKind, EndReason, GoalNote, GoalStatus, SpecialistLanguage, SpecialistRole, SupportKind } from './tables.js';
import { lockRecord } from '../../platform/db/record-lock.js';

type Trx = Transaction<DB>;

const toFacts = (e: { id: string; kind: SupportKind; child_person_id: string | null; status: EpisodeRecord['status']; starts_on: string; ends_on: string | null }): EpisodeFacts => ({
  id: e.id,
  kind: e.kind,
  childPersonId: e.child_person_id,
  status: e.status,
  startsOn: e.starts_on,
  endsOn: e.ends_on,
});

async function familyOf(trx: Trx, familyId: string): Promise<FamilyRecord> {
  return (await trx.selectFrom('families').selectAll().where('id', '=', familyId).executeTakeFirst())!;
}

const involved = (f: FamilyRecord) => kovInvolved({ type: f.type, kovInvolvementConsent: f.kov_involvement_consent });

/**
 * The rules a new episode must meet on its first day: the adaptation window
 * (B-ADAPT-1), the needs-based child and volume (B-NEED-1, B-CARRY), no
 * adaptation beside running needs-based support (B-SWITCH), one running
 * episode of a kind.
 */
async function checkNewEpisode(trx: Trx, family: FamilyRecord, kind: SupportKind, childPersonId: string | null, startsOn: string, exceptEpisodeId: string | null = null) {
  const facts = await familyFacts(trx, family);
  const others = facts.episodes.filter((e) => e.id !== exceptEpisodeId);
  const duplicate = checkNoDuplicateEpisode(others, kind, childPersonId);
  if (!duplicate.ok) throw new AppError(409, duplicate.problem);
  if (kind === 'mentoring') return;
  const placement = placementFor(facts, childPersonId, startsOn);
  if (!placement) throw badRequest('CHILD_NOT_IN_FAMILY', { fields: [{ path: 'childPersonId', message: 'not a child of this family' }] });
  if (kind === 'adaptation') {
    const switchCheck = checkNoRunningNeedsBased(others);
    if (!switchCheck.ok) throw new AppError(409, switchCheck.problem, {}, { rule: 'B-SWITCH' });
    const window = childAdaptationWindow(facts, placement);
    const problem = checkAdaptationDay(window, startsOn);
    if (problem) throw new AppError(409, problem, { from: formatDateEt(window.from), to: formatDateEt(window.to) }, { rule: 'B-ADAPT-1', window: { from: window.from, to: window.to } });
    return;
  }
  const childProblem = checkNeedsBasedChild(placement, startsOn);
  if (childProblem) throw new AppError(409, childProblem, {}, { rule: 'B-NEED-1' });
  const probe: EpisodeFacts = { id: exceptEpisodeId ?? 'new', kind, childPersonId, status: 'pending', startsOn, endsOn: null };
  const limit = episodeLimit({ ...facts, episodes: [...others, probe] }, probe, startsOn);
  if (!limit.hasVolume) throw new AppError(409, 'B_NEED_VOLUME_USED', {}, { rule: 'B-NEED-1' });
}

/**
 * The provider starts the service from a forwarded referral and assigns a
 * specialist, who must be approved by SKA (§2.8.6) and free of conflicts
 * (B-COI). The episode waits for its cooperation agreement.
 */
export async function startEpisode(deps: AppDeps, ctx: RequestContext, referralId: string, input: { version: number; specialistId: string; startsOn: string }): Promise<EpisodeRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const referral = await lockRecord(trx, 'family_referrals', referralId, () => findReferral(trx, ctx.actor, referralId, 'update'), input.version);
    if (referral.status !== 'forwarded' || referral.provider_organisation_id !== ctx.actor.organisationId) throw new AppError(409, 'REFERRAL_STATUS_INVALID', { status: referral.status });
    if (compareIsoDates(input.startsOn, referral.received_on!) < 0) throw badRequest('EPISODE_START_BEFORE_RECEIPT', { fields: [{ path: 'startsOn', message: `not before ${referral.received_on}` }] });
    const family = await familyOf(trx, referral.family_id);
    await checkNewEpisode(trx, family, referral.kind, referral.child_person_id, input.startsOn);
    const contract = await contractOn(trx, ctx.actor.organisationId, input.startsOn);
    if (!contract) throw new AppError(409, 'PROVIDER_NO_CONTRACT', { provider: ctx.actor.name });
    const specialist = await assertAssignable(trx, input.specialistId, {
      family,
      referralKovId: referral.kov_organisation_id,
      kind: referral.kind,
      providerOrganisationId: ctx.actor.organisationId,
      episodeId: null,
      on: input.startsOn,
    });
    const episode = await trx
      .insertInto('family_episodes')
      .values({
        family_id: family.id,
        referral_id: referral.id,
        kind: referral.kind,
        child_person_id: referral.child_person_id,
        provider_organisation_id: ctx.actor.organisationId,
        contract_id: contract.id,
        specialist_id: specialist.id,
        status: 'pending',
        starts_on: input.startsOn,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('family_referrals').set({ status: 'started', version: referral.version + 1, updated_at: new Date() }).where('id', '=', referral.id).execute();
    await linkFamilyPeople(trx, family.id, ctx.actor.organisationId, specialist.user_id);
    await appendAudit(trx, ctx, [
      { action: 'create', recordType: 'family_episode', recordId: episode.id, personId: episode.child_person_id, changes: diffFields({}, episode, ['kind', 'status', 'starts_on', 'specialist_id', 'contract_id']) },
      { action: 'update', recordType: 'family_referral', recordId: referral.id, personId: referral.child_person_id, changes: [{ field: 'status', old: referral.status, new: 'started' }] },
    ]);
    await recordEvent(trx, { familyId: family.id, episodeId: episode.id, referralId: referral.id, kind: 'episode_started', to: 'pending', actorId: ctx.actor.userId });
    await notifySpecialist(trx, specialist.user_id, family, episode.id);
    return episode;
  });
}

async function notifySpecialist(trx: Trx, userId: string, family: FamilyRecord, episodeId: string) {
  const user = await trx.selectFrom('users').select(['id', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
  await tell(trx, [user], { kind: 'assignment', titleKey: 'notifications.familyAssigned', params: { reference: family.reference }, link: `/families/episodes/${episodeId}`, mailCode: 'MAIL_FAMILY_ASSIGNED', dedupe: `family-assigned-${episodeId}-${Date.now()}` });
}

export async function lockEpisode(trx: Trx, ctx: RequestContext, id: string, version: number | null, action: 'update' | 'assign' | 'read' = 'update') {
  return lockRecord(trx, 'family_episodes', id, () => findEpisode(trx, ctx.actor, id, action), version);
}

async function saveEpisode(trx: Trx, ctx: RequestContext, before: EpisodeRecord, values: Partial<EpisodeRecord>): Promise<EpisodeRecord> {
  const changes = diffFields(before, values, Object.keys(values).filter((k) => !k.startsWith('next_') && !k.startsWith('last_')));
  const saved = await trx
    .updateTable('family_episodes')
    .set({ ...(values as object), version: before.version + 1, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'family_episode', recordId: before.id, personId: before.child_person_id, changes }]);
  return saved;
}

function requireRunning(e: EpisodeRecord) {
  if (e.status === 'ended') throw new AppError(409, 'EPISODE_ENDED');
}

/** The family may change supporter (§2.1.5.7.8): the provider reassigns, with a reason; every check runs again. */
export async function reassignSpecialist(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; specialistId: string; reason: string }) {
  const on = today();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockEpisode(trx, ctx, id, input.version, 'assign');
    requireRunning(before);
    const family = await familyOf(trx, before.family_id);
    const referral = before.referral_id ? await trx.selectFrom('family_referrals').select('kov_organisation_id').where('id', '=', before.referral_id).executeTakeFirst() : undefined;
    const specialist = await assertAssignable(trx, input.specialistId, {
      family,
      referralKovId: referral?.kov_organisation_id ?? null,
      kind: before.kind,
      providerOrganisationId: before.provider_organisation_id,
      episodeId: before.id,
      on,
    });
    const saved = await saveEpisode(trx, ctx, before, { specialist_id: specialist.id });
    await linkFamilyPeople(trx, family.id, before.provider_organisation_id, specialist.user_id);
    await recordEvent(trx, { familyId: family.id, episodeId: id, kind: 'specialist_changed', reason: input.reason, actorId: ctx.actor.userId });
    await notifySpecialist(trx, specialist.user_id, family, id);
    return saved;
  });
}

/** The day's service must be within the episode's window or volume (B-ADAPT-1, B-NEED-1, B-LEAVE). */
async function assertServiceDay(trx: Trx, family: FamilyRecord, episode: EpisodeRecord, day: string) {
  const facts = await familyFacts(trx, family);
  const limit = episodeLimit(facts, toFacts(episode), day);
  const problem = checkServiceDay({ startsOn: episode.starts_on, lastAllowedDay: limit.lastAllowedDay, limitKind: limit.limitKind }, day);
  if (problem) throw new AppError(409, problem, { lastDay: limit.lastAllowedDay ? formatDateEt(limit.lastAllowedDay) : '' }, { lastAllowedDay: limit.lastAllowedDay });
}

/** §2.8.6: the specialist giving the service must be approved by SKA on that day. */
async function assertSpecialistApproved(trx: Trx, episode: EpisodeRecord, family: FamilyRecord, day: string) {
  if (!episode.specialist_id) return;
  const s = await trx.selectFrom('provider_specialists').selectAll().where('id', '=', episode.specialist_id).executeTakeFirstOrThrow();
  const problem = checkSpecialist(
    { active: true, providerOrganisationId: s.provider_organisation_id, roles: s.roles as SpecialistRole[], languages: s.languages as SpecialistLanguage[], skaApprovedOn: s.ska_approved_on },
    { providerOrganisationId: episode.provider_organisation_id, kind: episode.kind, language: family.language, on: day },
  );
  if (problem === 'SPECIALIST_NOT_APPROVED') throw new AppError(409, problem, {}, { specialistId: s.id });
}

function assertNotFuture(day: string, path: string) {
  if (compareIsoDates(day, today()) > 0) throw badRequest('DATE_IN_FUTURE', { fields: [{ path, message: 'not after today' }] });
}

/** B-FREQ: the stored due dates follow every change to the contacts or the agreement. */
async function refreshCompliance(trx: Trx, episode: EpisodeRecord): Promise<{ last_contact_on: string | null; last_home_visit_on: string | null; next_contact_due: string | null; next_home_visit_due: string | null }> {
  const contacts = await trx.selectFrom('family_contacts').select(['occurred_on', 'kind']).where('episode_id', '=', episode.id).execute();
  const c = contactCompliance({ kind: episode.kind, agreementOn: episode.agreement_on, contacts: contacts.map((x) => ({ on: x.occurred_on, kind: x.kind })), today: today() });
  const lastContact = contacts.filter((x) => x.kind !== 'continued_support').map((x) => x.occurred_on).sort().at(-1) ?? null;
  return {
    last_contact_on: c.lastContactOn ?? lastContact,
    last_home_visit_on: c.lastHomeVisitOn,
    next_contact_due: c.nextContactDue,
    next_home_visit_due: c.nextHomeVisitDue,
  };
}

async function markFirstContact(trx: Trx, episode: EpisodeRecord, on: string, channel: string) {
  if (!episode.referral_id) return;
  await trx
    .updateTable('family_referrals')
    .set({ first_contact_on: on, first_contact_channel: channel, updated_at: new Date(), version: sql`version + 1` as never })
    .where('id', '=', episode.referral_id)
    .where('first_contact_on', 'is', null)
    .execute();
}

/**
 * The cooperation agreement (Lisa 6/7): the goals and the family's and the
 * supporter's activities, agreed at the first meeting in the family's home
 * (B-START). The B-FREQ clock starts; for needs-based support the goals open
 * the support plan (B-PLAN); the KOV is informed by sending it the agreement,
 * unless an adoptive family declined KOV involvement (B-KOV).
 */
export async function recordAgreement(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { version: number; agreedOn: string; goals: string; activities: string; familyActivities?: string | null | undefined; planGoals?: string[] | undefined },
) {
  assertNotFuture(input.agreedOn, 'agreedOn');
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockEpisode(trx, ctx, id, input.version);
    requireRunning(before);
    const family = await familyOf(trx, before.family_id);
    await assertServiceDay(trx, family, before, input.agreedOn);
    await assertSpecialistApproved(trx, before, family, input.agreedOn);
    const first = before.agreement_on === null;
    const next = { ...before, status: 'active' as const, agreement_on: input.agreedOn };
    const saved = await saveEpisode(trx, ctx, before, {
      status: 'active',
      agreement_on: input.agreedOn,
      agreement_goals: input.goals,
      agreement_activities: input.activities,
      family_activities: input.familyActivities ?? null,
      ...(await refreshCompliance(trx, next)),
    });
    if (first) {
      await markFirstContact(trx, before, input.agreedOn, 'home_visit');
      if (before.kind === 'needs_based') {
        const goals = input.planGoals?.length ? input.planGoals : input.goals.split(/\r?\n/).map((g) => g.replace(/^[-•*\d.)\s]+/, '').trim()).filter(Boolean);
        if (goals.length) await trx.insertInto('support_plan_goals').values(goals.map((text) => ({ episode_id: id, text, origin: 'start' as const, added_on: input.agreedOn, created_by: ctx.actor.userId }))).execute();
      }
      if (involved(family)) await sendToKov(trx, ctx, saved, family, { kind: 'start_notice' });
      await recordEvent(trx, { familyId: family.id, episodeId: id, kind: 'agreement_signed', from: before.status, to: 'active', actorId: ctx.actor.userId });
    }
    return saved;
  });
}

/** Records what went to the KOV and tells the KOV worker who referred the family (B-KOV, B-END, B-CONT). */
async function sendToKov(
  trx: Trx,
  ctx: RequestContext,
  episode: EpisodeRecord,
  family: FamilyRecord,
  report: { kind: 'start_notice' | 'quarterly_overview' | 'termination' | 'need_notice'; periodStart?: string | null; periodEnd?: string | null; progress?: string | null; difficulties?: string | null; includesPlan?: boolean },
) {
  const referral = episode.referral_id ? await trx.selectFrom('family_referrals').select(['kov_organisation_id', 'kov_worker_id']).where('id', '=', episode.referral_id).executeTakeFirst() : undefined;
  const kovId = referral?.kov_organisation_id ?? family.kov_organisation_id;
  const row = await trx
    .insertInto('kov_reports')
    .values({
      episode_id: episode.id,
      kind: report.kind,
      kov_organisation_id: kovId,
      period_start: report.periodStart ?? null,
      period_end: report.periodEnd ?? null,
      progress: report.progress ?? null,
      difficulties: report.difficulties ?? null,
      includes_plan: report.includesPlan ?? false,
      sent_on: today(),
      created_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx, [{ action: 'create', recordType: 'kov_report', recordId: row.id, changes: [{ field: 'kind', old: null, new: report.kind }, { field: 'kov_organisation_id', old: null, new: kovId }] }]);
  await recordEvent(trx, { familyId: family.id, episodeId: episode.id, kind: `kov_${report.kind}`, actorId: ctx.actor.userId });
  const recipients = referral?.kov_worker_id
    ? await trx.selectFrom('users').select(['id', 'locale']).where('id', '=', referral.kov_worker_id).where('active', '=', true).execute()
    : await usersOf(trx, kovId, ['kov_worker']);
  await tell(trx, recipients, { kind: 'report', titleKey: `notifications.kovReport.${report.kind}`, params: { reference: family.reference }, link: `/families/episodes/${episode.id}` });
  return row;
}

export interface ContactInput {
  kind: ContactKind;
  occurredOn: string;
  durationMinutes: number;
  notes?: string | null | undefined;
  goalNotes?: GoalNote[] | undefined;
}

/**
 * One quick record of a call, e-mail, message, home visit or meeting
 * (X-MOBILE), on a day within the episode's volume, by an approved specialist.
 * Notes against the support plan's goals make the plan's meeting log (B-PLAN).
 * After the end, only continued-support contacts are recorded (B-CONT).
 */
export async function logContact(deps: AppDeps, ctx: RequestContext, id: string, input: ContactInput) {
  assertNotFuture(input.occurredOn, 'occurredOn');
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockEpisode(trx, ctx, id, null);
    const family = await familyOf(trx, before.family_id);
    if (input.kind === 'continued_support') {
      if (before.status !== 'ended') throw new AppError(409, 'CONTACT_KIND_NOT_APPLICABLE', { kind: input.kind });
    } else {
      requireRunning(before);
      await assertServiceDay(trx, family, before, input.occurredOn);
      await assertSpecialistApproved(trx, before, family, input.occurredOn);
    }
    const goalNotes = input.goalNotes ?? [];
    if (goalNotes.length) {
      const known = new Set((await trx.selectFrom('support_plan_goals').select('id').where('episode_id', '=', id).execute()).map((g) => g.id));
      const unknown = goalNotes.filter((g) => !known.has(g.goalId));
      if (unknown.length) throw badRequest('GOAL_NOT_IN_PLAN', { fields: unknown.map((g) => ({ path: 'goalNotes.goalId', message: g.goalId })) });
    }
    const row = await trx
      .insertInto('family_contacts')
      .values({ episode_id: id, kind: input.kind, occurred_on: input.occurredOn, duration_minutes: input.durationMinutes, notes: input.notes ?? null, goal_notes: JSON.stringify(goalNotes), created_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'family_contact', recordId: row.id, personId: before.child_person_id, changes: [{ field: 'kind', old: null, new: input.kind }, { field: 'occurred_on', old: null, new: input.occurredOn }] }]);
    if (input.kind !== 'continued_support') await markFirstContact(trx, before, input.occurredOn, input.kind);
    const compliance = await refreshCompliance(trx, before);
    await trx.updateTable('family_episodes').set({ ...compliance, updated_at: new Date() }).where('id', '=', id).execute();
    return row;
  });
}

/** B-PLAN: the support plan of needs-based support: goals at the start and goals added later. */
export async function addGoal(deps: AppDeps, ctx: RequestContext, id: string, input: { text: string; addedOn?: string | undefined }) {
  const addedOn = input.addedOn ?? today();
  assertNotFuture(addedOn, 'addedOn');
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockEpisode(trx, ctx, id, null);
    requireRunning(episode);
    if (episode.kind !== 'needs_based') throw new AppError(409, 'B_PLAN_NEEDS_BASED_ONLY', {}, { rule: 'B-PLAN' });
    const row = await trx
      .insertInto('support_plan_goals')
      .values({ episode_id: id, text: input.text, origin: episode.agreement_on ? 'added' : 'start', added_on: addedOn, created_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'support_plan_goal', recordId: row.id, changes: [{ field: 'text', old: null, new: input.text }] }]);
    return row;
  });
}

export async function updateGoal(deps: AppDeps, ctx: RequestContext, id: string, goalId: string, input: { version: number; text?: string | undefined; status?: GoalStatus | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockEpisode(trx, ctx, id, null);
    requireRunning(episode);
    const before = await trx.selectFrom('support_plan_goals').selectAll().where('id', '=', goalId).where('episode_id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict(before.version);
    const values = { ...(input.text !== undefined ? { text: input.text } : {}), ...(input.status !== undefined ? { status: input.status } : {}) };
    const changes = diffFields(before, values, ['text', 'status']);
    const saved = await trx.updateTable('support_plan_goals').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', goalId).returningAll().executeTakeFirstOrThrow();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'support_plan_goal', recordId: goalId, changes }]);
    return saved;
  });
}

/**
 * B-KOV: the quarterly written overview of progress and difficulties (with the
 * support plan for needs-based support), recorded as sent to the KOV. Refused
 * for an adoptive family that declined KOV involvement: nothing goes to the KOV.
 */
export async function sendKovOverview(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { periodStart: string; periodEnd: string; progress: string; difficulties?: string | null | undefined; includePlan?: boolean | undefined },
) {
  if (compareIsoDates(input.periodEnd, input.periodStart) < 0) throw badRequest('PERIOD_INVALID', { fields: [{ path: 'periodEnd', message: 'before the start' }] });
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockEpisode(trx, ctx, id, null);
    const family = await familyOf(trx, episode.family_id);
    if (!involved(family)) throw new AppError(409, 'B_KOV_NOT_INVOLVED', {}, { rule: 'B-KOV' });
    if (!episode.agreement_on) throw new AppError(409, 'EPISODE_NOT_AGREED');
    return sendToKov(trx, ctx, episode, family, {
      kind: 'quarterly_overview',
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      progress: input.progress,
      difficulties: input.difficulties ?? null,
      includesPlan: input.includePlan ?? episode.kind === 'needs_based',
    });
  });
}

export interface EndInput extends TerminationInput {
  version: number;
  endsOn: string;
  reason: EndReason;
  continuedSupport?: boolean | undefined;
}

/**
 * B-END: ending is written (Lisa 10/11): the activities, goals reached,
 * further needs and recommendations for the KOV. The termination agreement
 * goes to the KOV unless the adoptive family declined KOV involvement; the
 * family stays on the continued-support list (B-CONT) unless it declines.
 */
export async function endEpisode(deps: AppDeps, ctx: RequestContext, id: string, input: EndInput) {
  assertNotFuture(input.endsOn, 'endsOn');
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockEpisode(trx, ctx, id, input.version);
    requireRunning(before);
    const family = await familyOf(trx, before.family_id);
    return endIn(trx, ctx, before, family, input);
  });
}

async function endIn(trx: Trx, ctx: RequestContext, before: EpisodeRecord, family: FamilyRecord, input: Omit<EndInput, 'version'> & { switchedTo?: string }) {
  if (compareIsoDates(input.endsOn, before.starts_on) < 0) throw badRequest('EPISODE_END_BEFORE_START', { fields: [{ path: 'endsOn', message: `not before ${before.starts_on}` }] });
  const kov = involved(family);
  const check = checkTermination(input, kov);
  if (!check.ok) throw new AppError(409, check.problem, {}, { rule: 'B-END', missing: check.missing });
  const saved = await saveEpisode(trx, ctx, before, {
    status: 'ended',
    ends_on: input.endsOn,
    end_reason: input.reason,
    termination_activities: input.activities ?? null,
    termination_goals_reached: input.goalsReached ?? null,
    termination_further_needs: input.furtherNeeds ?? null,
    termination_kov_recommendations: kov ? (input.kovRecommendations ?? null) : null,
    termination_sent_to_kov_on: kov ? today() : null,
    continued_support: input.continuedSupport ?? true,
    ...(input.switchedTo ? { switched_to_episode_id: input.switchedTo } : {}),
  });
  if (kov) await sendToKov(trx, ctx, saved, family, { kind: 'termination', progress: input.goalsReached ?? null });
  await recordEvent(trx, { familyId: family.id, episodeId: before.id, kind: 'episode_ended', from: before.status, to: 'ended', reason: input.reason, actorId: ctx.actor.userId });
  return saved;
}

/**
 * B-SWITCH (§2.1.5.9): a new child joins a family in needs-based support. The
 * needs-based episode ends in writing the day before, and adaptation support
 * for the new child starts with the same provider (and supporter, unless
 * another is named, with every check run again). The unused needs-based volume
 * stays available for later.
 */
export async function switchToAdaptation(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: TerminationInput & { version: number; childPersonId: string; switchOn: string; specialistId?: string | undefined },
) {
  assertNotFuture(input.switchOn, 'switchOn');
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockEpisode(trx, ctx, id, input.version);
    requireRunning(before);
    if (before.kind !== 'needs_based') throw new AppError(409, 'B_SWITCH_NOT_NEEDS_BASED', {}, { rule: 'B-SWITCH' });
    if (compareIsoDates(input.switchOn, before.starts_on) <= 0) throw badRequest('EPISODE_END_BEFORE_START', { fields: [{ path: 'switchOn', message: `after ${before.starts_on}` }] });
    const family = await familyOf(trx, before.family_id);
    const specialistId = input.specialistId ?? before.specialist_id;
    if (!specialistId) throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'specialistId', message: 'required' }] });
    const referral = before.referral_id ? await trx.selectFrom('family_referrals').select('kov_organisation_id').where('id', '=', before.referral_id).executeTakeFirst() : undefined;
    const ended = await endIn(trx, ctx, before, family, { ...input, endsOn: addCalendarDays(input.switchOn, -1), reason: 'switch_to_adaptation', continuedSupport: false });
    await checkNewEpisode(trx, family, 'adaptation', input.childPersonId, input.switchOn);
    const contract = await contractOn(trx, before.provider_organisation_id, input.switchOn);
    if (!contract) throw new AppError(409, 'PROVIDER_NO_CONTRACT', { provider: '' });
    const specialist = await assertAssignable(trx, specialistId, {
      family,
      referralKovId: referral?.kov_organisation_id ?? null,
      kind: 'adaptation',
      providerOrganisationId: before.provider_organisation_id,
      episodeId: null,
      on: input.switchOn,
    });
    const adaptation = await trx
      .insertInto('family_episodes')
      .values({
        family_id: family.id,
        referral_id: null,
        kind: 'adaptation',
        child_person_id: input.childPersonId,
        provider_organisation_id: before.provider_organisation_id,
        contract_id: contract.id,
        specialist_id: specialist.id,
        status: 'pending',
        starts_on: input.switchOn,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('family_episodes').set({ switched_to_episode_id: adaptation.id }).where('id', '=', ended.id).execute();
    await linkFamilyPeople(trx, family.id, before.provider_organisation_id, specialist.user_id);
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'family_episode', recordId: adaptation.id, personId: input.childPersonId, changes: [{ field: 'kind', old: null, new: 'adaptation' }, { field: 'switched_from', old: null, new: ended.id }] }]);
    await recordEvent(trx, { familyId: family.id, episodeId: adaptation.id, kind: 'switched_to_adaptation', reason: ended.id, actorId: ctx.actor.userId });
    return { ended: { ...ended, switched_to_episode_id: adaptation.id }, adaptation };
  });
}

/**
 * B-CONT (§2.2.1): a larger need noticed in continued support is reported to
 * the KOV, only with the family's agreement (which, for an adoptive family
 * that declined KOV involvement, is its consent for this one report).
 */
export async function sendNeedNotice(deps: AppDeps, ctx: RequestContext, id: string, input: { familyAgreed: boolean; text: string }) {
  if (!input.familyAgreed) throw new AppError(409, 'B_CONT_FAMILY_AGREEMENT_REQUIRED', {}, { rule: 'B-CONT', missing: ['familyAgreed'] });
  return deps.db.transaction().execute(async (trx) => {
    const episode = await lockEpisode(trx, ctx, id, null);
    const family = await familyOf(trx, episode.family_id);
    return sendToKov(trx, ctx, episode, family, { kind: 'need_notice', progress: input.text });
  });
}

/** B-CONT: the family no longer wants continued contact (or wants it again). */
export async function setContinuedSupport(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; continuedSupport: boolean }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockEpisode(trx, ctx, id, input.version);
    if (before.status !== 'ended') throw new AppError(409, 'EPISODE_NOT_ENDED');
    return saveEpisode(trx, ctx, before, { continued_support: input.continuedSupport });
  });
}
