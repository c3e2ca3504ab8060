import { addCalendarDays, compareIsoDates, formatDateEt, subtractWorkingDays, type IsoDate } from '../../platform/calendar/working-days.js';
import type { AttendanceStatus, FeedbackQuestion, RegistrationStatus, TrainingForm, TrainingGroupStatus } from './tables.js';
import { FEEDBACK_QUESTIONS } from './tables.js';

/**
 * Module C's rules as pure functions (no I/O): the catalogue (C-1), groups
 * (C-2), registration, eligibility and the waitlist (C-3), under-filled groups
 * and merges (C-4), attendance and feedback (C-5), the year's calendar (C-6).
 */

/** A problem with a request: a stable code (the rule in it), its message parameters and the fields concerned. */
export interface RuleProblem {
  code: string;
  params?: Record<string, string | number>;
  fields?: { path: string; message: string }[];
}

// --- C-1: the training -------------------------------------------------------------------

export function trainingProblems(t: { windowStart: IsoDate; windowEnd: IsoDate }): RuleProblem[] {
  if (compareIsoDates(t.windowEnd, t.windowStart) < 0) return [{ code: 'C_1_WINDOW_INVALID', fields: [{ path: 'windowEnd', message: 'not before windowStart' }] }];
  return [];
}

// --- C-2: groups -------------------------------------------------------------------------

export interface SessionInput {
  day: IsoDate;
  startsAt: string;
  endsAt: string;
}

export interface GroupInputForRules {
  sessions: readonly SessionInput[];
  city: string | null;
  capacityMin: number;
  capacityMax: number;
  registrationClosesOn: IsoDate;
}

/** Working days between the cut-off and the first day when SKA does not set one (see docs/decisions.md). */
export const DEFAULT_CUTOFF_WORKING_DAYS = 10;

/** Registration closes 10 working days before the first day unless SKA sets another day. */
export function defaultCutoff(firstDay: IsoDate): IsoDate {
  return subtractWorkingDays(firstDay, DEFAULT_CUTOFF_WORKING_DAYS);
}

/** The first and last session day. */
export function sessionSpan(sessions: readonly { day: IsoDate }[]): { startsOn: IsoDate; endsOn: IsoDate } {
  const days = sessions.map((s) => s.day).sort();
  return { startsOn: days[0]!, endsOn: days[days.length - 1]! };
}

/**
 * C-2: a group meets on as many days as the training lasts (C-1 volume), on
 * different days inside the training's window; an in-person group has a city;
 * capacity min ≤ max; registration closes before the first day.
 */
export function groupProblems(training: { windowStart: IsoDate; windowEnd: IsoDate; days: number; form: TrainingForm }, g: GroupInputForRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (g.sessions.length !== training.days) {
    problems.push({ code: 'C_2_SESSION_COUNT', params: { days: training.days }, fields: [{ path: 'sessions', message: `${training.days} day(s)` }] });
  }
  const seen = new Set<string>();
  g.sessions.forEach((s, i) => {
    if (seen.has(s.day)) problems.push({ code: 'C_2_SESSION_DAY_TWICE', fields: [{ path: `sessions.${i}.day`, message: 'the same day twice' }] });
    seen.add(s.day);
    if (compareIsoDates(s.day, training.windowStart) < 0 || compareIsoDates(s.day, training.windowEnd) > 0) {
      problems.push({ code: 'C_2_DATE_OUTSIDE_WINDOW', params: { from: formatDateEt(training.windowStart), to: formatDateEt(training.windowEnd) }, fields: [{ path: `sessions.${i}.day`, message: 'outside the window' }] });
    }
    if (s.endsAt <= s.startsAt) problems.push({ code: 'C_2_SESSION_TIME', fields: [{ path: `sessions.${i}.endsAt`, message: 'after startsAt' }] });
  });
  if (training.form === 'in_person' && !g.city?.trim()) problems.push({ code: 'C_2_CITY_REQUIRED', fields: [{ path: 'city', message: 'required in person' }] });
  if (g.capacityMin > g.capacityMax) problems.push({ code: 'C_2_CAPACITY_INVALID', fields: [{ path: 'capacityMin', message: 'not above capacityMax' }] });
  if (g.sessions.length > 0 && compareIsoDates(g.registrationClosesOn, sessionSpan(g.sessions).startsOn) >= 0) {
    problems.push({ code: 'C_2_CUTOFF_AFTER_START', fields: [{ path: 'registrationClosesOn', message: 'before the first day' }] });
  }
  return problems;
}

