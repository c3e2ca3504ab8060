/**
 * Module E's rules as pure functions (no I/O): mediator assignment (E-ASSIGN),
 * free slots in Europe/Tallinn with daylight saving (E-BOOK), the change
 * cut-off and reminders, the proceeding's state (E-PROVIDER) and the register
 * delivery's retry schedule (E-REG).
 */
import { addCalendarDays, compareIsoDates, isoWeekday, isPublicHoliday, type IsoDate } from '../../platform/calendar/working-days.js';
import { tallinnInstant, type WallTime } from '../../platform/calendar/tallinn-time.js';
import type { MediationLanguage, MediationRegion, MediationStatus } from './tables.js';

// --- E-ASSIGN -------------------------------------------------------------------------

/** SKA's regions by county (the same split as the regional chief specialists, A-ASSIGN). */
export const REGION_COUNTIES: Record<MediationRegion, readonly string[]> = {
  north: ['Harju', 'Rapla'],
  east: ['Ida-Viru', 'Lääne-Viru', 'Järva'],
  south: ['Tartu', 'Jõgeva', 'Põlva', 'Valga', 'Võru', 'Viljandi'],
  west: ['Pärnu', 'Lääne', 'Saare', 'Hiiu'],
};

export function regionOfCounty(county: string | null | undefined): MediationRegion | null {
  if (!county) return null;
  for (const [region, counties] of Object.entries(REGION_COUNTIES)) if (counties.includes(county)) return region as MediationRegion;
  return null;
}

export interface MediatorCandidate {
  id: string;
  name: string;
  regions: readonly string[];
  languages: readonly string[];
  accepting: boolean;
  /** Proceedings assigned to them and not yet ended: the workload. */
  openProceedings: number;
}

export interface AssignmentRequest {
  language: MediationLanguage;
  /** Counties of the parents' residence (null when unknown). */
  counties: readonly (string | null)[];
  /** Each parent's preferred mediator (null: none named). */
  preferred: readonly (string | null)[];
  /** Mediators a parent refused (they know them). */
  refused: readonly string[];
}

export type AssignmentChoice =
  | { mediatorId: string; reason: 'preferred' | 'automatic' }
  | { mediatorId: null; problem: 'E_ASSIGN_NO_MEDIATOR' };

/**
 * E-ASSIGN. A preferred mediator is taken when the parents who named one named
 * the same person, nobody refused them, and they take cases in the proceeding's
 * language. Otherwise automatic: among accepting mediators who speak the
 * language and were not refused, those serving the parents' regions come first
 * (both parents' regions before one), then the lightest workload, then name.
 * With nobody in the region, any region (sessions can be remote); with nobody
 * speaking the language, no one: SKA assigns by hand.
 */
export function chooseMediator(candidates: readonly MediatorCandidate[], request: AssignmentRequest): AssignmentChoice {
  const refused = new Set(request.refused);
  const eligible = candidates.filter((c) => c.accepting && c.languages.includes(request.language) && !refused.has(c.id));
  const named = [...new Set(request.preferred.filter((p): p is string => Boolean(p)))];
  if (named.length === 1) {
    const preferred = eligible.find((c) => c.id === named[0]);
    if (preferred) return { mediatorId: preferred.id, reason: 'preferred' };
  }
  if (eligible.length === 0) return { mediatorId: null, problem: 'E_ASSIGN_NO_MEDIATOR' };
  const regions = [...new Set(request.counties.map(regionOfCounty).filter((r): r is MediationRegion => r !== null))];
  const served = (c: MediatorCandidate) => regions.filter((r) => c.regions.includes(r)).length;
  const ranked = [...eligible].sort((a, b) => served(b) - served(a) || a.openProceedings - b.openProceedings || a.name.localeCompare(b.name, 'et') || a.id.localeCompare(b.id));
  return { mediatorId: ranked[0]!.id, reason: 'automatic' };
}

// --- E-BOOK ---------------------------------------------------------------------------

/** Sessions, their buffers and the cut-off for booking, rescheduling and cancelling. */
export const DEFAULT_SESSION_MINUTES = 90;
export const DEFAULT_BUFFER_MINUTES = 15;
export const CHANGE_CUTOFF_HOURS = 24;
/** Reminders go out this long before a session (after the cut-off has passed nobody can change it, so earlier). */
export const REMINDER_HOURS = 48;
/** The furthest ahead a client may look for (and book) a slot. */
export const BOOKING_HORIZON_DAYS = 90;

