import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { RequestContext } from '../../platform/http/index.js';
import { AppError, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { todayInTallinn } from '../../platform/calendar/working-days.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { notify } from '../../platform/notify/notifications.js';
import { translate } from '../../platform/i18n/messages.js';
import type { SignedContainer } from '../../platform/documents/signed-container.js';
import type { ValidationResult } from '../../platform/documents/signature-validator.js';
import { canProgrammeGrants } from '../../platform/policy/policy.js';
import type { GrantMeasure } from '../programme/tables.js';
import { conditionsFor, MEASURES } from './measures.js';
import { findApplication, findRound, linesOf, type ApplicationRow } from './queries.js';
import { decisionDueOn, evaluateBudget, roundProblems, roundState, submissionProblems, type BudgetLineInput, type RuleProblem } from './rules.js';
import type { ApplicationStatus, GrantFileKind, PerepesaActivity } from './tables.js';
import { messageParams } from './views.js';

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
    const prefix = `${measure.prefix}-${year}-`;
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
    const before = await findRound(trx, ctx.actor, id, today(), 'update');
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict(before.version);
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
  if (!canProgrammeGrants(ctx.actor, 'grant_application', 'create')) throw new AppError(403, 'FORBIDDEN');
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

/** The KOV's own draft, locked for the write, at the expected version. */
async function lockDraft(trx: Trx, ctx: RequestContext, id: string, version: number | null) {
  const row = await findApplication(trx, ctx.actor, id, 'update');
  if (!row) throw notFound();
  await trx.selectFrom('grant_applications').select('id').where('id', '=', id).forUpdate().execute();
  const fresh = (await findApplication(trx, ctx.actor, id, 'update'))!;
  if (version !== null && fresh.version !== version) throw versionConflict(fresh.version);
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
    const app = await findApplication(trx, ctx.actor, id, 'update');
    if (!app) throw notFound();
    await trx.selectFrom('grant_applications').select('id').where('id', '=', id).forUpdate().execute();
    const fresh = (await findApplication(trx, ctx.actor, id, 'update'))!;
    if (fresh.version !== version) throw versionConflict(fresh.version);
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
