import type { SubactivityStatus } from './types';

export const STATUS_COLOR: Record<SubactivityStatus, string> = { planned: 'gray', in_progress: 'blue', done: 'green', cancelled: 'gray' };

/** Day number of an ISO date (UTC arithmetic on the date alone: no time zone involved). */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Where each month starts within the period, and where today is, as fractions 0–1. */
export function periodScale(periodStart: string, periodEnd: string, months: string[], today: string) {
  const start = dayNumber(periodStart);
  const total = dayNumber(periodEnd) - start + 1;
  const at = (iso: string) => (dayNumber(iso) - start) / total;
  const todayAt = at(today);
  return {
    months: months.map((m) => ({ month: m, offset: Math.max(0, at(`${m}-01`)) })),
    today: todayAt >= 0 && todayAt < 1 ? todayAt : null,
  };
}

export const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;
