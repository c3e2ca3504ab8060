import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, type IsoDate } from '../../platform/calendar/working-days.js';
import {
  conditionsFor,
  costType,
  SOS_ADDITIONAL_PERCENT,
  SOS_FURNISHING_MAX_CENTS,
  SOS_INDIRECT_PERCENT,
  SOS_MODEL_MAX_CENTS,
  SOS_RENT_MAX_CENTS_PER_YEAR,
  type Measure,
} from './measures.js';
import type { ApplicationStatus, PerepesaActivity } from './tables.js';

/**
 * Module D's grant rules as pure functions (no I/O): the round's announcement
 * (D-GRANT-1), the budget limits (D-SOS, D-PESA), the project period, what a
 * submission needs (D-GRANT-2), the processing deadline (D-GRANT-3) and the
 * contract's signing deadline (D-CONTRACT). Money is integer cents throughout:
 * a share is checked as part × 100 ≤ whole × percent, never with a rounded euro.
 */

/** A problem with a request: a stable code (the rule in it), its message parameters, and the budget line it concerns. */
export interface RuleProblem {
  code: string;
  params?: Record<string, string | number>;
  /** Index of the budget line (0-based). */
  line?: number;
}

// --- D-GRANT-1: the round ------------------------------------------------------------------

/** The ministry announces a round at least 5 calendar days before it opens. */
export const ANNOUNCEMENT_DAYS = 5;

export function roundProblems(r: { measure: Measure; announcedOn: IsoDate; opensOn: IsoDate; closesOn: IsoDate | null }): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const earliest = addCalendarDays(r.announcedOn, ANNOUNCEMENT_DAYS);
  if (compareIsoDates(r.opensOn, earliest) < 0) problems.push({ code: 'D_GRANT_1_ANNOUNCEMENT_LATE', params: { announcedOn: r.announcedOn, earliest } });
  if (r.closesOn && compareIsoDates(r.closesOn, r.opensOn) < 0) problems.push({ code: 'D_GRANT_1_CLOSES_BEFORE_OPENING' });
  // Perepesa: the deadline is published with the budget (SoS rounds stay open until the money is used).
  if (r.measure.key === 'perepesa' && !r.closesOn) problems.push({ code: 'D_PESA_DEADLINE_REQUIRED' });
  return problems;
}

export type RoundState = 'planned' | 'announced' | 'open' | 'closed';

/** Before its announcement a round is the ministry's plan; announced until it opens; open until its closing day (inclusive). */
export function roundState(r: { announcedOn: IsoDate; opensOn: IsoDate; closesOn: IsoDate | null }, today: IsoDate): RoundState {
  if (compareIsoDates(today, r.announcedOn) < 0) return 'planned';
  if (compareIsoDates(today, r.opensOn) < 0) return 'announced';
  if (r.closesOn && compareIsoDates(today, r.closesOn) > 0) return 'closed';
  return 'open';
}

// --- Project period (D-SOS 36 months by 31.12.2027, D-PESA 24 months) ------------------------

export interface ProjectPeriod {
  start: IsoDate;
  end: IsoDate;
  /** Whole or part months the project runs. */
  months: number;
  /** Ended early by the latest end date (later applications get less time). */
  shortened: boolean;
}

/** The period from a start date: the measure's months (ending the day before the same date), cut at the latest end. */
export function projectPeriod(measure: Measure, start: IsoDate): ProjectPeriod {
  const full = addCalendarDays(addMonths(start, measure.projectMonths), -1);
  const cut = measure.latestEnd !== null && compareIsoDates(full, measure.latestEnd) > 0;
  const end = cut ? measure.latestEnd! : full;
  return { start, end, months: monthsCovered(start, end), shortened: cut };
}

/** Months (whole or begun) from start to end inclusive: 01.01–31.12 is 12, 01.12.2026–31.12.2027 is 13. */
export function monthsCovered(start: IsoDate, end: IsoDate): number {
  let n = 0;
  for (let from = start; compareIsoDates(from, end) <= 0; from = addMonths(start, n)) n += 1;
  return n;
}

/** The months of each project year within the period: 36 months → [12, 12, 12]; 13 → [12, 1]. */
export function projectYearMonths(period: ProjectPeriod): number[] {
  const years: number[] = [];
  for (let left = period.months; left > 0; left -= 12) years.push(Math.min(12, left));
  return years;
}

