import { sql, type Transaction } from 'kysely';
import type { DB, Locale } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { formatDateEt, todayInTallinn } from '../../platform/calendar/working-days.js';
import { notify } from '../../platform/notify/notifications.js';
import { translate } from '../../platform/i18n/messages.js';
import { linkToOrganisation, registerPerson, type PersonInput } from '../people/service.js';
import { normaliseName, searchNameOf } from '../people/rules.js';
import { defaultSpecialist } from './assignment.js';
import { isActiveSkaSpecialist } from '../admin/users-queries.js';
import { COLUMN_OF, fieldProblems, type CaseChanges, type CaseField } from './fields.js';
import { findCase, riskAssessmentsOf, type CaseRecord } from './queries.js';
import { transitionInput } from './transition-input.js';
import { caseReference, checkRvAge, checkTransition, firstContactDue, klatOpinionDue, reassessmentAllowed, earliestReassessment, WORKFLOWS } from './rules.js';
import type { CaseType, InternationalSubtype, RiskLevel } from './tables.js';
import { lockRecord } from '../../platform/db/record-lock.js';

export interface ApplicationInput {
  type: CaseType;
  internationalSubtype?: InternationalSubtype | undefined;
  child: PersonInput;
  childResidence?: string | null | undefined;
  question: string;
  starReference?: string | null | undefined;
  courtDate?: string | null | undefined;
  language?: Locale | undefined;
  rvAgeNote?: string | null | undefined;
  rvConsentOver18?: boolean | undefined;
}

const today = () => todayInTallinn(new Date());

/**
 * A KOV worker files an application for their own municipality: the child is
 * registered (or linked), the case assigned per A-ASSIGN, and receipt confirmed
 * in-app and by e-mail, all in one transaction.
 */
export async function fileApplication(deps: AppDeps, ctx: RequestContext, input: ApplicationInput, linkedCaseId: string | null = null): Promise<CaseRecord> {
  if (input.type === 'international' && !input.internationalSubtype) {
    throw badRequest('SUBTYPE_REQUIRED', { fields: [{ path: 'internationalSubtype', message: translate(ctx.locale, 'SUBTYPE_REQUIRED') }] });
  }
  const receivedOn = today();
  return deps.db.transaction().execute(async (trx) => {
    const { id: childId } = await registerPerson(trx, ctx, input.child, 'case');
    const child = await trx.selectFrom('people').select(['birth_date', 'first_name', 'last_name']).where('id', '=', childId).executeTakeFirstOrThrow();
    if (input.type === 'rv') {
      const problem = checkRvAge(child.birth_date, receivedOn, input.rvAgeNote ?? null, input.rvConsentOver18 ?? false);
      if (problem) throw badRequest(problem, { fields: [{ path: problem === 'RV_TOO_YOUNG_WITHOUT_NOTE' ? 'rvAgeNote' : 'rvConsentOver18', message: translate(ctx.locale, problem) }] });
    }
    const specialistId = await defaultSpecialist(trx, input.type, ctx.actor.organisationId);
    const { rows } = await sql<{ n: number }>`select nextval('case_reference_seq')::int8 as n`.execute(trx);
    const reference = caseReference(input.type, receivedOn, Number(rows[0]!.n));
    const created = await trx
      .insertInto('cases')
      .values({
        reference,
        type: input.type,
        international_subtype: input.type === 'international' ? (input.internationalSubtype ?? null) : null,
        status: WORKFLOWS[input.type].initial,
        language: input.language ?? 'et',
        child_person_id: childId,
        child_residence: input.childResidence ?? null,
        kov_organisation_id: ctx.actor.organisationId,
        kov_worker_id: ctx.actor.userId,
        assigned_specialist_id: specialistId,
        question: input.question,
        star_reference: input.starReference ?? null,
        received_on: receivedOn,
        first_contact_due: input.type === 'domestic' ? firstContactDue(receivedOn) : null,
        court_date: input.type === 'klat_opinion' ? (input.courtDate ?? null) : null,
        opinion_due: input.type === 'klat_opinion' ? klatOpinionDue(receivedOn, input.courtDate ?? null) : null,
        rv_age_note: input.type === 'rv' ? (input.rvAgeNote ?? null) : null,
        rv_consent_over_18: input.type === 'rv' ? (input.rvConsentOver18 ?? false) : false,
        linked_case_id: linkedCaseId,
        search_text: `${searchNameOf(child.first_name, child.last_name)} ${normaliseName(reference)}`,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ska = await trx.selectFrom('organisations').select('id').where('kind', '=', 'ska').orderBy('created_at').executeTakeFirst();
    if (ska) await linkToOrganisation(trx, childId, ska.id, 'case');
    await trx.insertInto('case_events').values({ case_id: created.id, kind: 'received', to_status: created.status, to_user_id: specialistId, actor_id: ctx.actor.userId }).execute();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'case', recordId: created.id, personId: childId, changes: [{ field: 'status', old: null, new: created.status }, { field: 'type', old: null, new: created.type }] }]);
    await confirmReceipt(trx, created, ctx.actor.userId);
    if (specialistId) await notifyAssignment(trx, created, specialistId);
    return created;
  });
}

