import { todayInTallinn } from '../../../platform/format';

/** Month and money helpers of the support-group pages. */

export function addMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const thisMonth = () => todayInTallinn().slice(0, 7);
export const nextMonth = () => addMonth(thisMonth(), 1);
/** B-GRP-1: the first month whose plan is still open (due by the 15th of the month before). */
export const firstOpenPlanMonth = () => (Number(todayInTallinn().slice(8, 10)) <= 15 ? nextMonth() : addMonth(thisMonth(), 2));

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Months from `back` before to `ahead` after this month, newest first. */
export function monthOptions(locale: string, back = 6, ahead = 3): { value: string; label: string }[] {
  const base = thisMonth();
  const out: { value: string; label: string }[] = [];
  for (let i = ahead; i >= -back; i--) {
    const m = addMonth(base, i);
    out.push({ value: m, label: monthLabel(m, locale) });
  }
  return out;
}

export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const text = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export { formatEuros as euros } from '../../../platform/format';

export function units(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