export interface WeeklyWindow {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  startsAt: WallTime;
  endsAt: WallTime;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface DaysOff {
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface TakenTime {
  startsAt: Date;
  blockedUntil: Date;
}

export interface SlotQuery {
  from: IsoDate;
  to: IsoDate;
  windows: readonly WeeklyWindow[];
  leave: readonly DaysOff[];
  taken: readonly TakenTime[];
  sessionMinutes: number;
  bufferMinutes: number;
  now: Date;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;

/**
 * E-BOOK: the free slots of one mediator between two Tallinn dates (both
 * included). Each weekly window of the day is cut into sessions of
 * `sessionMinutes` real minutes with `bufferMinutes` after each, starting at
 * the window's start; a slot is free when it ends within the window, does not
 * touch a taken session or its buffer, and starts after the cut-off. Public
 * holidays (X-CAL) and leave days have no slots. Window times are Tallinn wall
 * clock, turned into instants per day, so a session at 10:00 is 08:00 UTC in
 * winter and 07:00 UTC in summer, and a window crossing a clock change is an
 * hour shorter (March) or longer (October).
 */
export function freeSlots(q: SlotQuery): Slot[] {
  const slots: Slot[] = [];
  const earliest = q.now.getTime() + CHANGE_CUTOFF_HOURS * 3_600_000;
  const step = (q.sessionMinutes + q.bufferMinutes) * MINUTE;
  for (let day = q.from; compareIsoDates(day, q.to) <= 0; day = addCalendarDays(day, 1)) {
    if (isPublicHoliday(day) || q.leave.some((l) => compareIsoDates(l.startsOn, day) <= 0 && compareIsoDates(day, l.endsOn) <= 0)) continue;
    const weekday = isoWeekday(day);
    const windows = q.windows
      .filter((w) => w.weekday === weekday && compareIsoDates(w.validFrom, day) <= 0 && (w.validTo === null || compareIsoDates(day, w.validTo) <= 0))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const w of windows) {
      const windowEnd = tallinnInstant(day, w.endsAt).getTime();
      for (let start = tallinnInstant(day, w.startsAt).getTime(); start + q.sessionMinutes * MINUTE <= windowEnd; start += step) {
        const end = start + q.sessionMinutes * MINUTE;
        const blocked = end + q.bufferMinutes * MINUTE;
        if (start < earliest) continue;
        if (q.taken.some((t) => t.startsAt.getTime() < blocked && start < t.blockedUntil.getTime())) continue;
        if (slots.some((s) => s.startsAt.getTime() === start)) continue; // overlapping windows offer a time once
        slots.push({ startsAt: new Date(start), endsAt: new Date(end) });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** E-BOOK: a booking can be made, moved or cancelled until 24 hours before it starts. */
export function beforeCutoff(startsAt: Date, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - CHANGE_CUTOFF_HOURS * 3_600_000;
}

/** The reminder of a booked session is due once it starts within REMINDER_HOURS (and has not started). */
export function reminderDue(startsAt: Date, now: Date): boolean {
  const ahead = startsAt.getTime() - now.getTime();
  return ahead > 0 && ahead <= REMINDER_HOURS * 3_600_000;
}

// --- E-PROVIDER: the state of a proceeding ----------------------------------------------

export type ProceedingEvent = 'booked' | 'last_booking_cancelled' | 'session_held' | 'agreement' | 'ended';

export const OPEN_STATUSES: readonly MediationStatus[] = ['referred', 'first_meeting_booked', 'in_mediation'];

/**
 * E-PROVIDER: referred → first meeting booked → in mediation → agreement, or
 * ended without agreement from any open state. Cancelling the only booking
 * before any session was held goes back to referred. An agreement needs a
 * session held. Returns the new status, or the problem code.
 */
export function nextStatus(current: MediationStatus, event: ProceedingEvent): { status: MediationStatus } | { problem: string } {
  if (!OPEN_STATUSES.includes(current)) return { problem: 'E_PROFILE_PROCEEDING_CLOSED' };
  switch (event) {
    case 'booked':
      return { status: current === 'referred' ? 'first_meeting_booked' : current };
    case 'last_booking_cancelled':
      return { status: current === 'first_meeting_booked' ? 'referred' : current };
    case 'session_held':
      return { status: 'in_mediation' };
    case 'agreement':
      return current === 'in_mediation' ? { status: 'agreement' } : { problem: 'E_REG_NO_SESSION_HELD' };
    case 'ended':
      return { status: 'ended_without_agreement' };
  }
}

// --- E-REG: delivery to the population register -----------------------------------------

export const MAX_DELIVERY_ATTEMPTS = 12;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_CAP_MS = 6 * 3_600_000;

/** Exponential backoff: 1, 2, 4 … minutes after the n-th failed attempt, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_CAP_MS);
}

export type RegisterAnswer = 'delivered' | 'duplicate' | 'retry' | 'rejected';

/**
 * What an HTTP status from the register means. 2xx: accepted; 409: the register
 * already has this agreement (a retry of a delivery whose answer was lost), so
 * it is delivered; 408, 429 and 5xx: try again later; any other 4xx: the
 * register refuses the content, and retrying would not help.
 */
export function classifyRegisterAnswer(status: number): RegisterAnswer {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 409) return 'duplicate';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}
