import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { RequestContext } from '../../platform/http/index.js';
import { AppError, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { compareIsoDates, todayInTallinn } from '../../platform/calendar/working-days.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { notify } from '../../platform/notify/notifications.js';
import { translate } from '../../platform/i18n/messages.js';
import type { SignedContainer } from '../../platform/documents/signed-container.js';
import type { ValidationResult } from '../../platform/documents/signature-validator.js';
import { can } from '../../platform/policy/policy.js';
import type { GrantMeasure } from '../programme/tables.js';
import { conditionsFor, MEASURES } from './measures.js';
import { findApplication, findRound, linesOf, type ApplicationRow } from './queries.js';
import { contractLapsed, contractStartProblems, decisionDueOn, evaluateBudget, projectPeriod, rankApplications, RANKED, roundProblems, roundState, signDueOn, submissionProblems, type BudgetLineInput, type RuleProblem } from './rules.js';
import type { ApplicationStatus, GrantFileKind, PerepesaActivity } from './tables.js';
import { messageParams } from './views.js';
import { lockRecord } from '../../platform/db/record-lock.js';

export const today = () => todayInTallinn(new Date());

type Trx = Transaction<DB>;

/** A rule problem as an error: 422 with the first problem's code and every problem in the details. */
export function ruleError(problems: RuleProblem[], locale: RequestContext['locale'], status = 422): AppError {
  const first = problems[0]!;
  return new AppError(status, first.code, messageParams(first.params ?? {}, locale), { problems: problems.map((p) => ({ ...p, message: translate(locale, p.code, messageParams(p.params ?? {}, locale)) })) });
}

export async function recordEvent(trx: Trx, e: { applicationId: string; kind: string; from?: ApplicationStatus | null; to?: ApplicationStatus | null; note?: string | null; actorId: string | null }) {
  await trx.insertInto('grant_application_events').values({ application_id: e.applicationId, kind: e.kind, from_status: e.from ?? null, to_status: e.to ?? null, note: e.note ?? null, actor_id: e.actorId }).execute();
}

// --- D-GRANT-1: rounds ------------------------------------------------------------------------

export interface RoundInput {
  measure: GrantMeasure;
  title: string;
  budgetCents: number;
  announcedOn: string;
  opensOn: string;
  closesOn: string | null;
  maxPerApplicationCents: number | null;
  placesPerCategory: number;
  notes: string | null;
}

const ROUND_FIELDS = ['title', 'budget_cents', 'announced_on', 'opens_on', 'closes_on', 'max_per_application_cents', 'places_per_category', 'notes'] as const;

export async function createRound(db: Kysely<DB>, ctx: RequestContext, input: RoundInput) {
  const measure = MEASURES[input.measure];
  const problems = roundProblems({ measure, announcedOn: input.announcedOn, opensOn: input.opensOn, closesOn: input.closesOn });
  if (problems.length) throw ruleError(problems, ctx.locale);
  return db.transaction().execute(async (trx) => {
    const year = input.opensOn.slice(0, 4);
    // Rounds are few and made by a handful of officers: the next number of the measure and year.
    // Numbered one at a time (a lock per prefix until commit): two rounds created together both counted
    // the same rounds and the second failed on the unique reference with a 500 (found by the crash suite).
    const prefix = `${measure.prefix}-${year}-`;
    await sql`select pg_advisory_xact_lock(hashtext(${`grant_round:${prefix}`}))`.execute(trx);
    const taken = await trx.selectFrom('grant_rounds').select(sql<number>`count(*)::int`.as('n')).where('reference', 'like', `${prefix}%`).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('grant_rounds')
      .values({
        reference: `${prefix}${taken.n + 1}`, measure: input.measure, title: input.title, budget_cents: input.budgetCents, announced_on: input.announcedOn, opens_on: input.opensOn,
        closes_on: input.closesOn, max_per_application_cents: input.maxPerApplicationCents, places_per_category: input.placesPerCategory, notes: input.notes, created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'grant_round', recordId: row.id, changes: diffFields({}, row, ['reference', 'measure', ...ROUND_FIELDS]) }]);
    return row;
  });
}

