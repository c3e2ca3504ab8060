import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { AppError, badRequest, notFound } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { can, clientFamilyScope } from '../../../platform/policy/policy.js';
import { todayInTallinn, type IsoDate } from '../../../platform/calendar/working-days.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import { storeReportFile } from '../report-files.js';
import { skaContacts, tell, today, usersOf } from '../shared.js';
import { draftMonthlyReport, insertLines } from './monthly-draft.js';
import { findReport, specialistIdsOfUser, type ReportRow } from './monthly-queries.js';
import {
  missingSignatures,
  monthOfDate,
  previousMonth,
  reportDueOn,
  signatureFingerprint,
  signatureKey,
  signatureNeeds,
  submittedLate,
  type DraftLine,
  type Month,
  type SignatureNeed,
} from './monthly-rules.js';
import { lockRecord } from '../../../platform/db/record-lock.js';

type Trx = Transaction<DB>;

const link = (id: string) => `/families/monthly-reports/${id}`;

/** A reference like KA-2026-03-001, numbered per month. */
async function nextReference(trx: Trx, month: Month): Promise<string> {
  await sql`select pg_advisory_xact_lock(7314160, ${Number(month.replace('-', ''))})`.execute(trx);
  const { count } = await trx.selectFrom('monthly_reports').select((eb) => eb.fn.countAll<number>().as('count')).where('month', '=', month).executeTakeFirstOrThrow();
  return `KA-${month}-${String(Number(count) + 1).padStart(3, '0')}`;
}

async function recordReportEvent(trx: Trx, e: { reportId: string; revision: number; kind: string; comment?: string | null; totalCents?: number | null; actorId: string | null }) {
  await trx
    .insertInto('monthly_report_events')
    .values({ report_id: e.reportId, revision: e.revision, kind: e.kind, comment: e.comment ?? null, total_cents: e.totalCents ?? null, actor_id: e.actorId })
    .execute();
}

/**
 * Creates a provider's report of a month from the recorded work, if it does
 * not exist yet (unique provider + month): idempotent.
 */
export async function ensureReport(trx: Trx, providerId: string, month: Month, actorId: string | null): Promise<{ id: string; created: boolean }> {
  await sql`select pg_advisory_xact_lock(7314161, hashtext(${providerId + month}))`.execute(trx);
  const existing = await trx.selectFrom('monthly_reports').select('id').where('provider_organisation_id', '=', providerId).where('month', '=', month).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const draft = await draftMonthlyReport(trx, providerId, month);
  const report = await trx
    .insertInto('monthly_reports')
    .values({
      reference: await nextReference(trx, month),
      provider_organisation_id: providerId,
      contract_id: draft.contract?.id ?? null,
      month,
      due_on: reportDueOn(month),
      total_cents: draft.totals.totalCents,
      excluded_cents: draft.totals.excludedCents,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await insertLines(trx, report.id, 1, draft.lines);
  await recordReportEvent(trx, { reportId: report.id, revision: 1, kind: 'drafted', totalCents: draft.totals.totalCents, actorId });
  return { id: report.id, created: true };
}

/**
 * The job of the 1st (B-REP-1): each provider with a contract in force in the
 * previous month gets that month's draft, and its project managers are told.
 */
export async function draftDueReports(db: Kysely<DB>, now = new Date()): Promise<number> {
  const month = previousMonth(todayInTallinn(now));
  const from = `${month}-01`;
  const to = `${monthOfDate(reportDueOn(month))}-01`;
  const providers = await db
    .selectFrom('organisations')
    .select(['organisations.id', 'organisations.name'])
    .where('organisations.kind', '=', 'provider')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('provider_contracts as c')
          .select(sql`1`.as('one'))
          .whereRef('c.provider_organisation_id', '=', 'organisations.id')
          .where('c.starts_on', '<', to)
          .where('c.ends_on', '>=', from),
      ),
    )
    .execute();
  let created = 0;
  for (const provider of providers) {
    await db.transaction().execute(async (trx) => {
      const result = await ensureReport(trx, provider.id, month, null);
      if (!result.created) return;
      created += 1;
      const report = await trx.selectFrom('monthly_reports').select(['reference', 'due_on']).where('id', '=', result.id).executeTakeFirstOrThrow();
      await tell(trx, await usersOf(trx, provider.id, ['provider_admin']), {
        kind: 'monthly_report_drafted',
        titleKey: 'monthlyReports.notifications.drafted',
        params: { reference: report.reference, month, dueOn: report.due_on },
        link: link(result.id),
        mailCode: 'MONTHLY_REPORT_DRAFTED',
        dedupe: `monthly-report-drafted-${result.id}`,
      });
    });
  }
  return created;
}

