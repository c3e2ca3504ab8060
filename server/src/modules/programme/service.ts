import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { RequestContext } from '../../platform/http/index.js';
import { AppError } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { todayInTallinn } from '../../platform/calendar/working-days.js';
import { can } from '../../platform/policy/policy.js';
import type { PlanFile } from './plan-data.js';
import { findSubactivity } from './queries.js';
import { parseTimeframe } from './rules.js';
import type { SubactivityStatus } from './tables.js';
import { lockRecord } from '../../platform/db/record-lock.js';

export const today = () => todayInTallinn(new Date());

/**
 * D-PLAN import: the plan, its activities, measures and sub-activities in one
 * transaction; a year is imported once (409 PLAN_EXISTS), so progress recorded
 * on a plan is never overwritten by a second import.
 */
export async function importPlan(db: Kysely<DB>, ctx: RequestContext | null, file: PlanFile) {
  if (ctx && !can(ctx.actor, 'programme_plan', 'create')) throw new AppError(403, 'FORBIDDEN');
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('programme_plans').select('id').where('year', '=', file.year).executeTakeFirst();
    if (existing) throw new AppError(409, 'D_PLAN_EXISTS', { year: file.year });
    const plan = await trx
      .insertInto('programme_plans')
      .values({ year: file.year, title: file.title, period_start: file.periodStart, period_end: file.periodEnd, source: file.source, notes: JSON.stringify(file.notes), imported_by: ctx?.actor.userId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const activities = await trx
      .insertInto('programme_activities')
      .values(file.activities.map((a, i) => ({ plan_id: plan.id, code: a.code, position: i + 1, title: a.title, description: a.description, note: a.note ?? null })))
      .returning(['id', 'code'])
      .execute();
    const measureInput = file.activities.flatMap((a) => a.measures.map((m, i) => ({ activityId: activities.find((r) => r.code === a.code)!.id, position: i + 1, m })));
    const measures = await trx
      .insertInto('programme_measures')
      .values(measureInput.map(({ activityId, position, m }) => ({
        activity_id: activityId, position, title: m.title, description: m.description, implementers: m.implementers,
        implementers_as_written: m.implementersAsWritten, target_group: m.targetGroup, grant_measure: m.grantMeasure ?? null, note: m.note ?? null,
      })))
      .returning(['id', 'activity_id', 'position'])
      .execute();
    const subs = measureInput.flatMap(({ activityId, position, m }) => {
      const measureId = measures.find((r) => r.activity_id === activityId && r.position === position)!.id;
      return m.subactivities.map((s) => {
        const timeframe = parseTimeframe(s.generalTimeframe)!;
        return {
          plan_id: plan.id, measure_id: measureId, number: s.no, title: s.title, general_timeframe: s.generalTimeframe, timeframe_from: timeframe.from, timeframe_to: timeframe.to,
          starts_on: s.start, ends_on: s.end, dates_as_written: s.dates, date_note: s.note ?? null,
        };
      });
    });
    if (subs.length) await trx.insertInto('programme_subactivities').values(subs).execute();
    await appendAudit(trx, ctx ?? { actor: null, ip: null }, [
      { action: 'create', recordType: 'programme_plan', recordId: plan.id, changes: [{ field: 'year', old: null, new: file.year }, { field: 'subactivities', old: null, new: subs.length }] },
    ]);
    return { id: plan.id, year: file.year, activities: activities.length, measures: measures.length, subactivities: subs.length };
  });
}

export interface SubactivityChange {
  version: number;
  status?: SubactivityStatus | undefined;
  progress?: number | undefined;
  note?: string | undefined;
}

/** Status and progress of a sub-activity (X-CONC), with an optional progress note; audited with field changes. */
export async function updateSubactivity(db: Kysely<DB>, ctx: RequestContext, id: string, change: SubactivityChange) {
  return db.transaction().execute(async (trx) => {
    const before = await lockRecord(trx, 'programme_subactivities', id, () => findSubactivity(trx, ctx.actor, id, 'update'), change.version);
    const status = change.status ?? before.status;
    // Done means done: progress follows, unless the officer says otherwise in the same change.
    const progress = change.progress ?? (status === 'done' && before.status !== 'done' ? 100 : before.progress);
    const after = await trx
      .updateTable('programme_subactivities')
      .set({ status, progress, version: before.version + 1, updated_by: ctx.actor.userId, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = diffFields(before, after, ['status', 'progress']);
    if (change.note) {
      await trx.insertInto('programme_notes').values({ subactivity_id: id, note: change.note, status: changes.length ? status : null, progress: changes.length ? progress : null, written_by: ctx.actor.userId }).execute();
      changes.push({ field: 'note', old: null, new: change.note });
    }
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'programme_subactivity', recordId: id, changes }]);
    return after;
  });
}
