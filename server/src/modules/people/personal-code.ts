/**
 * X-ID — Estonian personal identification code (isikukood, EVS 585:2007).
 *
 * "11 digits, century/sex digit 1–8, a real birth date, and the check digit
 * (weights 1..9,1 then 3..9,1,2,3; remainder 10 means 0). Birth date and age
 * derive from it. People without a code (foreigners, unborn children) are
 * allowed with a birth date."
 *
 * Layout: G YYMMDD SSS C — G century and sex, YYMMDD birth date, SSS serial,
 * C check digit. Whether a person needs a code at all is the caller's
 * decision; this module only says whether a given code is valid.
 */
import { isIsoDate, parseIsoDate, type IsoDate } from '../../platform/calendar/working-days.js';

export type PersonalCodeProblem = 'format' | 'century' | 'date' | 'checksum';

export type ParsedPersonalCode =
  | { ok: true; birthDate: IsoDate; sex: 'male' | 'female' }
  | { ok: false; reason: PersonalCodeProblem };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3] as const;

function weightedRemainder(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * Check digit of the first ten digits: the first-stage remainder, or when that
 * is 10 the second-stage remainder, or when that is also 10 the digit 0.
 */
export function personalCodeCheckDigit(firstTenDigits: string): number {
  if (!/^\d{10}$/.test(firstTenDigits)) throw new RangeError('Expected exactly 10 digits');
  const digits = [...firstTenDigits].map(Number);
  const first = weightedRemainder(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedRemainder(digits, SECOND_WEIGHTS);
  return second === 10 ? 0 : second;
}

/** 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s, 7/8 → 2100s; null for 0 and 9. */
function centuryStart(centuryDigit: number): number | null {
  if (centuryDigit < 1 || centuryDigit > 8) return null;
  return 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
}

/**
 * Validates a code and derives birth date and sex. Strict: the input must be
 * exactly 11 ASCII digits — run normalisePersonalCode first on user or TARA
 * input. Checks run in the order format → century → date → checksum, so the
 * reason names the first thing wrong. A future birth date is not rejected
 * here: that needs "today", and this function stays pure.
 */
export function parsePersonalCode(code: string): ParsedPersonalCode {
  if (!/^\d{11}$/.test(code)) return { ok: false, reason: 'format' };
  const centuryDigit = Number(code[0]);
  const century = centuryStart(centuryDigit);
  if (century === null) return { ok: false, reason: 'century' };
  const birthDate = `${century + Number(code.slice(1, 3))}-${code.slice(3, 5)}-${code.slice(5, 7)}`;
  if (!isIsoDate(birthDate)) return { ok: false, reason: 'date' };
  if (personalCodeCheckDigit(code.slice(0, 10)) !== Number(code[10])) return { ok: false, reason: 'checksum' };
  return { ok: true, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' };
}

export function isValidPersonalCode(code: string): boolean {
  return parsePersonalCode(code).ok;
}

/**
 * Trims and strips the country prefix that identity providers add: TARA's
 * subject is 'EE38001085718', and the ETSI semantics form used by Smart-ID and
 * Mobile-ID certificates is 'PNOEE-38001085718'. The result is not validated.
 */
export function normalisePersonalCode(input: string): string {
  const trimmed = input.trim();
  const match = /^(?:PNOEE-|EE)(\d+)$/i.exec(trimmed);
  return match?.[1] ?? trimmed;
}

/**
 * Age in whole years on `onDate`. Someone born on 29 February turns a year
 * older on 1 March in non-leap years (on 28 Feb they have not yet reached the
 * birthday), which is how Estonian registers count it — the month/day
 * comparison below gives exactly that.
 *
 * Before the birth date (an unborn child registered with the expected birth
 * date, which X-ID allows) the age is 0 rather than an error, so listing such
 * a person never fails; show "expected" by comparing the birth date with today.
 */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (onDate < birthDate) return 0;
  const birthdayReached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayReached ? 0 : 1);
}
