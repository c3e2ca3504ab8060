import { sql, type Kysely } from 'kysely';
import type { AppConfig } from '../../../config.js';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { addMonths, addWorkingDays, todayInTallinn, type IsoDate } from '../../../platform/calendar/working-days.js';
import { contractForMonth, draftMonthlyReport } from './monthly-draft.js';
import { confirmAsSpecialist, decideReport, ensureReport, signatureState, submitReport } from './monthly-service.js';
import { storeReportFile } from '../report-files.js';
import { issueInvoice, type SellerInput } from './invoice-service.js';
import { monthOfDate, previousMonth, reportDueOn, type Month } from './monthly-rules.js';
import { nextMonthOf } from '../groups/rules.js';

/** How far back the demo's report history goes, counted from the month before last. */
const HISTORY_MONTHS = 8;
/** The demo provider whose report of the month before last waits for SKA's approval. */
const AWAITING_PROVIDER = 'Tugiperede Liit MTÜ';
/** The seller details each demo provider puts on its e-invoices (valid Estonian IBANs, demo addresses). */
const SELLERS: Record<string, SellerInput> = {
  'Perekeskus Kasvulava OÜ': { iban: 'EE382200221020145685', street: 'Riia 10', city: 'Tartu', postalZone: '51010', email: 'arved@kasvulava.demo' },
  'Tugiperede Liit MTÜ': { iban: 'EE891010220034796011', street: 'Endla 4', city: 'Tallinn', postalZone: '10142', email: 'raamatupidamine@tugiperedeliit.demo' },
};
const SEED_MARKER = 'demo-monthly-history';

async function actorOf(db: Kysely<DB>, userId: string): Promise<RequestContext> {
  const u = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.role', 'users.organisation_id', 'users.person_id', 'organisations.kind'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  const actor: Actor = { userId: u.id, name: u.name, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind, personId: u.person_id };
  return { actor, ip: null, locale: 'et' };
}

/** The days of a month's report story: signed after the month, submitted by the 5th, approved and invoiced a few working days later. */
function storyOf(month: Month) {
  const signedOn = addWorkingDays(`${nextMonthOf(`${month}-01`)}-01`, 1);
  const submittedOn = reportDueOn(month);
  const approvedOn = addWorkingDays(submittedOn, 4);
  return { signedOn, submittedOn, approvedOn, invoicedOn: addWorkingDays(approvedOn, 1) };
}

const at = (day: IsoDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Demo history of the monthly reports (B-REP-1, B-REP-2): for each demo
 * provider, its reports of the months of the current contract among the
 * HISTORY_MONTHS months before last month (last month's stays the draft
 * seedDemoReports made). Each is drafted from the recorded work by the
 * real draft (as the job of the 1st), signed (specialists in the app, the
 * families on paper, uploaded as one signed scan), submitted by the
 * provider's project manager and approved by SKA's contact through the real
 * services; every approved report but the newest is e-invoiced (the real
 * service: EN 16931 UBL, checked). The second provider's report of the month
 * before last is left submitted, waiting for SKA. Months with nothing to bill
 * are skipped. The services write today's times; the seed then dates the
 * report events, signatures and notifications to the story's days (the audit
 * log keeps the real times). Once: a seed entry in the audit log marks it done.
 */
export async function seedDemoReportHistory(db: Kysely<DB>, key: Buffer, now: Date): Promise<number> {
  const marker = await db.selectFrom('audit_log').select('id').where('record_type', '=', 'seed').where('record_id', '=', SEED_MARKER).executeTakeFirst();
  if (marker) return 0;
  const lastMonth = previousMonth(todayInTallinn(now));
  const months = Array.from({ length: HISTORY_MONTHS }, (_, i) => monthOfDate(addMonths(`${lastMonth}-01`, i - HISTORY_MONTHS)));
  const ska = await db.selectFrom('users').select('id').where('role', '=', 'ska_contact').where('active', '=', true).orderBy('created_at').executeTakeFirst();
  const providers = await db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'provider').where('name', 'in', Object.keys(SELLERS)).orderBy('name').execute();
  if (!ska || providers.length === 0) return 0;
  // The services used here need the database only.
  const deps: AppDeps = { db, config: { demo: true } as AppConfig, jobs: null };
  const skaCtx = await actorOf(db, ska.id);
  const scan = await renderPdf({
    language: 'et',
    issuer: 'Tugi demo',
    title: 'Allkirjastatud kuuaruanne (skann)',
    meta: [{ label: 'Märkus', value: 'Demoandmed: paberil allkirjastatud spetsialisti kuuaruande asemel.' }],
    sections: [],
    signatureLines: ['Teenuse saaja'],
    createdAt: now,
  });

  let created = 0;
  for (const provider of providers) {
    const admin = await db.selectFrom('users').select('id').where('organisation_id', '=', provider.id).where('role', '=', 'provider_admin').where('active', '=', true).orderBy('created_at').executeTakeFirst();
    const current = await contractForMonth(db, provider.id, lastMonth);
    if (!admin || !current) continue;
    const adminCtx = await actorOf(db, admin.id);
    // Months of the current contract with something to bill.
    const billable: Month[] = [];
    for (const month of months) {
      if ((await contractForMonth(db, provider.id, month))?.id !== current.id) continue;
      if ((await draftMonthlyReport(db, provider.id, month)).totals.totalCents > 0) billable.push(month);
    }
    const awaiting = provider.name === AWAITING_PROVIDER ? billable.find((m) => m === months.at(-1)) : undefined;
    const approved = billable.filter((m) => m !== awaiting);
    for (const month of billable) {
      const report = await db.transaction().execute((trx) => ensureReport(trx, provider.id, month, null));
      if (!report.created) continue;
      created += 1;
      const story = storyOf(month);
      await sign(db, deps, adminCtx, key, report.id, provider.id, month, scan);
      await submitReport(deps, adminCtx, report.id, await versionOf(db, report.id), story.submittedOn);
      if (month !== awaiting) {
        await decideReport(deps, skaCtx, report.id, { version: await versionOf(db, report.id), decision: 'approve' }, story.approvedOn);
        if (month !== approved.at(-1)) await issueInvoice(db, adminCtx, report.id, SELLERS[provider.name]!, story.invoicedOn);
      }
      await dateStory(db, report.id, month, month !== awaiting);
    }
  }
  await appendAudit(db, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: SEED_MARKER }]);
  return created;
}

