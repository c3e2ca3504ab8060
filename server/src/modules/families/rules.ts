import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, parseIsoDate, type IsoDate } from '../../platform/calendar/working-days.js';
import type { ContactKind, FamilyType, OfficialPost, ReferralSource, SpecialistLanguage, SpecialistRole, SupportKind } from './tables.js';

/**
 * Module B part 1 rules (SPEC §5, seed 003 §2.1–2.2, §2.8) as pure functions:
 * service windows and volume limits, the first-contact clock, contact
 * frequency, KOV reporting, ending, switching, conflicts of interest.
 *
 * Periods are inclusive calendar-date ranges. Volumes are counted in days;
 * limits given in months are turned into days on the calendar (see
 * `needsBasedLimitDays`), so one uninterrupted period ends on the same date the
 * calendar reading of "12 months" would.
 */

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

const minDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) <= 0 ? a : b);
const maxDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) >= 0 ? a : b);
const blank = (text: string | null | undefined) => !text || text.trim() === '';

function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Days from `from` to `to` (to − from); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days in an inclusive period; 0 when it is empty (to before from). */
export function periodDays(p: Period): number {
  return Math.max(0, daysBetween(p.from, p.to) + 1);
}

export function overlap(a: Period, b: Period): Period | null {
  const from = maxDate(a.from, b.from);
  const to = minDate(a.to, b.to);
  return compareIsoDates(from, to) <= 0 ? { from, to } : null;
}

/** Days of `period` not covered by any of `excluded` (overlapping exclusions are counted once). */
export function daysExcluding(period: Period, excluded: readonly Period[]): number {
  const clipped = excluded
    .map((e) => overlap(period, e))
    .filter((e): e is Period => e !== null)
    .sort((a, b) => compareIsoDates(a.from, b.from));
  let covered = 0;
  let cursor: IsoDate | null = null;
  for (const e of clipped) {
    const from: IsoDate = cursor && compareIsoDates(e.from, cursor) <= 0 ? addCalendarDays(cursor, 1) : e.from;
    if (compareIsoDates(from, e.to) <= 0) covered += periodDays({ from, to: e.to });
    cursor = cursor ? maxDate(cursor, e.to) : e.to;
  }
  return periodDays(period) - covered;
}

export function inPeriod(date: IsoDate, p: Period): boolean {
  return compareIsoDates(date, p.from) >= 0 && compareIsoDates(date, p.to) <= 0;
}

// --- B-CARRY: earlier procurements, agency gaps, the 31.10.2022 bonus -----------

/** §2.1.5.13.3: families in family support on 31.10.2022 get 2 more months on their maximum volume. */
export const CARRY_BONUS_DATE = '2022-10-31';
export const CARRY_BONUS_MONTHS = 2;

/**
 * B-CARRY: whether the +2 months apply. Needs-based support is per family, so
 * the family's flag is enough; adaptation is per child, so only a child who
 * had arrived by 31.10.2022 (whose adaptation could have been running) gets it.
 */
export function carryBonusApplies(kind: 'adaptation' | 'needs_based', inServiceOn20221031: boolean, arrivedOn: IsoDate | null): boolean {
  if (!inServiceOn20221031) return false;
  if (kind === 'needs_based') return true;
  return arrivedOn !== null && compareIsoDates(arrivedOn, CARRY_BONUS_DATE) <= 0;
}

// --- B-ADAPT-1: adaptation window per child ---------------------------------------

export const ADAPTATION_MONTHS_BEFORE = 1;
export const ADAPTATION_MONTHS_AFTER = 12;
/** B-LEAVE: support may continue up to 1 month after the child leaves (§2.1.5.10). */
export const LEAVE_CONTINUATION_MONTHS = 1;

export interface AdaptationWindow extends Period {
  /** The end before B-LEAVE shortened it. */
  regularEnd: IsoDate;
  /** Days the window was extended by agency-caused gaps (B-CARRY). */
  gapDays: number;
  /** Set when the child has left and B-LEAVE ends support earlier. */
  leaveLimit: IsoDate | null;
}