/**
 * The planned start in an application: not before it is submitted, and the
 * project must still have time before the latest end (D-SOS 31.12.2027).
 */
export function plannedStartProblems(measure: Measure, start: IsoDate | null, on: IsoDate): RuleProblem[] {
  if (!start) return [{ code: 'D_GRANT_2_START_REQUIRED' }];
  if (compareIsoDates(start, on) < 0) return [{ code: 'D_GRANT_2_START_IN_PAST', params: { start } }];
  if (measure.latestEnd && compareIsoDates(start, measure.latestEnd) > 0) return [{ code: 'D_SOS_PERIOD_AFTER_LATEST_END', params: { latestEnd: measure.latestEnd } }];
  return [];
}

/**
 * D-SOS / D-PESA at the contract: the project starts with the contract or a later
 * date named in it, within 2 (Perepesa 4) months of the contract. Both ends allowed.
 */
export function contractStartProblems(measure: Measure, contractOn: IsoDate, start: IsoDate): RuleProblem[] {
  const latest = addMonths(contractOn, measure.startWithinMonths);
  if (compareIsoDates(start, contractOn) < 0) return [{ code: 'D_CONTRACT_START_BEFORE_CONTRACT', params: { contractOn } }];
  if (compareIsoDates(start, latest) > 0) return [{ code: measure.key === 'perepesa' ? 'D_PESA_START_TOO_LATE' : 'D_SOS_START_TOO_LATE', params: { latest, months: measure.startWithinMonths } }];
  if (measure.latestEnd && compareIsoDates(start, measure.latestEnd) > 0) return [{ code: 'D_SOS_PERIOD_AFTER_LATEST_END', params: { latestEnd: measure.latestEnd } }];
  return [];
}

// --- D-SOS / D-PESA: the budget -------------------------------------------------------------

export interface BudgetLineInput {
  costType: string;
  projectYear: number;
  description?: string | undefined;
  ftePercent?: number | null | undefined;
  months?: number | null | undefined;
  grossMonthlyCents?: number | null | undefined;
  employerMonthlyCents?: number | null | undefined;
  /** For a staff line the amount is computed (employer monthly × months); for others it is given. */
  amountCents?: number | null | undefined;
}

export interface BudgetLine {
  costType: string;
  projectYear: number;
  description: string;
  ftePercent: number | null;
  months: number | null;
  grossMonthlyCents: number | null;
  employerMonthlyCents: number | null;
  amountCents: number;
}

/** One limit as the budget editor shows it: used against allowed, in cents. */
export interface LimitCheck {
  key: string;
  usedCents: number;
  /** null: no ceiling in cents (a rule that is either kept or not). */
  limitCents: number | null;
  ok: boolean;
}

export interface BudgetEvaluation {
  lines: BudgetLine[];
  totals: { modelCents: number; additionalCents: number; staffCents: number; indirectCents: number; totalCents: number; byYear: number[] };
  limits: LimitCheck[];
  problems: RuleProblem[];
  period: ProjectPeriod | null;
  ok: boolean;
}

const isStaff = (measure: Measure, key: string) => Boolean(costType(measure, key)?.staff);

