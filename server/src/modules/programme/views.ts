import { z } from 'zod';
import { isoDate, timestamp } from '../../platform/http/index.js';
import type { PlanRow, SubactivityRow } from './queries.js';
import { ganttBar, isOverdue } from './rules.js';
import { GRANT_MEASURES, IMPLEMENTERS, SUBACTIVITY_STATUSES, type ProgrammeActivitiesTable, type ProgrammeMeasuresTable } from './tables.js';
import type { Selectable } from 'kysely';

/** D-PLAN response shapes (also the OpenAPI document's) and the row → view mapping. */

export const subactivityView = z.object({
  id: z.string(),
  activityCode: z.string(),
  activityTitle: z.string(),
  measureId: z.string(),
  measureTitle: z.string(),
  implementers: z.array(z.enum(IMPLEMENTERS)),
  number: z.number(),
  title: z.string(),
  generalTimeframe: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  datesAsWritten: z.string(),
  dateNote: z.string().nullable(),
  status: z.enum(SUBACTIVITY_STATUSES),
  progress: z.number(),
  overdue: z.boolean(),
  bar: z.object({ offset: z.number(), length: z.number(), cutBefore: z.boolean(), cutAfter: z.boolean(), outside: z.boolean() }),
  latestNote: z.string().nullable(),
  latestNoteAt: timestamp.nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: timestamp,
  version: z.number(),
});

export const measureView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  implementers: z.array(z.enum(IMPLEMENTERS)),
  implementersAsWritten: z.string(),
  targetGroup: z.string(),
  grantMeasure: z.enum(GRANT_MEASURES).nullable(),
  note: z.string().nullable(),
  subactivities: z.array(subactivityView),
});

export const planHeadView = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  source: z.string(),
  notes: z.array(z.string()),
  importedAt: timestamp,
});

export const planView = z.object({
  plan: planHeadView,
  today: isoDate,
  months: z.array(z.string()),
  counts: z.object({ total: z.number(), shown: z.number(), overdue: z.number(), done: z.number() }),
  activities: z.array(z.object({ code: z.string(), title: z.string(), description: z.string(), note: z.string().nullable(), measures: z.array(measureView) })),
});

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function toPlanHead(p: PlanRow) {
  return { id: p.id, year: p.year, title: p.title, periodStart: p.period_start, periodEnd: p.period_end, source: p.source, notes: p.notes, importedAt: iso(p.imported_at) };
}

export function toSubactivityView(s: SubactivityRow, plan: PlanRow, today: string): z.infer<typeof subactivityView> {
  return {
    id: s.id,
    activityCode: s.activity_code,
    activityTitle: s.activity_title,
    measureId: s.measure_id,
    measureTitle: s.measure_title,
    implementers: s.implementers,
    number: s.number,
    title: s.title,
    generalTimeframe: s.general_timeframe,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    datesAsWritten: s.dates_as_written,
    dateNote: s.date_note,
    status: s.status,
    progress: s.progress,
    overdue: isOverdue({ endsOn: s.ends_on, status: s.status }, today),
    bar: ganttBar({ startsOn: s.starts_on, endsOn: s.ends_on }, { start: plan.period_start, end: plan.period_end }),
    latestNote: s.latest_note,
    latestNoteAt: s.latest_note_at ? iso(s.latest_note_at) : null,
    updatedBy: s.updated_by_name,
    updatedAt: iso(s.updated_at),
    version: s.version,
  };
}

/**
 * The plan as a tree: activity → measure → sub-activities. With a filter, only
 * the branches holding a sub-activity that passed it are kept.
 */
export function toPlanTree(
  frame: { activities: Selectable<ProgrammeActivitiesTable>[]; measures: Selectable<ProgrammeMeasuresTable>[] },
  subs: z.infer<typeof subactivityView>[],
  filtered: boolean,
) {
  return frame.activities
    .map((a) => ({
      code: a.code,
      title: a.title,
      description: a.description,
      note: a.note,
      measures: frame.measures
        .filter((m) => m.activity_id === a.id)
        .map((m) => ({
          id: m.id, title: m.title, description: m.description, implementers: m.implementers, implementersAsWritten: m.implementers_as_written,
          targetGroup: m.target_group, grantMeasure: m.grant_measure, note: m.note, subactivities: subs.filter((s) => s.measureId === m.id),
        }))
        .filter((m) => !filtered || m.subactivities.length > 0),
    }))
    .filter((a) => !filtered || a.measures.length > 0);
}
