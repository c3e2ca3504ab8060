import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { supportGroupScope } from '../../../platform/policy/policy.js';
import { groupBillingOfProviders } from './billing.js';
import { compareIsoDates, todayInTallinn, type IsoDate } from '../../../platform/calendar/working-days.js';
import { quarterMinimum, quarterRange } from './rules.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface QuarterCount {
  provider: { id: string; name: string };
  /** Groups planned in the quarter (not cancelled). */
  planned: number;
  /** Approved by SKA, held or not yet. */
  approved: number;
  held: number;
  /** Paid: at most 12 (B-GRP-4). */
  paid: number;
  /** Payable by the meeting's own rules but over the 12 of the quarter. */
  overCap: number;
  /** Held but not payable by a meeting rule (B-GRP-2/3/5) or without a contract. */
  notPayable: number;
  /** B-GRP-4: the quarter ended with fewer than 1 held group. */
  belowMinimum: boolean;
  /** B-GRP-4: the quarter is running (or ahead) and has no approved group yet. */
  minimumAtRisk: boolean;
}

/**
 * B-GRP-4 per provider and quarter: SKA sees every provider (those without a
 * group too, so a missing minimum shows), a provider its own figures.
 */
export async function quarterCounts(db: Db, actor: Actor, quarter: string, today: IsoDate = todayInTallinn(new Date())): Promise<QuarterCount[]> {
  const { from, to } = quarterRange(quarter);
  let providers = db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'provider').where('active', '=', true);
  if (actor.role === 'provider_admin') providers = providers.where('id', '=', actor.organisationId);
  const rows = await providers.orderBy('name').execute();
  const counts = await db
    .selectFrom('support_groups')
    .select([
      'support_groups.provider_organisation_id as provider_id',
      sql<number>`count(*) filter (where support_groups.status <> 'cancelled')::int`.as('planned'),
      sql<number>`count(*) filter (where support_groups.status in ('approved','held'))::int`.as('approved'),
    ])
    .where(supportGroupScope(actor))
    .where('support_groups.planned_on', '>=', from)
    .where('support_groups.planned_on', '<=', to)
    .groupBy('support_groups.provider_organisation_id')
    .execute();
  const billing = await groupBillingOfProviders(db, rows.map((p) => p.id), quarter);
  return rows.map((p) => {
    const c = counts.find((x) => x.provider_id === p.id);
    const lines = billing.get(p.id) ?? [];
    const held = lines.length;
    const minimum = quarterMinimum({ held, approved: c?.approved ?? 0, quarterEnded: compareIsoDates(today, to) > 0 });
    return {
      provider: p,
      planned: c?.planned ?? 0,
      approved: c?.approved ?? 0,
      held,
      paid: lines.filter((l) => l.billable).length,
      overCap: lines.filter((l) => l.excludedReason === 'B_GRP_OVER_QUARTER').length,
      notPayable: lines.filter((l) => !l.billable && l.excludedReason !== 'B_GRP_OVER_QUARTER').length,
      belowMinimum: minimum === 'below',
      minimumAtRisk: minimum === 'at_risk',
    };
  });
}