/** Staff lines get their amount from employer monthly cost × months; other lines keep theirs. */
export function normaliseLines(measure: Measure, lines: readonly BudgetLineInput[]): BudgetLine[] {
  return lines.map((l) => {
    const staff = isStaff(measure, l.costType);
    const months = staff ? (l.months ?? null) : null;
    const employer = staff ? (l.employerMonthlyCents ?? null) : null;
    return {
      costType: l.costType,
      projectYear: l.projectYear,
      description: l.description?.trim() ?? '',
      ftePercent: staff ? (l.ftePercent ?? null) : null,
      months,
      grossMonthlyCents: staff ? (l.grossMonthlyCents ?? null) : null,
      employerMonthlyCents: employer,
      amountCents: staff ? (employer ?? 0) * (months ?? 0) : (l.amountCents ?? 0),
    };
  });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** part ≤ percent % of whole, exactly, in integers. */
export const withinShare = (part: number, whole: number, percent: number) => part * 100 <= whole * percent;

/** The largest amount in cents that is within percent % of whole (for showing the ceiling). */
export const shareCeiling = (whole: number, percent: number) => Math.floor((whole * percent) / 100);

/** Per line: a known cost type of the measure (and of the Perepesa activity), a year in the period, staff fields within the caps. */
function lineProblems(measure: Measure, activity: PerepesaActivity | null, lines: BudgetLine[], yearMonths: number[] | null): RuleProblem[] {
  const rule = measure.key === 'perepesa' ? 'D_PESA' : 'D_SOS';
  const maxYears = Math.ceil(measure.projectMonths / 12);
  const problems: RuleProblem[] = [];
  lines.forEach((l, line) => {
    const type = costType(measure, l.costType);
    if (!type) return problems.push({ code: 'D_GRANT_COST_TYPE_UNKNOWN', params: { costType: l.costType }, line });
    if (type.activities && activity && !type.activities.includes(activity)) problems.push({ code: 'D_PESA_COST_NOT_ELIGIBLE', params: { costType: l.costType, activity }, line });
    if (!Number.isInteger(l.projectYear) || l.projectYear < 1 || l.projectYear > maxYears) problems.push({ code: `${rule}_YEAR_OUT_OF_RANGE`, params: { year: l.projectYear, years: maxYears }, line });
    else if (yearMonths && l.projectYear > yearMonths.length) problems.push({ code: `${rule}_YEAR_OUTSIDE_PERIOD`, params: { year: l.projectYear, years: yearMonths.length }, line });
    if (type.staff) {
      if (!l.ftePercent || !l.months || l.grossMonthlyCents === null || l.employerMonthlyCents === null) {
        problems.push({ code: 'D_GRANT_STAFF_FIELDS_REQUIRED', line });
        return;
      }
      const monthsInYear = yearMonths?.[l.projectYear - 1] ?? 12;
      if (l.months > monthsInYear) problems.push({ code: `${rule}_MONTHS_OVER_YEAR`, params: { months: l.months, monthsInYear }, line });
      const cap = type.staff.cap;
      // "… eurot töötaja kohta kalendrikuus täistööaja korral": the cap scales with the FTE.
      if (cap && l.grossMonthlyCents * 100 > cap.grossCents * l.ftePercent) problems.push({ code: `${rule}_SALARY_GROSS_CAP`, params: { capCents: shareCeiling(cap.grossCents, l.ftePercent), fte: l.ftePercent }, line });
      if (cap && l.employerMonthlyCents * 100 > cap.employerCents * l.ftePercent) problems.push({ code: `${rule}_SALARY_EMPLOYER_CAP`, params: { capCents: shareCeiling(cap.employerCents, l.ftePercent), fte: l.ftePercent }, line });
      if (l.employerMonthlyCents < l.grossMonthlyCents) problems.push({ code: 'D_GRANT_EMPLOYER_BELOW_GROSS', line });
    } else if (l.amountCents <= 0) problems.push({ code: 'D_GRANT_AMOUNT_REQUIRED', line });
    return undefined;
  });
  return problems;
}

/**
 * D-SOS and D-PESA limits of a budget, every one evaluated (the editor shows them all live):
 *  - D-SOS: model implementation ≤ 170,983.00 EUR; additional activities ≤ 25 % of it, on top;
 *    indirect ≤ 15 % of the lead's direct staff costs; furnishing ≤ 10,000 EUR in year 1 and
 *    0 later, or rent ≤ 7,500 EUR a year (not both); staff ≤ 2,500 / 3,345 EUR a month per FTE.
 *  - D-PESA: the staff caps of the manager and the play-room coordinator; creating a Perepesa
 *    funds its staff only.
 *  - The round's notice may set a maximum per application.
 */
export function evaluateBudget(
  measure: Measure,
  input: { activity: PerepesaActivity | null; lines: readonly BudgetLineInput[]; maxPerApplicationCents: number | null; plannedStart: IsoDate | null },
): BudgetEvaluation {
  const lines = normaliseLines(measure, input.lines);
  const period = input.plannedStart ? projectPeriod(measure, input.plannedStart) : null;
  const yearMonths = period ? projectYearMonths(period) : null;
  const problems = lineProblems(measure, input.activity, lines, yearMonths);
  const partOf = (key: string) => costType(measure, key)?.part;
  const amounts = (pred: (l: BudgetLine) => boolean) => sum(lines.filter(pred).map((l) => l.amountCents));
  const modelCents = amounts((l) => partOf(l.costType) === 'model');
  const additionalCents = amounts((l) => partOf(l.costType) === 'additional');
  const staffCents = amounts((l) => Boolean(costType(measure, l.costType)?.staff?.indirectBase));
  const indirectCents = amounts((l) => l.costType === 'indirect');
  const totalCents = sum(lines.map((l) => l.amountCents));
  const years = Math.ceil(measure.projectMonths / 12);
  const byYear = Array.from({ length: years }, (_, i) => amounts((l) => l.projectYear === i + 1));
  const limits: LimitCheck[] = [];

  if (measure.key === 'signs_of_safety') {
    limits.push({ key: 'D_SOS_MODEL_TOTAL', usedCents: modelCents, limitCents: SOS_MODEL_MAX_CENTS, ok: modelCents <= SOS_MODEL_MAX_CENTS });
    limits.push({ key: 'D_SOS_ADDITIONAL_SHARE', usedCents: additionalCents, limitCents: shareCeiling(modelCents, SOS_ADDITIONAL_PERCENT), ok: withinShare(additionalCents, modelCents, SOS_ADDITIONAL_PERCENT) });
    limits.push({ key: 'D_SOS_INDIRECT_SHARE', usedCents: indirectCents, limitCents: shareCeiling(staffCents, SOS_INDIRECT_PERCENT), ok: withinShare(indirectCents, staffCents, SOS_INDIRECT_PERCENT) });
    const furnishing = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.costType === 'rooms_furnishing');
    const rent = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.costType === 'rooms_rent');
    const furnishingYear1 = sum(furnishing.filter(({ l }) => l.projectYear === 1).map(({ l }) => l.amountCents));
    for (const { l, i } of furnishing) if (l.projectYear !== 1) problems.push({ code: 'D_SOS_FURNISHING_LATER_YEAR', params: { year: l.projectYear }, line: i });
    limits.push({ key: 'D_SOS_FURNISHING', usedCents: sum(furnishing.map(({ l }) => l.amountCents)), limitCents: SOS_FURNISHING_MAX_CENTS, ok: furnishingYear1 <= SOS_FURNISHING_MAX_CENTS && furnishing.every(({ l }) => l.projectYear === 1) });
    const rentByYear = byYearOf(rent.map(({ l }) => l), years);
    const worstRent = Math.max(0, ...rentByYear);
    limits.push({ key: 'D_SOS_RENT_PER_YEAR', usedCents: worstRent, limitCents: SOS_RENT_MAX_CENTS_PER_YEAR, ok: worstRent <= SOS_RENT_MAX_CENTS_PER_YEAR });
    rentByYear.forEach((cents, y) => { if (cents > SOS_RENT_MAX_CENTS_PER_YEAR) problems.push({ code: 'D_SOS_RENT_PER_YEAR', params: { year: y + 1, usedCents: cents, limitCents: SOS_RENT_MAX_CENTS_PER_YEAR } }); });
    const both = furnishing.length > 0 && rent.length > 0;
    limits.push({ key: 'D_SOS_ROOMS_EITHER', usedCents: 0, limitCents: null, ok: !both });
    if (both) problems.push({ code: 'D_SOS_ROOMS_EITHER' });
    if (furnishingYear1 > SOS_FURNISHING_MAX_CENTS) problems.push({ code: 'D_SOS_FURNISHING', params: { usedCents: furnishingYear1, limitCents: SOS_FURNISHING_MAX_CENTS } });
    if (modelCents > SOS_MODEL_MAX_CENTS) problems.push({ code: 'D_SOS_MODEL_TOTAL', params: { usedCents: modelCents, limitCents: SOS_MODEL_MAX_CENTS } });
    if (!withinShare(additionalCents, modelCents, SOS_ADDITIONAL_PERCENT)) problems.push({ code: 'D_SOS_ADDITIONAL_SHARE', params: { usedCents: additionalCents, limitCents: shareCeiling(modelCents, SOS_ADDITIONAL_PERCENT) } });
    if (!withinShare(indirectCents, staffCents, SOS_INDIRECT_PERCENT)) problems.push({ code: 'D_SOS_INDIRECT_SHARE', params: { usedCents: indirectCents, limitCents: shareCeiling(staffCents, SOS_INDIRECT_PERCENT) } });
  }
  const staffOk = !problems.some((p) => /_SALARY_(GROSS|EMPLOYER)_CAP$/.test(p.code));
  limits.push({ key: measure.key === 'perepesa' ? 'D_PESA_SALARY_CAPS' : 'D_SOS_SALARY_CAPS', usedCents: 0, limitCents: null, ok: staffOk });
  if (input.maxPerApplicationCents !== null) {
    const ok = totalCents <= input.maxPerApplicationCents;
    limits.push({ key: 'D_GRANT_ROUND_MAXIMUM', usedCents: totalCents, limitCents: input.maxPerApplicationCents, ok });
    if (!ok) problems.push({ code: 'D_GRANT_ROUND_MAXIMUM', params: { usedCents: totalCents, limitCents: input.maxPerApplicationCents } });
  }
  return {
    lines,
    totals: { modelCents, additionalCents, staffCents, indirectCents, totalCents, byYear },
    limits,
    problems,
    period,
    ok: problems.length === 0 && limits.every((l) => l.ok),
  };
}