async function recipientLocale(trx: Transaction<DB>, userId: string): Promise<Locale> {
  const user = await trx.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return user?.locale ?? 'et';
}

async function confirmReceipt(trx: Transaction<DB>, c: CaseRecord, userId: string) {
  const locale = await recipientLocale(trx, userId);
  const params = { reference: c.reference };
  await notify(trx, {
    userId,
    kind: 'receipt',
    titleKey: 'notifications.caseReceived',
    params,
    link: `/cases/${c.id}`,
    mail: { subject: translate(locale, 'MAIL_CASE_RECEIVED_SUBJECT', params), bodyText: translate(locale, 'MAIL_CASE_RECEIVED_BODY', params), dedupeKey: `case-received-${c.id}` },
  });
}

async function notifyAssignment(trx: Transaction<DB>, c: CaseRecord, specialistId: string) {
  const locale = await recipientLocale(trx, specialistId);
  const params = { reference: c.reference };
  await notify(trx, {
    userId: specialistId,
    kind: 'assignment',
    titleKey: 'notifications.caseAssigned',
    params,
    link: `/cases/${c.id}`,
    mail: { subject: translate(locale, 'MAIL_CASE_ASSIGNED_SUBJECT', params), bodyText: translate(locale, 'MAIL_CASE_ASSIGNED_BODY', params), dedupeKey: `case-assigned-${c.id}-${specialistId}-${Date.now()}` },
  });
}

/** Locks the case for a write within the user's scope, checking the version (X-CONC). */
function lockCase(trx: Transaction<DB>, ctx: RequestContext, id: string, version: number, action: 'update' | 'assign' = 'update'): Promise<CaseRecord> {
  return lockRecord(trx, 'cases', id, () => findCase(trx, ctx.actor, id, action), version);
}

function findCaseForUpdate(trx: Transaction<DB>, ctx: RequestContext, id: string, action: 'update' | 'assign' | 'read') {
  return lockRecord(trx, 'cases', id, () => findCase(trx, ctx.actor, id, action), null);
}

async function save(trx: Transaction<DB>, ctx: RequestContext, before: CaseRecord, values: Record<string, unknown>): Promise<CaseRecord> {
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const changes = diffFields(before, set, Object.keys(set));
  const stored = { ...set, ...(set.assessments ? { assessments: JSON.stringify(set.assessments) } : {}) };
  const updated = await trx
    .updateTable('cases')
    .set({ ...stored, version: before.version + 1, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'case', recordId: before.id, personId: before.child_person_id, changes }]);
  return updated;
}