// --- C-3: registration ----------------------------------------------------------------------

export type RegistrationState = 'open' | 'closed' | 'started' | 'cancelled' | 'merged';

/**
 * C-3: registration is open up to and including the cut-off day; from the day
 * after, closed; from the first day, the group has started; a cancelled or
 * merged group takes no one.
 */
export function registrationState(g: { status: TrainingGroupStatus; registrationClosesOn: IsoDate; startsOn: IsoDate }, on: IsoDate): RegistrationState {
  if (g.status !== 'scheduled') return g.status;
  if (compareIsoDates(on, g.startsOn) >= 0) return 'started';
  return compareIsoDates(on, g.registrationClosesOn) > 0 ? 'closed' : 'open';
}

export interface Participant {
  id: string;
  role: string;
  organisationId: string;
  organisationKind: string;
  active: boolean;
}

export type EligibilityProblem = 'C_3_PARTICIPANT_INACTIVE' | 'C_3_NOT_ELIGIBLE_ROLE' | 'C_3_NOT_ELIGIBLE_ORGANISATION';

/**
 * C-3 eligibility from organisation and role: an active child protection
 * worker (kov_worker) of a municipality; a training restricted to some
 * municipalities takes only their workers.
 */
export function eligibilityProblem(p: Participant, training: { eligibleOrganisationIds: readonly string[] | null }): EligibilityProblem | null {
  if (!p.active) return 'C_3_PARTICIPANT_INACTIVE';
  if (p.role !== 'kov_worker' || p.organisationKind !== 'kov') return 'C_3_NOT_ELIGIBLE_ROLE';
  if (training.eligibleOrganisationIds && !training.eligibleOrganisationIds.includes(p.organisationId)) return 'C_3_NOT_ELIGIBLE_ORGANISATION';
  return null;
}

/**
 * C-3 "a KOV worker registers (or their manager registers them)": Tugi has no
 * KOV manager role, so a KOV worker registers themselves or a colleague of the
 * same municipality (docs/decisions.md).
 */
export function mayRegisterFor(actor: { userId: string; role: string; organisationId: string }, participant: { id: string; organisationId: string }): boolean {
  if (actor.role !== 'kov_worker') return false;
  return participant.id === actor.userId || participant.organisationId === actor.organisationId;
}

/** C-3: a place while there is one, otherwise the waitlist. */
export function placeFor(confirmed: number, capacityMax: number): 'confirmed' | 'waitlisted' {
  return confirmed < capacityMax ? 'confirmed' : 'waitlisted';
}

export function freePlaces(confirmed: number, capacityMax: number): number {
  return Math.max(0, capacityMax - confirmed);
}

/** C-3: the waitlist moves in the order of registration (queue number), first come first served. */
export function waitlistOrder<T extends { queueNo: number }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.queueNo - b.queueNo);
}

/** C-3: who moves up when places are free: the first of the waitlist, as many as there are places. */
export function promotions<T extends { queueNo: number }>(waitlisted: readonly T[], confirmed: number, capacityMax: number): T[] {
  return waitlistOrder(waitlisted).slice(0, freePlaces(confirmed, capacityMax));
}

// --- C-4: under-filled groups, merge, cancel -------------------------------------------------

/**
 * C-4: a group "stays under its minimum by the cut-off date" once its cut-off
 * day has passed (registration was open until then) with fewer confirmed
 * places than the minimum, until it starts. A cancelled or merged group is no
 * longer a warning.
 */
