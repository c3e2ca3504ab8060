import type { TFunction } from 'i18next';
import { isRealDate } from '../../../platform/format';
import { EMPTY_PERSON, validatePerson, type PersonFormErrors, type PersonFormValues } from '../../people/person-form';
import { optText } from '../options';
import type { FamilyLanguage, FamilyType, NewFamily, Origin } from '../types';
import { toPersonInput } from './PersonFields';

export interface OriginValues {
  birthName: string;
  birthParents: string;
  previousPlacement: string;
  notes: string;
}

export interface ChildValues {
  person: PersonFormValues;
  arrivedOn: string;
  withOrigin: boolean;
  origin: OriginValues;
}

export interface FamilyFormValues {
  type: FamilyType | '';
  kovOrganisationId: string;
  district: string;
  language: FamilyLanguage;
  assessed: boolean;
  kovInvolvementConsent: boolean;
  adoptionSecrecy: boolean;
  contactPhone: string;
  contactEmail: string;
  address: string;
  parents: PersonFormValues[];
  children: ChildValues[];
}

export interface FamilyFormErrors {
  type?: string;
  kovOrganisationId?: string;
  contactEmail?: string;
  parents: PersonFormErrors[];
  children: (PersonFormErrors & { arrivedOn?: string })[];
}

export const EMPTY_ORIGIN: OriginValues = { birthName: '', birthParents: '', previousPlacement: '', notes: '' };
export const emptyChild = (): ChildValues => ({ person: { ...EMPTY_PERSON }, arrivedOn: '', withOrigin: false, origin: { ...EMPTY_ORIGIN } });

export const EMPTY_FAMILY: FamilyFormValues = {
  type: '',
  kovOrganisationId: '',
  district: '',
  language: 'et',
  assessed: true,
  kovInvolvementConsent: true,
  adoptionSecrecy: false,
  contactPhone: '',
  contactEmail: '',
  address: '',
  parents: [{ ...EMPTY_PERSON }],
  children: [],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateArrival(arrivedOn: string, t: TFunction): string | undefined {
  if (!arrivedOn) return t('validation.required');
  if (!isRealDate(arrivedOn)) return t('validation.date');
  return undefined;
}

export function validateFamily(v: FamilyFormValues, t: TFunction, needsKov: boolean): FamilyFormErrors {
  const errors: FamilyFormErrors = { parents: [], children: [] };
  if (!v.type) errors.type = t('validation.required');
  if (needsKov && !v.kovOrganisationId) errors.kovOrganisationId = t('validation.required');
  if (v.contactEmail.trim() && !EMAIL.test(v.contactEmail.trim())) errors.contactEmail = t('validation.email');
  errors.parents = v.parents.map((p) => validatePerson(p, t));
  errors.children = v.children.map((c) => {
    const arrivedOn = validateArrival(c.arrivedOn, t);
    return { ...validatePerson(c.person, t), ...(arrivedOn ? { arrivedOn } : {}) };
  });
  return errors;
}

export const hasErrors = (e: FamilyFormErrors): boolean =>
  Boolean(e.type || e.kovOrganisationId || e.contactEmail) || [...e.parents, ...e.children].some((x) => Object.keys(x).length > 0);

export function toOrigin(o: OriginValues): Origin | null {
  const origin = { birthName: optText(o.birthName), birthParents: optText(o.birthParents), previousPlacement: optText(o.previousPlacement), notes: optText(o.notes) };
  return Object.values(origin).some(Boolean) ? origin : null;
}

export function toNewFamily(v: FamilyFormValues, withKov: boolean): NewFamily {
  const adoptive = v.type === 'lapsendaja';
  return {
    type: v.type as FamilyType,
    ...(withKov && v.kovOrganisationId ? { kovOrganisationId: v.kovOrganisationId } : {}),
    district: optText(v.district),
    language: v.language,
    assessed: v.assessed,
    ...(adoptive ? { kovInvolvementConsent: v.kovInvolvementConsent, adoptionSecrecy: v.adoptionSecrecy } : {}),
    contactPhone: optText(v.contactPhone),
    contactEmail: optText(v.contactEmail),
    address: optText(v.address),
    parents: v.parents.map((p) => ({ person: toPersonInput(p) })),
    children: v.children.map((c) => ({ person: toPersonInput(c.person), arrivedOn: c.arrivedOn, origin: c.withOrigin ? toOrigin(c.origin) : null })),
  };
}

