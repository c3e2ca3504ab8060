import { ageOn, isRealDate } from './format';

/**
 * Estonian personal identification code (isikukood), rule X-ID:
 * 11 digits; the first (1–8) gives century and sex; YYMMDD is a real date;
 * check digit with weights 1..9,1 mod 11, then 3..9,1,2,3 mod 11, remainder 10 → 0.
 */
export type PersonalCodeProblem = 'format' | 'century' | 'date' | 'checksum';

export type PersonalCodeResult =
  | { valid: true; birthDate: string; sex: 'male' | 'female' }
  | { valid: false; problem: PersonalCodeProblem };

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
const CENTURIES: Record<number, number> = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000, 7: 2100, 8: 2100 };

function weightedMod(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;
}

export function checkDigit(digits: number[]): number {
  const first = weightedMod(digits, WEIGHTS_1);
  if (first < 10) return first;
  const second = weightedMod(digits, WEIGHTS_2);
  return second < 10 ? second : 0;
}

export function parsePersonalCode(code: string): PersonalCodeResult {
  if (!/^\d{11}$/.test(code)) return { valid: false, problem: 'format' };
  const digits = [...code].map(Number);
  const century = CENTURIES[digits[0]!];
  if (century === undefined) return { valid: false, problem: 'century' };
  const year = century + Number(code.slice(1, 3));
  const birthDate = `${year}-${code.slice(3, 5)}-${code.slice(5, 7)}`;
  if (!isRealDate(birthDate)) return { valid: false, problem: 'date' };
  if (checkDigit(digits) !== digits[10]) return { valid: false, problem: 'checksum' };
  return { valid: true, birthDate, sex: digits[0]! % 2 === 1 ? 'male' : 'female' };
}

/** Birth date and age derived from a valid code, else null. */
export function deriveFromPersonalCode(code: string): { birthDate: string; age: number; sex: 'male' | 'female' } | null {
  const result = parsePersonalCode(code.trim());
  if (!result.valid) return null;
  return { birthDate: result.birthDate, sex: result.sex, age: ageOn(result.birthDate) };
}