export async function updateRound(db: Kysely<DB>, ctx: RequestContext, id: string, input: Omit<RoundInput, 'measure'> & { version: number }) {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, 'grant_rounds', id, () => findRound(trx, ctx.actor, id, today(), 'update'), input.version);
    const problems = roundProblems({ measure: MEASURES[before.measure], announcedOn: input.announcedOn, opensOn: input.opensOn, closesOn: input.closesOn });
    if (problems.length) throw ruleError(problems, ctx.locale);
    const after = await trx
      .updateTable('grant_rounds')
      .set({
        title: input.title, budget_cents: input.budgetCents, announced_on: input.announcedOn, opens_on: input.opensOn, closes_on: input.closesOn,
        max_per_application_cents: input.maxPerApplicationCents, places_per_category: input.placesPerCategory, notes: input.notes, version: before.version + 1, updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_round', recordId: id, changes: diffFields(before, after, ROUND_FIELDS) }]);
    return after;
  });
}

// --- D-GRANT-2: applications --------------------------------------------------------------------

/** A KOV starts its application (one per round) in a round that is announced or open. */
export async function createApplication(db: Kysely<DB>, ctx: RequestContext, roundId: string) {
  if (!can(ctx.actor, 'grant_application', 'create')) throw new AppError(403, 'FORBIDDEN');
  return db.transaction().execute(async (trx) => {
    const on = today();
    // Locked: applications of a round are numbered one after another.
    const round = await trx.selectFrom('grant_rounds').selectAll().where('id', '=', roundId).where('announced_on', '<=', on).forUpdate().executeTakeFirst();
    if (!round) throw notFound();
    if (roundState({ announcedOn: round.announced_on, opensOn: round.opens_on, closesOn: round.closes_on }, on) === 'closed') throw new AppError(409, 'D_GRANT_2_ROUND_CLOSED', { closesOn: round.closes_on ?? '' });
    const existing = await trx.selectFrom('grant_applications').select('id').where('round_id', '=', roundId).where('kov_organisation_id', '=', ctx.actor.organisationId).executeTakeFirst();
    if (existing) throw new AppError(409, 'D_GRANT_2_ONE_PER_ROUND', {}, { id: existing.id });
    const count = await trx.selectFrom('grant_applications').select(sql<number>`count(*)::int`.as('n')).where('round_id', '=', roundId).executeTakeFirstOrThrow();
    const user = await trx.selectFrom('users').select(['name', 'email']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('grant_applications')
      .values({ reference: `${round.reference}-${String(count.n + 1).padStart(3, '0')}`, round_id: roundId, kov_organisation_id: ctx.actor.organisationId, contact_name: user.name, contact_email: user.email, created_by: ctx.actor.userId })
      .returning(['id', 'reference'])
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { applicationId: row.id, kind: 'created', to: 'draft', actorId: ctx.actor.userId });
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'grant_application', recordId: row.id, changes: [{ field: 'reference', old: null, new: row.reference }, { field: 'round', old: null, new: round.reference }] }]);
    return row;
  });
}

export interface ApplicationInput {
  version: number;
  contactName: string;
  contactEmail: string;
  activity: PerepesaActivity | null;
  plannedStart: string | null;
  summary: string;
  explanation: string;
  sustainability: string;
  lines: BudgetLineInput[];
}

const APPLICATION_FIELDS = ['contact_name', 'contact_email', 'activity', 'planned_start', 'summary', 'explanation', 'sustainability', 'requested_cents'] as const;

