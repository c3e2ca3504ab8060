import { addMonths, addWorkingDays, compareIsoDates, subtractWorkingDays, type IsoDate } from '../../platform/calendar/working-days.js';
import { ageOn } from '../people/personal-code.js';
import { CLOSING_ASSESSMENTS, type Assessments, type CaseType, type RiskLevel } from './tables.js';

/**
 * Module A's rules (SPEC §4, seed 002), as pure functions: the workflow of each
 * case type, what each transition needs, the RV phase and age rules, deadlines.
 */

export const WORKFLOWS: Record<CaseType, { initial: string; next: Record<string, readonly string[]> }> = {
  // A-DOM: application → first_contact → in_progress → closing → closed (closing may go back to work).
  domestic: {
    initial: 'application',
    next: { application: ['first_contact'], first_contact: ['in_progress'], in_progress: ['closing'], closing: ['closed', 'in_progress'], closed: [] },
  },
  // A-KLAT: application → drafting → opinion_issued.
  klat_opinion: { initial: 'application', next: { application: ['drafting'], drafting: ['opinion_issued'], opinion_issued: [] } },
  // A-INT: the KOV stays case manager; SKA mediates until the case is closed.
  international: { initial: 'application', next: { application: ['in_progress'], in_progress: ['closed'], closed: [] } },
  // A-RV: preparatory → active (≥ 6 months) → follow_up (6 months) → closed.
  rv: { initial: 'preparatory', next: { preparatory: ['active'], active: ['follow_up'], follow_up: ['closed'], closed: [] } },
};

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['closed', 'opinion_issued']);

export function statusesOf(type: CaseType): string[] {
  return Object.keys(WORKFLOWS[type].next);
}

export function isFinal(status: string): boolean {
  return FINAL_STATUSES.has(status);
}

/** What a transition checks: the case as recorded, plus what the request brings. */
export interface CaseForTransition {
  type: CaseType;
  status: string;
  actionPlan: string | null;
  assessments: Assessments;
  summary: string | null;
  opinion: 'supporting' | 'not_supporting' | null;
  opinionRecommendations: string | null;
  alternativeMeasures: string | null;
  question: string | null;
  riskAssessments: { assessedOn: IsoDate; level: RiskLevel }[];
  rvActiveStartedOn: IsoDate | null;
  rvFollowUpStartedOn: IsoDate | null;
  /** A recorded reason to end a phase before its 6 months. */
  reason: string | null;
}

export type TransitionProblem =
  | 'TRANSITION_NOT_ALLOWED'
  | 'ACTION_PLAN_REQUIRED'
  | 'CLOSING_ASSESSMENTS_REQUIRED'
  | 'SUMMARY_REQUIRED'
  | 'OPINION_REQUIRED'
  | 'OPINION_RECOMMENDATIONS_REQUIRED'
  | 'ALTERNATIVE_MEASURES_REQUIRED'
  | 'RV_PACT_REQUIRED'
  | 'RV_APPLICATION_REQUIRED'
  | 'RV_ACTIVE_TOO_SHORT'
  | 'RV_FOLLOW_UP_TOO_SHORT';

export type TransitionCheck = { ok: true } | { ok: false; problem: TransitionProblem; missing: string[]; params?: Record<string, string> };

const fail = (problem: TransitionProblem, missing: string[] = [], params?: Record<string, string>): TransitionCheck => ({ ok: false, problem, missing, ...(params ? { params } : {}) });
const blank = (text: string | null | undefined) => !text || text.trim() === '';

/** Whether the case may move to `to` today, and if not, what is missing. */
export function checkTransition(c: CaseForTransition, to: string, today: IsoDate): TransitionCheck {
  if (!WORKFLOWS[c.type].next[c.status]?.includes(to)) return fail('TRANSITION_NOT_ALLOWED', [], { from: c.status, to });
  switch (c.type) {
    case 'domestic':
      return checkDomestic(c, to);
    case 'klat_opinion':
      return to === 'opinion_issued' ? checkOpinion(c) : { ok: true };
    case 'international':
      return to === 'closed' && blank(c.summary) ? fail('SUMMARY_REQUIRED', ['summary']) : { ok: true };
    case 'rv':
      return checkRv(c, to, today);
  }
}

