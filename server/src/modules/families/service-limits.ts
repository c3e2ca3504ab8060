import { compareIsoDates, type IsoDate } from '../../platform/calendar/working-days.js';

/**
 * Module B part 2 limits (SPEC §5, seed 003 §2.3–2.5) as pure functions:
 * mentoring (B-MENT-2, B-MENT-3), support groups (B-GRP-1..4) and psychological
 * counselling or supervision (B-PSY-1, B-PSY-2). Services and reports call these;
 * nothing over a limit is ever billed.
 */

// --- Mentoring ----------------------------------------------------------------------

/** §2.3.3: up to 4 sessions per family per calendar quarter. */
export const MENTORING_PER_QUARTER = 4;
/** §2.3.4: a family not yet assessed, or assessed and still waiting for a child: up to 2 in total. */
export const MENTORING_BEFORE_CHILD = 2;

export type MentoringStage = 'with_child' | 'not_assessed' | 'awaiting_child';

export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** B-MENT-2: how many more mentoring sessions the family may have on `on`. */
export function mentoringRemaining(stage: MentoringStage, earlierSessions: readonly IsoDate[], on: IsoDate): number {
  if (stage !== 'with_child') return Math.max(0, MENTORING_BEFORE_CHILD - earlierSessions.length);
  const quarter = quarterOf(on);
  return Math.max(0, MENTORING_PER_QUARTER - earlierSessions.filter((d) => quarterOf(d) === quarter).length);
}

/** §2.3.6.1 (B-MENT-3): 2 years of personal experience, unless the mentor supported this family before. */
export const MENTOR_EXPERIENCE_YEARS = 2;

export function mentorQualifies(input: { experienceSince: IsoDate | null; on: IsoDate; supportedFamilyBefore: boolean }): boolean {
  if (input.supportedFamilyBefore) return true;
  if (!input.experienceSince) return false;
  const [y, m, d] = input.experienceSince.split('-').map(Number) as [number, number, number];
  const twoYears = `${String(y + MENTOR_EXPERIENCE_YEARS).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
  return compareIsoDates(input.on, twoYears) >= 0;
}

// --- Support groups -----------------------------------------------------------------

/** §2.4.11 (B-GRP-1): next month's groups are submitted by the 15th of the month before. */
export function groupPlanDeadline(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const prevYear = m === 1 ? y - 1 : y;
  const prevMonth = m === 1 ? 12 : m - 1;
  return `${prevYear}-${String(prevMonth).padStart(2, '0')}-15`;
}

export function groupPlanInTime(month: string, submittedOn: IsoDate): boolean {
  return compareIsoDates(submittedOn, groupPlanDeadline(month)) <= 0;
}

/** §2.4.4 (B-GRP-2): at least 6 foster parents; 4–5 only with SKA's prior approval. */
export const GROUP_MIN_PARTICIPANTS = 6;
export const GROUP_MIN_WITH_APPROVAL = 4;

export type AttendanceProblem = 'B_GRP_TOO_FEW' | 'B_GRP_NEEDS_APPROVAL';

export function attendanceProblem(participants: number, priorApproval: boolean): AttendanceProblem | null {
  if (participants >= GROUP_MIN_PARTICIPANTS) return null;
  if (participants >= GROUP_MIN_WITH_APPROVAL) return priorApproval ? null : 'B_GRP_NEEDS_APPROVAL';
  return 'B_GRP_TOO_FEW';
}

/** §2.4.6–2.4.8 (B-GRP-3): a meeting is 2 hours; paid up to 3; online may be shorter, paid pro rata; islands × 1.5. */
export const GROUP_BASE_MINUTES = 120;
export const GROUP_PAID_CAP_MINUTES = 180;
export const ISLAND_COEFFICIENT = 1.5;

export type GroupPay = { ok: true; units: number } | { ok: false; problem: 'B_GRP_TOO_SHORT' };

/**
 * The payable amount in meeting units (1 = the contract's price of a 2-hour
 * meeting): minutes capped at 3 hours, over 2 hours; in person a meeting must
 * last 2 hours, online a shorter one is paid pro rata.
 */
export function groupPayUnits(input: { minutes: number; online: boolean; island: boolean }): GroupPay {
  if (!input.online && input.minutes < GROUP_BASE_MINUTES) return { ok: false, problem: 'B_GRP_TOO_SHORT' };
  const paidMinutes = Math.min(input.minutes, GROUP_PAID_CAP_MINUTES);
  const units = (paidMinutes / GROUP_BASE_MINUTES) * (input.island ? ISLAND_COEFFICIENT : 1);
  return { ok: true, units: Math.round(units * 10_000) / 10_000 };
}

/** A group's price in cents: units × the contract's meeting price, rounded to the cent. */
export function groupPriceCents(units: number, meetingCents: number): number {
  return Math.round(units * meetingCents);
}

/** §2.4.9 (B-GRP-4): at least 1 group per provider per quarter; at most 12 are paid. */
export const GROUPS_MIN_PER_QUARTER = 1;
export const GROUPS_PAID_PER_QUARTER = 12;

/** Which of a provider's held groups in one quarter are paid: the first 12 by date (then id). */
export function paidGroups<T extends { id: string; heldOn: IsoDate }>(groups: readonly T[]): { paid: T[]; unpaid: T[] } {
  const ordered = [...groups].sort((a, b) => compareIsoDates(a.heldOn, b.heldOn) || a.id.localeCompare(b.id));
  return { paid: ordered.slice(0, GROUPS_PAID_PER_QUARTER), unpaid: ordered.slice(GROUPS_PAID_PER_QUARTER) };
}

// --- Psychological counselling or supervision ---------------------------------------

/** §2.5.4–2.5.6 (B-PSY-1, B-PSY-2). */
export const COUNSELLING_PER_YEAR = 5;
export const COUNSELLING_EXTRA_MAX = 5;
export const COUNSELLING_CHILD_LEFT = 2;
export const COUNSELLING_NOT_ASSESSED = 2;

export interface CounsellingAllowance {
  /** Approved extra sessions this year (SKA's written approval, at most 5). */
  approvedExtra: number;
  childLeft: boolean;
  notAssessed: boolean;
}

/** Sessions a family may have in a calendar year. */
export function counsellingLimit(a: CounsellingAllowance): number {
  if (a.notAssessed) return COUNSELLING_NOT_ASSESSED;
  const extra = Math.min(Math.max(a.approvedExtra, 0), COUNSELLING_EXTRA_MAX);
  return COUNSELLING_PER_YEAR + extra + (a.childLeft ? COUNSELLING_CHILD_LEFT : 0);
}

export function counsellingRemaining(a: CounsellingAllowance, sessionsThisYear: readonly IsoDate[], on: IsoDate): number {
  const year = on.slice(0, 4);
  return Math.max(0, counsellingLimit(a) - sessionsThisYear.filter((d) => d.slice(0, 4) === year).length);
}