/** A draft is saved as it stands (limits are shown, not enforced, until it is submitted); its lines are replaced. */
export async function saveApplication(db: Kysely<DB>, ctx: RequestContext, id: string, input: ApplicationInput) {
  return db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, ctx, id, input.version);
    const measure = MEASURES[before.measure];
    if (input.activity && !measure.activities?.includes(input.activity)) throw new AppError(400, 'D_PESA_ACTIVITY_UNKNOWN');
    const round = await trx.selectFrom('grant_rounds').select('max_per_application_cents').where('id', '=', before.round_id).executeTakeFirstOrThrow();
    const evaluation = evaluateBudget(measure, { activity: input.activity, lines: input.lines, maxPerApplicationCents: round.max_per_application_cents, plannedStart: input.plannedStart });
    const beforeLines = await linesOf(trx, id);
    await trx.deleteFrom('grant_budget_lines').where('application_id', '=', id).execute();
    if (evaluation.lines.length) {
      await trx
        .insertInto('grant_budget_lines')
        .values(evaluation.lines.map((l, i) => ({
          application_id: id, position: i + 1, cost_type: l.costType, project_year: l.projectYear, description: l.description, fte_percent: l.ftePercent, months: l.months,
          gross_monthly_cents: l.grossMonthlyCents, employer_monthly_cents: l.employerMonthlyCents, amount_cents: l.amountCents,
        })))
        .execute();
    }
    const after = await trx
      .updateTable('grant_applications')
      .set({
        contact_name: input.contactName, contact_email: input.contactEmail, activity: input.activity, planned_start: input.plannedStart, summary: input.summary,
        explanation: input.explanation, sustainability: input.sustainability, requested_cents: evaluation.totals.totalCents, version: before.version + 1, updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = diffFields(before, after, APPLICATION_FIELDS);
    const lineSummary = (ls: { cost_type?: string; costType?: string; project_year?: number; projectYear?: number; amount_cents?: number; amountCents?: number }[]) =>
      ls.map((l) => `${l.cost_type ?? l.costType}/${l.project_year ?? l.projectYear}/${l.amount_cents ?? l.amountCents}`);
    if (JSON.stringify(lineSummary(beforeLines)) !== JSON.stringify(lineSummary(evaluation.lines))) changes.push({ field: 'budget_lines', old: lineSummary(beforeLines), new: lineSummary(evaluation.lines) });
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes }]);
    return after;
  });
}

/**
 * The application as the actor may see it for `action`, locked for the write (404 outside the
 * scope), read again under the lock and at the expected version when one is given.
 */
async function lockApplication(trx: Trx, ctx: RequestContext, id: string, action: 'update' | 'approve', version: number | null) {
  if (!(await findApplication(trx, ctx.actor, id, action))) throw notFound();
  await trx.selectFrom('grant_applications').select('id').where('id', '=', id).forUpdate().execute();
  const fresh = (await findApplication(trx, ctx.actor, id, action))!;
  if (version !== null && fresh.version !== version) throw versionConflict(fresh.version);
  return fresh;
}

/** The KOV's own draft, locked for the write, at the expected version. */
async function lockDraft(trx: Trx, ctx: RequestContext, id: string, version: number | null) {
  const fresh = await lockApplication(trx, ctx, id, 'update', version);
  if (fresh.status !== 'draft') throw new AppError(409, 'D_GRANT_2_ALREADY_SUBMITTED');
  return fresh;
}

export interface UploadedFile {
  kind: GrantFileKind;
  conditionKey: string | null;
  filename: string;
  bytes: Buffer;
  container: SignedContainer | null;
  validation: ValidationResult | null;
}

/** Evidence of a condition or the digitally signed application (ASiC-E/BDOC, signers read from it), to a draft. */
export async function addApplicationFile(db: Kysely<DB>, ctx: RequestContext, id: string, file: UploadedFile) {
  return db.transaction().execute(async (trx) => {
    const app = await lockDraft(trx, ctx, id, null);
    if (file.kind === 'evidence') {
      const keys = conditionsFor(MEASURES[app.measure], app.activity).filter((c) => c.evidence).map((c) => c.key);
      if (!file.conditionKey || !keys.includes(file.conditionKey)) throw new AppError(400, 'D_GRANT_2_CONDITION_UNKNOWN', {}, { conditions: keys });
    }
    const row = await insertFile(trx, ctx, id, file);
    await recordEvent(trx, { applicationId: id, kind: file.kind === 'signed_application' ? 'signed_application_added' : 'evidence_added', note: file.filename, actorId: ctx.actor.userId });
    return row;
  });
}

export async function insertFile(trx: Trx, ctx: RequestContext, applicationId: string, file: UploadedFile) {
  const row = await trx
    .insertInto('grant_application_files')
    .values({
      application_id: applicationId, kind: file.kind, condition_key: file.conditionKey, filename: file.filename,
      content_type: file.container ? 'application/vnd.etsi.asic-e+zip' : 'application/octet-stream', size: file.bytes.length, content: file.bytes,
      signers: file.container ? JSON.stringify(file.container.signatures) : null, validation: file.validation ? JSON.stringify(file.validation) : null, uploaded_by: ctx.actor.userId,
    })
    .returning(['id', 'kind', 'condition_key', 'filename', 'size', 'signers', 'validation'])
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx, [{ action: 'create', recordType: 'grant_application_file', recordId: row.id, changes: [{ field: 'application', old: null, new: applicationId }, { field: 'kind', old: null, new: file.kind }, { field: 'filename', old: null, new: file.filename }] }]);
  return row;
}