function byYearOf(lines: readonly BudgetLine[], years: number): number[] {
  const out = Array.from({ length: years }, () => 0);
  for (const l of lines) if (l.projectYear >= 1 && l.projectYear <= years) out[l.projectYear - 1]! += l.amountCents;
  return out;
}

// --- D-GRANT-2: submission ------------------------------------------------------------------

export interface SubmissionInput {
  measure: Measure;
  round: { announcedOn: IsoDate; opensOn: IsoDate; closesOn: IsoDate | null };
  status: ApplicationStatus;
  contactName: string;
  contactEmail: string;
  activity: PerepesaActivity | null;
  plannedStart: IsoDate | null;
  summary: string;
  explanation: string;
  sustainability: string;
  evaluation: BudgetEvaluation;
  /** Condition keys with at least one evidence file. */
  evidenceFor: ReadonlySet<string>;
  signedContainer: boolean;
}

/** Everything a submission needs, each missing thing named: the round open today, the signed application, budget and explanation, evidence. */
export function submissionProblems(s: SubmissionInput, today: IsoDate): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (s.status !== 'draft') return [{ code: 'D_GRANT_2_ALREADY_SUBMITTED' }];
  const state = roundState(s.round, today);
  if (state !== 'open') problems.push({ code: state === 'closed' ? 'D_GRANT_2_ROUND_CLOSED' : 'D_GRANT_2_ROUND_NOT_OPEN', params: { opensOn: s.round.opensOn, closesOn: s.round.closesOn ?? '' } });
  if (!s.contactName.trim() || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.contactEmail)) problems.push({ code: 'D_GRANT_2_CONTACT_REQUIRED' });
  if (s.measure.activities && !s.activity) problems.push({ code: 'D_PESA_ACTIVITY_REQUIRED' });
  problems.push(...plannedStartProblems(s.measure, s.plannedStart, today));
  if (!s.summary.trim()) problems.push({ code: 'D_GRANT_2_SUMMARY_REQUIRED' });
  if (!s.explanation.trim()) problems.push({ code: 'D_GRANT_2_EXPLANATION_REQUIRED' });
  if (s.measure.key === 'signs_of_safety' && !s.sustainability.trim()) problems.push({ code: 'D_SOS_SUSTAINABILITY_REQUIRED' });
  if (s.evaluation.lines.length === 0 || s.evaluation.totals.totalCents === 0) problems.push({ code: 'D_GRANT_2_BUDGET_REQUIRED' });
  if (!s.evaluation.ok) problems.push({ code: 'D_GRANT_2_BUDGET_OVER_LIMITS', params: { count: s.evaluation.problems.length } });
  for (const c of conditionsFor(s.measure, s.activity)) if (c.evidence && !s.evidenceFor.has(c.key)) problems.push({ code: 'D_GRANT_2_EVIDENCE_MISSING', params: { condition: c.key } });
  if (!s.signedContainer) problems.push({ code: 'D_GRANT_2_SIGNED_APPLICATION_REQUIRED' });
  return problems;
}

