import { ageOn, parsePersonalCode, normalisePersonalCode } from './personal-code.js';

/**
 * X-FIND: names are searched accent- and case-insensitively, so "Õunapuu",
 * "ounapuu" and "OUNAPUU" meet; Cyrillic letters are kept as they are.
 */
export function searchNameOf(firstName: string, lastName: string): string {
  return normaliseName(`${firstName} ${lastName}`);
}

export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A query of 11 digits (or EE + 11 digits) is a personal code, anything else a name. */
export function looksLikePersonalCode(query: string): boolean {
  return /^\d{11}$/.test(normalisePersonalCode(query));
}

export type IdentityProblem = 'PERSONAL_CODE_INVALID' | 'BIRTH_DATE_REQUIRED' | 'BIRTH_DATE_MISMATCH';

/**
 * X-ID: with a personal code, birth date and sex come from it (a given birth
 * date must agree); without one (foreigners, unborn children) a birth date is required.
 */
export function resolveIdentity(input: { personalCode?: string | null | undefined; birthDate?: string | null | undefined }):
  | { ok: true; personalCode: string | null; birthDate: string; sex: 'male' | 'female' | null }
  | { ok: false; problem: IdentityProblem } {
  if (input.personalCode) {
    const code = normalisePersonalCode(input.personalCode);
    const parsed = parsePersonalCode(code);
    if (!parsed.ok) return { ok: false, problem: 'PERSONAL_CODE_INVALID' };
    if (input.birthDate && input.birthDate !== parsed.birthDate) return { ok: false, problem: 'BIRTH_DATE_MISMATCH' };
    return { ok: true, personalCode: code, birthDate: parsed.birthDate, sex: parsed.sex };
  }
  if (!input.birthDate) return { ok: false, problem: 'BIRTH_DATE_REQUIRED' };
  return { ok: true, personalCode: null, birthDate: input.birthDate, sex: null };
}

export { ageOn };

/** Trigram similarity above which two names with the same birth date are flagged as a possible duplicate. */
export const DUPLICATE_NAME_SIMILARITY = 0.45;
/** Similarity for tolerant name search ("Kasak" finds "Kasaku"). */
export const SEARCH_SIMILARITY = 0.3;
