import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../../platform/http/index.js';
import { appendAudit, diffFields } from '../../../platform/audit/audit.js';
import { compareIsoDates, formatDateEt } from '../../../platform/calendar/working-days.js';
import { episodeScope } from '../../../platform/policy/policy.js';
import { COUNSELLING_EXTRA_MAX } from '../service-limits.js';
import type { SessionMode, SessionService } from '../service-tables.js';
import { recordEvent, skaContacts, tell, today, usersOf } from '../shared.js';
import { extrasOfYear, findExtra, findSession, findSessionFamily, type ExtraRow, type SessionRow } from './queries.js';
import { counsellorProblem, mentorQualification, remoteAgreed, ROLE_FOR_SESSION } from './rules.js';
import { familyLimits } from './summary.js';

type Trx = Transaction<DB>;

export interface SessionInput {
  service: SessionService;
  familyId: string;
  episodeId?: string | null | undefined;
  specialistId: string;
  heldOn: string;
  minutes: number;
  mode: SessionMode;
  remoteAgreedOn?: string | null | undefined;
  participants?: string | null | undefined;
  summary?: string | null | undefined;
}

export interface SessionChange {
  version: number;
  specialistId?: string | undefined;
  heldOn?: string | undefined;
  minutes?: number | undefined;
  mode?: SessionMode | undefined;
  remoteAgreedOn?: string | null | undefined;
  participants?: string | null | undefined;
  summary?: string | null | undefined;
}

/** One writer per family at a time, so two sessions (or requests) cannot both take the last place. */
const lockFamily = (trx: Trx, familyId: string) => sql`select 1 from families where id = ${familyId} for update`.execute(trx);

const unprocessable = (code: string, params: Record<string, string | number>, details: Record<string, unknown>) => new AppError(422, code, params, details);

/** A session as the checks see it, new or corrected. */
interface Candidate {
  service: SessionService;
  familyId: string;
  episodeId: string | null;
  providerId: string;
  specialistId: string;
  heldOn: string;
  mode: SessionMode;
  remoteAgreedOn: string | null;
}

/**
 * Every rule a session must meet when it is recorded or corrected: the day,
 * the episode (mentoring), who holds it (§2.8.6, B-MENT-3, §2.5.7), remote
 * by prior agreement (§2.8.11), and the limits counted without the session
 * itself (B-MENT-2, B-PSY-1, B-PSY-2). Refuses with the rule in the code.
 */