/**
 * B-ADAPT-1 (§2.1.3.2): from at most 1 month before the child's arrival until
 * 1 year after it. "1 year from arrival" ends on the same calendar date a year
 * later (a period in years ends on the corresponding date; a 29 February
 * arrival ends on 28 February). A gap caused by the agency does not use up the
 * window (§2.1.5.13.3), so the end moves by the gap's days; the 31.10.2022
 * bonus adds 2 months; if the child has left, support ends at the latest
 * 1 month after leaving (B-LEAVE).
 */
export function adaptationWindow(input: { arrivedOn: IsoDate; leftOn?: IsoDate | null; bonus?: boolean; agencyGaps?: readonly Period[] }): AdaptationWindow {
  const from = addMonths(input.arrivedOn, -ADAPTATION_MONTHS_BEFORE);
  const baseEnd = addMonths(input.arrivedOn, ADAPTATION_MONTHS_AFTER + (input.bonus ? CARRY_BONUS_MONTHS : 0));
  const base = { from, to: baseEnd };
  const gapDays = periodDays(base) - daysExcluding(base, input.agencyGaps ?? []);
  const regularEnd = addCalendarDays(baseEnd, gapDays);
  const leaveLimit = input.leftOn ? addMonths(input.leftOn, LEAVE_CONTINUATION_MONTHS) : null;
  return { from, to: leaveLimit ? minDate(regularEnd, leaveLimit) : regularEnd, regularEnd, gapDays, leaveLimit };
}

export type WindowProblem = 'B_ADAPT_BEFORE_WINDOW' | 'B_ADAPT_AFTER_WINDOW';

/** B-ADAPT-1: a day of adaptation support must lie inside the child's window. */
export function checkAdaptationDay(window: Period, day: IsoDate): WindowProblem | null {
  if (compareIsoDates(day, window.from) < 0) return 'B_ADAPT_BEFORE_WINDOW';
  if (compareIsoDates(day, window.to) > 0) return 'B_ADAPT_AFTER_WINDOW';
  return null;
}

// --- B-NEED-1: needs-based support per family -----------------------------------

export const NEEDS_BASED_MONTHS = 12;
/** The child has been in the family for over 1 year (§2.1.4.1). */
export const NEEDS_BASED_CHILD_MONTHS_IN_FAMILY = 12;

/**
 * B-NEED-1: the first day a child counts as "in the family for over 1 year":
 * the day after the first anniversary of arrival. (The anniversary itself is
 * the last day of the adaptation window, so the two never overlap.)
 */
export function needsBasedEligibleFrom(arrivedOn: IsoDate): IsoDate {
  return addCalendarDays(addMonths(arrivedOn, NEEDS_BASED_CHILD_MONTHS_IN_FAMILY), 1);
}

export type NeedsChildProblem = 'B_NEED_CHILD_UNDER_ONE_YEAR' | 'B_NEED_CHILD_NOT_IN_FAMILY';

export function checkNeedsBasedChild(placement: { arrivedOn: IsoDate; leftOn: IsoDate | null }, on: IsoDate): NeedsChildProblem | null {
  if (placement.leftOn && compareIsoDates(on, placement.leftOn) > 0) return 'B_NEED_CHILD_NOT_IN_FAMILY';
  if (compareIsoDates(on, needsBasedEligibleFrom(placement.arrivedOn)) < 0) return 'B_NEED_CHILD_UNDER_ONE_YEAR';
  return null;
}

/**
 * B-NEED-1 (§2.1.4.2): at most 12 months per family, in one or several
 * periods. The months become days once, anchored at the family's first day of
 * needs-based service: the days from it to the same date 12 months later (365
 * or 366). One uninterrupted period then ends on the calendar date a year
 * later, less a day; several periods share the same number of days.
 * The 31.10.2022 bonus adds 2 months the same way (B-CARRY).
 */