/** Edits fields, each by the side that owns it (fields.ts); court date moves the KLAT deadline. */
export async function updateCase(deps: AppDeps, ctx: RequestContext, id: string, version: number, changes: CaseChanges): Promise<CaseRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockCase(trx, ctx, id, version);
    const { notAllowed, notApplicable } = fieldProblems(ctx.actor.role, before.type, before.status, changes);
    if (notAllowed.length) throw new AppError(403, 'CASE_FIELD_NOT_ALLOWED', { fields: notAllowed.join(', ') }, { fields: notAllowed });
    if (notApplicable.length) throw badRequest('CASE_FIELD_NOT_APPLICABLE', { fields: notApplicable }, { fields: notApplicable.join(', ') });
    const values: Record<string, unknown> = {};
    for (const field of Object.keys(changes) as CaseField[]) {
      if (changes[field] !== undefined) values[COLUMN_OF[field]] = changes[field];
    }
    if (changes.assessments) values.assessments = { ...before.assessments, ...changes.assessments };
    if (changes.courtDate !== undefined) values.opinion_due = klatOpinionDue(before.received_on, changes.courtDate ?? null);
    if (before.type === 'rv' && (changes.rvAgeNote !== undefined || changes.rvConsentOver18 !== undefined)) {
      const child = await trx.selectFrom('people').select('birth_date').where('id', '=', before.child_person_id).executeTakeFirstOrThrow();
      const problem = checkRvAge(child.birth_date, before.received_on, (changes.rvAgeNote ?? before.rv_age_note) || null, changes.rvConsentOver18 ?? before.rv_consent_over_18);
      if (problem) throw badRequest(problem);
    }
    const saved = await save(trx, ctx, before, values);
    if (changes.kovFeedback) await trx.insertInto('case_events').values({ case_id: id, kind: 'feedback', actor_id: ctx.actor.userId }).execute();
    return saved;
  });
}

/** Moves a case along its workflow; a refused move answers 409 naming what is missing. */
export async function transitionCase(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; to: string; reason?: string | null | undefined }): Promise<CaseRecord> {
  if (ctx.actor.role !== 'ska_specialist') throw new AppError(403, 'FORBIDDEN');
  const on = today();
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockCase(trx, ctx, id, input.version);
    const risks = await riskAssessmentsOf(trx, id);
    const check = checkTransition(transitionInput(before, risks, input.reason ?? null), input.to, on);
    if (!check.ok) {
      const params = Object.fromEntries(Object.entries(check.params ?? {}).map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateEt(v) : v]));
      throw new AppError(409, check.problem, params, { missing: check.missing, ...check.params });
    }
    const values: Record<string, unknown> = { status: input.to, ...sideEffects(before, input.to, on, input.reason ?? null) };
    const saved = await save(trx, ctx, before, values);
    await trx
      .insertInto('case_events')
      .values({ case_id: id, kind: input.to === 'opinion_issued' ? 'opinion_issued' : 'status_changed', from_status: before.status, to_status: input.to, reason: input.reason ?? null, actor_id: ctx.actor.userId })
      .execute();
    if (saved.status === 'closed' || saved.status === 'opinion_issued') {
      await notify(trx, { userId: saved.kov_worker_id, kind: 'closed', titleKey: saved.status === 'closed' ? 'notifications.caseClosed' : 'notifications.opinionIssued', params: { reference: saved.reference }, link: `/cases/${id}` });
    }
    return saved;
  });
}

function sideEffects(before: CaseRecord, to: string, on: string, reason: string | null): Record<string, unknown> {
  if (to === 'closed') return { closed_on: on, ...(before.type === 'rv' && reason ? { rv_early_close_reason: reason } : {}) };
  if (to === 'opinion_issued') return { opinion_issued_on: on };
  if (before.type === 'rv' && to === 'active') return { rv_active_started_on: on };
  if (before.type === 'rv' && to === 'follow_up') return { rv_follow_up_started_on: on, ...(reason ? { rv_early_close_reason: reason } : {}) };
  return {};
}

