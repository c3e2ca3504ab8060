import type { ColumnType, Generated } from 'kysely';

/** Table types of module C, trainings (migration 0009). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T> = ColumnType<T, string | undefined, string>;

export const TRAINING_FORMS = ['in_person', 'online'] as const;
export type TrainingForm = (typeof TRAINING_FORMS)[number];
export const TRAINING_STATUSES = ['draft', 'published'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
export const GROUP_STATUSES = ['scheduled', 'cancelled', 'merged'] as const;
export type TrainingGroupStatus = (typeof GROUP_STATUSES)[number];
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'released'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'partial', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** The questionnaire's 1–5 questions (C-5), in the order they are asked. */
export const FEEDBACK_QUESTIONS = ['overall', 'content', 'trainer', 'usefulness', 'organisation'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

export interface TrainingsTable {
  id: Generated<string>;
  reference: string;
  title: string;
  curriculum: string;
  topics: Json<string[]>;
  target_group: string;
  /** Null: every municipality; otherwise only workers of these KOVs may take part (C-3). */
  eligible_organisation_ids: ColumnType<string[] | null, string | null | undefined, string | null>;
  academic_hours: number;
  days: number;
  form: TrainingForm;
  provider_organisation_id: string;
  window_start: string;
  window_end: string;
  status: Generated<TrainingStatus>;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TrainingGroupsTable {
  id: Generated<string>;
  training_id: string;
  number: number;
  city: string | null;
  venue: string | null;
  starts_on: string;
  ends_on: string;
  capacity_min: number;
  capacity_max: number;
  trainer_user_id: string | null;
  registration_closes_on: string;
  status: Generated<TrainingGroupStatus>;
  cancel_reason: string | null;
  cancelled_on: string | null;
  cancelled_by: string | null;
  merged_into_group_id: string | null;
  underfilled_notified_on: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TrainingSessionsTable {
  id: Generated<string>;
  group_id: string;
  day: string;
  starts_at: string;
  ends_at: string;
}

export interface TrainingRegistrationsTable {
  id: Generated<string>;
  /** bigint identity: the order of registration, which is the waitlist's order (C-3). */
  queue_no: ColumnType<number, never, never>;
  training_id: string;
  group_id: string;
  user_id: string;
  organisation_id: string;
  registered_by: string;
  status: RegistrationStatus;
  registered_at: CreatedAt;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  version: Version;
  updated_at: Timestamp;
}

export interface TrainingAttendanceTable {
  registration_id: string;
  session_id: string;
  status: AttendanceStatus;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface TrainingFeedbackTable {
  id: Generated<string>;
  registration_id: string;
  group_id: string;
  overall: number;
  content: number;
  trainer: number;
  usefulness: number;
  organisation: number;
  recommend: boolean;
  most_useful: string | null;
  improve: string | null;
  submitted_at: CreatedAt;
}

export interface TrainingsTables {
  trainings: TrainingsTable;
  training_groups: TrainingGroupsTable;
  training_sessions: TrainingSessionsTable;
  training_registrations: TrainingRegistrationsTable;
  training_attendance: TrainingAttendanceTable;
  training_feedback: TrainingFeedbackTable;
}