export function needsBasedLimitDays(firstStart: IsoDate, bonus: boolean): number {
  return daysBetween(firstStart, addMonths(firstStart, NEEDS_BASED_MONTHS + (bonus ? CARRY_BONUS_MONTHS : 0)));
}

export interface ServicePeriod {
  from: IsoDate;
  /** Null while it is still running. */
  to: IsoDate | null;
  /** Service under the 2022 procurement's transition rules is not counted (§2.1.5.13.2). */
  transitionalExtra?: boolean;
}

export interface NeedsBasedVolume {
  limitDays: number;
  usedDays: number;
  remainingDays: number;
  /** The day the volume is reckoned from (first needs-based day), if any. */
  firstStart: IsoDate | null;
  bonus: boolean;
  /** Days of agency-caused gaps not counted (B-CARRY). */
  excludedGapDays: number;
}

/**
 * B-NEED-1 and B-CARRY: the family's needs-based volume on `asOf`: every
 * period, under this procurement and earlier ones, counts up to `asOf`
 * (a running one up to `asOf`, a future one not yet), less days of
 * agency-caused gaps; the transitional extra of the 2022 procurement is not
 * counted. `plannedStart` anchors the limit for a family that has not started.
 */
export function needsBasedVolume(input: { periods: readonly ServicePeriod[]; agencyGaps?: readonly Period[]; bonus: boolean; asOf: IsoDate; plannedStart?: IsoDate | null }): NeedsBasedVolume {
  const counted = input.periods.filter((p) => !p.transitionalExtra);
  const starts = counted.map((p) => p.from).sort(compareIsoDates);
  const firstStart = starts[0] ?? input.plannedStart ?? null;
  const limitDays = needsBasedLimitDays(firstStart ?? input.asOf, input.bonus);
  let usedDays = 0;
  let excludedGapDays = 0;
  for (const p of counted) {
    const to = p.to ? minDate(p.to, input.asOf) : input.asOf;
    const period = { from: p.from, to };
    if (compareIsoDates(period.from, period.to) > 0) continue;
    const counting = daysExcluding(period, input.agencyGaps ?? []);
    usedDays += counting;
    excludedGapDays += periodDays(period) - counting;
  }
  return { limitDays, usedDays, remainingDays: Math.max(0, limitDays - usedDays), firstStart, bonus: input.bonus, excludedGapDays };
}

/**
 * The last day a period starting on `start` may run with `remainingDays` of
 * volume; days inside agency gaps are not counted. Null when nothing remains.
 */
export function lastDayWithVolume(start: IsoDate, remainingDays: number, agencyGaps: readonly Period[] = []): IsoDate | null {
  if (remainingDays <= 0) return null;
  let day = start;
  let counted = 0;
  for (let guard = 0; guard < 20_000; guard++) {
    if (!agencyGaps.some((g) => inPeriod(day, g))) counted++;
    if (counted === remainingDays) return day;
    day = addCalendarDays(day, 1);
  }
  return day;
}

// --- Referrals: B-NEED-1, B-NEED-2 -------------------------------------------------

export type ReferralProblem = 'B_NEED_KOV_REFERRAL_REQUIRED' | 'B_NEED_REFERRAL_FORM_INCOMPLETE' | 'B_ADAPT_CHILD_REQUIRED' | 'B_NEED_CHILD_REQUIRED';
export type Check<P extends string> = { ok: true } | { ok: false; problem: P; missing: string[] };

const ok = { ok: true } as const;

/**
 * B-NEED-1 (§2.1.4.2, §2.1.4.3.1): needs-based support only on a KOV referral
 * form naming the topics, the problems and the goals from the case plan;
 * adoptive families may ask without a KOV referral. Adaptation is asked by the
 * family or the KOV for one child (B-ADAPT-1), and needs-based support names
 * the child who has been in the family for over a year.
 */
