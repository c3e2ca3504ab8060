import { addMonths, compareIsoDates, daysInMonth, type IsoDate } from '../../../platform/calendar/working-days.js';
import { attendanceProblem, groupPayUnits, groupPlanDeadline, GROUPS_MIN_PER_QUARTER, quarterOf } from '../service-limits.js';
import type { ParticipantSignature } from '../service-tables.js';

/**
 * Support groups (SPEC §5 B-GRP-1..5, seed 003 §2.4, §3.1.3) as pure rules on
 * top of the limits in ../service-limits.ts. Services and billing load rows
 * and ask these.
 */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function firstDayOf(month: string): IsoDate {
  return `${month}-01`;
}

export function lastDayOf(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function nextMonthOf(date: IsoDate): string {
  return monthOf(addMonths(`${monthOf(date)}-01`, 1));
}

/** 'YYYY-Qn' → its first and last day. */
export function quarterRange(quarter: string): { from: IsoDate; to: IsoDate } {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const firstMonth = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}`;
  const lastMonth = `${year}-${String(q * 3).padStart(2, '0')}`;
  return { from: firstDayOf(firstMonth), to: lastDayOf(lastMonth) };
}

/** The quarter a month belongs to. */
export function quarterOfMonth(month: string): string {
  return quarterOf(firstDayOf(month));
}

// --- B-GRP-1: the plan and its deadline --------------------------------------------

/** How many days before the deadline the home page starts warning. */
export const PLAN_WARN_DAYS = 5;
/** The day of the month the job reminds providers whose next plan is not in. */
export const PLAN_REMINDER_DAY = 10;

export type DeadlineState = 'open' | 'due_soon' | 'late';

/**
 * B-GRP-1 (§2.4.11): the plan of `month` is due on the 15th of the month
 * before. On the deadline day itself it is still in time; in the last
 * PLAN_WARN_DAYS days it is due soon; after it the plan is late.
 */
export function planDeadlineState(month: string, today: IsoDate): { deadline: IsoDate; state: DeadlineState; daysLeft: number } {
  const deadline = groupPlanDeadline(month);
  const daysLeft = daysBetween(today, deadline);
  const state: DeadlineState = daysLeft < 0 ? 'late' : daysLeft <= PLAN_WARN_DAYS ? 'due_soon' : 'open';
  return { deadline, state, daysLeft };
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

/**
 * B-GRP-1: a plan may be created, changed or submitted only up to its
 * deadline. Decided: after the 15th the plan is refused (B_GRP_PLAN_LATE),
 * and so are new or changed groups in it, so what SKA reviewed stays what
 * the provider runs; cancelling a group stays possible.
 */
export function planOpen(month: string, today: IsoDate): boolean {
  return compareIsoDates(today, groupPlanDeadline(month)) <= 0;
}

/** B-GRP-1: the earliest month whose plan may still be submitted on `today` (next month until the 15th, then the one after). */
export function firstOpenPlanMonth(today: IsoDate): string {
  const next = nextMonthOf(today);
  return planOpen(next, today) ? next : nextMonthOf(`${next}-01`);
}

/** A planned group's date lies in its plan's month. */
export function dateInMonth(date: IsoDate, month: string): boolean {
  return monthOf(date) === month;
}

// --- B-GRP-2, B-GRP-3, B-GRP-5: what makes a held group payable ------------------------

export interface AttendanceFacts {
  online: boolean;
  island: boolean;
  actualMinutes: number;
  smallGroupApproved: boolean;
  leaderSigned: boolean;
  hasAttendanceList: boolean;
  hasScreenshot: boolean;
  signatures: readonly ParticipantSignature[];
}

export type ExclusionCode = 'B_GRP_TOO_SHORT' | 'B_GRP_TOO_FEW' | 'B_GRP_NEEDS_APPROVAL' | 'B_GRP_PROOF_MISSING';

/**
 * B-GRP-2/B-GRP-5: participants whose attendance is proven. A participant
 * marked 'none' did not sign and is not counted; 'screenshot' counts only
 * when the screenshot is uploaded.
 */
export function countedParticipants(f: Pick<AttendanceFacts, 'signatures' | 'hasScreenshot'>): number {
  return f.signatures.filter((s) => s !== 'none' && (s !== 'screenshot' || f.hasScreenshot)).length;
}

/**
 * B-GRP-5 (§3.1.3): the leader signs the list in every case. In person the
 * signed attendance list (scan or PDF) is uploaded; online a screenshot of the
 * participants is uploaded, or every participant signed digitally.
 */
export function proofComplete(f: AttendanceFacts): boolean {
  if (!f.leaderSigned) return false;
  if (!f.online) return f.hasAttendanceList;
  return f.hasScreenshot || (f.signatures.length > 0 && f.signatures.every((s) => s === 'digital'));
}

export interface Payability {
  /** Units by duration and island (0 when too short), before the quarterly cap. */
  units: number;
  participants: number;
  /** The first reason the group is not paid, or null. */
  excludedReason: ExclusionCode | null;
  /** Every reason, for the attendance view. */
  problems: ExclusionCode[];
}

/**
 * A held group's pay by the rules of the meeting itself (B-GRP-2, B-GRP-3,
 * B-GRP-5). Decided: attendance that breaks a rule is still recorded — the
 * meeting happened and the monthly report must show what was excluded and
 * why — but it is not paid. The quarterly cap (B-GRP-4) is applied on top.
 */
export function groupPayability(f: AttendanceFacts): Payability {
  const problems: ExclusionCode[] = [];
  const pay = groupPayUnits({ minutes: f.actualMinutes, online: f.online, island: f.island });
  if (!pay.ok) problems.push(pay.problem);
  const participants = countedParticipants(f);
  const attendance = attendanceProblem(participants, f.smallGroupApproved);
  if (attendance) problems.push(attendance);
  if (!proofComplete(f)) problems.push('B_GRP_PROOF_MISSING');
  return { units: pay.ok ? pay.units : 0, participants, excludedReason: problems[0] ?? null, problems };
}

// --- B-GRP-4: per quarter ------------------------------------------------------------

/**
 * B-GRP-4: the minimum of 1 group a quarter. A quarter that has ended with
 * fewer held groups is below it; a running (or future) one is only at risk
 * while not even an approved group is in it.
 */
export function quarterMinimum(input: { held: number; approved: number; quarterEnded: boolean }): 'met' | 'below' | 'at_risk' | 'on_track' {
  if (input.held >= GROUPS_MIN_PER_QUARTER) return 'met';
  if (input.quarterEnded) return 'below';
  return input.approved >= GROUPS_MIN_PER_QUARTER ? 'on_track' : 'at_risk';
}
