import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { contractScope, monthlyReportScope } from '../../../platform/policy/policy.js';
import { compareIsoDates } from '../../../platform/calendar/working-days.js';

/**
 * Spend against contract (SKA's view of module B's money): per provider
 * contract, the approved monthly totals month by month and cumulatively,
 * what is submitted and waiting for SKA, and what has been e-invoiced.
 *
 * Decision: a contract in Tugi has unit prices but no ceiling amount (the
 * schema has none and the seed names none), so nothing is invented: spend is
 * shown against the contract period (share of the period elapsed), not
 * against a budget.
 */
export interface SpendMonth {
  month: string;
  approvedCents: number;
  submittedCents: number;
  cumulativeApprovedCents: number;
}

export interface ContractSpend {
  contractId: string;
  reference: string;
  providerId: string;
  providerName: string;
  startsOn: string;
  endsOn: string;
  /** Share of the contract period elapsed by `today`, 0…1. */
  periodElapsed: number;
  approvedToDateCents: number;
  submittedCents: number;
  invoicedCents: number;
  months: SpendMonth[];
}

export interface ReportAmount {
  contract_id: string | null;
  month: string;
  status: string;
  total_cents: string | number;
  invoiced_cents: string | number | null;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function periodElapsed(startsOn: string, endsOn: string, today: string): number {
  if (compareIsoDates(today, startsOn) < 0) return 0;
  if (compareIsoDates(today, endsOn) >= 0) return 1;
  const total = dayNumber(endsOn) - dayNumber(startsOn) + 1;
  return Math.round(((dayNumber(today) - dayNumber(startsOn) + 1) / total) * 1000) / 1000;
}

/**
 * One contract's months of the year: approved and waiting amounts; the
 * cumulative line starts from what was approved before the year.
 */
export function spendOfContract(year: number, reports: readonly ReportAmount[]): Pick<ContractSpend, 'approvedToDateCents' | 'submittedCents' | 'invoicedCents' | 'months'> {
  const months: SpendMonth[] = Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, approvedCents: 0, submittedCents: 0, cumulativeApprovedCents: 0 }));
  let before = 0;
  let approvedToDate = 0;
  let submitted = 0;
  let invoiced = 0;
  for (const r of reports) {
    const cents = Number(r.total_cents);
    const m = months.find((x) => x.month === r.month);
    if (r.status === 'approved') {
      approvedToDate += cents;
      invoiced += Number(r.invoiced_cents ?? 0);
      if (m) m.approvedCents += cents;
      else if (r.month < months[0]!.month) before += cents;
    } else if (r.status === 'submitted') {
      submitted += cents;
      if (m) m.submittedCents += cents;
    }
  }
  let running = before;
  for (const m of months) {
    running += m.approvedCents;
    m.cumulativeApprovedCents = running;
  }
  return { approvedToDateCents: approvedToDate, submittedCents: submitted, invoicedCents: invoiced, months };
}

/** Contracts in force during the year (policy applied to contracts and reports), with their spend. */
export async function contractSpend(db: Kysely<DB>, actor: Actor, year: number, today: string): Promise<ContractSpend[]> {
  const contracts = await db
    .selectFrom('provider_contracts')
    .innerJoin('organisations as provider', 'provider.id', 'provider_contracts.provider_organisation_id')
    .select(['provider_contracts.id', 'provider_contracts.reference', 'provider_contracts.provider_organisation_id', 'provider.name as provider_name', 'provider_contracts.starts_on', 'provider_contracts.ends_on'])
    .where(contractScope(actor))
    .where('provider_contracts.starts_on', '<=', `${year}-12-31`)
    .where('provider_contracts.ends_on', '>=', `${year}-01-01`)
    .orderBy('provider.name')
    .orderBy('provider_contracts.starts_on')
    .execute();
  if (contracts.length === 0) return [];
  const reports = await db
    .selectFrom('monthly_reports')
    .leftJoin('e_invoices', 'e_invoices.report_id', 'monthly_reports.id')
    .select(['monthly_reports.contract_id', 'monthly_reports.month', 'monthly_reports.status', 'monthly_reports.total_cents', 'e_invoices.total_cents as invoiced_cents'])
    .where(monthlyReportScope(actor))
    .where('monthly_reports.contract_id', 'in', contracts.map((c) => c.id))
    .where('monthly_reports.status', 'in', ['submitted', 'approved'])
    .where('monthly_reports.month', '<=', `${year}-12`)
    .execute();
  return contracts.map((c) => ({
    contractId: c.id,
    reference: c.reference,
    providerId: c.provider_organisation_id,
    providerName: c.provider_name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    periodElapsed: periodElapsed(c.starts_on, c.ends_on, today),
    ...spendOfContract(
      year,
      reports.filter((r) => r.contract_id === c.id),
    ),
  }));
}
