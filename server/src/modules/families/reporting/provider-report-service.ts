import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, notFound, versionConflict } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { contractScope, providerReportScope } from '../../../platform/policy/policy.js';
import { addCalendarDays, compareIsoDates, formatDateEt, todayInTallinn } from '../../../platform/calendar/working-days.js';
import type { Messages } from '../../../platform/i18n/messages.js';
import { translate } from '../../../platform/i18n/messages.js';
import { notify } from '../../../platform/notify/notifications.js';
import type { DueItem, DueItemsProvider } from '../../../platform/home/due-items.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import type { PdfDocument } from '../../../platform/documents/pdf.js';
import type { ProviderReportFigures, ProviderReportKind } from '../service-tables.js';
import { expectedReports, findExpected, reminderFor, type ExpectedReport } from './provider-report-rules.js';
import { formatEuro } from './einvoice.js';
import type { DocxBlock } from './provider-report-docx.js';

/** B-REP-3 error codes and mail texts in et/en/ru. */
export const providerReportMessages: Messages = {
  B_REP3_NOT_EXPECTED: {
    et: 'Selle lepingu kohta sellist aruannet ei oodata (liik või periood ei sobi).',
    en: 'The contract does not ask for such a report (kind or period does not match).',
    ru: 'По этому договору такой отчёт не предусмотрен (вид или период не подходит).',
  },
  B_REP3_EXISTS: { et: 'See aruanne on juba loodud.', en: 'This report already exists.', ru: 'Этот отчёт уже создан.' },
  B_REP3_SUBMITTED: { et: 'Esitatud aruannet ei saa enam muuta.', en: 'A submitted report can no longer be changed.', ru: 'Представленный отчёт больше нельзя изменить.' },
  B_REP3_TEXT_REQUIRED: {
    et: 'Enne esitamist kirjuta tegevuste lühiülevaade ja hinnang tegevuse elluviimisele.',
    en: 'Before submitting, write the overview of activities and the assessment.',
    ru: 'Перед представлением заполните краткий обзор деятельности и оценку.',
  },
  MAIL_PROVIDER_REPORT_DUE_SUBJECT: {
    et: 'Tugi: {kind} tähtaeg {due}',
    en: 'Tugi: {kind} due on {due}',
    ru: 'Tugi: срок отчёта ({kind}) {due}',
  },
  MAIL_PROVIDER_REPORT_DUE_BODY: {
    et: 'Lepingu {contract} {kind} perioodi {period} kohta tuleb esitada hiljemalt {due}. Aruande saab koostada Tugis: menüü Peretugi → Seire- ja lõpparuanded.',
    en: 'The {kind} of contract {contract} for {period} is due on {due}. Prepare it in Tugi: Family support → Monitoring and final reports.',
    ru: 'Отчёт ({kind}) по договору {contract} за период {period} нужно представить до {due}. Составьте его в Tugi: Поддержка семьи → Мониторинговые и итоговые отчёты.',
  },
  MAIL_PROVIDER_REPORT_OVERDUE_SUBJECT: {
    et: 'Tugi: {kind} tähtaeg {due} on möödas',
    en: 'Tugi: the {kind} due on {due} is overdue',
    ru: 'Tugi: срок отчёта ({kind}) {due} прошёл',
  },
  PROVIDER_REPORT_KIND_MONITORING: { et: 'seirearuanne', en: 'monitoring report', ru: 'мониторинговый отчёт' },
  PROVIDER_REPORT_KIND_FINAL: { et: 'lõpparuanne', en: 'final report', ru: 'итоговый отчёт' },
};

/** The figures of a period, in a fixed order, with their labels in the report's language (Estonian, Lisa 12). */
export const FIGURE_LABELS: Record<string, string> = {
  familiesAdaptation: 'Kohanemise toe saanud pered',
  familiesNeedsBased: 'Vajaduspõhise peretoe saanud pered',
  familiesMentoring: 'Mentorluse saanud pered',
  episodesStarted: 'Perioodil alanud teenused',
  episodesEnded: 'Perioodil lõppenud teenused',
  sessionsMentoring: 'Mentorluse kohtumised',
  sessionsCounselling: 'Nõustamise kohtumised',
  sessionsSupervision: 'Supervisiooni kohtumised',
  sessionHours: 'Kohtumiste kestus kokku (tundi)',
  groupsHeld: 'Toimunud tugigrupid',
  groupsPaid: 'Tasustatud tugigrupid',
  groupParticipants: 'Tugigruppides osalejaid',
  approvedReports: 'Kinnitatud igakuised aruanded',
  approvedCents: 'Kinnitatud summa',
};

