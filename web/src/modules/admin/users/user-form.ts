import type { TFunction } from 'i18next';
import type { FieldProblem } from '../../../platform/api/errors';
import { isRole, type Role } from '../../../platform/auth/roles';
import { parsePersonalCode } from '../../../platform/personal-code';
import type { AdminUser, NewUser, UserChanges } from '../types';

export interface UserFormValues {
  email: string;
  name: string;
  role: Role | '';
  organisationId: string;
  personalCode: string;
}

export type UserFormErrors = Partial<Record<keyof UserFormValues | 'password', string>>;

export const EMPTY_USER: UserFormValues = { email: '', name: '', role: '', organisationId: '', personalCode: '' };

export function valuesFromUser(user: AdminUser): UserFormValues {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    personalCode: user.personalCode ?? '',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateUser(v: UserFormValues, t: TFunction): UserFormErrors {
  const errors: UserFormErrors = {};
  if (!v.email.trim()) errors.email = t('validation.required');
  else if (!EMAIL.test(v.email.trim())) errors.email = t('validation.email');
  if (!v.name.trim()) errors.name = t('validation.required');
  if (!v.role) errors.role = t('validation.required');
  if (!v.organisationId) errors.organisationId = t('validation.required');
  const code = v.personalCode.trim();
  if (code) {
    const result = parsePersonalCode(code);
    if (!result.valid) errors.personalCode = t(`personalCode.problems.${result.problem}`);
  }
  return errors;
}

/** Server field problems ({ path, message }) placed on our fields. */
export function serverFieldErrors(problems: FieldProblem[]): UserFormErrors {
  const errors: UserFormErrors = {};
  const known = ['email', 'name', 'role', 'organisationId', 'personalCode', 'password'] as const;
  for (const p of problems) {
    const field = known.find((k) => p.path === k || p.path.endsWith(`.${k}`) || p.path.endsWith(`/${k}`));
    if (field && !errors[field]) errors[field] = p.message;
  }
  return errors;
}

export function toNewUser(v: UserFormValues, password: string): NewUser {
  const role = isRole(v.role) ? v.role : 'client';
  const code = v.personalCode.trim();
  return {
    email: v.email.trim(),
    name: v.name.trim(),
    role,
    organisationId: v.organisationId,
    ...(code ? { personalCode: code } : {}),
    password,
  };
}

/** Only the fields that differ from the saved user. */
export function toUserChanges(v: UserFormValues, saved: AdminUser, version: number): UserChanges {
  const changes: UserChanges = { version };
  if (v.email.trim() !== saved.email) changes.email = v.email.trim();
  if (v.name.trim() !== saved.name) changes.name = v.name.trim();
  if (isRole(v.role) && v.role !== saved.role) changes.role = v.role;
  if (v.organisationId !== saved.organisationId) changes.organisationId = v.organisationId;
  const code = v.personalCode.trim() || null;
  if (code !== saved.personalCode) changes.personalCode = code;
  return changes;
}