// --- D-GRANT-3 and D-CONTRACT: deadlines in working days (X-CAL) -----------------------------

export const PROCESSING_WORKING_DAYS = 30;
export const SIGNING_WORKING_DAYS = 10;

/** D-GRANT-3: processing takes at most 30 working days from submission (the day of submission does not count). */
export const decisionDueOn = (submittedOn: IsoDate) => addWorkingDays(submittedOn, PROCESSING_WORKING_DAYS);

/** D-CONTRACT: the KOV signs within 10 working days of receiving the contract; the 10th working day is the last. */
export const signDueOn = (receivedOn: IsoDate) => addWorkingDays(receivedOn, SIGNING_WORKING_DAYS);

/** An unsigned contract lapses (the KOV has declined the grant) once its last signing day is over. */
export const contractLapsed = (dueOn: IsoDate, today: IsoDate) => compareIsoDates(today, dueOn) > 0;

/** Statuses still waiting for the ministry's decision (the 30-working-day clock runs). */
export const AWAITING_DECISION: readonly ApplicationStatus[] = ['submitted', 'in_review', 'eligible'];

// --- D-SOS-ORDER: population categories -------------------------------------------------------

/**
 * The seed's garbled sentence ("< 50 000; < 20 000 (> 50 000); > 20 000") read as SPEC §7 does:
 * over 50,000 residents; 20,000–50,000 (both bounds included); under 20,000.
 */
