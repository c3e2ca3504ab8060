import type { ColumnType, Generated } from 'kysely';

/** Table types of module D's programme plan (migration 0011). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T> = ColumnType<T, string | undefined, string>;

export const SUBACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type SubactivityStatus = (typeof SUBACTIVITY_STATUSES)[number];
/** Implementers named in the plan (SPEC §7 D-PLAN). */
export const IMPLEMENTERS = ['TAI', 'SoM', 'SKA', 'TEHIK'] as const;
export type Implementer = (typeof IMPLEMENTERS)[number];
export const GRANT_MEASURES = ['signs_of_safety', 'perepesa'] as const;
export type GrantMeasure = (typeof GRANT_MEASURES)[number];

export interface ProgrammePlansTable {
  id: Generated<string>;
  year: number;
  title: string;
  period_start: string;
  period_end: string;
  source: string;
  notes: Json<string[]>;
  imported_by: string | null;
  imported_at: CreatedAt;
}

export interface ProgrammeActivitiesTable {
  id: Generated<string>;
  plan_id: string;
  code: string;
  position: number;
  title: string;
  description: Generated<string>;
  note: string | null;
}

export interface ProgrammeMeasuresTable {
  id: Generated<string>;
  activity_id: string;
  position: number;
  title: string;
  description: Generated<string>;
  implementers: ColumnType<Implementer[], Implementer[], Implementer[]>;
  implementers_as_written: Generated<string>;
  target_group: Generated<string>;
  grant_measure: GrantMeasure | null;
  note: string | null;
}

export interface ProgrammeSubactivitiesTable {
  id: Generated<string>;
  plan_id: string;
  measure_id: string;
  number: number;
  title: string;
  general_timeframe: string;
  timeframe_from: number;
  timeframe_to: number;
  starts_on: string;
  ends_on: string;
  dates_as_written: string;
  date_note: string | null;
  status: Generated<SubactivityStatus>;
  progress: Generated<number>;
  version: Version;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ProgrammeNotesTable {
  id: Generated<string>;
  subactivity_id: string;
  note: string;
  status: SubactivityStatus | null;
  progress: number | null;
  written_by: string | null;
  written_at: CreatedAt;
}

export interface ProgrammeTables {
  programme_plans: ProgrammePlansTable;
  programme_activities: ProgrammeActivitiesTable;
  programme_measures: ProgrammeMeasuresTable;
  programme_subactivities: ProgrammeSubactivitiesTable;
  programme_notes: ProgrammeNotesTable;
}
