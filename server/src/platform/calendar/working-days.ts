/**
 * X-CAL — working-day calendar for Estonian deadlines.
 *
 * "Deadlines count working days: Monday–Friday minus Estonian public holidays
 * (1 Jan, 24 Feb, Good Friday, Easter Sunday, 1 May, Pentecost, 23–24 Jun,
 * 20 Aug, 24–26 Dec). Example: 5 working days from Friday 2024-12-20 is
 * Thursday 2025-01-02."
 *
 * Calendar dates are plain ISO strings ('YYYY-MM-DD'). All arithmetic is done
 * on an integer day number (days since 1970-01-01) with a proleptic Gregorian
 * conversion, so nothing here reads the process time zone: results are the
 * same under TZ=Europe/Tallinn, UTC or America/Los_Angeles. Never introduce
 * local-time Date getters (getDate, getDay, getMonth, getFullYear, ...) here.
 */
import Holidays from 'date-holidays';

/** A calendar date without time or zone, formatted 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Thrown for strings that are not a real calendar date in 'YYYY-MM-DD' form. */
export class InvalidDateError extends Error {
  readonly code = 'invalid_date' as const;
  constructor(readonly value: unknown) {
    super(`Invalid calendar date: ${JSON.stringify(value)} (expected a real date as YYYY-MM-DD)`);
    this.name = 'InvalidDateError';
  }
}

type Ymd = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a given year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses 'YYYY-MM-DD' into parts, or null when it is not a real date (e.g. 2023-02-29). */
function tryParse(value: unknown): Ymd | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0000 is excluded: it is not a year in everyday (or legal) use.
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when the value is a real calendar date string 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  return tryParse(value) !== null;
}

/** Validates and splits an ISO date; throws InvalidDateError otherwise. */
export function parseIsoDate(value: IsoDate): Ymd {
  const parts = tryParse(value);
  if (!parts) throw new InvalidDateError(value);
  return parts;
}

/** Returns the value unchanged when it is a real ISO date; throws InvalidDateError otherwise. */
export function assertIsoDate(value: unknown): IsoDate {
  if (!isIsoDate(value)) throw new InvalidDateError(value);
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatYmd({ year, month, day }: Ymd): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Day-number conversions after Howard Hinnant's "days_from_civil" algorithm.
// Integer-only, so there is no time zone or DST anywhere in the calculation.
function toDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 so the leap day is the last day of the "year"
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function dayNumberToIso(dayNumber: number): IsoDate {
  const result = fromDayNumber(dayNumber);
  // Keep results inside the range that parseIsoDate accepts back.
  if (result.year < 1 || result.year > 9999) throw new RangeError(`Date out of range (year ${result.year})`);
  return formatYmd(result);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const dayNumber = toDayNumber(parseIsoDate(date));
  // 1970-01-01 (day 0) was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Adds (or with a negative n, subtracts) calendar days. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of days');
  return dayNumberToIso(toDayNumber(parseIsoDate(date)) + n);
}

/**
 * Adds whole months; a day that does not exist in the target month is clamped
 * to that month's last day (2024-01-31 + 1 → 2024-02-29, 2023-01-31 + 1 →
 * 2023-02-28), which is how "one month from" is read in Estonian law and practice.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of months');
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError(`Date out of range (year ${targetYear})`);
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatYmd({ year: targetYear, month: targetMonth, day: targetDay });
}

// --- Public holidays -------------------------------------------------------

let holidayCalendar: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * Estonian public holidays of one year, cached. date-holidays also reports
 * 'observance' days for EE (e.g. 6 Jan, 14 Mar, Mother's Day) — those are
 * ordinary working days and must not extend deadlines, so only type 'public'
 * counts. The `date` field is the local calendar date in the country's own
 * zone ('YYYY-MM-DD hh:mm:ss'), so reading its first 10 characters is
 * independent of the process time zone (unlike the `start` Date).
 */
export function publicHolidays(year: number): ReadonlySet<IsoDate> {
  assertInteger(year, 'Year');
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  holidayCalendar ??= new Holidays('EE');
  const dates = holidayCalendar
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => h.date.slice(0, 10));
  const set: ReadonlySet<IsoDate> = new Set(dates);
  holidaysByYear.set(year, set);
  return set;
}