export function checkReferralRequest(r: {
  familyType: FamilyType;
  kind: SupportKind;
  source: ReferralSource;
  childPersonId: string | null;
  topics: string | null;
  problems: string | null;
  goals: string | null;
}): Check<ReferralProblem> {
  if (r.kind === 'adaptation' && !r.childPersonId) return { ok: false, problem: 'B_ADAPT_CHILD_REQUIRED', missing: ['childPersonId'] };
  if (r.kind !== 'needs_based') return ok;
  if (!r.childPersonId) return { ok: false, problem: 'B_NEED_CHILD_REQUIRED', missing: ['childPersonId'] };
  if (r.source !== 'kov') return r.familyType === 'lapsendaja' ? ok : { ok: false, problem: 'B_NEED_KOV_REFERRAL_REQUIRED', missing: ['source'] };
  const missing = (['topics', 'problems', 'goals'] as const).filter((f) => blank(r[f]));
  return missing.length ? { ok: false, problem: 'B_NEED_REFERRAL_FORM_INCOMPLETE', missing } : ok;
}

export interface ReferralChecks {
  targetGroup?: boolean | null | undefined;
  earlierService?: boolean | null | undefined;
  justificationAndGoals?: boolean | null | undefined;
}

/**
 * B-NEED-2 (§2.1.4.3.3): before forwarding, the SKA contact confirms the family
 * is in the target group, has checked the earlier service received and, for
 * needs-based support, that the need is justified and goals set in the case
 * plan. Adaptation and mentoring need the target group and earlier service checks.
 */
export function checkForward(kind: SupportKind, checks: ReferralChecks): Check<'B_NEED_CHECK_INCOMPLETE'> {
  const required: (keyof ReferralChecks)[] = kind === 'needs_based' ? ['targetGroup', 'earlierService', 'justificationAndGoals'] : ['targetGroup', 'earlierService'];
  const missing = required.filter((k) => checks[k] !== true).map((k) => `checks.${k}`);
  return missing.length ? { ok: false, problem: 'B_NEED_CHECK_INCOMPLETE', missing } : ok;
}

/** B-NEED-2: a rejection needs a reason. */
export function checkRejection(reason: string | null | undefined): Check<'B_NEED_REJECTION_REASON_REQUIRED'> {
  return blank(reason) ? { ok: false, problem: 'B_NEED_REJECTION_REASON_REQUIRED', missing: ['reason'] } : ok;
}

// --- B-START: first contact within 5 working days ----------------------------------

export const FIRST_CONTACT_WORKING_DAYS = 5;

/**
 * B-START (§2.1.5.1, also §2.3.2 for mentoring): the provider contacts the
 * family within 5 working days of receiving the referral. The day of receipt
 * does not count; weekends and Estonian public holidays do not count (X-CAL).
 */
export function firstContactDue(receivedOn: IsoDate): IsoDate {
  return addWorkingDays(receivedOn, FIRST_CONTACT_WORKING_DAYS);
}

export type FirstContactState = 'not_received' | 'waiting' | 'overdue' | 'in_time' | 'late';

/** B-START: the state of the clock; the due day itself is still in time. */
export function firstContactState(due: IsoDate | null, contactedOn: IsoDate | null, today: IsoDate): FirstContactState {
  if (!due) return 'not_received';
  if (contactedOn) return compareIsoDates(contactedOn, due) <= 0 ? 'in_time' : 'late';
  return compareIsoDates(today, due) > 0 ? 'overdue' : 'waiting';
}

// --- B-FREQ: contact frequency ------------------------------------------------------

/** First 3 months from the agreement: at least weekly (§2.1.3.5.3, §2.1.4.4.3). */
export const WEEKLY_PHASE_MONTHS = 3;
export const WEEKLY_MAX_GAP_DAYS = 7;
/** Afterwards at least twice a month: never more than 15 days without contact (so every calendar month has two). */
export const TWICE_MONTHLY_MAX_GAP_DAYS = 15;
/** Home visits: at least quarterly for adaptation, monthly for needs-based support. */
export const HOME_VISIT_MONTHS: Record<'adaptation' | 'needs_based', number> = { adaptation: 3, needs_based: 1 };
/** Amber this many days before a contact is due, and before a home visit is due. */
export const CONTACT_WARN_DAYS = 2;
export const HOME_VISIT_WARN_DAYS = 7;

