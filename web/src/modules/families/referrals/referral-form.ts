import type { TFunction } from 'i18next';
import { formatDate, todayInTallinn } from '../../../platform/format';
import { optText } from '../options';
import type { FamilyChild, FamilyDetail, NewReferral, SupportKind } from '../types';

export interface ReferralFormValues {
  familyId: string;
  kind: SupportKind | '';
  source: 'kov' | 'family';
  childPersonId: string;
  topics: string;
  problems: string;
  goals: string;
  casePlanReference: string;
  preferredProviderId: string;
  notes: string;
}

export type ReferralFormErrors = Partial<Record<keyof ReferralFormValues, string>>;

export const emptyReferral = (familyId: string, source: 'kov' | 'family'): ReferralFormValues => ({
  familyId,
  kind: '',
  source,
  childPersonId: '',
  topics: '',
  problems: '',
  goals: '',
  casePlanReference: '',
  preferredProviderId: '',
  notes: '',
});

/** The KOV's referral form for needs-based support needs topics, problems and goals from the case plan (B-NEED-1). */
export const needsForm = (v: ReferralFormValues) => v.kind === 'needs_based' && v.source === 'kov';

/** Why a child cannot be chosen for this kind of support today (B-ADAPT-1, B-NEED-1), or null. */
export function childProblem(c: FamilyChild, kind: SupportKind | '', t: TFunction, today = todayInTallinn()): string | null {
  if (c.leftOn && c.leftOn < today) return t('families.referralForm.childLeft');
  if (kind === 'adaptation' && c.adaptation && !c.adaptation.open && c.adaptation.windowTo < today) return t('families.referralForm.windowClosed');
  if (kind === 'needs_based' && c.needsBasedEligibleFrom > today) return t('families.children.eligibleFrom', { date: formatDate(c.needsBasedEligibleFrom) });
  return null;
}

export function validateReferral(v: ReferralFormValues, f: FamilyDetail | undefined, t: TFunction): ReferralFormErrors {
  const errors: ReferralFormErrors = {};
  const required = t('validation.required');
  if (!v.familyId) errors.familyId = required;
  if (!v.kind) errors.kind = required;
  if (v.kind && v.kind !== 'mentoring') {
    if (!v.childPersonId) errors.childPersonId = required;
    else {
      const child = f?.children.find((c) => c.personId === v.childPersonId);
      const problem = child ? childProblem(child, v.kind, t) : null;
      if (problem) errors.childPersonId = problem;
    }
  }
  if (needsForm(v)) for (const k of ['topics', 'problems', 'goals'] as const) if (!v[k].trim()) errors[k] = required;
  return errors;
}

export function toNewReferral(v: ReferralFormValues, withSource: boolean): NewReferral {
  return {
    familyId: v.familyId,
    kind: v.kind as SupportKind,
    childPersonId: v.kind === 'mentoring' ? (v.childPersonId || null) : v.childPersonId,
    ...(withSource ? { source: v.source } : {}),
    topics: optText(v.topics),
    problems: optText(v.problems),
    goals: optText(v.goals),
    casePlanReference: optText(v.casePlanReference),
    preferredProviderId: v.preferredProviderId || null,
    notes: optText(v.notes),
  };
}