/** True when the date is an Estonian public holiday (rahvuspüha or riigipüha). */
export function isPublicHoliday(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  return publicHolidays(year).has(date);
}

/** Monday–Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}

/**
 * The date n working days after `date`. Counting starts the day after the
 * start date (spec: 5 working days from Fri 2024-12-20 is Thu 2025-01-02), so
 * the start date itself never counts, even when it is a working day.
 *
 * n = 0 returns `date` unchanged, also when it is a weekend or holiday: zero
 * days have been counted, and this keeps the invariant
 * workingDaysBetween(d, addWorkingDays(d, n)) === n for every n ≥ 0.
 * Callers that need "the next working day on or after d" should use
 * nextWorkingDayOnOrAfter.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of working days');
  if (n < 0) throw new RangeError(`Number of working days must be ≥ 0, got ${n}`);
  let current = assertIsoDate(date);
  for (let counted = 0; counted < n; ) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/**
 * The working day n working days before `date` (a deadline "n working days
 * before the court date"): the mirror of addWorkingDays, counting from the day before.
 */
export function subtractWorkingDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'Number of working days');
  if (n < 0) throw new RangeError(`Number of working days must be ≥ 0, got ${n}`);
  let current = assertIsoDate(date);
  for (let counted = 0; counted < n; ) {
    current = addCalendarDays(current, -1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let current = assertIsoDate(date);
  while (!isWorkingDay(current)) current = addCalendarDays(current, 1);
  return current;
}

/**
 * Working days after `from` up to and including `to` — the same counting as
 * addWorkingDays, so workingDaysBetween(d, addWorkingDays(d, n)) === n.
 * When `to` is before `from` the result is negative (−working days after `to`
 * up to and including `from`), which reads naturally as "days overdue".
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = toDayNumber(parseIsoDate(from));
  const end = toDayNumber(parseIsoDate(to));
  if (end < start) return -workingDaysBetween(to, from);
  let count = 0;
  for (let d = start + 1; d <= end; d += 1) {
    if (isWorkingDay(dayNumberToIso(d))) count += 1;
  }
  return count;
}

// --- Wall clock ------------------------------------------------------------

const tallinnDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Tallinn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Estonia at the instant `now`. Deadlines are Estonian
 * dates, so "today" must not follow the server's own TZ setting.
 */
export function todayInTallinn(now: Date): IsoDate {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new InvalidDateError(now);
  // Tallinn's offsets are whole hours, so its date changes only on a UTC minute boundary: every
  // instant of one UTC minute has the same Tallinn date. formatToParts is slow; lists call this per row.
  const minute = Math.floor(time / 60_000);
  if (minute !== lastMinute) {
    lastMinute = minute;
    lastDate = formatTallinnDate(now);
  }
  return lastDate;
}

let lastMinute = Number.NaN;
let lastDate: IsoDate = '';

function formatTallinnDate(now: Date): IsoDate {
  // formatToParts rather than format(): the joined layout of 'en-CA' has
  // changed between ICU versions, the parts have not.
  const parts = tallinnDateFormat.formatToParts(now);
  const get = (type: 'year' | 'month' | 'day'): string => parts.find((p) => p.type === type)?.value ?? '';
  return assertIsoDate(`${get('year')}-${get('month')}-${get('day')}`);
}

/** Estonian display form 'dd.mm.yyyy'. */
export function formatDateEt(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${pad(day, 2)}.${pad(month, 2)}.${pad(year, 4)}`;
}

/** Compares two ISO dates (string order equals date order for 'YYYY-MM-DD'). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const diff = toDayNumber(parseIsoDate(a)) - toDayNumber(parseIsoDate(b));
  return Math.sign(diff);
}