export type TrafficLight = 'green' | 'amber' | 'red';
export type ComplianceStatus = TrafficLight | 'not_started' | 'ended' | 'not_applicable';

export interface ContactFact {
  on: IsoDate;
  kind: ContactKind;
}

export interface Compliance {
  status: ComplianceStatus;
  phase: 'weekly' | 'twice_monthly' | null;
  weeklyUntil: IsoDate | null;
  lastContactOn: IsoDate | null;
  nextContactDue: IsoDate | null;
  lastHomeVisitOn: IsoDate | null;
  nextHomeVisitDue: IsoDate | null;
  /** The earlier of the two due dates. */
  nextDue: IsoDate | null;
  /** Intervals that went longer than allowed (counting one that is open and overdue now). */
  contactGaps: number;
  homeVisitGaps: number;
}

/** Counting contacts: everything except the continued-support contacts after the end (B-CONT). */
export const countsAsContact = (kind: ContactKind) => kind !== 'continued_support';
export const countsAsHomeVisit = (kind: ContactKind) => kind === 'home_visit';

/** The last day the next contact may be on, after one on `last`: a week while the gap starts in the first 3 months, then 15 days. */
export function nextContactDueAfter(last: IsoDate, weeklyUntil: IsoDate): IsoDate {
  return addCalendarDays(last, compareIsoDates(last, weeklyUntil) < 0 ? WEEKLY_MAX_GAP_DAYS : TWICE_MONTHLY_MAX_GAP_DAYS);
}

/**
 * B-FREQ: whether an episode keeps the contact rhythm. The clock starts at the
 * cooperation agreement, which is made at the first meeting in the family's
 * home (§2.1.3.5.2), so it counts as the first contact and home visit. Red: a
 * due date has passed; amber: one is close; green otherwise. Mentoring has no
 * frequency rule.
 */
export function contactCompliance(input: { kind: SupportKind; agreementOn: IsoDate | null; contacts: readonly ContactFact[]; today: IsoDate; endedOn?: IsoDate | null }): Compliance {
  const none: Compliance = { status: 'not_started', phase: null, weeklyUntil: null, lastContactOn: null, nextContactDue: null, lastHomeVisitOn: null, nextHomeVisitDue: null, nextDue: null, contactGaps: 0, homeVisitGaps: 0 };
  if (input.kind === 'mentoring') return { ...none, status: 'not_applicable' };
  if (!input.agreementOn) return input.endedOn ? { ...none, status: 'ended' } : none;
  const agreementOn = input.agreementOn;
  const weeklyUntil = addMonths(agreementOn, WEEKLY_PHASE_MONTHS);
  const until = input.endedOn ? minDate(input.endedOn, input.today) : input.today;
  const relevant = input.contacts.filter((c) => compareIsoDates(c.on, agreementOn) >= 0 && compareIsoDates(c.on, until) <= 0);
  const contactDays = unique([agreementOn, ...relevant.filter((c) => countsAsContact(c.kind)).map((c) => c.on)]);
  const homeDays = unique([agreementOn, ...relevant.filter((c) => countsAsHomeVisit(c.kind)).map((c) => c.on)]);
  const homeMonths = HOME_VISIT_MONTHS[input.kind];

  let contactGaps = 0;
  for (let i = 1; i < contactDays.length; i++) if (compareIsoDates(contactDays[i]!, nextContactDueAfter(contactDays[i - 1]!, weeklyUntil)) > 0) contactGaps++;
  let homeVisitGaps = 0;
  for (let i = 1; i < homeDays.length; i++) if (compareIsoDates(homeDays[i]!, addMonths(homeDays[i - 1]!, homeMonths)) > 0) homeVisitGaps++;

  const lastContactOn = contactDays.at(-1)!;
  const lastHomeVisitOn = homeDays.at(-1)!;
  const nextContactDue = nextContactDueAfter(lastContactOn, weeklyUntil);
  const nextHomeVisitDue = addMonths(lastHomeVisitOn, homeMonths);
  const phase = compareIsoDates(lastContactOn, weeklyUntil) < 0 ? 'weekly' : 'twice_monthly';
  const base = { phase, weeklyUntil, lastContactOn, lastHomeVisitOn, nextContactDue, nextHomeVisitDue, nextDue: minDate(nextContactDue, nextHomeVisitDue) } as const;

  const contactLate = compareIsoDates(until, nextContactDue) > 0;
  const homeLate = compareIsoDates(until, nextHomeVisitDue) > 0;
  const gaps = { contactGaps: contactGaps + (contactLate ? 1 : 0), homeVisitGaps: homeVisitGaps + (homeLate ? 1 : 0) };
  if (input.endedOn && compareIsoDates(input.endedOn, input.today) <= 0) return { ...base, ...gaps, status: 'ended' };
  if (contactLate || homeLate) return { ...base, ...gaps, status: 'red' };
  const soon = daysBetween(input.today, nextContactDue) <= CONTACT_WARN_DAYS || daysBetween(input.today, nextHomeVisitDue) <= HOME_VISIT_WARN_DAYS;
  return { ...base, ...gaps, status: soon ? 'amber' : 'green' };
}

