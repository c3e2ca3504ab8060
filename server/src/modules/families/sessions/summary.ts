import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../platform/calendar/working-days.js';
import {
  COUNSELLING_EXTRA_MAX,
  counsellingLimit,
  MENTORING_BEFORE_CHILD,
  MENTORING_PER_QUARTER,
  mentoringRemaining,
  quarterOf,
  type MentoringStage,
} from '../service-limits.js';
import { countedSessionDates, familyLimitFacts } from './limits-context.js';
import { countedMentoringDates, quarterBounds } from './rules.js';
import { extrasOfYear } from './queries.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface MentoringLimits {
  stage: MentoringStage;
  quarter: string;
  quarterFrom: IsoDate;
  quarterTo: IsoDate;
  /** 4 per quarter with a child; 2 in total before one (B-MENT-2). */
  limit: number;
  usedThisQuarter: number;
  usedTotal: number;
  remaining: number;
}

export interface CounsellingLimits {
  year: number;
  limit: number;
  used: number;
  remaining: number;
  approvedExtra: number;
  childLeft: boolean;
  notAssessed: boolean;
  pendingExtra: { id: string; requestedSessions: number; requestedOn: IsoDate } | null;
  /** How many more extra sessions may still be asked for this year (5 minus approved and awaiting). */
  extraAvailable: number;
}

export interface FamilyLimits {
  familyId: string;
  on: IsoDate;
  mentoring: MentoringLimits;
  counselling: CounsellingLimits;
}

/**
 * A family's session limits on a day (B-MENT-2, B-PSY-1, B-PSY-2): counted
 * over held sessions of every provider, optionally without one session
 * (the one being corrected).
 */
export async function familyLimits(db: Db, familyId: string, on: IsoDate, excludeSessionId?: string): Promise<FamilyLimits> {
  const facts = await familyLimitFacts(db, familyId, on);
  const [mentoringDates, counsellingDates, extras] = await Promise.all([
    countedSessionDates(db, familyId, 'mentoring', excludeSessionId),
    countedSessionDates(db, familyId, 'counselling', excludeSessionId),
    extrasOfYear(db, familyId, Number(on.slice(0, 4))),
  ]);
  const quarter = quarterOf(on);
  const bounds = quarterBounds(on);
  const counted = countedMentoringDates(facts.stage, mentoringDates, facts.firstArrivalOn);
  const usedThisQuarter = mentoringDates.filter((d) => quarterOf(d) === quarter).length;
  const year = on.slice(0, 4);
  const limit = counsellingLimit(facts.allowance);
  const used = counsellingDates.filter((d) => d.slice(0, 4) === year).length;
  const pending = extras.pending[0];
  return {
    familyId,
    on,
    mentoring: {
      stage: facts.stage,
      quarter,
      quarterFrom: bounds.from,
      quarterTo: bounds.to,
      limit: facts.stage === 'with_child' ? MENTORING_PER_QUARTER : MENTORING_BEFORE_CHILD,
      usedThisQuarter,
      usedTotal: counted.length,
      remaining: mentoringRemaining(facts.stage, counted, on),
    },
    counselling: {
      year: Number(year),
      limit,
      used,
      remaining: Math.max(0, limit - used),
      approvedExtra: facts.approvedExtra,
      childLeft: facts.allowance.childLeft,
      notAssessed: facts.allowance.notAssessed,
      pendingExtra: pending ? { id: pending.id, requestedSessions: pending.requested_sessions, requestedOn: pending.requested_on } : null,
      extraAvailable: Math.max(0, COUNSELLING_EXTRA_MAX - extras.approved - extras.pendingSessions),
    },
  };
}