/** The manager hands a case to another chief specialist, with a reason (A-ASSIGN). */
export async function reassignCase(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; specialistId: string; reason: string }): Promise<CaseRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockCase(trx, ctx, id, input.version, 'assign');
    if (before.status === 'closed' || before.status === 'opinion_issued') throw new AppError(409, 'CASE_FINISHED');
    if (!(await isActiveSkaSpecialist(trx, input.specialistId))) throw badRequest('SPECIALIST_INVALID');
    const saved = await save(trx, ctx, before, { assigned_specialist_id: input.specialistId });
    await trx
      .insertInto('case_events')
      .values({ case_id: id, kind: 'reassigned', from_user_id: before.assigned_specialist_id, to_user_id: input.specialistId, reason: input.reason, actor_id: ctx.actor.userId })
      .execute();
    await notifyAssignment(trx, saved, input.specialistId);
    return saved;
  });
}

export interface ActivityInput {
  kind: string;
  occurredOn: string;
  participants?: string | null | undefined;
  notes?: string | null | undefined;
  country?: string | null | undefined;
  authority?: string | null | undefined;
  foreignReference?: string | null | undefined;
}

/** Records an activity on the timeline; both the KOV and SKA add theirs. */
export async function addActivity(deps: AppDeps, ctx: RequestContext, id: string, input: ActivityInput) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await findCaseForUpdate(trx, ctx, id, 'update');
    if (c.status === 'closed') throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { from: c.status, to: c.status });
    const row = await trx
      .insertInto('case_activities')
      .values({
        case_id: id,
        kind: input.kind,
        occurred_on: input.occurredOn,
        participants: input.participants ?? null,
        notes: input.notes ?? null,
        country: input.country ?? null,
        authority: input.authority ?? null,
        foreign_reference: input.foreignReference ?? null,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'case_activity', recordId: row.id, personId: c.child_person_id, changes: [{ field: 'kind', old: null, new: input.kind }] }]);
    return row;
  });
}

/** A-RV: a PACT risk assessment, no earlier than 6 months after the previous one. */
export async function addRiskAssessment(deps: AppDeps, ctx: RequestContext, id: string, input: { assessedOn: string; level: RiskLevel; notes?: string | null | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const c = await findCaseForUpdate(trx, ctx, id, 'update');
    if (c.type !== 'rv' || c.status === 'closed') throw badRequest('CASE_FIELD_NOT_APPLICABLE', { fields: ['riskAssessments'] }, { fields: 'riskAssessments' });
    const previous = (await riskAssessmentsOf(trx, id)).map((r) => r.assessed_on);
    if (!reassessmentAllowed(previous, input.assessedOn)) {
      throw new AppError(409, 'RV_REASSESSMENT_TOO_EARLY', { earliest: formatDateEt(earliestReassessment(previous)!) }, { missing: ['assessedOn'], earliest: earliestReassessment(previous) });
    }
    const row = await trx
      .insertInto('case_risk_assessments')
      .values({ case_id: id, assessed_on: input.assessedOn, level: input.level, notes: input.notes ?? null, created_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'case_risk_assessment', recordId: row.id, personId: c.child_person_id, changes: [{ field: 'level', old: null, new: input.level }] }]);
    return row;
  });
}

/** A-KLAT: the application includes the consultation service; the KOV opens the linked domestic case. */
export async function openLinkedDomestic(deps: AppDeps, ctx: RequestContext, id: string): Promise<CaseRecord> {
  const klat = await deps.db.transaction().execute(async (trx) => {
    const c = await findCaseForUpdate(trx, ctx, id, 'read');
    if (c.type !== 'klat_opinion') throw badRequest('NOT_A_KLAT_CASE');
    const linked = await trx.selectFrom('cases').select('id').where('linked_case_id', '=', id).executeTakeFirst();
    if (linked) throw new AppError(409, 'LINKED_CASE_EXISTS', {}, { caseId: linked.id });
    return c;
  });
  const child = await deps.db.selectFrom('people').select(['personal_code', 'first_name', 'last_name', 'birth_date']).where('id', '=', klat.child_person_id).executeTakeFirstOrThrow();
  return fileApplication(
    deps,
    ctx,
    {
      type: 'domestic',
      child: { personalCode: child.personal_code, firstName: child.first_name, lastName: child.last_name, birthDate: child.personal_code ? null : child.birth_date },
      childResidence: klat.child_residence,
      question: klat.question,
      starReference: klat.star_reference,
      language: klat.language,
    },
    id,
  );
}