function unique(dates: IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort(compareIsoDates);
}

// --- B-KOV: informing the KOV -----------------------------------------------------

export const KOV_OVERVIEW_MONTHS = 3;

/**
 * B-KOV (§2.1.3.6.4, §2.1.4.5.4): an adoptive family that does not want the KOV
 * involved: nothing about the service goes to the KOV.
 */
export function kovInvolved(family: { type: FamilyType; kovInvolvementConsent: boolean }): boolean {
  return !(family.type === 'lapsendaja' && !family.kovInvolvementConsent);
}

/**
 * B-KOV (§2.1.3.6.2, §2.1.4.5.2): a written overview at least quarterly, from
 * the agreement or the previous overview. Null when the KOV is not informed.
 */
export function nextKovOverviewDue(input: { kovInvolved: boolean; agreementOn: IsoDate | null; lastOverviewOn: IsoDate | null; ended: boolean }): IsoDate | null {
  if (!input.kovInvolved || !input.agreementOn || input.ended) return null;
  return addMonths(input.lastOverviewOn ?? input.agreementOn, KOV_OVERVIEW_MONTHS);
}

// --- B-END, B-SWITCH -----------------------------------------------------------------

export interface TerminationInput {
  activities?: string | null | undefined;
  goalsReached?: string | null | undefined;
  furtherNeeds?: string | null | undefined;
  kovRecommendations?: string | null | undefined;
}

/**
 * B-END (§2.1.5.11): the termination agreement gives the activities, the goals
 * reached, the family's further needs and recommendations for the KOV; the
 * recommendations are left out when the KOV is not involved (B-KOV).
 */
export function checkTermination(t: TerminationInput, kovIsInvolved: boolean): Check<'B_END_TERMINATION_INCOMPLETE'> {
  const required: (keyof TerminationInput)[] = ['activities', 'goalsReached', 'furtherNeeds', ...(kovIsInvolved ? (['kovRecommendations'] as const) : [])];
  const missing = required.filter((k) => blank(t[k]));
  return missing.length ? { ok: false, problem: 'B_END_TERMINATION_INCOMPLETE', missing } : ok;
}

/**
 * B-SWITCH (§2.1.5.9): a family in needs-based support that gets a new child
 * can have adaptation support only after the needs-based support has ended in
 * writing; an adaptation episode cannot start beside a running needs-based one.
 */
export function checkNoRunningNeedsBased(episodes: readonly { kind: SupportKind; status: string }[]): Check<'B_SWITCH_NEEDS_BASED_ACTIVE'> {
  const running = episodes.some((e) => e.kind === 'needs_based' && e.status !== 'ended');
  return running ? { ok: false, problem: 'B_SWITCH_NEEDS_BASED_ACTIVE', missing: [] } : ok;
}

