import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../platform/calendar/working-days.js';
import type { CounsellingAllowance, MentoringStage } from '../service-limits.js';
import type { SessionService } from '../service-tables.js';
import { counsellingAllowanceOf, mentoringStage, type PlacementDates } from './rules.js';

export interface FamilyLimitFacts {
  stage: MentoringStage;
  allowance: CounsellingAllowance;
  /** The first child's arrival (any time), for what counts "before a child" (B-MENT-2). */
  firstArrivalOn: IsoDate | null;
  /** SKA's approved extra sessions of the year of `on` (B-PSY-1). */
  approvedExtra: number;
}

/** Loads what the session limits of a family depend on, as of `on` (no access check: callers have done it). */
export async function familyLimitFacts(db: Kysely<DB> | Transaction<DB>, familyId: string, on: IsoDate): Promise<FamilyLimitFacts> {
  const family = await db.selectFrom('families').select('assessed').where('id', '=', familyId).executeTakeFirstOrThrow();
  const placements: PlacementDates[] = (
    await db.selectFrom('family_children').select(['arrived_on', 'left_on']).where('family_id', '=', familyId).execute()
  ).map((c) => ({ arrivedOn: c.arrived_on, leftOn: c.left_on }));
  const extra = await db
    .selectFrom('counselling_extra_requests')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('approved_sessions'), eb.lit(0)).as('sessions'))
    .where('family_id', '=', familyId)
    .where('year', '=', Number(on.slice(0, 4)))
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return {
    stage: mentoringStage(family.assessed, placements, on),
    allowance: counsellingAllowanceOf(family.assessed, placements, Number(extra.sessions), on),
    firstArrivalOn: placements.map((p) => p.arrivedOn).sort()[0] ?? null,
    approvedExtra: Number(extra.sessions),
  };
}

/**
 * The family's held sessions of a kind that count against the limits, by date:
 * mentoring (B-MENT-2) counts mentoring; counselling and supervision share the
 * B-PSY-1 limit (§2.5 treats them as one service).
 */
export async function countedSessionDates(db: Kysely<DB> | Transaction<DB>, familyId: string, service: SessionService, excludeSessionId?: string): Promise<IsoDate[]> {
  const services: SessionService[] = service === 'mentoring' ? ['mentoring'] : ['counselling', 'supervision'];
  let query = db.selectFrom('service_sessions').select('held_on').where('family_id', '=', familyId).where('service', 'in', services).where('status', '=', 'held');
  if (excludeSessionId) query = query.where('id', '!=', excludeSessionId);
  return (await query.orderBy('held_on').execute()).map((r) => r.held_on);
}