/** Locks a report in the user's scope for a change, checking the version (X-CONC); approved reports are final. */
async function lockReport(trx: Trx, ctx: RequestContext, id: string, version: number | null, action: 'update' | 'approve' | 'read' = 'update'): Promise<ReportRow> {
  // A stale version answers that first; then an approved report is final.
  const found = await lockRecord(trx, 'monthly_reports', id, () => findReport(trx, ctx.actor, id, action), version);
  if (found.status === 'approved') throw new AppError(409, 'MONTHLY_REPORT_APPROVED');
  return found;
}

async function bump(trx: Trx, id: string, values: Record<string, unknown>) {
  await trx
    .updateTable('monthly_reports')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('id', '=', id)
    .execute();
}

/** A provider's project manager starts a finished month's report by hand (the job does it on the 1st). */
export async function createReport(deps: AppDeps, ctx: RequestContext, month: Month) {
  if (month >= monthOfDate(today())) throw badRequest('MONTHLY_REPORT_MONTH_NOT_OVER', { fields: [{ path: 'month', message: 'only a finished month' }] });
  return deps.db.transaction().execute(async (trx) => {
    const result = await ensureReport(trx, ctx.actor.organisationId, month, ctx.actor.userId);
    if (!result.created) throw new AppError(409, 'MONTHLY_REPORT_EXISTS', {}, { id: result.id });
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'monthly_report', recordId: result.id, changes: [{ field: 'month', old: null, new: month }] }]);
    return result.id;
  });
}

async function linesForSignatures(trx: Trx, reportId: string, revision: number): Promise<DraftLine[]> {
  const rows = await trx.selectFrom('monthly_report_lines').selectAll().where('report_id', '=', reportId).where('revision', '=', revision).orderBy('position').execute();
  return rows.map((r) => ({
    service: r.service,
    familyId: r.family_id,
    episodeId: r.episode_id,
    sessionId: r.session_id,
    groupId: r.group_id,
    specialistId: r.specialist_id,
    occurredOn: r.occurred_on,
    description: r.description,
    quantityMilli: r.quantity_milli,
    unitCents: r.unit_cents,
    amountCents: r.amount_cents,
    billable: r.billable,
    excludedReason: r.excluded_reason as DraftLine['excludedReason'],
  }));
}

/**
 * Rebuilds the lines from the data as it is now: a draft in place, a returned
 * report as the next revision (the returned revision, its comments and
 * signatures stay). A signature is kept when the lines it covers are unchanged.
 */