/** A-DOM: an action plan to leave first contact; five assessments and a summary to close. */
function checkDomestic(c: CaseForTransition, to: string): TransitionCheck {
  if (c.status === 'first_contact' && blank(c.actionPlan)) return fail('ACTION_PLAN_REQUIRED', ['actionPlan']);
  if (to === 'closed') {
    const missing = missingAssessments(c.assessments);
    if (missing.length) return fail('CLOSING_ASSESSMENTS_REQUIRED', missing.map((m) => `assessments.${m}`));
    if (blank(c.summary)) return fail('SUMMARY_REQUIRED', ['summary']);
  }
  return { ok: true };
}

export function missingAssessments(assessments: Assessments): string[] {
  return CLOSING_ASSESSMENTS.filter((key) => blank(assessments[key]));
}

/** A-KLAT: an opinion with recommendations; a not-supporting one lists alternative measures. */
function checkOpinion(c: CaseForTransition): TransitionCheck {
  if (!c.opinion) return fail('OPINION_REQUIRED', ['opinion']);
  if (blank(c.opinionRecommendations)) return fail('OPINION_RECOMMENDATIONS_REQUIRED', ['opinionRecommendations']);
  if (c.opinion === 'not_supporting' && blank(c.alternativeMeasures)) return fail('ALTERNATIVE_MEASURES_REQUIRED', ['alternativeMeasures']);
  return { ok: true };
}

/** A-RV phase rules. */
function checkRv(c: CaseForTransition, to: string, today: IsoDate): TransitionCheck {
  if (to === 'active') {
    if (blank(c.question)) return fail('RV_APPLICATION_REQUIRED', ['question']);
    if (!c.riskAssessments.some((r) => r.level === 'medium' || r.level === 'high')) return fail('RV_PACT_REQUIRED', ['riskAssessments']);
  }
  if (to === 'follow_up' && c.rvActiveStartedOn) {
    const earliest = addMonths(c.rvActiveStartedOn, RV_ACTIVE_MONTHS);
    if (compareIsoDates(today, earliest) < 0 && blank(c.reason)) return fail('RV_ACTIVE_TOO_SHORT', ['reason'], { earliest });
  }
  if (to === 'closed' && c.rvFollowUpStartedOn) {
    const earliest = addMonths(c.rvFollowUpStartedOn, RV_FOLLOW_UP_MONTHS);
    if (compareIsoDates(today, earliest) < 0 && blank(c.reason)) return fail('RV_FOLLOW_UP_TOO_SHORT', ['reason'], { earliest });
  }
  return { ok: true };
}

// --- A-RV age and risk ------------------------------------------------------

export const RV_ACTIVE_MONTHS = 6;
export const RV_FOLLOW_UP_MONTHS = 6;
export const RV_REASSESSMENT_MONTHS = 6;
export const RV_MIN_AGE = 12;
export const RV_ADULT_AGE = 18;

export type RvAgeProblem = 'RV_TOO_YOUNG_WITHOUT_NOTE' | 'RV_ADULT_WITHOUT_CONSENT';

/**
 * A-RV target group 12–18: younger only with a note explaining why, 18 and
 * over only with the youth's own consent. Age on the day of the application.
 */
export function checkRvAge(birthDate: IsoDate, on: IsoDate, note: string | null, consentOver18: boolean): RvAgeProblem | null {
  const age = ageOn(birthDate, on);
  if (age < RV_MIN_AGE && blank(note)) return 'RV_TOO_YOUNG_WITHOUT_NOTE';
  if (age >= RV_ADULT_AGE && !consentOver18) return 'RV_ADULT_WITHOUT_CONSENT';
  return null;
}