export const CATEGORIES = ['over_50000', 'from_20000_to_50000', 'under_20000'] as const;
export type PopulationCategory = (typeof CATEGORIES)[number];

export function populationCategory(population: number): PopulationCategory {
  if (population > 50_000) return 'over_50000';
  if (population >= 20_000) return 'from_20000_to_50000';
  return 'under_20000';
}

// --- D-SOS-ORDER: the funding ranking ---------------------------------------------------------

/** Applications that take part in the ranking: eligible, and those already granted (they keep their places). */
export const RANKED: readonly ApplicationStatus[] = ['eligible', 'granted', 'contract_sent', 'contract_signed'];
const FIXED: readonly ApplicationStatus[] = ['granted', 'contract_sent', 'contract_signed'];

export interface RankInput {
  id: string;
  status: ApplicationStatus;
  submittedAt: string;
  population: number;
  requestedCents: number;
  grantedCents: number | null;
}

export interface RankExplanation {
  code: string;
  params?: Record<string, string | number>;
}

export interface RankedRow {
  id: string;
  /** Position in submission order among the ranked applications (1-based). */
  order: number;
  category: PopulationCategory | null;
  place: 'category' | 'spillover' | 'kept' | null;
  /** The amount the ranking reserves: the granted amount once granted, else the amount asked. */
  amountCents: number;
  budgetBeforeCents: number | null;
  budgetAfterCents: number | null;
  fundable: boolean;
  /** No place, or the budget ran out before it; partial funding of the rest may be recorded for the first such one. */
  partialPossibleCents: number | null;
  explanation: RankExplanation[];
}

export interface Ranking {
  rows: RankedRow[];
  placesPerCategory: number;
  categories: { category: PopulationCategory; places: number; taken: number; unused: number }[];
  spilloverPlaces: number;
  budgetCents: number;
  reservedCents: number;
  remainingCents: number;
}

const bySubmission = (a: RankInput, b: RankInput) => a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id);

/**
 * D-SOS-ORDER. Eligible applications are funded in order of submission within three
 * population categories, 1–2 per category (the round's `placesPerCategory`); a category with
 * fewer eligible applications passes its unused places to the earliest eligible applications
 * of the other categories. Applications already granted keep their places and amounts.
 * The budget is then used in submission order: an application that does not fit the rest of
 * the budget is not fundable, and neither is anyone after it (nobody jumps the queue by asking
 * less); for that first one the officer may record partial funding of what is left.
 * Perepesa has no categories: every eligible application is in line, in submission order.
 */