export async function redraftReport(deps: AppDeps, ctx: RequestContext, id: string, version: number) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockReport(trx, ctx, id, version);
    if (report.status !== 'draft' && report.status !== 'returned') throw new AppError(409, 'MONTHLY_REPORT_NOT_EDITABLE', { status: report.status });
    const oldLines = await linesForSignatures(trx, id, report.revision);
    const oldSignatures = await trx.selectFrom('monthly_report_signatures').selectAll().where('report_id', '=', id).where('revision', '=', report.revision).execute();
    const draft = await draftMonthlyReport(trx, report.provider_organisation_id, report.month);
    const revision = report.status === 'returned' ? report.revision + 1 : report.revision;
    const keep = oldSignatures.filter((s) => {
      const need: SignatureNeed = { signer: s.signer, specialistId: s.specialist_id, familyId: s.family_id };
      const fingerprint = signatureFingerprint(need, draft.lines);
      return fingerprint !== '' && fingerprint === signatureFingerprint(need, oldLines);
    });
    if (revision === report.revision) {
      await trx.deleteFrom('monthly_report_lines').where('report_id', '=', id).where('revision', '=', revision).execute();
      const dropped = oldSignatures.filter((s) => !keep.includes(s)).map((s) => s.id);
      if (dropped.length) await trx.deleteFrom('monthly_report_signatures').where('id', 'in', dropped).execute();
    } else if (keep.length) {
      await trx
        .insertInto('monthly_report_signatures')
        .values(keep.map((s) => ({ report_id: id, revision, signer: s.signer, specialist_id: s.specialist_id, family_id: s.family_id, method: s.method, file_id: s.file_id, confirmed_by: s.confirmed_by, confirmed_at: s.confirmed_at })))
        .execute();
    }
    await insertLines(trx, id, revision, draft.lines);
    await bump(trx, id, { status: 'draft', revision, total_cents: draft.totals.totalCents, excluded_cents: draft.totals.excludedCents, contract_id: draft.contract?.id ?? null, drafted_at: new Date() });
    await recordReportEvent(trx, { reportId: id, revision, kind: 'redrafted', totalCents: draft.totals.totalCents, actorId: ctx.actor.userId });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'monthly_report', recordId: id, changes: [{ field: 'total_cents', old: String(report.total_cents), new: String(draft.totals.totalCents) }, ...(revision !== report.revision ? [{ field: 'revision', old: String(report.revision), new: String(revision) }] : [])] }]);
  });
}

export async function updateNote(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; note: string | null }) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockReport(trx, ctx, id, input.version);
    if (report.status !== 'draft') throw new AppError(409, 'MONTHLY_REPORT_NOT_EDITABLE', { status: report.status });
    await bump(trx, id, { provider_note: input.note });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'monthly_report', recordId: id, changes: [{ field: 'provider_note', old: report.provider_note, new: input.note }] }]);
  });
}

/** The signatures a revision needs and has. */
export async function signatureState(trx: Trx | Kysely<DB>, reportId: string, revision: number) {
  const lines = await trx.selectFrom('monthly_report_lines').select(['service', 'specialist_id as specialistId', 'family_id as familyId']).where('report_id', '=', reportId).where('revision', '=', revision).execute();
  const needs = signatureNeeds(lines);
  const given = await trx.selectFrom('monthly_report_signatures').select(['signer', 'specialist_id as specialistId', 'family_id as familyId']).where('report_id', '=', reportId).where('revision', '=', revision).execute();
  return { needs, given, missing: missingSignatures(needs, given) };
}

export interface SignatureInput {
  revision: number;
  signer: 'specialist' | 'recipient';
  specialistId: string;
  familyId?: string | null | undefined;
}

