import { addCalendarDays, compareIsoDates } from '../../../platform/calendar/working-days.js';
import type { ProviderReportKind } from '../service-tables.js';

/**
 * B-REP-3 (003 §3.3–3.4) — when monitoring and final reports are due.
 *
 * Decisions:
 * - Monitoring reports are due on 3 January and 3 June. The 3 June report
 *   covers 1 January – 31 May of that year, the 3 January report 1 June –
 *   31 December of the year before, so the periods follow each other without
 *   gaps; each is clipped to the contract period.
 * - The final report covers the whole contract. A contract ending on
 *   31 December ends regularly: final report due 3 January of the next year
 *   (§3.4). A contract ending on any other day ends early: due 10 calendar
 *   days after its last day (15.03 → 25.03). The contract table keeps one end
 *   date, so that date decides which case applies.
 * - Due dates are calendar dates: 3 January on a Sunday stays 3 January
 *   (the contract names a date, not a working day).
 * - A monitoring report is expected only for due dates up to the final
 *   report's due date: after an early end the final report replaces the rest.
 *   When both fall on the same 3 January, both are due (as the seed says).
 */
export const MONITORING_DUE_DAYS = ['01-03', '06-03'] as const;
export const EARLY_END_DAYS = 10;
/** Reminders this many days before a due date, and once when it has passed (X-NOTIFY). */
export const REMINDER_DAYS = [14, 3] as const;

export interface ContractPeriod {
  starts_on: string;
  ends_on: string;
}

export interface ExpectedReport {
  kind: ProviderReportKind;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
}

export function finalReportDue(endsOn: string): string {
  return endsOn.slice(5) === '12-31' ? `${Number(endsOn.slice(0, 4)) + 1}-01-03` : addCalendarDays(endsOn, EARLY_END_DAYS);
}

export function endsEarly(endsOn: string): boolean {
  return endsOn.slice(5) !== '12-31';
}

/** The half-year a monitoring report due on `dueOn` covers (before clipping to the contract). */
export function monitoringPeriod(dueOn: string): { start: string; end: string } {
  const year = Number(dueOn.slice(0, 4));
  if (dueOn.slice(5) === '01-03') return { start: `${year - 1}-06-01`, end: `${year - 1}-12-31` };
  if (dueOn.slice(5) === '06-03') return { start: `${year}-01-01`, end: `${year}-05-31` };
  throw new RangeError(`${dueOn} is not a monitoring report due date`);
}

const max = (a: string, b: string) => (compareIsoDates(a, b) >= 0 ? a : b);
const min = (a: string, b: string) => (compareIsoDates(a, b) <= 0 ? a : b);

/** Every monitoring report and the final report a contract asks for, by due date. */
export function expectedReports(contract: ContractPeriod): ExpectedReport[] {
  const finalDue = finalReportDue(contract.ends_on);
  const reports: ExpectedReport[] = [];
  const firstYear = Number(contract.starts_on.slice(0, 4));
  const lastYear = Number(finalDue.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const day of MONITORING_DUE_DAYS) {
      const dueOn = `${year}-${day}`;
      if (compareIsoDates(dueOn, finalDue) > 0) continue;
      const period = monitoringPeriod(dueOn);
      const start = max(period.start, contract.starts_on);
      const end = min(period.end, contract.ends_on);
      if (compareIsoDates(start, end) > 0) continue;
      reports.push({ kind: 'monitoring', periodStart: start, periodEnd: end, dueOn });
    }
  }
  reports.push({ kind: 'final', periodStart: contract.starts_on, periodEnd: contract.ends_on, dueOn: finalDue });
  return reports.sort((a, b) => compareIsoDates(a.dueOn, b.dueOn) || (a.kind === 'monitoring' ? -1 : 1));
}

/** Whether `report` is one the contract asks for (kind, period and due date as computed). */
export function findExpected(contract: ContractPeriod, kind: ProviderReportKind, periodEnd: string): ExpectedReport | undefined {
  return expectedReports(contract).find((r) => r.kind === kind && r.periodEnd === periodEnd);
}

/** Which reminder (if any) a report due on `dueOn` gets today: 14 or 3 days before, or overdue. */
export function reminderFor(dueOn: string, today: string): 'd14' | 'd3' | 'overdue' | null {
  if (compareIsoDates(today, dueOn) > 0) return 'overdue';
  if (today === addCalendarDays(dueOn, -14)) return 'd14';
  if (today === addCalendarDays(dueOn, -3)) return 'd3';
  return null;
}