export function rankApplications(input: readonly RankInput[], round: { measure: Measure; placesPerCategory: number; budgetCents: number }): Ranking {
  const apps = input.filter((a) => RANKED.includes(a.status)).sort(bySubmission);
  const withCategories = round.measure.categories;
  const places = withCategories ? round.placesPerCategory : Number.POSITIVE_INFINITY;
  const rows: RankedRow[] = apps.map((a, i) => ({
    id: a.id, order: i + 1, category: withCategories ? populationCategory(a.population) : null, place: null, amountCents: FIXED.includes(a.status) ? (a.grantedCents ?? a.requestedCents) : a.requestedCents,
    budgetBeforeCents: null, budgetAfterCents: null, fundable: false, partialPossibleCents: null, explanation: [],
  }));
  const taken = new Map<PopulationCategory | null, number>();
  const take = (row: RankedRow) => taken.set(row.category, (taken.get(row.category) ?? 0) + 1);
  const free = (row: RankedRow) => (taken.get(row.category) ?? 0) < places;
  // Granted ones first keep a place in their category; then eligible ones take what is left, in order.
  for (const pass of [true, false]) {
    for (const row of rows) {
      if (FIXED.includes(apps[row.order - 1]!.status) !== pass || !free(row)) continue;
      take(row);
      row.place = 'category';
      const n = taken.get(row.category)!;
      row.explanation.push(withCategories ? { code: 'D_SOS_ORDER_CATEGORY_PLACE', params: { category: row.category!, n, places, population: apps[row.order - 1]!.population } } : { code: 'D_PESA_ORDER_IN_LINE' });
    }
  }
  const categories = withCategories
    ? CATEGORIES.map((c) => ({ category: c, places, taken: Math.min(places, taken.get(c) ?? 0), unused: Math.max(0, places - (taken.get(c) ?? 0)) }))
    : [];
  const spilloverPlaces = categories.reduce((s, c) => s + c.unused, 0);
  const donors = categories.filter((c) => c.unused > 0).map((c) => c.category).join(', ');
  let spill = spilloverPlaces;
  // Granted applications beyond their category's places (given a spill-over place when decided) keep it first.
  for (const pass of [true, false]) {
    for (const row of rows) {
      if (row.place || FIXED.includes(apps[row.order - 1]!.status) !== pass) continue;
      if (spill > 0) {
        spill -= 1;
        row.place = 'spillover';
        row.explanation.push({ code: 'D_SOS_ORDER_SPILLOVER', params: { category: row.category!, from: donors } });
      } else if (pass) {
        row.place = 'kept';
        row.explanation.push({ code: 'D_SOS_ORDER_KEPT' });
      } else row.explanation.push({ code: 'D_SOS_ORDER_NO_PLACE', params: { category: row.category!, places } });
    }
  }
  // The budget, in order: granted amounts are already committed; the line stops at the first that does not fit.
  let remaining = round.budgetCents;
  let stopped = false;
  for (const pass of [true, false]) {
    for (const row of rows) {
      const fixed = FIXED.includes(apps[row.order - 1]!.status);
      if (fixed !== pass || !row.place) continue;
      row.budgetBeforeCents = remaining;
      if (fixed) {
        remaining -= row.amountCents;
        row.fundable = true;
        row.explanation.push({ code: 'D_SOS_ORDER_GRANTED', params: { amountCents: row.amountCents } });
      } else if (stopped) {
        row.explanation.push({ code: 'D_SOS_ORDER_BUDGET_STOPPED' });
      } else if (row.amountCents <= remaining) {
        remaining -= row.amountCents;
        row.fundable = true;
        row.explanation.push({ code: 'D_SOS_ORDER_FUNDABLE', params: { amountCents: row.amountCents, beforeCents: row.budgetBeforeCents, afterCents: remaining } });
      } else {
        stopped = true;
        row.partialPossibleCents = remaining > 0 ? remaining : null;
        row.explanation.push({ code: 'D_SOS_ORDER_BUDGET_EXHAUSTED', params: { amountCents: row.amountCents, remainingCents: Math.max(0, remaining) } });
      }
      row.budgetAfterCents = remaining;
    }
  }
  return { rows, placesPerCategory: round.placesPerCategory, categories, spilloverPlaces, budgetCents: round.budgetCents, reservedCents: round.budgetCents - remaining, remainingCents: remaining };
}
