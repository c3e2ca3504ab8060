/**
 * Wall-clock time in Europe/Tallinn (X-CAL, X-LOG: instants are stored in UTC
 * and shown in Tallinn time). Converts between an instant and a Tallinn date
 * plus 'HH:mm', with the daylight-saving changes handled: on the last Sunday
 * of March 03:00–03:59 does not exist (the clock jumps to 04:00), on the last
 * Sunday of October 03:00–03:59 happens twice.
 *
 * Only Intl with an explicit time zone is used, never the process zone, so the
 * results are the same under TZ=UTC or America/Los_Angeles.
 */
import { assertIsoDate, parseIsoDate, todayInTallinn, type IsoDate } from './working-days.js';

/** 'HH:mm', 24-hour. */
export type WallTime = string;

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isWallTime(value: unknown): value is WallTime {
  return typeof value === 'string' && WALL_TIME.test(value);
}

/** Minutes since midnight of a 'HH:mm'. */
export function minutesOfDay(time: WallTime): number {
  const m = WALL_TIME.exec(time);
  if (!m) throw new RangeError(`Invalid time ${JSON.stringify(time)} (expected HH:mm)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Tallinn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wallParts(ms: number) {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(new Date(ms))) p[part.type] = part.value;
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute) };
}

/** Tallinn's offset from UTC at an instant, in minutes (120 in winter, 180 in summer). */
export function tallinnOffsetMinutes(instant: Date): number {
  const ms = Math.floor(instant.getTime() / 60_000) * 60_000;
  const w = wallParts(ms);
  return (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - ms) / 60_000;
}

/**
 * The instant of a Tallinn wall-clock time. A time that does not exist (the
 * spring gap) is moved forward by the gap, as clocks do (03:30 → 04:30); a
 * time that happens twice (the autumn overlap) is the first one.
 */
export function tallinnInstant(date: IsoDate, time: WallTime): Date {
  const { year, month, day } = parseIsoDate(date);
  const asUtc = Date.UTC(year, month - 1, day) + minutesOfDay(time) * 60_000;
  // Offsets around the wall time: the one before any change that day, and the one after.
  const before = tallinnOffsetMinutes(new Date(asUtc - 14 * 3_600_000));
  const after = tallinnOffsetMinutes(new Date(asUtc + 14 * 3_600_000));
  const valid = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((ms) => tallinnOffsetMinutes(new Date(ms)) * 60_000 === asUtc - ms)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? asUtc - before * 60_000);
}

/** The Tallinn date and 'HH:mm' of an instant. */
export function tallinnWallClock(instant: Date): { date: IsoDate; time: WallTime } {
  const w = wallParts(instant.getTime());
  return { date: todayInTallinn(instant), time: `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` };
}

/** 'dd.mm.yyyy HH:mm' in Tallinn. */
export function formatTallinnDateTimeEt(instant: Date): string {
  const { date, time } = tallinnWallClock(instant);
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)} ${time}`;
}

/** The instant a Tallinn calendar day starts (00:00 there). */
export function startOfTallinnDay(date: IsoDate): Date {
  return tallinnInstant(assertIsoDate(date), '00:00');
}
