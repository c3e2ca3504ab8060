export const IMPLEMENTERS = ['TAI', 'SoM', 'SKA', 'TEHIK'] as const;
export type Implementer = (typeof IMPLEMENTERS)[number];
export const SUBACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type SubactivityStatus = (typeof SUBACTIVITY_STATUSES)[number];

export interface Subactivity {
  id: string;
  activityCode: string;
  activityTitle: string;
  measureId: string;
  measureTitle: string;
  implementers: Implementer[];
  number: number;
  title: string;
  generalTimeframe: string;
  startsOn: string;
  endsOn: string;
  datesAsWritten: string;
  dateNote: string | null;
  status: SubactivityStatus;
  progress: number;
  overdue: boolean;
  bar: { offset: number; length: number; cutBefore: boolean; cutAfter: boolean; outside: boolean };
  latestNote: string | null;
  latestNoteAt: string | null;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface Measure {
  id: string;
  title: string;
  description: string;
  implementers: Implementer[];
  implementersAsWritten: string;
  targetGroup: string;
  grantMeasure: 'signs_of_safety' | 'perepesa' | null;
  note: string | null;
  subactivities: Subactivity[];
}

export interface PlanHead {
  id: string;
  year: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  source: string;
  notes: string[];
  importedAt: string;
}

export interface Plan {
  plan: PlanHead;
  today: string;
  months: string[];
  counts: { total: number; shown: number; overdue: number; done: number };
  activities: { code: string; title: string; description: string; note: string | null; measures: Measure[] }[];
}

export interface PlanList {
  items: { id: string; year: number; title: string; periodStart: string; periodEnd: string; importedAt: string; subactivities: number }[];
  bundled: { year: number; imported: boolean }[];
}

export interface MonthList {
  plan: PlanHead;
  month: string;
  months: string[];
  items: Subactivity[];
}

export interface Note {
  id: string;
  note: string;
  status: SubactivityStatus | null;
  progress: number | null;
  writtenAt: string;
  writtenBy: string | null;
}

export interface PlanFilters {
  implementer?: string | undefined;
  activity?: string | undefined;
  status?: string | undefined;
  overdue?: string | undefined;
}