export function isUnderfilled(g: { status: TrainingGroupStatus; registrationClosesOn: IsoDate; startsOn: IsoDate; capacityMin: number }, confirmed: number, on: IsoDate): boolean {
  return g.status === 'scheduled' && compareIsoDates(on, g.registrationClosesOn) > 0 && compareIsoDates(on, g.startsOn) < 0 && confirmed < g.capacityMin;
}

export interface MergeGroup {
  id: string;
  trainingId: string;
  status: TrainingGroupStatus;
  startsOn: IsoDate;
}

/** C-4: what stops merging `source` into `target` (both of the same training, neither started nor closed). */
export function mergeProblem(source: MergeGroup, target: MergeGroup, on: IsoDate): RuleProblem | null {
  if (source.id === target.id) return { code: 'C_4_MERGE_SAME_GROUP', fields: [{ path: 'intoGroupId', message: 'another group' }] };
  if (source.trainingId !== target.trainingId) return { code: 'C_4_MERGE_OTHER_TRAINING', fields: [{ path: 'intoGroupId', message: 'a group of the same training' }] };
  if (source.status !== 'scheduled') return { code: 'C_4_GROUP_CLOSED', params: { status: source.status } };
  if (compareIsoDates(on, source.startsOn) >= 0) return { code: 'C_4_GROUP_STARTED' };
  if (target.status !== 'scheduled' || compareIsoDates(on, target.startsOn) >= 0) return { code: 'C_4_MERGE_TARGET_CLOSED', fields: [{ path: 'intoGroupId', message: 'a group that has not started' }] };
  return null;
}

export interface QueuedRegistration {
  id: string;
  queueNo: number;
  status: Extract<RegistrationStatus, 'confirmed' | 'waitlisted'>;
}

export interface MergePlan {
  /** Source registrations moving to the target, with their place there. */
  moves: { id: string; status: 'confirmed' | 'waitlisted' }[];
  /** Target's own waitlisted registrations that get a place left over. */
  promoted: string[];
}

/**
 * C-4 merge: the source's confirmed participants keep a place while the
 * target has free ones (first registered first); whoever does not fit joins
 * the target's waitlist with the source's waitlist. Everyone keeps their place
 * in line: the target's waitlist is ordered by registration, and places still
 * free go to its head (which may be one of the target's own).
 */
export function planMerge(source: readonly QueuedRegistration[], target: { confirmed: number; capacityMax: number; waitlisted: readonly { id: string; queueNo: number }[] }): MergePlan {
  let free = freePlaces(target.confirmed, target.capacityMax);
  const status = new Map<string, 'confirmed' | 'waitlisted'>();
  for (const r of waitlistOrder(source.filter((s) => s.status === 'confirmed'))) {
    status.set(r.id, free > 0 ? 'confirmed' : 'waitlisted');
    if (free > 0) free -= 1;
  }
  const queue = waitlistOrder([
    ...source.filter((s) => status.get(s.id) !== 'confirmed').map((s) => ({ id: s.id, queueNo: s.queueNo, own: false })),
    ...target.waitlisted.map((w) => ({ id: w.id, queueNo: w.queueNo, own: true })),
  ]);
  const promoted: string[] = [];
  for (const q of queue) {
    const place = free > 0 ? 'confirmed' : 'waitlisted';
    if (free > 0) free -= 1;
    if (q.own) {
      if (place === 'confirmed') promoted.push(q.id);
    } else status.set(q.id, place);
  }
  return { moves: waitlistOrder(source).map((s) => ({ id: s.id, status: status.get(s.id)! })), promoted };
}

// --- C-5: attendance, certificates, feedback ------------------------------------------------------

export type AttendanceSummary = 'full' | 'partial' | 'absent' | 'not_recorded';

/**
 * C-5: attended in full = present on every session day of the group (a
 * partial day or an absence is not full); nothing recorded yet is not_recorded.
 */
