import type { TFunction } from 'i18next';
import type { FieldProblem } from '../../platform/api/errors';
import { ageOn, isRealDate, todayInTallinn } from '../../platform/format';
import { deriveFromPersonalCode, parsePersonalCode } from '../../platform/personal-code';
import type { CaseLanguage, CaseType, InternationalSubtype, NewCase } from './types';

export interface CaseFormValues {
  type: CaseType | '';
  internationalSubtype: InternationalSubtype | '';
  personalCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  childResidence: string;
  question: string;
  starReference: string;
  courtDate: string;
  language: CaseLanguage;
  rvAgeNote: string;
  rvConsentOver18: boolean;
}

export type CaseFormField = keyof CaseFormValues;
export type CaseFormErrors = Partial<Record<CaseFormField, string>>;

export const EMPTY_CASE: CaseFormValues = {
  type: '',
  internationalSubtype: '',
  personalCode: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  childResidence: '',
  question: '',
  starReference: '',
  courtDate: '',
  language: 'et',
  rvAgeNote: '',
  rvConsentOver18: false,
};

/** A-RV target group: 12–18; younger with a note, 18 and over with the youth's consent. */
export const RV_MIN_AGE = 12;
export const RV_ADULT_AGE = 18;

/** The child's age today, from the personal code or the typed birth date. */
export function childAge(v: CaseFormValues): number | null {
  const code = v.personalCode.trim();
  if (code) return deriveFromPersonalCode(code)?.age ?? null;
  return v.birthDate && isRealDate(v.birthDate) ? ageOn(v.birthDate, todayInTallinn()) : null;
}

export type RvAgeGroup = 'young' | 'target' | 'adult' | null;

export function rvAgeGroup(age: number | null): RvAgeGroup {
  if (age === null) return null;
  if (age < RV_MIN_AGE) return 'young';
  return age >= RV_ADULT_AGE ? 'adult' : 'target';
}

export function validateCase(v: CaseFormValues, t: TFunction): CaseFormErrors {
  const errors: CaseFormErrors = {};
  const required = t('validation.required');
  if (!v.type) errors.type = required;
  if (v.type === 'international' && !v.internationalSubtype) errors.internationalSubtype = required;
  if (!v.firstName.trim()) errors.firstName = required;
  if (!v.lastName.trim()) errors.lastName = required;
  const code = v.personalCode.trim();
  if (code) {
    const result = parsePersonalCode(code);
    if (!result.valid) errors.personalCode = t(`personalCode.problems.${result.problem}`);
  } else if (!v.birthDate) {
    errors.birthDate = t('people.form.birthDateRequired');
  } else if (!isRealDate(v.birthDate)) {
    errors.birthDate = t('validation.date');
  }
  if (!v.question.trim()) errors.question = required;
  if (v.courtDate && !isRealDate(v.courtDate)) errors.courtDate = t('validation.date');
  if (v.type === 'rv') {
    const group = rvAgeGroup(childAge(v));
    if (group === 'young' && !v.rvAgeNote.trim()) errors.rvAgeNote = t('cases.form.rvAgeNoteRequired');
    if (group === 'adult' && !v.rvConsentOver18) errors.rvConsentOver18 = t('cases.form.rvConsentRequired');
  }
  return errors;
}

const FIELD_OF: Record<string, CaseFormField> = {
  'child.personalCode': 'personalCode',
  'child.firstName': 'firstName',
  'child.lastName': 'lastName',
  'child.birthDate': 'birthDate',
};

/** Server field problems placed on the form's fields (message codes get our own text). */
export function serverCaseErrors(problems: FieldProblem[], t: TFunction): CaseFormErrors {
  const errors: CaseFormErrors = {};
  for (const p of problems) {
    const path = p.path.replace(/^\/?(body\.)?/, '').replace(/\//g, '.');
    const field = FIELD_OF[path] ?? (path in EMPTY_CASE ? (path as CaseFormField) : null);
    if (!field || errors[field]) continue;
    if (field === 'rvAgeNote') errors[field] = t('cases.form.rvAgeNoteRequired');
    else if (field === 'rvConsentOver18') errors[field] = t('cases.form.rvConsentRequired');
    else if (/^[A-Z_]+$|^required$/.test(p.message)) errors[field] = t('validation.required');
    else errors[field] = p.message;
  }
  return errors;
}

const opt = (text: string) => (text.trim() ? text.trim() : undefined);

export function toNewCase(v: CaseFormValues): NewCase {
  const type = v.type as CaseType;
  const code = v.personalCode.trim();
  const rv = type === 'rv' ? rvAgeGroup(childAge(v)) : null;
  return {
    type,
    ...(type === 'international' && v.internationalSubtype ? { internationalSubtype: v.internationalSubtype } : {}),
    child: { firstName: v.firstName.trim(), lastName: v.lastName.trim(), ...(code ? { personalCode: code } : { birthDate: v.birthDate }) },
    childResidence: opt(v.childResidence),
    question: v.question.trim(),
    starReference: opt(v.starReference),
    ...(type === 'klat_opinion' && v.courtDate ? { courtDate: v.courtDate } : {}),
    language: v.language,
    ...(rv === 'young' ? { rvAgeNote: v.rvAgeNote.trim() } : {}),
    ...(rv === 'adult' ? { rvConsentOver18: v.rvConsentOver18 } : {}),
  };
}
