import { addMonths, compareIsoDates, type IsoDate } from '../../../platform/calendar/working-days.js';
import { firstDayOf, lastDayOf, monthOf, nextMonthOf } from '../groups/rules.js';
import { counsellingLimit, mentoringRemaining, type CounsellingAllowance, type MentoringStage } from '../service-limits.js';
import { counsellingAllowanceOf, mentoringStage, type PlacementDates } from '../sessions/rules.js';
import type { ReportLineService, SessionService } from '../service-tables.js';

/**
 * B-REP-1 / B-REP-2 as pure functions: the monthly report's lines built from
 * the recorded work of a month, with every item over a limit kept on the
 * report but never billed, and the money in integer cents.
 */

// --- Months and deadlines -------------------------------------------------------------

export type Month = string; // YYYY-MM

export function monthRange(month: Month): { from: IsoDate; to: IsoDate } {
  return { from: firstDayOf(month), to: lastDayOf(month) };
}

export const monthOfDate: (date: IsoDate) => Month = monthOf;

export function previousMonth(today: IsoDate): Month {
  return monthOf(addMonths(firstDayOf(monthOf(today)), -1));
}

/** B-REP-1 (003 §3.1): the report of a month is due on the 5th of the month after. */
export const REPORT_DUE_DAY = 5;

export function reportDueOn(month: Month): IsoDate {
  return `${nextMonthOf(firstDayOf(month))}-0${REPORT_DUE_DAY}`;
}

/** Late when first submitted after the due day (the 5th itself is in time); a draft past it is overdue. */
export function submittedLate(dueOn: IsoDate, submittedOn: IsoDate): boolean {
  return compareIsoDates(submittedOn, dueOn) > 0;
}

export function reportOverdue(status: string, dueOn: IsoDate, today: IsoDate): boolean {
  return (status === 'draft' || status === 'returned') && compareIsoDates(today, dueOn) > 0;
}

// --- Lines and money ------------------------------------------------------------------

