import type { TFunction } from 'i18next';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../platform/auth/roles';
import type { Organisation, OrganisationFields } from '../types';

export interface OrgFormValues {
  name: string;
  kind: OrganisationKind | '';
  registryCode: string;
  county: string;
  population: number | '';
  island: boolean;
}

export type OrgFormErrors = Partial<Record<keyof OrgFormValues, string>>;

export const EMPTY_ORG: OrgFormValues = { name: '', kind: '', registryCode: '', county: '', population: '', island: false };

export function isKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export function valuesFromOrg(org: Organisation): OrgFormValues {
  return {
    name: org.name,
    kind: org.kind,
    registryCode: org.registryCode ?? '',
    county: org.county ?? '',
    population: org.population ?? '',
    island: org.island,
  };
}

export function validateOrg(v: OrgFormValues, t: TFunction): OrgFormErrors {
  const errors: OrgFormErrors = {};
  if (!v.name.trim()) errors.name = t('validation.required');
  if (!v.kind) errors.kind = t('validation.required');
  if (v.registryCode.trim() && !/^\d{8}$/.test(v.registryCode.trim())) errors.registryCode = t('organisations.fields.registryCodeInvalid');
  if (v.population !== '' && (v.population < 0 || !Number.isInteger(v.population))) errors.population = t('validation.wholeNumber');
  return errors;
}

export function toOrgFields(v: OrgFormValues): OrganisationFields {
  return {
    name: v.name.trim(),
    kind: isKind(v.kind) ? v.kind : 'other',
    registryCode: v.registryCode.trim() || null,
    county: v.county || null,
    population: v.population === '' ? null : v.population,
    island: v.island,
  };
}