export const TEXT_PARTS = ['overview', 'assessment', 'best_practices', 'problems', 'measures'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];
export const TEXT_LABELS: Record<TextPart, string> = {
  overview: 'Teostatud tegevuste lühiülevaade',
  assessment: 'Hinnang tegevuse elluviimisele',
  best_practices: 'Parimad praktikad',
  problems: 'Esinenud probleemid',
  measures: 'Ettevõetud abinõud',
};

const KIND_TITLES: Record<ProviderReportKind, string> = { monitoring: 'Seirearuanne', final: 'Lõpparuanne' };

export interface ProviderReportRecord {
  id: string;
  provider_organisation_id: string;
  provider_name: string;
  contract_id: string;
  contract_reference: string;
  contract_starts_on: string;
  contract_ends_on: string;
  kind: ProviderReportKind;
  period_start: string;
  period_end: string;
  due_on: string;
  status: 'draft' | 'submitted';
  figures: ProviderReportFigures;
  overview: string | null;
  assessment: string | null;
  best_practices: string | null;
  problems: string | null;
  measures: string | null;
  submitted_on: string | null;
  submitted_by_name: string | null;
  version: number;
}

const count = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);

/**
 * The period's figures (B-REP-3 template): families served per kind, services
 * started and ended, sessions per service and their hours, groups held and
 * paid with their participants, approved monthly reports and their total.
 * Counts only: no names (adoption secrecy).
 */
export async function periodFigures(db: Kysely<DB> | Transaction<DB>, providerId: string, contractId: string, start: string, end: string): Promise<ProviderReportFigures> {
  const episodes = await db
    .selectFrom('family_episodes')
    .select(['kind', sql<number>`count(distinct family_id)::int`.as('families')])
    .where('provider_organisation_id', '=', providerId)
    .where('starts_on', '<=', end)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', start)]))
    .where('status', 'in', ['active', 'ended'])
    .groupBy('kind')
    .execute();
  const families = (kind: string) => episodes.find((e) => e.kind === kind)?.families ?? 0;
  const started = count(await db.selectFrom('family_episodes').select(sql<number>`count(*)::int`.as('n')).where('provider_organisation_id', '=', providerId).where('starts_on', '>=', start).where('starts_on', '<=', end).execute());
  const ended = count(await db.selectFrom('family_episodes').select(sql<number>`count(*)::int`.as('n')).where('provider_organisation_id', '=', providerId).where('ends_on', '>=', start).where('ends_on', '<=', end).execute());
  const sessions = await db
    .selectFrom('service_sessions')
    .select(['service', sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(minutes), 0)::int`.as('minutes')])
    .where('provider_organisation_id', '=', providerId)
    .where('status', '=', 'held')
    .where('held_on', '>=', start)
    .where('held_on', '<=', end)
    .groupBy('service')
    .execute();
  const sessionCount = (service: string) => sessions.find((s) => s.service === service)?.n ?? 0;
  const minutes = sessions.reduce((s, r) => s + r.minutes, 0);
  const groups = await db
    .selectFrom('support_groups')
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum((select count(*) from support_group_participants p where p.group_id = support_groups.id)), 0)::int`.as('participants')])
    .where('provider_organisation_id', '=', providerId)
    .where('status', '=', 'held')
    .where('held_on', '>=', start)
    .where('held_on', '<=', end)
    .executeTakeFirstOrThrow();
  const firstMonth = start.slice(0, 7);
  const lastMonth = end.slice(0, 7);
  const paid = count(
    await db
      .selectFrom('monthly_report_lines as l')
      .innerJoin('monthly_reports as r', (j) => j.onRef('r.id', '=', 'l.report_id').onRef('r.revision', '=', 'l.revision'))
      .select(sql<number>`count(distinct l.group_id)::int`.as('n'))
      .where('r.provider_organisation_id', '=', providerId)
      .where('r.status', '=', 'approved')
      .where('l.service', '=', 'support_group')
      .where('l.billable', '=', true)
      .where('r.month', '>=', firstMonth)
      .where('r.month', '<=', lastMonth)
      .execute(),
  );
  const approved = await db
    .selectFrom('monthly_reports')
    .select([sql<number>`count(*)::int`.as('n'), sql<string>`coalesce(sum(total_cents), 0)::text`.as('cents')])
    .where('provider_organisation_id', '=', providerId)
    .where((eb) => eb.or([eb('contract_id', '=', contractId), eb('contract_id', 'is', null)]))
    .where('status', '=', 'approved')
    .where('month', '>=', firstMonth)
    .where('month', '<=', lastMonth)
    .executeTakeFirstOrThrow();
  return {
    familiesAdaptation: families('adaptation'),
    familiesNeedsBased: families('needs_based'),
    familiesMentoring: families('mentoring'),
    episodesStarted: started,
    episodesEnded: ended,
    sessionsMentoring: sessionCount('mentoring'),
    sessionsCounselling: sessionCount('counselling'),
    sessionsSupervision: sessionCount('supervision'),
    sessionHours: Math.round((minutes / 60) * 10) / 10,
    groupsHeld: groups.n,
    groupsPaid: paid,
    groupParticipants: groups.participants,
    approvedReports: approved.n,
    approvedCents: Number(approved.cents),
  };
}