/** A-RV: a new PACT risk assessment no earlier than 6 months after the previous one. */
export function earliestReassessment(previous: IsoDate[]): IsoDate | null {
  if (previous.length === 0) return null;
  const latest = [...previous].sort(compareIsoDates).at(-1)!;
  return addMonths(latest, RV_REASSESSMENT_MONTHS);
}

export function reassessmentAllowed(previous: IsoDate[], on: IsoDate): boolean {
  const earliest = earliestReassessment(previous);
  return earliest === null || compareIsoDates(on, earliest) >= 0;
}

// --- Deadlines (X-CAL) --------------------------------------------------------

/** SKA contacts the KOV within 5 working days of receiving a domestic application. */
export const FIRST_CONTACT_WORKING_DAYS = 5;
/** A KLAT opinion is due within 10 working days, and at the latest 2 working days before the court date. */
export const KLAT_OPINION_WORKING_DAYS = 10;
export const KLAT_BEFORE_COURT_WORKING_DAYS = 2;

export function firstContactDue(receivedOn: IsoDate): IsoDate {
  return addWorkingDays(receivedOn, FIRST_CONTACT_WORKING_DAYS);
}

export function klatOpinionDue(receivedOn: IsoDate, courtDate: IsoDate | null): IsoDate {
  const normal = addWorkingDays(receivedOn, KLAT_OPINION_WORKING_DAYS);
  if (!courtDate) return normal;
  const beforeCourt = subtractWorkingDays(courtDate, KLAT_BEFORE_COURT_WORKING_DAYS);
  return compareIsoDates(beforeCourt, normal) < 0 ? beforeCourt : normal;
}

export interface CaseDeadlineInput {
  type: CaseType;
  status: string;
  firstContactDue: IsoDate | null;
  opinionDue: IsoDate | null;
  riskAssessmentDates: IsoDate[];
}

export interface Deadline {
  kind: 'first_contact' | 'klat_opinion' | 'rv_reassessment';
  due: IsoDate;
}

/** The deadline a case is working toward now, if any. */
export function currentDeadline(c: CaseDeadlineInput): Deadline | null {
  if (c.type === 'domestic' && c.status === 'application' && c.firstContactDue) return { kind: 'first_contact', due: c.firstContactDue };
  if (c.type === 'klat_opinion' && !isFinal(c.status) && c.opinionDue) return { kind: 'klat_opinion', due: c.opinionDue };
  if (c.type === 'rv' && c.status === 'active') {
    const due = earliestReassessment(c.riskAssessmentDates);
    if (due) return { kind: 'rv_reassessment', due };
  }
  return null;
}

/** Overdue: the deadline's day has passed (the due day itself still counts as in time). */
export function isOverdue(deadline: Deadline | null, today: IsoDate): boolean {
  return deadline !== null && deadline.kind !== 'rv_reassessment' && compareIsoDates(today, deadline.due) > 0;
}

/** Warn this many working days before a deadline. */
export const WARN_WORKING_DAYS = 2;

export function deadlineSeverity(deadline: Deadline | null, today: IsoDate): 'overdue' | 'warning' | 'info' | null {
  if (!deadline) return null;
  if (isOverdue(deadline, today)) return 'overdue';
  if (deadline.kind === 'rv_reassessment') return compareIsoDates(today, deadline.due) >= 0 ? 'info' : null;
  return compareIsoDates(addWorkingDays(today, WARN_WORKING_DAYS), deadline.due) >= 0 ? 'warning' : 'info';
}

// --- References ---------------------------------------------------------------

const PREFIX: Record<CaseType, string> = { domestic: 'SN', klat_opinion: 'KA', international: 'RN', rv: 'RV' };

/** A case reference such as SN-2025-00042: type, year received, running number. */
export function caseReference(type: CaseType, receivedOn: IsoDate, sequence: number): string {
  return `${PREFIX[type]}-${receivedOn.slice(0, 4)}-${String(sequence).padStart(5, '0')}`;
}
