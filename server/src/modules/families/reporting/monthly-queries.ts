import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { monthlyReportScope, type Action } from '../../../platform/policy/policy.js';
import type { MonthlyReportStatus } from '../service-tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export function selectReports(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('monthly_reports')
    .innerJoin('organisations as provider', 'provider.id', 'monthly_reports.provider_organisation_id')
    .leftJoin('provider_contracts as contract', 'contract.id', 'monthly_reports.contract_id')
    .selectAll('monthly_reports')
    .select(['provider.name as provider_name', 'contract.reference as contract_reference'])
    .where(monthlyReportScope(actor, action));
}

export type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

export function findReport(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return selectReports(db, actor, action).where('monthly_reports.id', '=', id).executeTakeFirst();
}

export interface ReportFilter {
  month?: string | undefined;
  status?: MonthlyReportStatus | undefined;
  providerId?: string | undefined;
}

/** Reports in scope; SKA sees those awaiting approval first, everyone then the newest month first. */
export function listReports(db: Db, actor: Actor, filter: ReportFilter, limit = 200) {
  let query = selectReports(db, actor);
  if (filter.month) query = query.where('monthly_reports.month', '=', filter.month);
  if (filter.status) query = query.where('monthly_reports.status', '=', filter.status);
  if (filter.providerId) query = query.where('monthly_reports.provider_organisation_id', '=', filter.providerId);
  return query
    .orderBy(sql`case when monthly_reports.status = 'submitted' then 0 else 1 end`)
    .orderBy('monthly_reports.month', 'desc')
    .orderBy('provider.name')
    .limit(limit)
    .execute();
}

/** The specialist record of a provider_specialist user, if any. */
export async function specialistIdsOfUser(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom('provider_specialists').select('id').where('user_id', '=', userId).execute()).map((r) => r.id);
}

/**
 * A revision's lines with family, specialist and group names. A specialist
 * sees only their own lines. Names are the family reference and the parents'
 * names — never a child's name or origin data (X-SECRET, adoption secrecy).
 */
export async function linesOf(db: Db, actor: Actor, reportId: string, revision: number) {
  let query = db
    .selectFrom('monthly_report_lines as l')
    .leftJoin('families as f', 'f.id', 'l.family_id')
    .leftJoin('provider_specialists as s', 's.id', 'l.specialist_id')
    .leftJoin('users as su', 'su.id', 's.user_id')
    .selectAll('l')
    .select([
      'f.reference as family_reference',
      'f.adoption_secrecy',
      'su.name as specialist_name',
      's.user_id as specialist_user_id',
      sql<string | null>`(select string_agg(p.first_name || ' ' || p.last_name, ', ' order by p.last_name, p.first_name) from family_parents fp join people p on p.id = fp.person_id where fp.family_id = l.family_id)`.as('parent_names'),
    ])
    .where('l.report_id', '=', reportId)
    .where('l.revision', '=', revision);
  if (actor.role === 'provider_specialist') query = query.where('s.user_id', '=', actor.userId);
  return query.orderBy('l.position').execute();
}

export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

export function signaturesOf(db: Db, reportId: string, revision: number) {
  return db
    .selectFrom('monthly_report_signatures as g')
    .innerJoin('users as u', 'u.id', 'g.confirmed_by')
    .leftJoin('report_files as rf', 'rf.id', 'g.file_id')
    .select(['g.id', 'g.signer', 'g.specialist_id', 'g.family_id', 'g.method', 'g.file_id', 'g.confirmed_at', 'u.name as confirmed_by_name', 'rf.filename'])
    .where('g.report_id', '=', reportId)
    .where('g.revision', '=', revision)
    .orderBy('g.confirmed_at')
    .execute();
}

export type SignatureRow = Awaited<ReturnType<typeof signaturesOf>>[number];

export function eventsOf(db: Db, reportId: string) {
  return db
    .selectFrom('monthly_report_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.revision', 'e.kind', 'e.comment', 'e.total_cents', 'e.at', 'u.name as actor_name'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.id')
    .execute();
}

