import { addMonths, compareIsoDates, type IsoDate } from '../../platform/calendar/working-days.js';
import {
  adaptationWindow,
  carryBonusApplies,
  daysBetween,
  lastDayWithVolume,
  needsBasedLimitDays,
  needsBasedVolume,
  periodDays,
  LEAVE_CONTINUATION_MONTHS,
  type AdaptationWindow,
  type NeedsBasedVolume,
  type Period,
  type ServicePeriod,
} from './rules.js';
import type { EpisodeStatus, SupportKind } from './tables.js';

/**
 * The remaining volume of a family, always visible (SPEC §5): the pure
 * combination of the limit rules over what is recorded about the family —
 * placements, earlier procurements' periods, agency-caused gaps and episodes.
 */
export interface FamilyFacts {
  inServiceOn20221031: boolean;
  placements: readonly { childPersonId: string; arrivedOn: IsoDate; leftOn: IsoDate | null }[];
  priorPeriods: readonly { kind: 'adaptation' | 'needs_based'; childPersonId: string | null; from: IsoDate; to: IsoDate; transitionalExtra: boolean }[];
  agencyGaps: readonly { kind: 'adaptation' | 'needs_based'; childPersonId: string | null; from: IsoDate; to: IsoDate }[];
  episodes: readonly EpisodeFacts[];
}

