import { compareIsoDates, type IsoDate } from '../../../platform/calendar/working-days.js';
import { quarterOf, type CounsellingAllowance, type MentoringStage } from '../service-limits.js';
import { quarterRange } from '../groups/rules.js';

/**
 * The family facts the session limits depend on (B-MENT-2, B-PSY-1, B-PSY-2),
 * worked out from the family record on a given day. Pure: the caller loads
 * the rows (`limits-context.ts`).
 */
export interface PlacementDates {
  arrivedOn: IsoDate;
  leftOn: IsoDate | null;
}

/**
 * B-MENT-2 (§2.3.3–2.3.4): a family that has had a child placed by that day
 * has the quarter limit; otherwise it is "assessed, waiting for a child" or
 * "not yet assessed", and both have 2 sessions in total.
 */
export function mentoringStage(assessed: boolean, placements: readonly PlacementDates[], on: IsoDate): MentoringStage {
  if (placements.some((p) => compareIsoDates(p.arrivedOn, on) <= 0)) return 'with_child';
  return assessed ? 'awaiting_child' : 'not_assessed';
}

/**
 * B-PSY-2 (§2.5.5): "a family whose child has left" — decided as: a child left
 * the family on or before that day, in the same calendar year or the one
 * before (the allowance answers the leaving, not a departure long ago).
 */
export function childLeftRecently(placements: readonly PlacementDates[], on: IsoDate): boolean {
  const from = `${Number(on.slice(0, 4)) - 1}-01-01`;
  return placements.some((p) => p.leftOn !== null && compareIsoDates(p.leftOn, from) >= 0 && compareIsoDates(p.leftOn, on) <= 0);
}

/** B-PSY-1/2: the allowance of a calendar year, from SKA's approved extra sessions of that year. */
export function counsellingAllowanceOf(assessed: boolean, placements: readonly PlacementDates[], approvedExtraThisYear: number, on: IsoDate): CounsellingAllowance {
  return { approvedExtra: approvedExtraThisYear, childLeft: childLeftRecently(placements, on), notAssessed: !assessed };
}

// --- Who may hold a session (B-MENT-3, B-PSY-3 / §2.5.7, §2.8.6) ----------------------

export interface SessionSpecialistFacts {
  roles: readonly string[];
  /** SKA's approval date (§2.8.6); null when not approved or withdrawn. */
  skaApprovedOn: IsoDate | null;
  /** An adaptation or needs-based episode of this family had this specialist as its supporter, started by the session day. */
  supportedFamilyBefore: boolean;
}

const approvedOn = (s: SessionSpecialistFacts, on: IsoDate) => s.skaApprovedOn !== null && compareIsoDates(s.skaApprovedOn, on) <= 0;

/**
 * B-MENT-3 (§2.3.6, §2.3.6.1), decided as: there is no record of a mentor's
 * personal experience; SKA checks the 2 years when it approves a specialist
 * in the mentor role (a conformity condition), so an SKA-approved specialist
 * with the mentor role qualifies. §2.3.6.1 waives the experience for a
 * specialist who gave this family family support before: an SKA-approved
 * specialist (of any role) who was the supporter of an adaptation or
 * needs-based episode of this family qualifies as its mentor. SKA approval
 * (§2.8.6) is needed either way.
 */
export function mentorQualification(s: SessionSpecialistFacts, on: IsoDate): 'qualified' | 'not_approved' | 'no_mentor_role' {
  if (!approvedOn(s, on)) return 'not_approved';
  if (s.roles.includes('mentor') || s.supportedFamilyBefore) return 'qualified';
  return 'no_mentor_role';
}

/** §2.5.2, §2.5.7: counselling is given by a psychologist, supervision by a supervisor. */
export const ROLE_FOR_SESSION = { counselling: 'psychologist', supervision: 'supervisor' } as const;

export function counsellorProblem(service: 'counselling' | 'supervision', s: SessionSpecialistFacts, on: IsoDate): 'not_approved' | 'role_mismatch' | null {
  if (!approvedOn(s, on)) return 'not_approved';
  return s.roles.includes(ROLE_FOR_SESSION[service]) ? null : 'role_mismatch';
}

/**
 * §2.8.11 (B-PSY-3; for mentoring §2.3.2): a remote session only by prior
 * agreement with the client — the agreement dated on or before the session day.
 */
export function remoteAgreed(mode: 'in_person' | 'remote', remoteAgreedOn: IsoDate | null | undefined, heldOn: IsoDate): boolean {
  if (mode === 'in_person') return true;
  return Boolean(remoteAgreedOn) && compareIsoDates(remoteAgreedOn!, heldOn) <= 0;
}

/**
 * B-MENT-2: which of the family's mentoring sessions count on `on`. With a
 * child: the quarter's sessions; before a child (not assessed, or waiting for
 * one): every session held before the first child arrived — whatever their order.
 */
export function countedMentoringDates(stage: MentoringStage, dates: readonly IsoDate[], firstArrivalOn: IsoDate | null): IsoDate[] {
  if (stage === 'with_child' || firstArrivalOn === null) return [...dates];
  return dates.filter((d) => compareIsoDates(d, firstArrivalOn) < 0);
}

/** The quarter's first and last day (for messages and lists). */
export function quarterBounds(on: IsoDate): { from: IsoDate; to: IsoDate } {
  return quarterRange(quarterOf(on));
}
