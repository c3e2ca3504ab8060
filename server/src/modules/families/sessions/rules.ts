import { compareIsoDates, type IsoDate } from '../../../platform/calendar/working-days.js';
import type { CounsellingAllowance, MentoringStage } from '../service-limits.js';

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