/** A file of a draft is removed (a wrong upload); submitted applications keep theirs. */
export async function removeApplicationFile(db: Kysely<DB>, ctx: RequestContext, id: string, fileId: string) {
  return db.transaction().execute(async (trx) => {
    await lockDraft(trx, ctx, id, null);
    const removed = await trx.deleteFrom('grant_application_files').where('id', '=', fileId).where('application_id', '=', id).where('kind', '!=', 'signed_contract').returning(['filename', 'kind']).executeTakeFirst();
    if (!removed) throw notFound();
    await appendAudit(trx, ctx, [{ action: 'delete', recordType: 'grant_application_file', recordId: fileId, changes: [{ field: 'filename', old: removed.filename, new: null }] }]);
  });
}

/**
 * D-GRANT-2 submission: everything the conditions ask is there, the budget within every
 * limit; the processing deadline (D-GRANT-3) starts; the receipt goes at once, by e-mail to
 * the address in the application, in the same transaction; the ministry's officers are told.
 */
export async function submitApplication(db: Kysely<DB>, ctx: RequestContext, id: string, version: number) {
  return db.transaction().execute(async (trx) => {
    const fresh = await lockApplication(trx, ctx, id, 'update', version);
    const on = today();
    const round = await trx.selectFrom('grant_rounds').selectAll().where('id', '=', fresh.round_id).executeTakeFirstOrThrow();
    const measure = MEASURES[round.measure];
    const [lines, files] = await Promise.all([linesOf(trx, id), trx.selectFrom('grant_application_files').select(['kind', 'condition_key']).where('application_id', '=', id).execute()]);
    const evaluation = evaluateBudget(measure, { activity: fresh.activity, lines: lines.map(lineInput), maxPerApplicationCents: round.max_per_application_cents, plannedStart: fresh.planned_start });
    const problems = submissionProblems(
      {
        measure, round: { announcedOn: round.announced_on, opensOn: round.opens_on, closesOn: round.closes_on }, status: fresh.status, contactName: fresh.contact_name, contactEmail: fresh.contact_email,
        activity: fresh.activity, plannedStart: fresh.planned_start, summary: fresh.summary, explanation: fresh.explanation, sustainability: fresh.sustainability, evaluation,
        evidenceFor: new Set(files.filter((f) => f.kind === 'evidence' && f.condition_key).map((f) => f.condition_key!)), signedContainer: files.some((f) => f.kind === 'signed_application'),
      },
      on,
    );
    if (problems.length) throw ruleError(problems, ctx.locale, fresh.status === 'draft' ? 422 : 409);
    const due = decisionDueOn(on);
    const submittedAt = new Date();
    const after = await trx
      .updateTable('grant_applications')
      .set({ status: 'submitted', submitted_at: submittedAt, submitted_on: on, decision_due_on: due, requested_cents: evaluation.totals.totalCents, version: fresh.version + 1, updated_at: submittedAt })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { applicationId: id, kind: 'submitted', from: 'draft', to: 'submitted', actorId: ctx.actor.userId });
    const params = { reference: fresh.reference, round: `${round.reference} ${round.title}`, kov: fresh.kov_name, date: on, due, amount: evaluation.totals.totalCents };
    const mailParams = messageParams(params, ctx.locale);
    await enqueueMail(trx, {
      to: fresh.contact_email,
      subject: translate(ctx.locale, 'MAIL_GRANT_RECEIPT_SUBJECT', mailParams),
      bodyText: translate(ctx.locale, 'MAIL_GRANT_RECEIPT_BODY', mailParams),
      dedupeKey: `grant-receipt-${id}`,
    });
    await recordEvent(trx, { applicationId: id, kind: 'receipt_sent', note: fresh.contact_email, actorId: null });
    const officers = await trx.selectFrom('users').select('id').where('role', '=', 'ministry_officer').where('active', '=', true).execute();
    for (const o of officers) await notify(trx, { userId: o.id, kind: 'assignment', titleKey: 'notifications.grantSubmitted', params: { reference: fresh.reference, kov: fresh.kov_name, due }, link: `/grants/applications/${id}` });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: diffFields(fresh, after, ['status', 'submitted_on', 'decision_due_on', 'requested_cents']) }]);
    return after;
  });
}