/** One running episode of a kind per child (adaptation) or family (needs-based, mentoring). */
export function checkNoDuplicateEpisode(episodes: readonly { kind: SupportKind; status: string; childPersonId: string | null }[], kind: SupportKind, childPersonId: string | null): Check<'EPISODE_ALREADY_RUNNING'> {
  const running = episodes.some((e) => e.status !== 'ended' && e.kind === kind && (kind !== 'adaptation' || e.childPersonId === childPersonId));
  return running ? { ok: false, problem: 'EPISODE_ALREADY_RUNNING', missing: [] } : ok;
}

// --- Specialists: §2.8.6 approval, roles, language ---------------------------------------

export type SpecialistProblem = 'SPECIALIST_INACTIVE' | 'SPECIALIST_NOT_APPROVED' | 'SPECIALIST_ROLE_MISMATCH' | 'SPECIALIST_LANGUAGE_MISMATCH' | 'SPECIALIST_OTHER_PROVIDER';

export const ROLE_FOR_KIND: Record<SupportKind, SpecialistRole> = { adaptation: 'family_supporter', needs_based: 'family_supporter', mentoring: 'mentor' };

/**
 * Whether a specialist may serve this family on `on`: active, of the episode's
 * provider, approved by SKA in writing before the first service (§2.8.6), with
 * the role the service needs, speaking the family's language (§2.8.9).
 */
export function checkSpecialist(
  s: { active: boolean; providerOrganisationId: string; roles: readonly SpecialistRole[]; languages: readonly SpecialistLanguage[]; skaApprovedOn: IsoDate | null },
  need: { providerOrganisationId: string; kind: SupportKind; language: 'et' | 'ru'; on: IsoDate },
): SpecialistProblem | null {
  if (!s.active) return 'SPECIALIST_INACTIVE';
  if (s.providerOrganisationId !== need.providerOrganisationId) return 'SPECIALIST_OTHER_PROVIDER';
  if (!s.skaApprovedOn || compareIsoDates(s.skaApprovedOn, need.on) > 0) return 'SPECIALIST_NOT_APPROVED';
  if (!s.roles.includes(ROLE_FOR_KIND[need.kind])) return 'SPECIALIST_ROLE_MISMATCH';
  if (!s.languages.includes(need.language)) return 'SPECIALIST_LANGUAGE_MISMATCH';
  return null;
}

// --- B-COI: conflicts of interest -----------------------------------------------------

export type CoiProblem = 'B_COI_CRISIS_FOSTER' | 'B_COI_SELF_NEEDS_BASED' | 'B_COI_KOV_OFFICIAL' | 'B_COI_MUTUAL_HOUSEHOLDS' | 'B_COI_SUPPORT_AND_MENTORING';

/** The seed clause behind each conflict, for the error details. */
export const COI_CLAUSES: Record<CoiProblem, string> = {
  B_COI_CRISIS_FOSTER: '§2.1.5.8',
  B_COI_SELF_NEEDS_BASED: '§2.1.6.4',
  B_COI_KOV_OFFICIAL: '§2.1.6.5',
  B_COI_MUTUAL_HOUSEHOLDS: '§2.1.6.6',
  B_COI_SUPPORT_AND_MENTORING: '§2.1.6.7',
};

export interface CoiFacts {
  kind: SupportKind;
  family: {
    crisisOrSpecialFoster: boolean;
    /** The referring KOV, the guardian KOV and the KOV of residence. */
    kovOrganisationIds: readonly string[];
    district: string | null;
  };
  /** Tallinn's organisation: there the conflict is by district (linnaosavalitsus). */
  tallinnOrganisationId: string | null;
  officialPosts: readonly OfficialPost[];
  /** The supporter (or someone in their household) receives needs-based support now. */
  specialistReceivesNeedsBased: boolean;
  /** Someone in this family's household supports the specialist's household now. */
  familySupportsSpecialistsHousehold: boolean;
  /** The specialist already gives this family the other service (family support vs mentoring). */
  specialistGivesOtherService: boolean;
  /** SKA has recorded a decision clearing the KOV-official conflict for this specialist and family. */
  kovOfficialCleared: boolean;
}