async function versionOf(db: Kysely<DB>, reportId: string): Promise<number> {
  return (await db.selectFrom('monthly_reports').select('version').where('id', '=', reportId).executeTakeFirstOrThrow()).version;
}

/**
 * Every signature the revision needs. Each specialist confirms in the app
 * (the service). The families signed on paper; the project manager uploads
 * the month's signed papers as one scan, recorded for every family as
 * uploadSignature records one (the file, each signature, its event and audit
 * entry), in one go: a hundred uploads one by one would slow every first start.
 */
async function sign(db: Kysely<DB>, deps: AppDeps, adminCtx: RequestContext, key: Buffer, reportId: string, providerId: string, month: Month, scan: Buffer) {
  const revision = (await db.selectFrom('monthly_reports').select('revision').where('id', '=', reportId).executeTakeFirstOrThrow()).revision;
  const { missing } = await signatureState(db, reportId, revision);
  for (const need of missing.filter((n) => n.signer === 'specialist')) {
    const specialist = await db.selectFrom('provider_specialists').select('user_id').where('id', '=', need.specialistId).executeTakeFirstOrThrow();
    await confirmAsSpecialist(deps, await actorOf(db, specialist.user_id), reportId, revision);
  }
  const recipients = missing.filter((n) => n.signer === 'recipient');
  if (recipients.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await sql`select 1 from monthly_reports where id = ${reportId} for update`.execute(trx);
    const fileId = await storeReportFile(trx, key, { providerId, purpose: 'signed_report', filename: `${month}-teenuse-saajate-allkirjad.pdf`, contentType: 'application/octet-stream', content: scan, uploadedBy: adminCtx.actor.userId });
    const rows = await trx
      .insertInto('monthly_report_signatures')
      .values(recipients.map((n) => ({ report_id: reportId, revision, signer: 'recipient', specialist_id: n.specialistId, family_id: n.familyId, method: 'signed_pdf', file_id: fileId, confirmed_by: adminCtx.actor.userId })))
      .returning('id')
      .execute();
    await trx
      .insertInto('monthly_report_events')
      .values(recipients.map(() => ({ report_id: reportId, revision, kind: 'recipient_signed', comment: 'signed_pdf', total_cents: null, actor_id: adminCtx.actor.userId })))
      .execute();
    await appendAudit(trx, adminCtx, rows.map((r) => ({ action: 'create' as const, recordType: 'monthly_report_signature', recordId: r.id, personId: adminCtx.actor.personId, changes: [{ field: 'signer', old: null, new: 'recipient:signed_pdf' }] })));
  });
}

/**
 * Dates what the services just wrote to the story's days, as if inserted
 * then (creation times are not changed by the app; this seed's own new rows
 * only): the report events, signatures, the report's times and its
 * notifications (read by now, except SKA's about a report still waiting).
 */
async function dateStory(db: Kysely<DB>, reportId: string, month: Month, decided: boolean) {
  const story = storyOf(month);
  const draftedAt = at(`${nextMonthOf(`${month}-01`)}-01`, 4);
  const signedAt = { specialist: at(story.signedOn, 9), recipient: at(story.signedOn, 11) };
  const submittedAt = at(story.submittedOn, 10);
  const approvedAt = at(story.approvedOn, 12);
  await sql`update monthly_report_events set at = case kind when 'drafted' then ${draftedAt}::timestamptz when 'specialist_signed' then ${signedAt.specialist}::timestamptz when 'recipient_signed' then ${signedAt.recipient}::timestamptz when 'submitted' then ${submittedAt}::timestamptz else ${approvedAt}::timestamptz end where report_id = ${reportId}`.execute(db);
  await sql`update monthly_report_signatures set confirmed_at = case signer when 'specialist' then ${signedAt.specialist}::timestamptz else ${signedAt.recipient}::timestamptz end where report_id = ${reportId}`.execute(db);
  const settled = decided ? approvedAt : submittedAt;
  await sql`update monthly_reports set created_at = ${draftedAt}::timestamptz, drafted_at = ${draftedAt}::timestamptz, updated_at = ${settled}::timestamptz where id = ${reportId}`.execute(db);
  const link = `/families/monthly-reports/${reportId}`;
  await sql`update notifications set created_at = case kind when 'monthly_report_submitted' then ${submittedAt}::timestamptz else ${approvedAt}::timestamptz end, read_at = ${decided ? settled : null}::timestamptz where link = ${link}`.execute(db);
}
