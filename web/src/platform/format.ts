/** Dates are shown as dd.mm.yyyy in Europe/Tallinn, whatever the UI language. */
export const TIME_ZONE = 'Europe/Tallinn';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface TallinnParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function tallinnParts(date: Date): TallinnParts {
  const parts: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(date)) parts[p.type] = p.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
  };
}

function toDate(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 'YYYY-MM-DD' or an ISO timestamp → 'dd.mm.yyyy' (timestamps in Tallinn time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = DATE_ONLY.exec(value);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  const date = toDate(value);
  if (!date) return value;
  const p = tallinnParts(date);
  return `${p.day}.${p.month}.${p.year}`;
}

/** ISO timestamp → 'dd.mm.yyyy HH:mm' in Tallinn time. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const date = toDate(value);
  if (!date) return value;
  const p = tallinnParts(date);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.day}.${p.month}.${p.year} ${time}`;
}

/** Today's date in Tallinn as 'YYYY-MM-DD'. */
export function todayInTallinn(now: Date = new Date()): string {
  const p = tallinnParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 'dd.mm.yyyy' (also d.m.yyyy) typed by a user → 'YYYY-MM-DD', or null. */
export function parseEstonianDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/** True when 'YYYY-MM-DD' names a day that exists in the calendar. */
export function isRealDate(iso: string): boolean {
  const m = DATE_ONLY.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Full years between birthDate and today ('YYYY-MM-DD' strings). */
export function ageOn(birthDate: string, today: string = todayInTallinn()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/**
 * Money is integer cents (SPEC §9); shown as euros without floating point:
 * 123456789 → "1 234 567,89 €" (et, ru) or "€1,234,567.89" (en).
 */
export function formatEuros(cents: number, language = 'et'): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const english = language === 'en';
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, english ? ',' : '\u00a0');
  const amount = `${whole}${english ? '.' : ','}${String(abs % 100).padStart(2, '0')}`;
  return `${negative ? '−' : ''}${english ? `€${amount}` : `${amount}\u00a0€`}`;
}

/** A file's size for people: bytes, kB or MB (1024-based, as file managers show it). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