/** A stored budget line as the rules take it. */
export function lineInput(l: { cost_type: string; project_year: number; description: string; fte_percent: number | null; months: number | null; gross_monthly_cents: number | null; employer_monthly_cents: number | null; amount_cents: number }): BudgetLineInput {
  return {
    costType: l.cost_type, projectYear: l.project_year, description: l.description, ftePercent: l.fte_percent, months: l.months,
    grossMonthlyCents: l.gross_monthly_cents === null ? null : Number(l.gross_monthly_cents), employerMonthlyCents: l.employer_monthly_cents === null ? null : Number(l.employer_monthly_cents), amountCents: Number(l.amount_cents),
  };
}

export type { ApplicationRow };

// --- D-GRANT-3: processing ------------------------------------------------------------------------

/** The application under the officer's hand, locked, at the expected version (when given). */
const lockForOfficer = (trx: Trx, ctx: RequestContext, id: string, version: number | null) => lockApplication(trx, ctx, id, 'approve', version);

function requireStatus(app: ApplicationRow, allowed: readonly ApplicationStatus[], code = 'D_GRANT_3_WRONG_STATUS') {
  if (!allowed.includes(app.status)) throw new AppError(409, code, { status: app.status });
}

/** The KOV's workers (their municipality's active users), for notices about the application. */
async function kovRecipients(trx: Trx, organisationId: string) {
  return trx.selectFrom('users').select(['id', 'locale']).where('organisation_id', '=', organisationId).where('role', '=', 'kov_worker').where('active', '=', true).execute();
}

async function tellKov(trx: Trx, app: ApplicationRow, titleKey: string, mailCode: string, params: Record<string, string | number>) {
  for (const r of await kovRecipients(trx, app.kov_organisation_id)) {
    const p = messageParams(params, r.locale);
    await notify(trx, { userId: r.id, kind: 'decision', titleKey, params: p, link: `/grants/applications/${app.id}`, mail: { subject: translate(r.locale, `${mailCode}_SUBJECT`, p), bodyText: translate(r.locale, `${mailCode}_BODY`, p), dedupeKey: `${mailCode}-${app.id}-${app.version}-${r.id}` } });
  }
  // The contact person named in the application hears of it too, when not a user already told.
  if (app.contact_email) {
    const p = messageParams(params, 'et');
    await enqueueMail(trx, { to: app.contact_email, subject: translate('et', `${mailCode}_SUBJECT`, p), bodyText: translate('et', `${mailCode}_BODY`, p), dedupeKey: `${mailCode}-${app.id}-${app.version}-contact` });
  }
}

/** D-GRANT-3 checklist: the officer marks a condition met or not, with a note; the first check starts the review. */
export async function checkCondition(db: Kysely<DB>, ctx: RequestContext, id: string, conditionKey: string, input: { met: boolean; note: string | null }) {
  return db.transaction().execute(async (trx) => {
    const app = await lockForOfficer(trx, ctx, id, null);
    requireStatus(app, ['submitted', 'in_review']);
    const keys = conditionsFor(MEASURES[app.measure], app.activity).map((c) => c.key);
    if (!keys.includes(conditionKey)) throw new AppError(400, 'D_GRANT_2_CONDITION_UNKNOWN', {}, { conditions: keys });
    if (!input.met && !input.note) throw new AppError(422, 'D_GRANT_3_NOTE_REQUIRED');
    const before = await trx.selectFrom('grant_application_checks').selectAll().where('application_id', '=', id).where('condition_key', '=', conditionKey).executeTakeFirst();
    await trx
      .insertInto('grant_application_checks')
      .values({ application_id: id, condition_key: conditionKey, met: input.met, note: input.note, checked_by: ctx.actor.userId, checked_at: new Date() })
      .onConflict((oc) => oc.columns(['application_id', 'condition_key']).doUpdateSet({ met: input.met, note: input.note, checked_by: ctx.actor.userId, checked_at: new Date() }))
      .execute();
    if (app.status === 'submitted') {
      await trx.updateTable('grant_applications').set({ status: 'in_review', version: app.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
      await recordEvent(trx, { applicationId: id, kind: 'review_started', from: 'submitted', to: 'in_review', actorId: ctx.actor.userId });
    }
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: [{ field: `check.${conditionKey}`, old: before ? { met: before.met, note: before.note } : null, new: input }] }]);
  });
}