export function attendanceSummary(sessionIds: readonly string[], marks: ReadonlyMap<string, AttendanceStatus>): AttendanceSummary {
  const recorded = sessionIds.map((id) => marks.get(id)).filter((m): m is AttendanceStatus => m !== undefined);
  if (sessionIds.length > 0 && recorded.length === sessionIds.length && recorded.every((m) => m === 'present')) return 'full';
  if (recorded.some((m) => m !== 'absent')) return 'partial';
  return recorded.length > 0 ? 'absent' : 'not_recorded';
}

export const attendedInFull = (sessionIds: readonly string[], marks: ReadonlyMap<string, AttendanceStatus>) => attendanceSummary(sessionIds, marks) === 'full';

/** C-5: attendance is taken on or after the session day, never ahead of it. */
export function sessionOpenForAttendance(day: IsoDate, on: IsoDate): boolean {
  return compareIsoDates(day, on) <= 0;
}

/** Days after the last training day the questionnaire stays open (docs/decisions.md). */
export const FEEDBACK_OPEN_DAYS = 30;

/** C-5: the questionnaire opens on the group's last day for those who took part, and stays open for 30 days. */
export function feedbackOpen(g: { endsOn: IsoDate; status: TrainingGroupStatus }, on: IsoDate): boolean {
  return g.status === 'scheduled' && compareIsoDates(on, g.endsOn) >= 0 && compareIsoDates(on, addCalendarDays(g.endsOn, FEEDBACK_OPEN_DAYS)) <= 0;
}

export interface FeedbackAnswers {
  overall: number;
  content: number;
  trainer: number;
  usefulness: number;
  organisation: number;
  recommend: boolean;
  mostUseful: string | null;
  improve: string | null;
}

export interface FeedbackSummary {
  responses: number;
  /** Per question: the mean (one decimal) and how many answered 1..5. */
  questions: { question: FeedbackQuestion; average: number | null; counts: [number, number, number, number, number] }[];
  /** Share who would recommend the training, in whole per cent. */
  recommendPercent: number | null;
  mostUseful: string[];
  improve: string[];
}

/** C-5: the questionnaire's summary; no answer is ever tied to a name. */
export function summariseFeedback(rows: readonly FeedbackAnswers[]): FeedbackSummary {
  const questions = FEEDBACK_QUESTIONS.map((question) => {
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const r of rows) {
      const value = r[question];
      if (Number.isInteger(value) && value >= 1 && value <= 5) {
        counts[value - 1] = counts[value - 1]! + 1;
        sum += value;
      }
    }
    const n = counts.reduce((a, b) => a + b, 0);
    return { question, average: n ? Math.round((sum / n) * 10) / 10 : null, counts };
  });
  const texts = (pick: (r: FeedbackAnswers) => string | null) => rows.map(pick).filter((t): t is string => Boolean(t?.trim())).map((t) => t.trim());
  return {
    responses: rows.length,
    questions,
    recommendPercent: rows.length ? Math.round((rows.filter((r) => r.recommend).length / rows.length) * 100) : null,
    mostUseful: texts((r) => r.mostUseful),
    improve: texts((r) => r.improve),
  };
}

/** C-5: a certificate's number: the training's reference, the group and the registration's queue number. */
export function certificateNumber(trainingReference: string, groupNumber: number, queueNo: number): string {
  return `${trainingReference}-${groupNumber}-${String(queueNo).padStart(4, '0')}`;
}

// --- C-6: the year's calendar ----------------------------------------------------------------------

/** 'YYYY-MM' of a date. */
export const monthOf = (date: IsoDate) => date.slice(0, 7);

/** C-6: groups by the month of their first day, every month of the year present (January first). */
export function calendarMonths<T extends { startsOn: IsoDate }>(year: number, groups: readonly T[]): { month: string; groups: T[] }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${String(year).padStart(4, '0')}-${String(i + 1).padStart(2, '0')}`;
    return { month, groups: groups.filter((g) => monthOf(g.startsOn) === month).sort((a, b) => a.startsOn.localeCompare(b.startsOn)) };
  });
}

/** A training reference: KO-<year>-<two-digit number>. */
export function trainingReference(year: number, n: number): string {
  return `KO-${year}-${String(n).padStart(2, '0')}`;
}