async function checkSession(trx: Trx, ctx: RequestContext, c: Candidate, excludeSessionId?: string) {
  if (compareIsoDates(c.heldOn, today()) > 0) throw badRequest('DATE_IN_FUTURE', { fields: [{ path: 'heldOn', message: 'not after today' }] });
  if (c.remoteAgreedOn && c.mode !== 'remote') throw badRequest('SESSION_REMOTE_AGREEMENT_UNEXPECTED', { fields: [{ path: 'remoteAgreedOn', message: 'only for a remote session' }] });

  if (c.service === 'mentoring') {
    if (!c.episodeId) throw badRequest('SESSION_EPISODE_REQUIRED', { fields: [{ path: 'episodeId', message: 'a mentoring session belongs to a mentoring episode' }] });
    const episode = await trx
      .selectFrom('family_episodes')
      .select(['family_episodes.id', 'family_episodes.family_id', 'family_episodes.kind', 'family_episodes.provider_organisation_id', 'family_episodes.status', 'family_episodes.starts_on', 'family_episodes.ends_on'])
      .where('family_episodes.id', '=', c.episodeId)
      .where(episodeScope(ctx.actor))
      .executeTakeFirst();
    if (!episode || episode.family_id !== c.familyId || episode.kind !== 'mentoring' || episode.provider_organisation_id !== c.providerId) {
      throw badRequest('SESSION_EPISODE_INVALID', { fields: [{ path: 'episodeId', message: 'a mentoring episode of this family at this provider' }] });
    }
    if (compareIsoDates(c.heldOn, episode.starts_on) < 0 || (episode.ends_on && compareIsoDates(c.heldOn, episode.ends_on) > 0)) {
      throw unprocessable('SESSION_OUTSIDE_EPISODE', { from: formatDateEt(episode.starts_on), to: episode.ends_on ? formatDateEt(episode.ends_on) : '…' }, { rule: 'B-MENT-1' });
    }
  } else if (c.episodeId) {
    throw badRequest('SESSION_EPISODE_NOT_ALLOWED', { fields: [{ path: 'episodeId', message: 'only mentoring sessions belong to an episode' }] });
  }

  const specialist = await trx.selectFrom('provider_specialists').selectAll().where('id', '=', c.specialistId).executeTakeFirst();
  if (!specialist || specialist.provider_organisation_id !== c.providerId) {
    throw badRequest('SPECIALIST_INVALID_FOR_PROVIDER', { fields: [{ path: 'specialistId', message: 'not a specialist of this provider' }] });
  }
  if (ctx.actor.role === 'provider_specialist' && specialist.user_id !== ctx.actor.userId) throw new AppError(403, 'SESSION_ONLY_AS_SELF');
  if (!specialist.active) throw unprocessable('SPECIALIST_INACTIVE', {}, { specialistId: specialist.id });
  const roles = specialist.roles as string[];

  if (c.service === 'mentoring') {
    const before = await trx
      .selectFrom('family_episodes')
      .select('id')
      .where('family_id', '=', c.familyId)
      .where('specialist_id', '=', specialist.id)
      .where('kind', 'in', ['adaptation', 'needs_based'])
      .where('starts_on', '<=', c.heldOn)
      .executeTakeFirst();
    const qualification = mentorQualification({ roles, skaApprovedOn: specialist.ska_approved_on, supportedFamilyBefore: Boolean(before) }, c.heldOn);
    if (qualification !== 'qualified') throw unprocessable('B_MENT_3_MENTOR_NOT_QUALIFIED', {}, { rule: 'B-MENT-3', clause: '§2.3.6', reason: qualification });
    if (!remoteAgreed(c.mode, c.remoteAgreedOn, c.heldOn)) throw unprocessable('B_MENT_1_REMOTE_NOT_AGREED', {}, { rule: 'B-MENT-1', clause: '§2.8.11' });
  } else {
    const problem = counsellorProblem(c.service, { roles, skaApprovedOn: specialist.ska_approved_on, supportedFamilyBefore: false }, c.heldOn);
    if (problem === 'not_approved') throw unprocessable('SPECIALIST_NOT_APPROVED', {}, { rule: 'B-PSY-3', clause: '§2.8.6', specialistId: specialist.id });
    if (problem === 'role_mismatch') throw unprocessable('B_PSY_3_ROLE_MISMATCH', {}, { rule: 'B-PSY-3', clause: '§2.5.7', role: ROLE_FOR_SESSION[c.service] });
    if (!remoteAgreed(c.mode, c.remoteAgreedOn, c.heldOn)) throw unprocessable('B_PSY_3_REMOTE_NOT_AGREED', {}, { rule: 'B-PSY-3', clause: '§2.8.11' });
  }

  const limits = await familyLimits(trx, c.familyId, c.heldOn, excludeSessionId);
  if (c.service === 'mentoring') {
    const m = limits.mentoring;
    if (m.remaining <= 0) {
      const quarterLimit = m.stage === 'with_child';
      throw unprocessable(
        quarterLimit ? 'B_MENT_2_QUARTER_LIMIT' : 'B_MENT_2_BEFORE_CHILD_LIMIT',
        { limit: m.limit, used: quarterLimit ? m.usedThisQuarter : m.usedTotal, remaining: m.remaining, quarter: m.quarter },
        { rule: 'B-MENT-2', clause: quarterLimit ? '§2.3.3' : '§2.3.4', limits: m },
      );
    }
  } else {
    const p = limits.counselling;
    if (p.remaining <= 0) {
      throw unprocessable(
        p.notAssessed ? 'B_PSY_2_NOT_ASSESSED_LIMIT' : 'B_PSY_1_YEAR_LIMIT',
        { limit: p.limit, used: p.used, remaining: p.remaining, year: p.year },
        { rule: p.notAssessed ? 'B-PSY-2' : 'B-PSY-1', clause: p.notAssessed ? '§2.5.6' : '§2.5.4', limits: p },
      );
    }
  }
  return specialist;
}

const SESSION_FIELDS = ['service', 'family_id', 'episode_id', 'specialist_id', 'held_on', 'minutes', 'mode', 'remote_agreed_on', 'participants', 'summary', 'status'] as const;

