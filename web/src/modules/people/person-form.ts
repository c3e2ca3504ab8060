import type { TFunction } from 'i18next';
import { isRealDate, todayInTallinn } from '../../platform/format';
import { parsePersonalCode } from '../../platform/personal-code';
import type { Person, PersonFields } from './types';

export interface PersonFormValues {
  personalCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

export type PersonFormErrors = Partial<Record<keyof PersonFormValues, string>>;

export const EMPTY_PERSON: PersonFormValues = { personalCode: '', firstName: '', lastName: '', birthDate: '' };

export function valuesFromPerson(p: Person): PersonFormValues {
  return { personalCode: p.personalCode ?? '', firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate };
}

/** X-ID: a valid code, or no code and a real birth date that is not in the far future. */
export function validatePerson(v: PersonFormValues, t: TFunction): PersonFormErrors {
  const errors: PersonFormErrors = {};
  if (!v.firstName.trim()) errors.firstName = t('validation.required');
  if (!v.lastName.trim()) errors.lastName = t('validation.required');
  const code = v.personalCode.trim();
  if (code) {
    const result = parsePersonalCode(code);
    if (!result.valid) errors.personalCode = t(`personalCode.problems.${result.problem}`);
  } else if (!v.birthDate) {
    errors.birthDate = t('people.form.birthDateRequired');
  } else if (!isRealDate(v.birthDate)) {
    errors.birthDate = t('validation.date');
  }
  return errors;
}

export function toPersonFields(v: PersonFormValues): PersonFields {
  const code = v.personalCode.trim();
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    ...(code ? { personalCode: code } : { birthDate: v.birthDate }),
  };
}

/** PATCH body: only changed fields; clearing the code sends null and the birth date. */
export function toPersonChanges(v: PersonFormValues, saved: Person, version: number) {
  const changes: Partial<PersonFields> & { version: number } = { version };
  if (v.firstName.trim() !== saved.firstName) changes.firstName = v.firstName.trim();
  if (v.lastName.trim() !== saved.lastName) changes.lastName = v.lastName.trim();
  const code = v.personalCode.trim() || null;
  if (code !== saved.personalCode) changes.personalCode = code;
  if (!code && v.birthDate !== saved.birthDate) changes.birthDate = v.birthDate;
  return changes;
}

export const maxBirthDate = (): string => {
  // Unborn children may be recorded with an expected birth date (up to ~10 months ahead).
  const [y, m, d] = todayInTallinn().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
};