/**
 * D-GRANT-3 eligibility: "the ministry checks whether the conditions are met". Eligible needs every
 * condition checked and met; otherwise the application is rejected, a decision with its reasons
 * (the conditions not met are named), told to the KOV.
 */
export async function decideEligibility(db: Kysely<DB>, ctx: RequestContext, id: string, input: { version: number; eligible: boolean; reason: string | null }) {
  return db.transaction().execute(async (trx) => {
    const app = await lockForOfficer(trx, ctx, id, input.version);
    requireStatus(app, ['submitted', 'in_review']);
    const checks = await trx.selectFrom('grant_application_checks').select(['condition_key', 'met']).where('application_id', '=', id).execute();
    const conditions = conditionsFor(MEASURES[app.measure], app.activity);
    const unchecked = conditions.filter((c) => !checks.some((x) => x.condition_key === c.key));
    const unmet = conditions.filter((c) => checks.some((x) => x.condition_key === c.key && !x.met));
    const on = today();
    if (input.eligible) {
      if (unchecked.length || unmet.length) throw ruleError([{ code: 'D_GRANT_3_CONDITIONS_NOT_MET', params: { count: unchecked.length + unmet.length } }, ...[...unchecked, ...unmet].map((c) => ({ code: 'D_GRANT_3_CONDITION_OPEN', params: { condition: c.key } }))], ctx.locale);
    } else if (!input.reason) throw new AppError(422, 'D_GRANT_3_REASON_REQUIRED');
    const status: ApplicationStatus = input.eligible ? 'eligible' : 'rejected';
    const after = await trx
      .updateTable('grant_applications')
      .set({
        status, eligibility_reason: input.reason, version: app.version + 1, updated_at: new Date(),
        ...(input.eligible ? {} : { decided_on: on, decided_by: ctx.actor.userId, decision_reason: input.reason }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { applicationId: id, kind: input.eligible ? 'eligible' : 'rejected', from: app.status, to: status, note: input.reason, actorId: ctx.actor.userId });
    if (!input.eligible) await tellKov(trx, { ...app, version: after.version }, 'notifications.grantRejected', 'MAIL_GRANT_REJECTED', { reference: app.reference, reason: input.reason ?? '', date: on });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: diffFields(app, after, ['status', 'eligibility_reason', 'decided_on', 'decision_reason']) }]);
    return after;
  });
}

/** The round's applications as the ranking takes them. */
export async function rankingOf(db: Kysely<DB> | Trx, roundId: string) {
  const round = await db.selectFrom('grant_rounds').selectAll().where('id', '=', roundId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('grant_applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.kov_organisation_id')
    .select(['a.id', 'a.status', 'a.submitted_at', 'a.requested_cents', 'a.granted_cents', 'o.population'])
    .where('a.round_id', '=', roundId)
    .where('a.status', 'in', RANKED)
    .execute();
  const ranking = rankApplications(
    rows.map((r) => ({ id: r.id, status: r.status, submittedAt: new Date(r.submitted_at!).toISOString(), population: r.population ?? 0, requestedCents: Number(r.requested_cents), grantedCents: r.granted_cents === null ? null : Number(r.granted_cents) })),
    { measure: MEASURES[round.measure], placesPerCategory: round.places_per_category, budgetCents: Number(round.budget_cents) },
  );
  return { round, ranking };
}

/**
 * The decision (D-GRANT-3, D-SOS-ORDER): grant an eligible application the ranking makes
 * fundable — or, for the first one the budget does not cover, the rest of the budget when the
 * officer records partial funding — or decide not to fund it, with reasons.
 */
export async function decideFunding(db: Kysely<DB>, ctx: RequestContext, id: string, input: { version: number; outcome: 'granted' | 'not_funded'; reason: string; grantedCents: number | null; partialFundingNote: string | null }) {
  return db.transaction().execute(async (trx) => {
    const app = await lockForOfficer(trx, ctx, id, input.version);
    requireStatus(app, ['eligible']);
    // Decisions of one round are taken one at a time: the ranking they rest on cannot move underneath.
    await trx.selectFrom('grant_rounds').select('id').where('id', '=', app.round_id).forUpdate().execute();
    const on = today();
    let granted: number | null = null;
    if (input.outcome === 'granted') {
      const { ranking } = await rankingOf(trx, app.round_id);
      const row = ranking.rows.find((r) => r.id === id)!;
      const requested = Number(app.requested_cents);
      granted = input.grantedCents ?? requested;
      if (granted > requested) throw new AppError(422, 'D_SOS_ORDER_MORE_THAN_ASKED');
      if (!row.place) throw new AppError(409, 'D_SOS_ORDER_NO_PLACE_DECISION');
      const partial = granted < requested;
      if (partial && !input.partialFundingNote) throw new AppError(422, 'D_SOS_ORDER_PARTIAL_NOTE_REQUIRED');
      const fits = row.fundable || (row.partialPossibleCents !== null && partial && granted <= row.partialPossibleCents);
      if (!fits) throw ruleError([{ code: 'D_SOS_ORDER_BUDGET_EXHAUSTED', params: { amountCents: granted, remainingCents: Math.max(0, row.budgetBeforeCents ?? 0) } }], ctx.locale, 409);
    }
    const status: ApplicationStatus = input.outcome;
    const after = await trx
      .updateTable('grant_applications')
      .set({ status, granted_cents: granted, partial_funding_note: granted !== null && granted < Number(app.requested_cents) ? input.partialFundingNote : null, decided_on: on, decided_by: ctx.actor.userId, decision_reason: input.reason, version: app.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { applicationId: id, kind: status, from: app.status, to: status, note: input.reason, actorId: ctx.actor.userId });
    await tellKov(trx, { ...app, version: after.version }, status === 'granted' ? 'notifications.grantGranted' : 'notifications.grantNotFunded', status === 'granted' ? 'MAIL_GRANT_GRANTED' : 'MAIL_GRANT_NOT_FUNDED', { reference: app.reference, reason: input.reason, amountCents: granted ?? 0, date: on });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: diffFields(app, after, ['status', 'granted_cents', 'partial_funding_note', 'decided_on', 'decision_reason']) }]);
    return after;
  });
}