/** Why a line is on the report but not billed (a rule code, translated in messages). */
export const EXCLUSION_CODES = [
  'B_NEED_VOLUME_USED',
  'B_ADAPT_WINDOW_ENDED',
  'B_LEAVE_ENDED',
  'B_REP_SAME_FAMILY_MONTH',
  'B_MENT_OVER_LIMIT',
  'B_PSY_OVER_LIMIT',
  'B_GRP_OVER_QUARTER',
  'B_GRP_TOO_FEW',
  'B_GRP_NEEDS_APPROVAL',
  'B_GRP_TOO_SHORT',
  'B_GRP_PROOF_MISSING',
  'PROVIDER_NO_CONTRACT',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export interface DraftLine {
  service: ReportLineService;
  familyId: string | null;
  episodeId: string | null;
  sessionId: string | null;
  groupId: string | null;
  specialistId: string | null;
  occurredOn: IsoDate | null;
  description: string;
  /** Thousandths of a unit (a family-month, a session, a 2-hour meeting). */
  quantityMilli: number;
  unitCents: number;
  amountCents: number;
  billable: boolean;
  excludedReason: ExclusionCode | null;
}

/** quantity × unit price, rounded half up to the cent. */
export function lineAmount(quantityMilli: number, unitCents: number): number {
  return Math.round((quantityMilli * unitCents) / 1000);
}

type LineBase = Omit<DraftLine, 'amountCents' | 'billable' | 'excludedReason'>;

/** A line: billed at quantity × unit, or kept with its reason and an amount of 0. */
export function makeLine(base: LineBase, excludedReason: ExclusionCode | null): DraftLine {
  return { ...base, amountCents: excludedReason ? 0 : lineAmount(base.quantityMilli, base.unitCents), billable: excludedReason === null, excludedReason };
}

export interface ReportTotals {
  totalCents: number;
  /** What the excluded lines would have cost. */
  excludedCents: number;
  billableLines: number;
  excludedLines: number;
}

export function reportTotals(lines: readonly Pick<DraftLine, 'quantityMilli' | 'unitCents' | 'amountCents' | 'billable'>[]): ReportTotals {
  let totalCents = 0;
  let excludedCents = 0;
  let billableLines = 0;
  for (const l of lines) {
    if (l.billable) {
      totalCents += l.amountCents;
      billableLines += 1;
    } else excludedCents += lineAmount(l.quantityMilli, l.unitCents);
  }
  return { totalCents, excludedCents, billableLines, excludedLines: lines.length - billableLines };
}

export interface Prices {
  familySupportMonthCents: number;
  mentoringSessionCents: number;
  counsellingSessionCents: number;
  supportGroupMeetingCents: number;
}

// --- Family support: one family-month -------------------------------------------------

export interface FamilySupportCandidate {
  episodeId: string;
  familyId: string;
  kind: 'adaptation' | 'needs_based';
  specialistId: string | null;
  /** The service runs from the cooperation agreement (B-START) to the end. */
  servedFrom: IsoDate;
  servedTo: IsoDate | null;
  /** The last day with volume (volume.ts `episodeLimit`); null: no volume at all. */
  lastAllowedDay: IsoDate | null;
  limitKind: 'adaptation_window' | 'needs_based_volume' | 'child_left' | null;
  endedOn: IsoDate | null;
}

const LIMIT_CODES: Record<NonNullable<FamilySupportCandidate['limitKind']>, ExclusionCode> = {
  adaptation_window: 'B_ADAPT_WINDOW_ENDED',
  needs_based_volume: 'B_NEED_VOLUME_USED',
  child_left: 'B_LEAVE_ENDED',
};

const KIND_ET = { adaptation: 'Kohanemise tugi', needs_based: 'Vajaduspõhine peretugi' } as const;

/**
 * Family support (B-ADAPT-1, B-NEED-1, B-LEAVE): an episode that ran in the
 * month is a family-month; it is billed when at least one of its days in the
 * month is within the family's volume. The price is per family and month, so a
 * family with two episodes in a month (two children's adaptation, a B-SWITCH)
 * is billed once; the other episode is listed, not billed.
 */
export function familySupportLines(month: Month, candidates: readonly FamilySupportCandidate[], unitCents: number): DraftLine[] {
  const { from, to } = monthRange(month);
  const inMonth = candidates.filter((c) => compareIsoDates(c.servedFrom, to) <= 0 && (c.servedTo === null || compareIsoDates(c.servedTo, from) >= 0));
  const ordered = [...inMonth].sort((a, b) => a.familyId.localeCompare(b.familyId) || compareIsoDates(a.servedFrom, b.servedFrom) || a.episodeId.localeCompare(b.episodeId));
  const billedFamilies = new Set<string>();
  return ordered.map((c) => {
    const first = compareIsoDates(c.servedFrom, from) > 0 ? c.servedFrom : from;
    const last = c.servedTo && compareIsoDates(c.servedTo, to) < 0 ? c.servedTo : to;
    const allowedLast = c.lastAllowedDay === null ? null : compareIsoDates(c.lastAllowedDay, last) < 0 ? c.lastAllowedDay : last;
    const withinVolume = allowedLast !== null && compareIsoDates(first, allowedLast) <= 0;
    let reason: ExclusionCode | null = null;
    if (!withinVolume) reason = LIMIT_CODES[c.limitKind ?? 'needs_based_volume'];
    else if (billedFamilies.has(c.familyId)) reason = 'B_REP_SAME_FAMILY_MONTH';
    else billedFamilies.add(c.familyId);
    const ended = c.endedOn && compareIsoDates(c.endedOn, from) >= 0 && compareIsoDates(c.endedOn, to) <= 0 ? `; lõppes ${c.endedOn}` : '';
    return makeLine(
      {
        service: 'family_support',
        familyId: c.familyId,
        episodeId: c.episodeId,
        sessionId: null,
        groupId: null,
        specialistId: c.specialistId,
        occurredOn: first,
        description: `${KIND_ET[c.kind]} ${first}–${last}${ended}`,
        quantityMilli: 1000,
        unitCents,
      },
      reason,
    );
  });
}

// --- Sessions: B-MENT-2, B-PSY-1/2 replayed in date order -----------------------------

export interface SessionFact {
  id: string;
  service: SessionService;
  familyId: string;
  heldOn: IsoDate;
  /** Ties on the same day: the order they were recorded in. */
  seq: number;
  providerId: string;
  specialistId: string;
  minutes: number;
}

export interface FamilySessionFacts {
  assessed: boolean;
  placements: readonly PlacementDates[];
  /** SKA's approved extra counselling sessions (B-PSY-1) by calendar year. */
  approvedExtraByYear: Readonly<Record<number, number>>;
}

export function mentoringStageOn(f: FamilySessionFacts, on: IsoDate): MentoringStage {
  return mentoringStage(f.assessed, f.placements, on);
}

export function counsellingAllowanceOn(f: FamilySessionFacts, on: IsoDate): CounsellingAllowance {
  return counsellingAllowanceOf(f.assessed, f.placements, f.approvedExtraByYear[Number(on.slice(0, 4))] ?? 0, on);
}

/**
 * Which of a family's held sessions are within the limits, replaying them in
 * date order (any provider's, since the limits are per family): mentoring
 * B-MENT-2 (4 a quarter, or 2 in total before a child), counselling and
 * supervision together B-PSY-1/2 (5 a year, SKA's approved extras, +2 after a
 * child left, 2 if not assessed). Only sessions within the limit use it up.
 */
export function sessionsWithinLimits(sessions: readonly SessionFact[], facts: FamilySessionFacts): Map<string, ExclusionCode | null> {
  const ordered = [...sessions].sort((a, b) => compareIsoDates(a.heldOn, b.heldOn) || a.seq - b.seq || a.id.localeCompare(b.id));
  const result = new Map<string, ExclusionCode | null>();
  const mentoring: IsoDate[] = [];
  const counselling: IsoDate[] = [];
  for (const s of ordered) {
    if (s.service === 'mentoring') {
      const ok = mentoringRemaining(mentoringStageOn(facts, s.heldOn), mentoring, s.heldOn) > 0;
      if (ok) mentoring.push(s.heldOn);
      result.set(s.id, ok ? null : 'B_MENT_OVER_LIMIT');
    } else {
      const year = s.heldOn.slice(0, 4);
      const used = counselling.filter((d) => d.slice(0, 4) === year).length;
      const ok = used < counsellingLimit(counsellingAllowanceOn(facts, s.heldOn));
      if (ok) counselling.push(s.heldOn);
      result.set(s.id, ok ? null : 'B_PSY_OVER_LIMIT');
    }
  }
  return result;
}

const SESSION_ET: Record<SessionService, string> = { mentoring: 'Mentorlus', counselling: 'Psühholoogiline nõustamine', supervision: 'Individuaalne supervisioon' };

/** Lines for one provider's sessions of the month, each billed or excluded by the family's replayed limits. */
export function sessionLines(month: Month, providerId: string, families: readonly { facts: FamilySessionFacts; sessions: readonly SessionFact[] }[], prices: Prices): DraftLine[] {
  const { from, to } = monthRange(month);
  const lines: DraftLine[] = [];
  for (const family of families) {
    const verdicts = sessionsWithinLimits(family.sessions, family.facts);
    const mine = family.sessions
      .filter((s) => s.providerId === providerId && compareIsoDates(s.heldOn, from) >= 0 && compareIsoDates(s.heldOn, to) <= 0)
      .sort((a, b) => compareIsoDates(a.heldOn, b.heldOn) || a.seq - b.seq || a.id.localeCompare(b.id));
    for (const s of mine) {
      lines.push(
        makeLine(
          {
            service: s.service,
            familyId: s.familyId,
            episodeId: null,
            sessionId: s.id,
            groupId: null,
            specialistId: s.specialistId,
            occurredOn: s.heldOn,
            description: `${SESSION_ET[s.service]}, ${s.minutes} min`,
            quantityMilli: 1000,
            unitCents: s.service === 'mentoring' ? prices.mentoringSessionCents : prices.counsellingSessionCents,
          },
          verdicts.get(s.id) ?? null,
        ),
      );
    }
  }
  return lines;
}

// --- Support groups -------------------------------------------------------------------

/** One held group of the month as billing sees it (groups/billing.ts or the fallback loader). */
export interface GroupBillingItem {
  groupId: string;
  heldOn: IsoDate;
  topic: string;
  leaderSpecialistId: string | null;
  minutes: number;
  participants: number;
  /** Payable meeting units (2 hours = 1; pro rata online, 3-hour cap, island × 1.5). */
  units: number;
  /** The meeting price of the contract in force on the day; null: the report's contract price. */
  unitCents: number | null;
  billable: boolean;
  excludedReason: string | null;
}

const GROUP_CODES = new Set<string>(['B_GRP_OVER_QUARTER', 'B_GRP_TOO_FEW', 'B_GRP_NEEDS_APPROVAL', 'B_GRP_TOO_SHORT', 'B_GRP_PROOF_MISSING', 'PROVIDER_NO_CONTRACT']);

/** Support groups (B-GRP-2..5): units × the meeting price; what the groups module excludes stays on the report unbilled. */
export function groupLines(items: readonly GroupBillingItem[], meetingCents: number): DraftLine[] {
  return [...items]
    .sort((a, b) => compareIsoDates(a.heldOn, b.heldOn) || a.groupId.localeCompare(b.groupId))
    .map((g) => {
      const reason = g.billable ? null : ((GROUP_CODES.has(g.excludedReason ?? '') ? g.excludedReason : 'B_GRP_OVER_QUARTER') as ExclusionCode);
      return makeLine(
        {
          service: 'support_group',
          familyId: null,
          episodeId: null,
          sessionId: null,
          groupId: g.groupId,
          specialistId: g.leaderSpecialistId,
          occurredOn: g.heldOn,
          description: `Tugigrupp „${g.topic}”, ${g.minutes} min, ${g.participants} osalejat`,
          quantityMilli: Math.round(g.units * 1000),
          unitCents: g.unitCents ?? meetingCents,
        },
        reason,
      );
    });
}

// --- The whole report -----------------------------------------------------------------

export interface DraftInput {
  month: Month;
  providerId: string;
  prices: Prices;
  familySupport: readonly FamilySupportCandidate[];
  sessionFamilies: readonly { facts: FamilySessionFacts; sessions: readonly SessionFact[] }[];
  groups: readonly GroupBillingItem[];
}

const SERVICE_ORDER: Record<ReportLineService, number> = { family_support: 0, mentoring: 1, counselling: 2, supervision: 3, support_group: 4 };

/** Every line of a provider's month, in report order (service, then date). */
export function composeReport(input: DraftInput): { lines: DraftLine[]; totals: ReportTotals } {
  const lines = [
    ...familySupportLines(input.month, input.familySupport, input.prices.familySupportMonthCents),
    ...sessionLines(input.month, input.providerId, input.sessionFamilies, input.prices),
    ...groupLines(input.groups, input.prices.supportGroupMeetingCents),
  ].sort((a, b) => SERVICE_ORDER[a.service] - SERVICE_ORDER[b.service] || compareIsoDates(a.occurredOn ?? '', b.occurredOn ?? ''));
  return { lines, totals: reportTotals(lines) };
}

// --- Signatures (B-REP-1: each specialist's report signed by the specialist and the recipient) ---

export interface SignatureNeed {
  signer: 'specialist' | 'recipient';
  specialistId: string;
  familyId: string | null;
}

/** Services whose specialist reports need signatures (group attendance lists are signed by the leader). */
export const SIGNED_SERVICES: ReadonlySet<ReportLineService> = new Set(['family_support', 'mentoring', 'counselling', 'supervision']);

/** One specialist signature per specialist, one recipient signature per specialist and family. */
export function signatureNeeds(lines: readonly { service: ReportLineService; specialistId: string | null; familyId: string | null }[]): SignatureNeed[] {
  const needs = new Map<string, SignatureNeed>();
  for (const l of lines) {
    if (!SIGNED_SERVICES.has(l.service) || !l.specialistId) continue;
    needs.set(`s:${l.specialistId}`, { signer: 'specialist', specialistId: l.specialistId, familyId: null });
    if (l.familyId) needs.set(`r:${l.specialistId}:${l.familyId}`, { signer: 'recipient', specialistId: l.specialistId, familyId: l.familyId });
  }
  return [...needs.values()];
}

export const signatureKey = (s: SignatureNeed) => (s.signer === 'specialist' ? `s:${s.specialistId}` : `r:${s.specialistId}:${s.familyId}`);

export function missingSignatures(needs: readonly SignatureNeed[], given: readonly SignatureNeed[]): SignatureNeed[] {
  const have = new Set(given.map(signatureKey));
  return needs.filter((n) => !have.has(signatureKey(n)));
}

/**
 * What a signature vouches for: the lines it covers. A redraft keeps a
 * signature only when its lines are unchanged.
 */
export function signatureFingerprint(need: SignatureNeed, lines: readonly Pick<DraftLine, 'service' | 'specialistId' | 'familyId' | 'sessionId' | 'episodeId' | 'occurredOn' | 'quantityMilli'>[]): string {
  return lines
    .filter((l) => SIGNED_SERVICES.has(l.service) && l.specialistId === need.specialistId && (need.signer === 'specialist' || l.familyId === need.familyId))
    .map((l) => [l.service, l.familyId, l.sessionId ?? l.episodeId, l.occurredOn, l.quantityMilli].join('|'))
    .sort()
    .join(';');
}