export interface EpisodeFacts {
  id: string;
  kind: SupportKind;
  childPersonId: string | null;
  status: EpisodeStatus;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

export type LimitKind = 'adaptation_window' | 'needs_based_volume' | 'child_left';

export interface EpisodeLimit {
  /** The last day service may be given in this episode; null when there is no limit (mentoring) or no volume left. */
  lastAllowedDay: IsoDate | null;
  limitKind: LimitKind | null;
  /** Days of volume left from `asOf` to the last allowed day (0 when past it). */
  remainingDays: number | null;
  /** False when there is no volume left at all for this episode. */
  hasVolume: boolean;
}

/** A child's placement that an adaptation episode starting on `on` belongs to: the latest arrival whose window may have opened. */
export function placementFor(facts: FamilyFacts, childPersonId: string | null, on: IsoDate) {
  const placements = facts.placements.filter((p) => p.childPersonId === childPersonId).sort((a, b) => compareIsoDates(a.arrivedOn, b.arrivedOn));
  const opened = placements.filter((p) => compareIsoDates(addMonths(p.arrivedOn, -1), on) <= 0);
  return opened.at(-1) ?? placements.at(-1) ?? null;
}

const gapsOf = (facts: FamilyFacts, kind: 'adaptation' | 'needs_based', childPersonId: string | null): Period[] =>
  facts.agencyGaps.filter((g) => g.kind === kind && (kind === 'needs_based' || g.childPersonId === null || g.childPersonId === childPersonId)).map((g) => ({ from: g.from, to: g.to }));

/** B-ADAPT-1 with B-CARRY and B-LEAVE: a child's adaptation window. */
export function childAdaptationWindow(facts: FamilyFacts, placement: { childPersonId: string; arrivedOn: IsoDate; leftOn: IsoDate | null }): AdaptationWindow {
  return adaptationWindow({
    arrivedOn: placement.arrivedOn,
    leftOn: placement.leftOn,
    bonus: carryBonusApplies('adaptation', facts.inServiceOn20221031, placement.arrivedOn),
    agencyGaps: gapsOf(facts, 'adaptation', placement.childPersonId),
  });
}

function needsBasedPeriods(facts: FamilyFacts, exceptEpisodeId?: string): ServicePeriod[] {
  return [
    ...facts.priorPeriods.filter((p) => p.kind === 'needs_based').map((p) => ({ from: p.from, to: p.to, transitionalExtra: p.transitionalExtra })),
    ...facts.episodes.filter((e) => e.kind === 'needs_based' && e.id !== exceptEpisodeId).map((e) => ({ from: e.startsOn, to: e.endsOn })),
  ];
}

/** B-NEED-1 with B-CARRY: the family's needs-based volume on `asOf`. */
export function familyNeedsBasedVolume(facts: FamilyFacts, asOf: IsoDate): NeedsBasedVolume {
  return needsBasedVolume({
    periods: needsBasedPeriods(facts),
    agencyGaps: gapsOf(facts, 'needs_based', null),
    bonus: carryBonusApplies('needs_based', facts.inServiceOn20221031, null),
    asOf,
  });
}

/**
 * The volume left to a needs-based period starting on `start` (an episode's
 * own days not counted): the family's limit less every other period.
 */
export function needsBasedRemainingBefore(facts: FamilyFacts, start: IsoDate, exceptEpisodeId?: string): { limitDays: number; usedDays: number; remainingDays: number } {
  const others = needsBasedPeriods(facts, exceptEpisodeId);
  const bonus = carryBonusApplies('needs_based', facts.inServiceOn20221031, null);
  const starts = [start, ...others.filter((p) => !p.transitionalExtra).map((p) => p.from)].sort(compareIsoDates);
  const limitDays = needsBasedLimitDays(starts[0]!, bonus);
  // Other periods count in full (a running one up to the later of today and this start).
  const farEnough = others.reduce((latest, p) => (p.to && compareIsoDates(p.to, latest) > 0 ? p.to : latest), start);
  const used = needsBasedVolume({ periods: others, agencyGaps: gapsOf(facts, 'needs_based', null), bonus, asOf: farEnough }).usedDays;
  return { limitDays, usedDays: used, remainingDays: Math.max(0, limitDays - used) };
}

/** The limit of one episode: the adaptation window, or the needs-based volume, shortened by B-LEAVE. */
export function episodeLimit(facts: FamilyFacts, episode: EpisodeFacts, asOf: IsoDate): EpisodeLimit {
  if (episode.kind === 'mentoring') return { lastAllowedDay: null, limitKind: null, remainingDays: null, hasVolume: true };
  const placement = placementFor(facts, episode.childPersonId, episode.startsOn);
  let lastAllowedDay: IsoDate | null;
  let limitKind: LimitKind;
  if (episode.kind === 'adaptation') {
    if (!placement) return { lastAllowedDay: null, limitKind: 'adaptation_window', remainingDays: 0, hasVolume: false };
    const window = childAdaptationWindow(facts, placement);
    lastAllowedDay = window.to;
    limitKind = window.leaveLimit && compareIsoDates(window.leaveLimit, window.regularEnd) < 0 ? 'child_left' : 'adaptation_window';
    if (compareIsoDates(lastAllowedDay, episode.startsOn) < 0) return { lastAllowedDay, limitKind, remainingDays: 0, hasVolume: false };
  } else {
    const { remainingDays } = needsBasedRemainingBefore(facts, episode.startsOn, episode.id);
    lastAllowedDay = lastDayWithVolume(episode.startsOn, remainingDays, gapsOf(facts, 'needs_based', null));
    limitKind = 'needs_based_volume';
    const leftOn = placement?.leftOn ?? null;
    if (leftOn) {
      const leaveLimit = addMonths(leftOn, LEAVE_CONTINUATION_MONTHS);
      if (!lastAllowedDay || compareIsoDates(leaveLimit, lastAllowedDay) < 0) {
        lastAllowedDay = leaveLimit;
        limitKind = 'child_left';
      }
    }
    if (!lastAllowedDay) return { lastAllowedDay: null, limitKind, remainingDays: 0, hasVolume: false };
  }
  const from = compareIsoDates(asOf, episode.startsOn) > 0 ? asOf : episode.startsOn;
  const remainingDays = compareIsoDates(from, lastAllowedDay) > 0 ? 0 : periodDays({ from, to: lastAllowedDay });
  return { lastAllowedDay, limitKind, remainingDays, hasVolume: compareIsoDates(episode.startsOn, lastAllowedDay) <= 0 };
}

export interface ChildAdaptation {
  childPersonId: string;
  arrivedOn: IsoDate;
  leftOn: IsoDate | null;
  window: AdaptationWindow;
  /** Days of adaptation support given (this and earlier procurements). */
  usedDays: number;
  /** Days from `asOf` (or the window's start) to the end of the window. */
  daysLeft: number;
  open: boolean;
}

/** Every placement's adaptation window and how much of it is left (B-ADAPT-1, B-CARRY, B-LEAVE). */
export function childrenAdaptation(facts: FamilyFacts, asOf: IsoDate): ChildAdaptation[] {
  return facts.placements.map((p) => {
    const window = childAdaptationWindow(facts, p);
    const periods = [
      ...facts.priorPeriods.filter((x) => x.kind === 'adaptation' && x.childPersonId === p.childPersonId && !x.transitionalExtra).map((x) => ({ from: x.from, to: x.to })),
      ...facts.episodes.filter((e) => e.kind === 'adaptation' && e.childPersonId === p.childPersonId).map((e) => ({ from: e.startsOn, to: e.endsOn ?? asOf })),
    ];
    const usedDays = periods.reduce((sum, x) => {
      const from = compareIsoDates(x.from, window.from) > 0 ? x.from : window.from;
      const to = [x.to, window.to, asOf].sort(compareIsoDates)[0]!;
      return sum + periodDays({ from, to });
    }, 0);
    const start = compareIsoDates(asOf, window.from) > 0 ? asOf : window.from;
    const daysLeft = Math.max(0, daysBetween(start, window.to) + 1);
    return { childPersonId: p.childPersonId, arrivedOn: p.arrivedOn, leftOn: p.leftOn, window, usedDays, daysLeft, open: daysLeft > 0 };
  });
}