function reportQuery(db: Kysely<DB> | Transaction<DB>, actor: Actor, action: 'read' | 'update' = 'read') {
  return db
    .selectFrom('provider_reports')
    .innerJoin('organisations as provider', 'provider.id', 'provider_reports.provider_organisation_id')
    .innerJoin('provider_contracts as contract', 'contract.id', 'provider_reports.contract_id')
    .leftJoin('users as submitter', 'submitter.id', 'provider_reports.submitted_by')
    .select([
      'provider_reports.id',
      'provider_reports.provider_organisation_id',
      'provider.name as provider_name',
      'provider_reports.contract_id',
      'contract.reference as contract_reference',
      'contract.starts_on as contract_starts_on',
      'contract.ends_on as contract_ends_on',
      'provider_reports.kind',
      'provider_reports.period_start',
      'provider_reports.period_end',
      'provider_reports.due_on',
      'provider_reports.status',
      'provider_reports.figures',
      'provider_reports.overview',
      'provider_reports.assessment',
      'provider_reports.best_practices',
      'provider_reports.problems',
      'provider_reports.measures',
      'provider_reports.submitted_on',
      'submitter.name as submitted_by_name',
      'provider_reports.version',
    ])
    .where(providerReportScope(actor, action));
}

export async function findProviderReport(db: Kysely<DB> | Transaction<DB>, actor: Actor, id: string, action: 'read' | 'update' = 'read'): Promise<ProviderReportRecord | null> {
  const row = await reportQuery(db, actor, action).where('provider_reports.id', '=', id).executeTakeFirst();
  return (row as ProviderReportRecord | undefined) ?? null;
}

export interface ScheduleItem extends ExpectedReport {
  contractId: string;
  contractReference: string;
  providerId: string;
  providerName: string;
  report: { id: string; status: 'draft' | 'submitted'; version: number; submittedOn: string | null } | null;
  overdue: boolean;
}

/**
 * The reports every contract in scope asks for, with the ones written so far.
 * A provider admin sees its own contracts and drafts; SKA sees every
 * contract's schedule, but only submitted reports (drafts stay the provider's).
 */