async function addSignature(trx: Trx, ctx: RequestContext, report: ReportRow, input: SignatureInput, method: 'in_app' | 'signed_pdf', fileId: string | null) {
  if (report.status !== 'draft') throw new AppError(409, 'MONTHLY_REPORT_NOT_EDITABLE', { status: report.status });
  if (input.revision !== report.revision) throw new AppError(409, 'MONTHLY_REPORT_REVISION_CHANGED', {}, { currentRevision: report.revision });
  const need: SignatureNeed = { signer: input.signer, specialistId: input.specialistId, familyId: input.signer === 'recipient' ? (input.familyId ?? null) : null };
  const { needs, given } = await signatureState(trx, report.id, report.revision);
  if (!needs.some((n) => signatureKey(n) === signatureKey(need))) throw new AppError(409, 'MONTHLY_REPORT_SIGNATURE_NOT_NEEDED');
  if (given.some((g) => signatureKey(g) === signatureKey(need))) throw new AppError(409, 'MONTHLY_REPORT_ALREADY_SIGNED');
  const row = await trx
    .insertInto('monthly_report_signatures')
    .values({ report_id: report.id, revision: report.revision, signer: need.signer, specialist_id: need.specialistId, family_id: need.familyId, method, file_id: fileId, confirmed_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordReportEvent(trx, { reportId: report.id, revision: report.revision, kind: need.signer === 'specialist' ? 'specialist_signed' : 'recipient_signed', comment: method, actorId: ctx.actor.userId });
  await appendAudit(trx, ctx, [{ action: 'create', recordType: 'monthly_report_signature', recordId: row.id, personId: ctx.actor.personId, changes: [{ field: 'signer', old: null, new: `${need.signer}:${method}` }] }]);
  return row.id;
}

/** A specialist confirms their own monthly report in the app (B-REP-1 specialist signature). */
export async function confirmAsSpecialist(deps: AppDeps, ctx: RequestContext, id: string, revision: number) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockReport(trx, ctx, id, null, 'update');
    const mine = await specialistIdsOfUser(trx, ctx.actor.userId);
    const { needs } = await signatureState(trx, id, report.revision);
    const specialistId = needs.find((n) => n.signer === 'specialist' && mine.includes(n.specialistId))?.specialistId;
    if (!specialistId) throw new AppError(409, 'MONTHLY_REPORT_SIGNATURE_NOT_NEEDED');
    return addSignature(trx, ctx, report, { revision, signer: 'specialist', specialistId }, 'in_app', null);
  });
}

/** The project manager uploads a report signed on paper or digitally (stored encrypted, B-SEC). */
export async function uploadSignature(deps: AppDeps, ctx: RequestContext, id: string, input: SignatureInput & { filename: string }, content: Buffer) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockReport(trx, ctx, id, null, 'update');
    if (report.status !== 'draft') throw new AppError(409, 'MONTHLY_REPORT_NOT_EDITABLE', { status: report.status });
    const fileId = await storeReportFile(trx, encryptionKeyFrom(deps.config), {
      providerId: report.provider_organisation_id,
      purpose: 'signed_report',
      filename: input.filename,
      contentType: 'application/octet-stream',
      content,
      uploadedBy: ctx.actor.userId,
    });
    return addSignature(trx, ctx, report, input, 'signed_pdf', fileId);
  });
}

/** A parent (self-service client) confirms the services their family received from one specialist. */
export async function confirmAsClient(deps: AppDeps, ctx: RequestContext, input: { reportId: string; revision: number; specialistId: string; familyId: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await trx.selectFrom('families').select('id').where('id', '=', input.familyId).where(clientFamilyScope(ctx.actor, 'update')).executeTakeFirst();
    if (!family) throw notFound();
    await sql`select 1 from monthly_reports where id = ${input.reportId} for update`.execute(trx);
    const report = await trx
      .selectFrom('monthly_reports')
      .innerJoin('organisations as provider', 'provider.id', 'monthly_reports.provider_organisation_id')
      .leftJoin('provider_contracts as contract', 'contract.id', 'monthly_reports.contract_id')
      .selectAll('monthly_reports')
      .select(['provider.name as provider_name', 'contract.reference as contract_reference'])
      .where('monthly_reports.id', '=', input.reportId)
      .executeTakeFirst();
    if (!report) throw notFound();
    const { needs } = await signatureState(trx, report.id, report.revision);
    if (!needs.some((n) => n.signer === 'recipient' && n.familyId === input.familyId && n.specialistId === input.specialistId)) throw notFound();
    return addSignature(trx, ctx, report, { revision: input.revision, signer: 'recipient', specialistId: input.specialistId, familyId: input.familyId }, 'in_app', null);
  });
}

/**
 * B-REP-1: the provider submits the report. Every specialist's report must be
 * signed by the specialist and by each recipient for this revision. Late
 * (after the 5th) is allowed and shown. `on`: today (the demo seed gives its history's days).
 */
