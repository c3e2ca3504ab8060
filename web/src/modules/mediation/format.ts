import { TIME_ZONE } from '../../platform/format';

/** Times of module E: instants shown in Europe/Tallinn, whatever the browser's zone. */
const time = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** 'HH:mm' in Tallinn. */
export const formatTime = (iso: string) => time.format(new Date(iso));

/** The Tallinn calendar day of an instant, 'YYYY-MM-DD'. */
export const tallinnDay = (iso: string) => day.format(new Date(iso));

/** 'esmaspäev' / 'Monday' / 'понедельник' for a calendar day. */
export function weekdayName(isoDay: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'et' ? 'et-EE' : language === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`));
}

/** A calendar day plus n days ('YYYY-MM-DD'). */
export function addDays(isoDay: string, n: number): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week of a calendar day. */
export function mondayOf(isoDay: string): string {
  const weekday = (new Date(`${isoDay}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(isoDay, -weekday);
}

/** Groups items by their Tallinn day, in order. */
export function byDay<T>(items: readonly T[], instant: (item: T) => string): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const key = tallinnDay(instant(item));
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return [...days.entries()];
}