export async function reportSchedule(db: Kysely<DB>, actor: Actor, today: string, filter: { year?: number; status?: 'open' | 'submitted' } = {}): Promise<ScheduleItem[]> {
  const contracts = await db
    .selectFrom('provider_contracts')
    .innerJoin('organisations as provider', 'provider.id', 'provider_contracts.provider_organisation_id')
    .select(['provider_contracts.id', 'provider_contracts.reference', 'provider_contracts.starts_on', 'provider_contracts.ends_on', 'provider_contracts.provider_organisation_id', 'provider.name as provider_name'])
    .where(contractScope(actor))
    .orderBy('provider.name')
    .execute();
  if (contracts.length === 0) return [];
  const reports = await db
    .selectFrom('provider_reports')
    .select(['id', 'contract_id', 'kind', 'period_end', 'status', 'version', 'submitted_on'])
    .where(providerReportScope(actor))
    .where(
      'contract_id',
      'in',
      contracts.map((c) => c.id),
    )
    .execute();
  const items: ScheduleItem[] = [];
  for (const c of contracts) {
    for (const e of expectedReports(c)) {
      const r = reports.find((x) => x.contract_id === c.id && x.kind === e.kind && x.period_end === e.periodEnd);
      const item: ScheduleItem = {
        ...e,
        contractId: c.id,
        contractReference: c.reference,
        providerId: c.provider_organisation_id,
        providerName: c.provider_name,
        report: r ? { id: r.id, status: r.status, version: r.version, submittedOn: r.submitted_on } : null,
        overdue: r?.status !== 'submitted' && compareIsoDates(today, e.dueOn) > 0,
      };
      if (filter.year && Number(e.dueOn.slice(0, 4)) !== filter.year) continue;
      if (filter.status === 'submitted' && item.report?.status !== 'submitted') continue;
      if (filter.status === 'open' && item.report?.status === 'submitted') continue;
      items.push(item);
    }
  }
  return items.sort((a, b) => compareIsoDates(a.dueOn, b.dueOn) || a.providerName.localeCompare(b.providerName));
}

/** A report from the Lisa 12 template: the period's figures filled in, the text parts empty. */
export async function createProviderReport(db: Kysely<DB>, ctx: RequestContext, input: { contractId: string; kind: ProviderReportKind; periodEnd: string }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const contract = await trx.selectFrom('provider_contracts').selectAll().where(contractScope(ctx.actor)).where('id', '=', input.contractId).executeTakeFirst();
    if (!contract || contract.provider_organisation_id !== ctx.actor.organisationId) throw notFound();
    const expected = findExpected(contract, input.kind, input.periodEnd);
    if (!expected) throw new AppError(422, 'B_REP3_NOT_EXPECTED');
    const existing = await trx.selectFrom('provider_reports').select('id').where('contract_id', '=', contract.id).where('kind', '=', input.kind).where('period_end', '=', input.periodEnd).executeTakeFirst();
    if (existing) throw new AppError(409, 'B_REP3_EXISTS', {}, { id: existing.id });
    const figures = await periodFigures(trx, contract.provider_organisation_id, contract.id, expected.periodStart, expected.periodEnd);
    const row = await trx
      .insertInto('provider_reports')
      .values({
        provider_organisation_id: contract.provider_organisation_id,
        contract_id: contract.id,
        kind: input.kind,
        period_start: expected.periodStart,
        period_end: expected.periodEnd,
        due_on: expected.dueOn,
        figures: JSON.stringify(figures),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'provider_report', recordId: row.id }]);
    return row.id;
  });
}

async function draftForUpdate(trx: Transaction<DB>, ctx: RequestContext, id: string, version: number): Promise<ProviderReportRecord> {
  const found = await findProviderReport(trx, ctx.actor, id, 'update');
  if (!found) throw notFound();
  await trx.selectFrom('provider_reports').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  const current = await trx.selectFrom('provider_reports').select(['version', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  if (current.version !== version) throw versionConflict(current.version);
  if (current.status === 'submitted') throw new AppError(409, 'B_REP3_SUBMITTED');
  return found;
}

export type TextInput = Partial<Record<'overview' | 'assessment' | 'bestPractices' | 'problems' | 'measures', string | null>>;

/** Editable text parts of a draft (optimistic version: a stale edit gets 409). */
export async function updateProviderReport(db: Kysely<DB>, ctx: RequestContext, id: string, input: { version: number; refreshFigures?: boolean } & TextInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await draftForUpdate(trx, ctx, id, input.version);
    const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
    const figures = input.refreshFigures ? JSON.stringify(await periodFigures(trx, found.provider_organisation_id, found.contract_id, found.period_start, found.period_end)) : undefined;
    await trx
      .updateTable('provider_reports')
      .set({
        overview: text(input.overview),
        assessment: text(input.assessment),
        best_practices: text(input.bestPractices),
        problems: text(input.problems),
        measures: text(input.measures),
        ...(figures ? { figures } : {}),
        version: found.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'provider_report', recordId: id }]);
  });
}