export async function submitReport(deps: AppDeps, ctx: RequestContext, id: string, version: number, on: IsoDate = today()) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockReport(trx, ctx, id, version);
    if (report.status !== 'draft') throw new AppError(409, 'MONTHLY_REPORT_NOT_EDITABLE', { status: report.status });
    const { missing } = await signatureState(trx, id, report.revision);
    if (missing.length) throw new AppError(409, 'MONTHLY_REPORT_SIGNATURES_MISSING', { count: missing.length }, { rule: 'B-REP-1', missing });
    const firstOn = report.submitted_on ?? on;
    const late = submittedLate(report.due_on, firstOn);
    await bump(trx, id, { status: 'submitted', submitted_on: firstOn, submitted_by: ctx.actor.userId, return_comment: null });
    await recordReportEvent(trx, { reportId: id, revision: report.revision, kind: 'submitted', comment: late && report.revision === 1 ? 'late' : null, totalCents: Number(report.total_cents), actorId: ctx.actor.userId });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'monthly_report', recordId: id, changes: [{ field: 'status', old: report.status, new: 'submitted' }] }]);
    await tell(trx, await skaContacts(trx), {
      kind: 'monthly_report_submitted',
      titleKey: 'monthlyReports.notifications.submitted',
      params: { reference: report.reference, provider: report.provider_name, month: report.month },
      link: link(id),
    });
  });
}

export interface DecisionInput {
  version: number;
  decision: 'approve' | 'return';
  comment?: string | null | undefined;
  lineComments?: { lineId: string; comment: string }[] | undefined;
}

/** SKA's contact approves (the total becomes the amount to invoice, B-REP-2) or returns with comments; `on` as in submitReport. */
export async function decideReport(deps: AppDeps, ctx: RequestContext, id: string, input: DecisionInput, on: IsoDate = today()) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await lockReport(trx, ctx, id, input.version, 'approve');
    if (report.status !== 'submitted') throw new AppError(409, 'MONTHLY_REPORT_NOT_SUBMITTED', { status: report.status });
    const lineComments = input.lineComments ?? [];
    if (lineComments.length) {
      const ids = (await trx.selectFrom('monthly_report_lines').select('id').where('report_id', '=', id).where('revision', '=', report.revision).execute()).map((r) => r.id);
      const unknown = lineComments.filter((c) => !ids.includes(c.lineId));
      if (unknown.length) throw badRequest('VALIDATION_FAILED', { fields: unknown.map((c) => ({ path: 'lineComments.lineId', message: `${c.lineId} is not a line of this revision` })) });
    }
    if (input.decision === 'return' && !input.comment && lineComments.length === 0) throw new AppError(409, 'MONTHLY_REPORT_RETURN_COMMENT_REQUIRED');
    if (input.decision === 'approve' && lineComments.length) throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'lineComments', message: 'only when returning' }] });
    for (const c of lineComments) await trx.updateTable('monthly_report_lines').set({ ska_comment: c.comment }).where('id', '=', c.lineId).execute();
    const status = input.decision === 'approve' ? 'approved' : 'returned';
    await bump(trx, id, { status, decided_on: on, decided_by: ctx.actor.userId, return_comment: input.decision === 'return' ? (input.comment ?? null) : null });
    await recordReportEvent(trx, { reportId: id, revision: report.revision, kind: status, comment: input.comment ?? null, totalCents: Number(report.total_cents), actorId: ctx.actor.userId });
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'monthly_report', recordId: id, changes: [{ field: 'status', old: report.status, new: status }] }]);
    await tell(trx, await usersOf(trx, report.provider_organisation_id, ['provider_admin']), {
      kind: `monthly_report_${status}`,
      titleKey: `monthlyReports.notifications.${status}`,
      params: { reference: report.reference, month: report.month },
      link: link(id),
      mailCode: status === 'approved' ? 'MONTHLY_REPORT_APPROVED' : 'MONTHLY_REPORT_RETURNED',
    });
  });
}

export const mayApprove = (ctx: RequestContext) => can(ctx.actor, 'monthly_report', 'approve');