/**
 * B-COI: every conflict that refuses the assignment, in the seed's order.
 *  - §2.1.5.8 no family support for a family providing crisis or special foster care under SKA's other contract;
 *  - §2.1.6.4 a supporter who receives needs-based family support themselves;
 *  - §2.1.6.5 an official of the referring, guardian or residence KOV (in Tallinn, of the same district), unless SKA cleared it;
 *  - §2.1.6.6 two people supporting each other's households;
 *  - §2.1.6.7 the same specialist giving one family both family support and mentoring.
 */
export function coiProblems(f: CoiFacts): CoiProblem[] {
  const problems: CoiProblem[] = [];
  const familySupport = f.kind !== 'mentoring';
  if (familySupport && f.family.crisisOrSpecialFoster) problems.push('B_COI_CRISIS_FOSTER');
  if (familySupport && f.specialistReceivesNeedsBased) problems.push('B_COI_SELF_NEEDS_BASED');
  if (familySupport && !f.kovOfficialCleared && isKovOfficialConflict(f)) problems.push('B_COI_KOV_OFFICIAL');
  if (familySupport && f.familySupportsSpecialistsHousehold) problems.push('B_COI_MUTUAL_HOUSEHOLDS');
  if (f.specialistGivesOtherService) problems.push('B_COI_SUPPORT_AND_MENTORING');
  return problems;
}

export function isKovOfficialConflict(f: Pick<CoiFacts, 'family' | 'tallinnOrganisationId' | 'officialPosts'>): boolean {
  return f.officialPosts.some((post) => {
    if (!f.family.kovOrganisationIds.includes(post.kovOrganisationId)) return false;
    if (post.kovOrganisationId !== f.tallinnOrganisationId) return true;
    // Tallinn: an official of another district is not in conflict; an unknown district cannot be ruled out.
    return !post.district || !f.family.district || normaliseDistrict(post.district) === normaliseDistrict(f.family.district);
  });
}

const normaliseDistrict = (d: string) => d.trim().toLowerCase();

export const TALLINN_DISTRICTS = ['Haabersti', 'Kesklinn', 'Kristiine', 'Lasnamäe', 'Mustamäe', 'Nõmme', 'Pirita', 'Põhja-Tallinn'] as const;

// --- Service days: is a contact on this day within the episode's volume? ------------------

export type ServiceDayProblem = WindowProblem | 'B_NEED_VOLUME_USED' | 'B_LEAVE_CONTINUATION_OVER' | 'EPISODE_NOT_STARTED';

/**
 * Whether service may be given (and recorded) on `day`: not before the
 * episode's start, inside the adaptation window, within the needs-based volume,
 * and no later than 1 month after the child left (B-LEAVE).
 */
export function checkServiceDay(e: { startsOn: IsoDate; lastAllowedDay: IsoDate | null; limitKind: 'adaptation_window' | 'needs_based_volume' | 'child_left' | null }, day: IsoDate): ServiceDayProblem | null {
  if (compareIsoDates(day, e.startsOn) < 0) return 'EPISODE_NOT_STARTED';
  if (e.lastAllowedDay && compareIsoDates(day, e.lastAllowedDay) > 0) {
    if (e.limitKind === 'child_left') return 'B_LEAVE_CONTINUATION_OVER';
    return e.limitKind === 'needs_based_volume' ? 'B_NEED_VOLUME_USED' : 'B_ADAPT_AFTER_WINDOW';
  }
  return null;
}

// --- References -------------------------------------------------------------------------

/** A family reference such as PR-2025-00042, a referral SU-2025-00042. */
export function familyReference(createdOn: IsoDate, sequence: number): string {
  return `PR-${createdOn.slice(0, 4)}-${String(sequence).padStart(5, '0')}`;
}

export function referralReference(submittedOn: IsoDate, sequence: number): string {
  return `SU-${submittedOn.slice(0, 4)}-${String(sequence).padStart(5, '0')}`;
}
