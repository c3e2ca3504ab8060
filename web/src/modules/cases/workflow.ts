import type { TFunction } from 'i18next';
import type { Option } from '../../platform/options';
import type { Role } from '../../platform/auth/roles';
import { CASE_TYPES, INTERNATIONAL_SUBTYPES, type CaseDetail, type CaseType } from './types';

/** The states of each case type in workflow order (server rules.ts WORKFLOWS). */
export const STEPS: Record<CaseType, readonly string[]> = {
  domestic: ['application', 'first_contact', 'in_progress', 'closing', 'closed'],
  klat_opinion: ['application', 'drafting', 'opinion_issued'],
  international: ['application', 'in_progress', 'closed'],
  rv: ['preparatory', 'active', 'follow_up', 'closed'],
};

export const ALL_STATUSES: readonly string[] = [...new Set(Object.values(STEPS).flat())];

export const isFinal = (status: string): boolean => status === 'closed' || status === 'opinion_issued';

/** Activity kinds offered per case type (most used first). */
const COMMON = ['case_discussion', 'network_meeting', 'information_exchange'];
export const ACTIVITY_KINDS: Record<CaseType, readonly string[]> = {
  domestic: [...COMMON, 'star_monitoring', 'continuous_overview', 'other'],
  klat_opinion: [...COMMON, 'star_monitoring', 'other'],
  international: [...COMMON, 'foreign_correspondence', 'continuous_overview', 'other'],
  rv: ['rv_youth_family_meeting', 'rv_network_meeting', 'rv_trusted_person_meeting', 'rv_training_day', 'rv_follow_up_check', ...COMMON, 'other'],
};

export type CaseView = 'mine' | 'team' | 'all';

export function viewsFor(role: Role): CaseView[] {
  return role === 'ska_manager' ? ['all'] : ['mine', 'team'];
}

export function defaultView(role: Role): CaseView {
  return role === 'ska_manager' ? 'all' : 'mine';
}

export function typeOptions(t: TFunction): Option[] {
  return CASE_TYPES.map((v) => ({ value: v, label: t(`cases.type.${v}`) }));
}

export function subtypeOptions(t: TFunction): Option[] {
  return INTERNATIONAL_SUBTYPES.map((v) => ({ value: v, label: t(`cases.subtype.${v}`) }));
}

export function statusOptions(t: TFunction, type: CaseType | ''): Option[] {
  const statuses = type ? STEPS[type] : ALL_STATUSES;
  return statuses.map((v) => ({ value: v, label: t(`cases.status.${v}`) }));
}

export function languageOptions(t: TFunction): Option[] {
  return (['et', 'en', 'ru'] as const).map((v) => ({ value: v, label: t(`languages.${v}`) }));
}

/** What the signed-in user may do on this case (the server checks again). */
export function permissions(role: Role, c: CaseDetail) {
  const final = isFinal(c.status);
  const kov = role === 'kov_worker';
  const ska = role === 'ska_specialist';
  return {
    editKov: kov && !final,
    editSka: ska && !final,
    feedback: kov && final,
    addActivity: (kov || ska) && c.status !== 'closed',
    addRisk: (kov || ska) && c.type === 'rv' && c.status !== 'closed',
    upload: kov || ska,
    transition: ska,
    reassign: role === 'ska_manager',
    openLinked: kov && c.type === 'klat_opinion',
  };
}

export type CasePermissions = ReturnType<typeof permissions>;