export async function submitProviderReport(db: Kysely<DB>, ctx: RequestContext, id: string, version: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await draftForUpdate(trx, ctx, id, version);
    if (!found.overview?.trim() || !found.assessment?.trim()) throw new AppError(422, 'B_REP3_TEXT_REQUIRED');
    await trx
      .updateTable('provider_reports')
      .set({ status: 'submitted', submitted_on: todayInTallinn(new Date()), submitted_by: ctx.actor.userId, version: found.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'provider_report', recordId: id }]);
  });
}

// ---------------------------------------------------------------- documents (Lisa 12)

function figureRows(figures: ProviderReportFigures): string[][] {
  return Object.entries(FIGURE_LABELS).map(([key, label]) => {
    const value = figures[key];
    if (value === undefined) return [label, '—'];
    return [label, key === 'approvedCents' ? formatEuro(Number(value)) : String(value).replace('.', ',')];
  });
}

function metaRows(r: ProviderReportRecord): { label: string; value: string }[] {
  return [
    { label: 'Täitja', value: r.provider_name },
    { label: 'Leping', value: `${r.contract_reference} (${formatDateEt(r.contract_starts_on)}–${formatDateEt(r.contract_ends_on)})` },
    { label: 'Aruandeperiood', value: `${formatDateEt(r.period_start)}–${formatDateEt(r.period_end)}` },
    { label: 'Esitamise tähtaeg', value: formatDateEt(r.due_on) },
    { label: 'Esitatud', value: r.submitted_on ? `${formatDateEt(r.submitted_on)}${r.submitted_by_name ? `, ${r.submitted_by_name}` : ''}` : 'Mustand' },
  ];
}

const textOf = (r: ProviderReportRecord, part: TextPart) => r[part] ?? '';

export function providerReportPdf(r: ProviderReportRecord): PdfDocument {
  return {
    language: 'et',
    issuer: r.provider_name,
    title: `${KIND_TITLES[r.kind]} (Lisa 12)`,
    reference: r.contract_reference,
    meta: metaRows(r),
    sections: [
      { heading: '1. Perioodi näitajad', table: { headers: ['Näitaja', 'Väärtus'], rows: figureRows(r.figures) } },
      ...TEXT_PARTS.map((part, i) => ({ heading: `${i + 2}. ${TEXT_LABELS[part]}`, paragraphs: [textOf(r, part) || '—'] })),
    ],
    signatureLines: ['Täitja esindaja'],
    createdAt: new Date(`${r.submitted_on ?? r.period_end}T09:00:00Z`),
  };
}

export function providerReportDocx(r: ProviderReportRecord): DocxBlock[] {
  return [
    { kind: 'title', text: `${KIND_TITLES[r.kind]} (Lisa 12)` },
    { kind: 'table', headers: ['', ''], rows: metaRows(r).map((m) => [m.label, m.value]) },
    { kind: 'heading', text: '1. Perioodi näitajad' },
    { kind: 'table', headers: ['Näitaja', 'Väärtus'], rows: figureRows(r.figures) },
    ...TEXT_PARTS.flatMap((part, i): DocxBlock[] => [
      { kind: 'heading', text: `${i + 2}. ${TEXT_LABELS[part]}` },
      { kind: 'paragraph', text: textOf(r, part) },
    ]),
  ];
}

// ---------------------------------------------------------------- reminders and home page

async function once(db: Kysely<DB>, dedupeKey: string, send: (trx: Transaction<DB>) => Promise<void>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    if (known) return false;
    await send(trx);
    return true;
  });
}

/** Overdue reminders go out for due dates at most this many days back (so a first run does not mail about old contracts). */
export const OVERDUE_REMINDER_WINDOW_DAYS = 30;

/**
 * X-NOTIFY for B-REP-3, daily: the provider's admins are told 14 and 3 days
 * before a monitoring or final report is due, and once when it is overdue,
 * unless it has been submitted. One notification per report, step and user.
 */
