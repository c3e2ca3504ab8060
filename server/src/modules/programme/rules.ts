import { addCalendarDays, addMonths, compareIsoDates, daysInMonth, type IsoDate } from '../../platform/calendar/working-days.js';
import type { SubactivityStatus } from './tables.js';

/**
 * D-PLAN as pure functions: a sub-activity's general timeframe, whether it is
 * overdue, whether it runs in a month, and where its Gantt bar lies in the plan year.
 */

/** "2024" or "2024–2027" (en dash or hyphen) → the years; null when it is neither. */
export function parseTimeframe(text: string): { from: number; to: number } | null {
  const m = /^\s*(\d{4})\s*(?:[–-]\s*(\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from ? { from, to } : null;
}

const OPEN: ReadonlySet<SubactivityStatus> = new Set(['planned', 'in_progress']);

/** Overdue: its end date has passed (today is after it) and it is neither done nor cancelled. */
export function isOverdue(s: { endsOn: IsoDate; status: SubactivityStatus }, today: IsoDate): boolean {
  return OPEN.has(s.status) && compareIsoDates(s.endsOn, today) < 0;
}

export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → its first and last day. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(year, mon)).padStart(2, '0')}` };
}

/** "What runs this month": the sub-activity's dates overlap the month (both ends count). */
export function runsInMonth(s: { startsOn: IsoDate; endsOn: IsoDate }, month: string): boolean {
  const { first, last } = monthBounds(month);
  return compareIsoDates(s.startsOn, last) <= 0 && compareIsoDates(s.endsOn, first) >= 0;
}

/** The month the month list opens on: today's, moved into the plan period when today is outside it. */
export function defaultMonth(today: IsoDate, period: { start: IsoDate; end: IsoDate }): string {
  if (compareIsoDates(today, period.start) < 0) return period.start.slice(0, 7);
  if (compareIsoDates(today, period.end) > 0) return period.end.slice(0, 7);
  return today.slice(0, 7);
}

/** The plan period's months, 'YYYY-MM', in order. */
export function periodMonths(period: { start: IsoDate; end: IsoDate }): string[] {
  const months: string[] = [];
  for (let m = `${period.start.slice(0, 7)}-01`; compareIsoDates(m, period.end) <= 0; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

/** Days from `from` to `to` (to − from). */
function daysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  // Plans span a year or a few; a loop over days is clear and cheap enough.
  if (compareIsoDates(to, from) >= 0) for (let d = from; d !== to; d = addCalendarDays(d, 1)) n += 1;
  else for (let d = to; d !== from; d = addCalendarDays(d, 1)) n -= 1;
  return n;
}

/**
 * A Gantt bar within the plan period: offset and length as fractions of the
 * period (0–1), and whether the bar is cut at either end (a sub-activity dated
 * outside the plan year, like 2.3's "01.01.2024–31.12.2027").
 */
export function ganttBar(s: { startsOn: IsoDate; endsOn: IsoDate }, period: { start: IsoDate; end: IsoDate }) {
  const total = daysBetween(period.start, period.end) + 1;
  const start = compareIsoDates(s.startsOn, period.start) < 0 ? period.start : s.startsOn;
  const end = compareIsoDates(s.endsOn, period.end) > 0 ? period.end : s.endsOn;
  if (compareIsoDates(end, start) < 0) return { offset: 0, length: 0, cutBefore: false, cutAfter: false, outside: true };
  return {
    offset: daysBetween(period.start, start) / total,
    length: (daysBetween(start, end) + 1) / total,
    cutBefore: compareIsoDates(s.startsOn, period.start) < 0,
    cutAfter: compareIsoDates(s.endsOn, period.end) > 0,
    outside: false,
  };
}