/** Record a held mentoring, counselling or supervision session (one transaction, audited, on the family timeline). */
export async function recordSession(deps: AppDeps, ctx: RequestContext, input: SessionInput) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await findSessionFamily(trx, ctx.actor, input.familyId);
    if (!family) throw notFound();
    await lockFamily(trx, family.id);
    const candidate: Candidate = {
      service: input.service,
      familyId: family.id,
      episodeId: input.episodeId ?? null,
      providerId: ctx.actor.organisationId,
      specialistId: input.specialistId,
      heldOn: input.heldOn,
      mode: input.mode,
      remoteAgreedOn: input.remoteAgreedOn ?? null,
    };
    await checkSession(trx, ctx, candidate);
    const row = await trx
      .insertInto('service_sessions')
      .values({
        service: input.service,
        family_id: family.id,
        episode_id: candidate.episodeId,
        provider_organisation_id: candidate.providerId,
        specialist_id: input.specialistId,
        held_on: input.heldOn,
        minutes: input.minutes,
        mode: input.mode,
        remote_agreed_on: candidate.remoteAgreedOn,
        participants: input.participants ?? null,
        summary: input.summary ?? null,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'service_session', recordId: row.id, changes: diffFields({}, row, SESSION_FIELDS) }]);
    await recordEvent(trx, { familyId: family.id, episodeId: row.episode_id, kind: `session_${row.service}`, to: row.held_on, actorId: ctx.actor.userId });
    return row;
  });
}

async function lockSession(trx: Trx, ctx: RequestContext, id: string, version: number): Promise<SessionRow> {
  const found = await findSession(trx, ctx.actor, id, 'update');
  if (!found) throw notFound();
  await lockFamily(trx, found.family_id);
  await sql`select 1 from service_sessions where id = ${id} for update`.execute(trx);
  const current = (await findSession(trx, ctx.actor, id, 'update'))!;
  if (current.version !== version) throw versionConflict(current.version);
  if (current.status === 'cancelled') throw new AppError(409, 'SESSION_CANCELLED');
  return current;
}

/** Correct a session (X-CONC): every rule is checked again, the limits without the session itself. */
export async function correctSession(deps: AppDeps, ctx: RequestContext, id: string, input: SessionChange) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockSession(trx, ctx, id, input.version);
    const mode = input.mode ?? before.mode;
    const remoteAgreedOn = input.remoteAgreedOn !== undefined ? input.remoteAgreedOn : mode === 'in_person' ? null : before.remote_agreed_on;
    const values = {
      specialist_id: input.specialistId ?? before.specialist_id,
      held_on: input.heldOn ?? before.held_on,
      minutes: input.minutes ?? before.minutes,
      mode,
      remote_agreed_on: remoteAgreedOn,
      participants: input.participants !== undefined ? input.participants : before.participants,
      summary: input.summary !== undefined ? input.summary : before.summary,
    };
    await checkSession(
      trx,
      ctx,
      { service: before.service, familyId: before.family_id, episodeId: before.episode_id, providerId: before.provider_organisation_id, specialistId: values.specialist_id, heldOn: values.held_on, mode, remoteAgreedOn },
      before.id,
    );
    const changes = diffFields(before, values, Object.keys(values));
    const saved = await trx.updateTable('service_sessions').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'service_session', recordId: id, changes }]);
    return saved;
  });
}

/** Cancel a session recorded by mistake or not held (with the reason, on the timeline and in the audit log); it stops counting. */
export async function cancelSession(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; reason: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockSession(trx, ctx, id, input.version);
    const saved = await trx.updateTable('service_sessions').set({ status: 'cancelled', version: before.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [
      {
        action: 'update',
        recordType: 'service_session',
        recordId: id,
        changes: [
          { field: 'status', old: before.status, new: 'cancelled' },
          { field: 'cancel_reason', old: null, new: input.reason },
        ],
      },
    ]);
    await recordEvent(trx, { familyId: before.family_id, episodeId: before.episode_id, kind: `session_${before.service}_cancelled`, from: before.held_on, to: 'cancelled', reason: input.reason, actorId: ctx.actor.userId });
    return saved;
  });
}

// --- Extra sessions (B-PSY-1) ----------------------------------------------------------

const capError = (rest: number, year: number) => new AppError(422, 'B_PSY_1_EXTRA_CAP', { rest, year, max: COUNSELLING_EXTRA_MAX }, { rule: 'B-PSY-1', clause: '§2.5.4', rest });

