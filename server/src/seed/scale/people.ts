import { addCalendarDays, type IsoDate } from '../../platform/calendar/working-days.js';
import { personalCodeCheckDigit } from '../../modules/people/personal-code.js';
import { searchNameOf } from '../../modules/people/rules.js';
import { prng, type Random } from '../random.js';
import type { Row } from './copy.js';

/** Names, personal codes and ids for seed:scale; deterministic for a seed. */
export const MALE_FIRST = ['Mihkel', 'Robin', 'Rasmus', 'Oliver', 'Sebastian', 'Kevin', 'Markus', 'Artur', 'Karl', 'Daniel', 'Maksim', 'Artjom', 'Nikita', 'Jaan', 'Toomas', 'Andres', 'Margus', 'Sergei', 'Rein', 'Tõnu', 'Priit', 'Ülo', 'Marko', 'Siim', 'Kristjan', 'Hugo', 'Oskar', 'Sander', 'Joosep', 'Aleksei'];
export const FEMALE_FIRST = ['Sofia', 'Emma', 'Mia', 'Eliise', 'Lenna', 'Laura', 'Hanna', 'Grete', 'Liisa', 'Marta', 'Anastasia', 'Viktoria', 'Polina', 'Mari', 'Kati', 'Liis', 'Anu', 'Tiina', 'Urve', 'Olga', 'Svetlana', 'Irina', 'Kärt', 'Mirjam', 'Helen', 'Kadri', 'Piret', 'Õie', 'Maarja', 'Jelena'];
export const LAST = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Kuusk', 'Põder', 'Oja', 'Lõhmus', 'Vaher', 'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Karu', 'Kallas', 'Raudsepp', 'Laur', 'Kõiv', 'Luik', 'Jõgi', 'Allik', 'Mets', 'Teder', 'Lill', 'Kangur', 'Pihlak', 'Nõmm', 'Sild', 'Unt', 'Vares', 'Hunt', 'Kivi', 'Toom'];

/** A PRNG that knows which entity it belongs to, so the ids it makes cannot collide with another entity's. */
export type KeyedRandom = Random & { key?: number };

/**
 * A UUID (v4 layout) drawn from the PRNG, so ids repeat for the same seed. The
 * last 12 hex digits are the entity's key (seed, stream, index): per-entity
 * mulberry32 streams can overlap, the keys cannot.
 */
export function uuidFrom(random: KeyedRandom): string {
  const hex = (n: number) => Math.floor(n * 4294967296).toString(16).padStart(8, '0');
  const a = hex(random());
  const b = hex(random());
  const c = hex(random());
  const key = (random.key ?? Math.floor(random() * 2 ** 48)).toString(16).padStart(12, '0');
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0]!, 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${key}`;
}

/** A PRNG of its own for entity `index` of `stream`, so each table can be regenerated independently. */
export function entityRandom(seed: number, stream: number, index: number): KeyedRandom {
  const random: KeyedRandom = prng((Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(stream, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0);
  random.key = ((seed & 0x3ff) * 64 + (stream & 63)) * 2 ** 32 + index;
  return random;
}

/**
 * Valid Estonian personal codes (X-ID), unique: a serial counter per birth
 * date and sex, skipping codes already in the database.
 */
export class PersonalCodes {
  private readonly serials = new Map<string, number>();
  constructor(private readonly taken: Set<string>) {}

  next(birthDate: IsoDate, sex: 'male' | 'female'): string | null {
    const year = Number(birthDate.slice(0, 4));
    const century = year >= 2000 ? (sex === 'male' ? 5 : 6) : sex === 'male' ? 3 : 4;
    const head = `${century}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}`;
    let serial = this.serials.get(head) ?? 0;
    while (serial < 1000) {
      const first10 = `${head}${String(serial).padStart(3, '0')}`;
      serial++;
      const code = `${first10}${personalCodeCheckDigit(first10)}`;
      if (!this.taken.has(code)) {
        this.serials.set(head, serial);
        return code;
      }
    }
    this.serials.set(head, serial);
    return null;
  }
}

export interface PersonRow {
  id: string;
  code: string | null;
  first: string;
  last: string;
  birthDate: IsoDate;
  sex: 'male' | 'female';
  createdAt: string;
}

/** A person born between `from` and `from + spanDays`, with a valid code for their birth date. */
export function makePerson(random: Random, codes: PersonalCodes, from: IsoDate, spanDays: number, createdOn: IsoDate, last?: string): PersonRow {
  const sex = random() < 0.5 ? 'male' : 'female';
  let birthDate = addCalendarDays(from, Math.floor(random() * Math.max(1, spanDays)));
  let code = codes.next(birthDate, sex);
  for (let tries = 0; !code && tries < 20; tries++) {
    birthDate = addCalendarDays(birthDate, 1);
    code = codes.next(birthDate, sex);
  }
  const first = sex === 'male' ? MALE_FIRST[Math.floor(random() * MALE_FIRST.length)]! : FEMALE_FIRST[Math.floor(random() * FEMALE_FIRST.length)]!;
  let family = last ?? LAST[Math.floor(random() * LAST.length)]!;
  if (sex === 'female' && /(ov|ev|in)$/.test(family)) family = `${family}a`;
  return { id: uuidFrom(random), code, first, last: family, birthDate, sex, createdAt: stamp(createdOn) };
}

export const PEOPLE_COLUMNS = ['id', 'personal_code', 'first_name', 'last_name', 'search_name', 'birth_date', 'sex', 'created_at', 'updated_at'] as const;

export function personRow(p: PersonRow): Row {
  return [p.id, p.code, p.first, p.last, searchNameOf(p.first, p.last), p.birthDate, p.sex, p.createdAt, p.createdAt];
}

/** A timestamp at office hours on a day, in Tallinn's winter offset (good enough for seeded history). */
export function stamp(day: IsoDate, hour = 10): string {
  return `${day} ${String(hour).padStart(2, '0')}:00:00+02`;
}