// --- D-CONTRACT ------------------------------------------------------------------------------------

/**
 * The ministry sends the contract (in Tugi the KOV receives it the same day): 10 working
 * days to sign start. The contract may name a later project start, within 2 (Perepesa 4)
 * months of today; otherwise the project starts when the contract is signed.
 */
export async function sendContract(db: Kysely<DB>, ctx: RequestContext, id: string, input: { version: number; projectStart: string | null }) {
  return db.transaction().execute(async (trx) => {
    const app = await lockForOfficer(trx, ctx, id, input.version);
    requireStatus(app, ['granted']);
    const on = today();
    const measure = MEASURES[app.measure];
    if (input.projectStart) {
      const problems = contractStartProblems(measure, on, input.projectStart);
      if (problems.length) throw ruleError(problems, ctx.locale);
    }
    const due = signDueOn(on);
    const after = await trx
      .updateTable('grant_applications')
      .set({ status: 'contract_sent', contract_sent_on: on, contract_sign_due_on: due, project_start: input.projectStart, version: app.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { applicationId: id, kind: 'contract_sent', from: 'granted', to: 'contract_sent', note: due, actorId: ctx.actor.userId });
    await tellKov(trx, { ...app, version: after.version }, 'notifications.grantContractSent', 'MAIL_GRANT_CONTRACT', { reference: app.reference, due, amountCents: Number(app.granted_cents ?? 0) });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: diffFields(app, after, ['status', 'contract_sent_on', 'contract_sign_due_on', 'project_start']) }]);
    return after;
  });
}

/**
 * The KOV signs by uploading the digitally signed contract, by the 10th working day after
 * receiving it (D-CONTRACT); later it has declined the grant (409). The project runs from the
 * later of the signing day and the start named in the contract, 36 months to 31.12.2027 at the
 * latest (D-SOS) or 24 months (D-PESA).
 */