/** The specialist's justification for up to 5 more counselling or supervision sessions in a year; SKA contacts are told. */
export async function requestExtra(deps: AppDeps, ctx: RequestContext, input: { familyId: string; year: number; requestedSessions: number; justification: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await findSessionFamily(trx, ctx.actor, input.familyId);
    if (!family) throw notFound();
    await lockFamily(trx, family.id);
    const thisYear = Number(today().slice(0, 4));
    if (input.year < thisYear - 1 || input.year > thisYear + 1) throw badRequest('EXTRA_YEAR_INVALID', { fields: [{ path: 'year', message: `${thisYear - 1}–${thisYear + 1}` }] });
    const extras = await extrasOfYear(trx, family.id, input.year);
    const rest = Math.max(0, COUNSELLING_EXTRA_MAX - extras.approved - extras.pendingSessions);
    if (input.requestedSessions > rest) throw capError(rest, input.year);
    const row = await trx
      .insertInto('counselling_extra_requests')
      .values({
        family_id: family.id,
        provider_organisation_id: ctx.actor.organisationId,
        year: input.year,
        requested_sessions: input.requestedSessions,
        justification: input.justification,
        requested_by: ctx.actor.userId,
        requested_on: today(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'counselling_extra_request', recordId: row.id, changes: diffFields({}, row, ['family_id', 'year', 'requested_sessions', 'justification', 'status']) }]);
    await recordEvent(trx, { familyId: family.id, kind: 'counselling_extra_requested', to: String(row.requested_sessions), reason: input.justification, actorId: ctx.actor.userId });
    await tell(trx, await skaContacts(trx), {
      kind: 'approval_request',
      titleKey: 'sessions.notifications.extraRequested',
      params: { reference: family.reference, sessions: String(row.requested_sessions), year: String(row.year) },
      link: `/families/counselling-extras?status=requested`,
      mailCode: 'MAIL_COUNSELLING_EXTRA_REQUESTED',
      dedupe: `counselling-extra-${row.id}`,
    });
    return row;
  });
}

/** SKA's written decision: approve up to the requested number (and the year's cap of 5), or reject with a reason; the provider is told. */
export async function decideExtra(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; approved: boolean; approvedSessions?: number | undefined; reason?: string | null | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const found = await findExtra(trx, ctx.actor, id, 'approve');
    if (!found) throw notFound();
    await lockFamily(trx, found.family_id);
    await sql`select 1 from counselling_extra_requests where id = ${id} for update`.execute(trx);
    const before = (await findExtra(trx, ctx.actor, id, 'approve')) as ExtraRow;
    if (before.version !== input.version) throw versionConflict(before.version);
    if (before.status !== 'requested') throw new AppError(409, 'EXTRA_REQUEST_DECIDED', {}, { status: before.status });
    const reason = input.reason?.trim() || null;
    let approvedSessions: number | null = null;
    if (input.approved) {
      approvedSessions = input.approvedSessions ?? before.requested_sessions;
      if (approvedSessions > before.requested_sessions) throw badRequest('EXTRA_MORE_THAN_REQUESTED', { fields: [{ path: 'approvedSessions', message: `at most ${before.requested_sessions}` }] }, { requested: before.requested_sessions });
      const extras = await extrasOfYear(trx, before.family_id, before.year, before.id);
      const rest = Math.max(0, COUNSELLING_EXTRA_MAX - extras.approved);
      if (approvedSessions > rest) throw capError(rest, before.year);
    } else if (!reason) {
      throw unprocessable('EXTRA_REJECTION_REASON_REQUIRED', {}, { rule: 'B-PSY-1' });
    }
    const values = { status: input.approved ? ('approved' as const) : ('rejected' as const), approved_sessions: approvedSessions, decision_reason: reason, decided_by: ctx.actor.userId, decided_on: today() };
    const saved = await trx.updateTable('counselling_extra_requests').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'counselling_extra_request', recordId: id, changes: diffFields(before, values, ['status', 'approved_sessions', 'decision_reason', 'decided_on']) }]);
    await recordEvent(trx, { familyId: before.family_id, kind: `counselling_extra_${values.status}`, from: 'requested', to: values.status, reason, actorId: ctx.actor.userId });
    const requester = await trx.selectFrom('users').select(['id', 'locale']).where('id', '=', before.requested_by).where('active', '=', true).execute();
    const admins = await usersOf(trx, before.provider_organisation_id, ['provider_admin']);
    const recipients = [...new Map([...admins, ...requester].map((u) => [u.id, u])).values()];
    await tell(trx, recipients, {
      kind: 'decision',
      titleKey: input.approved ? 'sessions.notifications.extraApproved' : 'sessions.notifications.extraRejected',
      params: { reference: before.family_reference, sessions: String(approvedSessions ?? 0), year: String(before.year) },
      link: `/families/counselling-extras`,
      mailCode: input.approved ? 'MAIL_COUNSELLING_EXTRA_APPROVED' : 'MAIL_COUNSELLING_EXTRA_REJECTED',
      dedupe: `counselling-extra-decision-${id}`,
    });
    return saved;
  });
}