export async function remindProviderReports(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = todayInTallinn(now);
  const contracts = await db
    .selectFrom('provider_contracts')
    .select(['id', 'reference', 'starts_on', 'ends_on', 'provider_organisation_id'])
    .where('ends_on', '>=', addCalendarDays(today, -(OVERDUE_REMINDER_WINDOW_DAYS + 400)))
    .execute();
  let sent = 0;
  for (const c of contracts) {
    for (const e of expectedReports(c)) {
      const step = reminderFor(e.dueOn, today);
      if (!step) continue;
      if (step === 'overdue' && compareIsoDates(e.dueOn, addCalendarDays(today, -OVERDUE_REMINDER_WINDOW_DAYS)) < 0) continue;
      const submitted = await db.selectFrom('provider_reports').select('id').where('contract_id', '=', c.id).where('kind', '=', e.kind).where('period_end', '=', e.periodEnd).where('status', '=', 'submitted').executeTakeFirst();
      if (submitted) continue;
      const admins = await db.selectFrom('users').select(['id', 'locale']).where('organisation_id', '=', c.provider_organisation_id).where('role', '=', 'provider_admin').where('active', '=', true).execute();
      for (const admin of admins) {
        const kind = translate(admin.locale, e.kind === 'final' ? 'PROVIDER_REPORT_KIND_FINAL' : 'PROVIDER_REPORT_KIND_MONITORING');
        const params = { kind, contract: c.reference, period: `${formatDateEt(e.periodStart)}–${formatDateEt(e.periodEnd)}`, due: formatDateEt(e.dueOn) };
        const dedupeKey = `provider-report-${c.id}-${e.kind}-${e.periodEnd}-${step}-${admin.id}`;
        const done = await once(db, dedupeKey, (trx) =>
          notify(trx, {
            userId: admin.id,
            kind: 'deadline',
            titleKey: step === 'overdue' ? 'providerReports.notifications.overdue' : 'providerReports.notifications.due',
            params: { ...params, kind: e.kind },
            link: '/families/provider-reports',
            mail: {
              subject: translate(admin.locale, step === 'overdue' ? 'MAIL_PROVIDER_REPORT_OVERDUE_SUBJECT' : 'MAIL_PROVIDER_REPORT_DUE_SUBJECT', params),
              bodyText: translate(admin.locale, 'MAIL_PROVIDER_REPORT_DUE_BODY', params),
              dedupeKey,
            },
          }),
        );
        if (done) sent++;
      }
    }
  }
  return sent;
}

export function providerReportJobs(db: Kysely<DB>): JobDefinition[] {
  return [{ name: 'provider-report-reminders', cron: '30 7 * * *', run: () => remindProviderReports(db) }];
}

/** Home page: a provider admin's reports due within 14 days or overdue; SKA contact's reports submitted in the last 30 days. */
export const providerReportDueItems: DueItemsProvider[] = [
  async (db, actor) => {
    if (actor.role !== 'provider_admin' && actor.role !== 'ska_contact') return [];
    const today = todayInTallinn(new Date());
    if (actor.role === 'ska_contact') {
      const { n } = await db
        .selectFrom('provider_reports')
        .select(sql<number>`count(*)::int`.as('n'))
        .where(providerReportScope(actor))
        .where('provider_reports.submitted_on', '>=', addCalendarDays(today, -30))
        .executeTakeFirstOrThrow();
      return n > 0 ? [{ id: 'providerReports.submitted', module: 'families', titleKey: 'providerReports.home.submitted', count: n, severity: 'info', link: '/families/provider-reports?status=submitted' }] : [];
    }
    const open = (await reportSchedule(db, actor, today, { status: 'open' })).filter((i) => compareIsoDates(i.dueOn, addCalendarDays(today, 14)) <= 0 && compareIsoDates(i.dueOn, addCalendarDays(today, -365)) >= 0);
    if (open.length === 0) return [];
    const overdue = open.filter((i) => i.overdue);
    const items: DueItem[] = [];
    if (overdue.length) items.push({ id: 'providerReports.overdue', module: 'families', titleKey: 'providerReports.home.overdue', count: overdue.length, dueDate: overdue[0]!.dueOn, severity: 'overdue', link: '/families/provider-reports' });
    const soon = open.filter((i) => !i.overdue);
    if (soon.length) items.push({ id: 'providerReports.due', module: 'families', titleKey: 'providerReports.home.due', count: soon.length, dueDate: soon[0]!.dueOn, severity: 'warning', link: '/families/provider-reports' });
    return items;
  },
];