export async function signContract(db: Kysely<DB>, ctx: RequestContext, id: string, file: UploadedFile) {
  return db.transaction().execute(async (trx) => {
    const fresh = await lockApplication(trx, ctx, id, 'update', null);
    const on = today();
    if (fresh.status === 'contract_sent' && contractLapsed(fresh.contract_sign_due_on!, on)) throw new AppError(409, 'D_CONTRACT_LAPSED', { due: fresh.contract_sign_due_on! });
    requireStatus(fresh, ['contract_sent'], fresh.status === 'lapsed' ? 'D_CONTRACT_LAPSED' : 'D_GRANT_3_WRONG_STATUS');
    const measure = MEASURES[fresh.measure];
    const start = fresh.project_start && compareIsoDates(fresh.project_start, on) > 0 ? fresh.project_start : on;
    const problems = contractStartProblems(measure, on, start);
    if (problems.length) throw ruleError(problems, ctx.locale, 409);
    const period = projectPeriod(measure, start);
    await insertFile(trx, ctx, id, file);
    const after = await trx
      .updateTable('grant_applications')
      .set({ status: 'contract_signed', contract_signed_on: on, project_start: period.start, project_end: period.end, version: fresh.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { applicationId: id, kind: 'contract_signed', from: 'contract_sent', to: 'contract_signed', note: `${period.start}–${period.end}`, actorId: ctx.actor.userId });
    const officers = await trx.selectFrom('users').select('id').where('role', '=', 'ministry_officer').where('active', '=', true).execute();
    for (const o of officers) await notify(trx, { userId: o.id, kind: 'approval', titleKey: 'notifications.grantContractSigned', params: { reference: fresh.reference, kov: fresh.kov_name }, link: `/grants/applications/${id}` });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: diffFields(fresh, after, ['status', 'contract_signed_on', 'project_start', 'project_end']) }]);
    return after;
  });
}

const SYSTEM = { actor: null, ip: null };

/**
 * D-CONTRACT, the daily job: a contract unsigned after its 10th working day has lapsed — the
 * KOV has declined the grant. Its place and money go back to the round, so the ranking moves
 * and the officers are told which application has become fundable.
 */
export async function lapseUnsignedContracts(db: Kysely<DB>, now = new Date()): Promise<{ lapsed: number }> {
  const on = todayInTallinn(now);
  const due = await db.selectFrom('grant_applications').select(['id', 'round_id']).where('status', '=', 'contract_sent').where('contract_sign_due_on', '<', on).execute();
  for (const { id, round_id } of due) {
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('grant_rounds').select('id').where('id', '=', round_id).forUpdate().execute();
      const app = await trx
        .selectFrom('grant_applications as a')
        .innerJoin('organisations as o', 'o.id', 'a.kov_organisation_id')
        .innerJoin('grant_rounds as r', 'r.id', 'a.round_id')
        .selectAll('a')
        .select(['o.name as kov_name', 'o.population as kov_population', 'r.reference as round_reference', 'r.title as round_title', 'r.measure'])
        .where('a.id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (app.status !== 'contract_sent' || !contractLapsed(app.contract_sign_due_on!, on)) return;
      const before = await rankingOf(trx, round_id);
      const after = await trx.updateTable('grant_applications').set({ status: 'lapsed', contract_lapsed_on: on, version: app.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await recordEvent(trx, { applicationId: id, kind: 'lapsed', from: 'contract_sent', to: 'lapsed', note: app.contract_sign_due_on, actorId: null });
      await tellKov(trx, { ...app, version: after.version } as ApplicationRow, 'notifications.grantLapsed', 'MAIL_GRANT_LAPSED', { reference: app.reference, due: app.contract_sign_due_on! });
      const moved = await rankingOf(trx, round_id);
      const newlyFundable = moved.ranking.rows.filter((r) => r.fundable && !before.ranking.rows.find((b) => b.id === r.id)?.fundable).map((r) => r.id);
      const nextRefs = newlyFundable.length ? await trx.selectFrom('grant_applications').select('reference').where('id', 'in', newlyFundable).execute() : [];
      const officers = await trx.selectFrom('users').select('id').where('role', '=', 'ministry_officer').where('active', '=', true).execute();
      for (const o of officers) {
        await notify(trx, { userId: o.id, kind: 'deadline', titleKey: nextRefs.length ? 'notifications.grantLapsedNext' : 'notifications.grantLapsedOfficer', params: { reference: app.reference, kov: app.kov_name, next: nextRefs.map((r) => r.reference).join(', ') }, link: `/grants/rounds/${round_id}?view=ranking` });
      }
      if (nextRefs.length) await recordEvent(trx, { applicationId: id, kind: 'next_fundable', note: nextRefs.map((r) => r.reference).join(', '), actorId: null });
      await appendAudit(trx, SYSTEM, [{ action: 'update', recordType: 'grant_application', recordId: id, changes: [{ field: 'status', old: 'contract_sent', new: 'lapsed' }, { field: 'contract_lapsed_on', old: null, new: on }] }]);
    });
  }
  return { lapsed: due.length };
}
