import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { caseScope } from '../../platform/policy/policy.js';

/**
 * A-STAT, the yearly numbers of seed 002 ("2024 in numbers"), over the cases the
 * viewer may see:
 *  - applications: domestic and KLAT applications received in the year;
 *  - handled: cases of any type open at some time in the year;
 *  - international: international appeals handled in the year;
 *  - klatOpinions: KLAT opinions issued in the year.
 */
export type StatsGroup = 'total' | 'county' | 'kov' | 'specialist';

export interface StatsRow {
  key: string;
  label: string;
  applications: number;
  handled: number;
  international: number;
  klatOpinions: number;
}

export async function yearlyStats(db: Kysely<DB>, actor: Actor, year: number, groupBy: StatsGroup): Promise<StatsRow[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const group = groupExpression(groupBy);
  let query = db
    .selectFrom('cases')
    .innerJoin('organisations as kov', 'kov.id', 'cases.kov_organisation_id')
    .leftJoin('users as specialist', 'specialist.id', 'cases.assigned_specialist_id')
    .select([
      sql<string>`${sql.raw(group.key)}`.as('key'),
      sql<string>`${sql.raw(group.label)}`.as('label'),
      sql<number>`count(*) filter (where cases.type in ('domestic','klat_opinion') and cases.received_on between ${start}::date and ${end}::date)::int`.as('applications'),
      sql<number>`count(*)::int`.as('handled'),
      sql<number>`count(*) filter (where cases.type = 'international')::int`.as('international'),
      sql<number>`count(*) filter (where cases.opinion_issued_on between ${start}::date and ${end}::date)::int`.as('klatOpinions'),
    ])
    .where(caseScope(actor))
    // Open at some time in the year: received by its end, not closed before its start.
    .where('cases.received_on', '<=', end)
    .where((eb) => eb.or([eb('cases.closed_on', 'is', null), eb('cases.closed_on', '>=', start)]))
    .where((eb) => eb.or([eb('cases.opinion_issued_on', 'is', null), eb('cases.opinion_issued_on', '>=', start)]));
  // The total is one row over everything (also when there is nothing: zeros).
  if (groupBy !== 'total') query = query.groupBy([sql.raw(group.key), sql.raw(group.label)]).orderBy(sql.raw(group.order));
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, key: r.key ?? 'none', label: r.label ?? '' }));
}

function groupExpression(groupBy: StatsGroup): { key: string; label: string; order: string } {
  switch (groupBy) {
    case 'county':
      return { key: "coalesce(kov.county, '')", label: "coalesce(kov.county, '')", order: '2' };
    case 'kov':
      return { key: 'kov.id::text', label: 'kov.name', order: '2' };
    case 'specialist':
      return { key: "coalesce(specialist.id::text, 'none')", label: "coalesce(specialist.name, '')", order: '2' };
    case 'total':
      return { key: "'total'", label: "'total'", order: '1' };
  }
}

/** The years that have cases, for the year picker. */
export async function statsYears(db: Kysely<DB>, actor: Actor): Promise<number[]> {
  const rows = await db
    .selectFrom('cases')
    .select(sql<number>`distinct extract(year from cases.received_on)::int`.as('year'))
    .where(caseScope(actor))
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}
