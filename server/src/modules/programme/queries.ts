import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { can } from '../../platform/policy/policy.js';
import type { Implementer, SubactivityStatus } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Filters of the plan views (Gantt, month list, export); applied in SQL. */
export interface PlanFilter {
  implementer?: Implementer | undefined;
  activity?: string | undefined;
  status?: SubactivityStatus | undefined;
  /** Only overdue ones (open, ended before `today`). */
  overdueOn?: string | undefined;
  /** Only those running between these days (both ends count). */
  from?: string | undefined;
  to?: string | undefined;
  /** One sub-activity (its page). */
  id?: string | undefined;
}

export async function listPlans(db: Db, actor: Actor) {
  if (!can(actor, 'programme_plan', 'read')) return [];
  return db
    .selectFrom('programme_plans as p')
    .select((eb) => [
      'p.id', 'p.year', 'p.title', 'p.period_start', 'p.period_end', 'p.imported_at',
      eb.selectFrom('programme_subactivities as s').whereRef('s.plan_id', '=', 'p.id').select(sql<number>`count(*)::int`.as('n')).as('subactivities'),
    ])
    .orderBy('p.year', 'desc')
    .execute();
}

export async function findPlan(db: Db, actor: Actor, year: number) {
  if (!can(actor, 'programme_plan', 'read')) return undefined;
  return db.selectFrom('programme_plans').selectAll().where('year', '=', year).executeTakeFirst();
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** A plan's activities and measures (all of them: the tree's frame). */
export async function planFrame(db: Db, planId: string) {
  const [activities, measures] = await Promise.all([
    db.selectFrom('programme_activities').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    db
      .selectFrom('programme_measures as m')
      .innerJoin('programme_activities as a', 'a.id', 'm.activity_id')
      .selectAll('m')
      .where('a.plan_id', '=', planId)
      .orderBy('a.position')
      .orderBy('m.position')
      .execute(),
  ]);
  return { activities, measures };
}

/** A plan's sub-activities that pass the filter, each with its activity, measure and newest note. */
export async function planSubactivities(db: Db, planId: string, f: PlanFilter) {
  let q = db
    .selectFrom('programme_subactivities as s')
    .innerJoin('programme_measures as m', 'm.id', 's.measure_id')
    .innerJoin('programme_activities as a', 'a.id', 'm.activity_id')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .selectAll('s')
    .select(['m.title as measure_title', 'm.implementers', 'm.target_group', 'a.code as activity_code', 'a.title as activity_title', 'u.name as updated_by_name'])
    .select((eb) => [
      eb.selectFrom('programme_notes as n').whereRef('n.subactivity_id', '=', 's.id').select('n.note').orderBy('n.written_at', 'desc').limit(1).as('latest_note'),
      eb.selectFrom('programme_notes as n').whereRef('n.subactivity_id', '=', 's.id').select('n.written_at').orderBy('n.written_at', 'desc').limit(1).as('latest_note_at'),
    ])
    .where('s.plan_id', '=', planId);
  if (f.implementer) q = q.where(sql<boolean>`${f.implementer} = any(m.implementers)`);
  if (f.activity) q = q.where('a.code', '=', f.activity);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.overdueOn) q = q.where('s.status', 'in', ['planned', 'in_progress']).where('s.ends_on', '<', f.overdueOn);
  if (f.from) q = q.where('s.ends_on', '>=', f.from);
  if (f.to) q = q.where('s.starts_on', '<=', f.to);
  if (f.id) q = q.where('s.id', '=', f.id);
  return q.orderBy('a.position').orderBy('m.position').orderBy('s.number').execute();
}

export type SubactivityRow = Awaited<ReturnType<typeof planSubactivities>>[number];

export async function findSubactivity(db: Db, actor: Actor, id: string, action: 'read' | 'update' = 'read') {
  if (!can(actor, 'programme_plan', action)) return undefined;
  return db.selectFrom('programme_subactivities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function notesOf(db: Db, subactivityId: string) {
  return db
    .selectFrom('programme_notes as n')
    .leftJoin('users as u', 'u.id', 'n.written_by')
    .select(['n.id', 'n.note', 'n.status', 'n.progress', 'n.written_at', 'u.name as written_by_name'])
    .where('n.subactivity_id', '=', subactivityId)
    .orderBy('n.written_at', 'desc')
    .execute();
}
