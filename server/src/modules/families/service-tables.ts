import type { ColumnType, Generated } from 'kysely';

/** Table types of module B part 2: sessions, groups, monthly reports (migration 0005). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T> = ColumnType<T, string | undefined, string>;
/** bigint columns come back from the drivers as strings; we always write numbers. */
type BigCents = ColumnType<string | number, number | undefined, number>;

export const SESSION_SERVICES = ['mentoring', 'counselling', 'supervision'] as const;
export type SessionService = (typeof SESSION_SERVICES)[number];
export const SESSION_MODES = ['in_person', 'remote'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const REPORT_FILE_PURPOSES = ['attendance_list', 'attendance_screenshot', 'signed_report', 'other'] as const;
export type ReportFilePurpose = (typeof REPORT_FILE_PURPOSES)[number];

export const EXTRA_REQUEST_STATUSES = ['requested', 'approved', 'rejected'] as const;
export type ExtraRequestStatus = (typeof EXTRA_REQUEST_STATUSES)[number];

export const GROUP_FAMILY_TYPES = ['hooldus', 'eestkoste', 'lapsendaja', 'mixed'] as const;
export type GroupFamilyType = (typeof GROUP_FAMILY_TYPES)[number];
export const GROUP_STATUSES = ['planned', 'approved', 'rejected', 'held', 'cancelled'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const PARTICIPANT_SIGNATURES = ['signed', 'digital', 'screenshot', 'none'] as const;
export type ParticipantSignature = (typeof PARTICIPANT_SIGNATURES)[number];

export const MONTHLY_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];
export const REPORT_LINE_SERVICES = ['family_support', 'mentoring', 'counselling', 'supervision', 'support_group'] as const;
export type ReportLineService = (typeof REPORT_LINE_SERVICES)[number];

export const PROVIDER_REPORT_KINDS = ['monitoring', 'final'] as const;
export type ProviderReportKind = (typeof PROVIDER_REPORT_KINDS)[number];

export interface ReportFilesTable {
  id: Generated<string>;
  provider_organisation_id: string;
  purpose: ReportFilePurpose;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  ciphertext: Buffer;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface ServiceSessionsTable {
  id: Generated<string>;
  service: SessionService;
  family_id: string;
  episode_id: string | null;
  provider_organisation_id: string;
  specialist_id: string;
  held_on: string;
  minutes: number;
  mode: SessionMode;
  remote_agreed_on: string | null;
  participants: string | null;
  summary: string | null;
  status: Generated<'held' | 'cancelled'>;
  version: Version;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CounsellingExtraRequestsTable {
  id: Generated<string>;
  family_id: string;
  provider_organisation_id: string;
  year: number;
  requested_sessions: number;
  justification: string;
  status: Generated<ExtraRequestStatus>;
  approved_sessions: number | null;
  decision_reason: string | null;
  requested_by: string;
  requested_on: string;
  decided_by: string | null;
  decided_on: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SupportGroupPlansTable {
  id: Generated<string>;
  provider_organisation_id: string;
  month: string;
  status: Generated<'draft' | 'submitted'>;
  deadline_on: string;
  submitted_on: string | null;
  submitted_by: string | null;
  late: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SupportGroupsTable {
  id: Generated<string>;
  plan_id: string;
  provider_organisation_id: string;
  planned_on: string;
  starts_at: string;
  planned_minutes: number;
  online: boolean;
  place: string | null;
  municipality_id: string | null;
  island: Generated<boolean>;
  topic: string;
  leader_name: string;
  leader_specialist_id: string | null;
  family_type: GroupFamilyType;
  public_info: string | null;
  status: Generated<GroupStatus>;
  decision_reason: string | null;
  decided_by: string | null;
  decided_on: string | null;
  small_group_approved: Generated<boolean>;
  small_group_reason: string | null;
  small_group_approved_by: string | null;
  small_group_approved_on: string | null;
  held_on: string | null;
  actual_minutes: number | null;
  leader_signed: Generated<boolean>;
  attendance_file_id: string | null;
  screenshot_file_id: string | null;
  version: Version;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SupportGroupParticipantsTable {
  id: Generated<string>;
  group_id: string;
  name: string;
  family_id: string | null;
  signature: ParticipantSignature;
  created_at: CreatedAt;
}

export interface MonthlyReportsTable {
  id: Generated<string>;
  reference: string;
  provider_organisation_id: string;
  contract_id: string | null;
  month: string;
  status: Generated<MonthlyReportStatus>;
  revision: Generated<number>;
  due_on: string;
  total_cents: BigCents;
  excluded_cents: BigCents;
  provider_note: string | null;
  drafted_at: Timestamp;
  submitted_on: string | null;
  submitted_by: string | null;
  decided_on: string | null;
  decided_by: string | null;
  return_comment: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MonthlyReportLinesTable {
  id: Generated<string>;
  report_id: string;
  revision: number;
  position: number;
  service: ReportLineService;
  family_id: string | null;
  episode_id: string | null;
  session_id: string | null;
  group_id: string | null;
  specialist_id: string | null;
  occurred_on: string | null;
  description: string;
  /** Quantity in thousandths (1.5 units = 1500), so money stays integer. */
  quantity_milli: number;
  unit_cents: number;
  amount_cents: number;
  billable: boolean;
  /** Why the line is not billed (a rule code such as B_GRP_OVER_QUARTER); null when billable. */
  excluded_reason: string | null;
  ska_comment: string | null;
}

export interface MonthlyReportSignaturesTable {
  id: Generated<string>;
  report_id: string;
  revision: number;
  signer: 'specialist' | 'recipient';
  specialist_id: string;
  family_id: string | null;
  method: 'signed_pdf' | 'in_app';
  file_id: string | null;
  confirmed_by: string;
  confirmed_at: CreatedAt;
}

export interface MonthlyReportEventsTable {
  id: Generated<string>;
  report_id: string;
  revision: number;
  kind: string;
  comment: string | null;
  total_cents: number | string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface EInvoicesTable {
  id: Generated<string>;
  report_id: string;
  number: string;
  issued_on: string;
  due_on: string;
  total_cents: BigCents;
  ubl_xml: string;
  issued_by: string;
  created_at: CreatedAt;
}

/** Figures of the period (counts and euros) that pre-fill a monitoring or final report. */
export type ProviderReportFigures = Record<string, number | string>;

export interface ProviderReportsTable {
  id: Generated<string>;
  provider_organisation_id: string;
  contract_id: string;
  kind: ProviderReportKind;
  period_start: string;
  period_end: string;
  due_on: string;
  status: Generated<'draft' | 'submitted'>;
  figures: Json<ProviderReportFigures>;
  overview: string | null;
  assessment: string | null;
  best_practices: string | null;
  problems: string | null;
  measures: string | null;
  submitted_on: string | null;
  submitted_by: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FamilyServicesTables {
  report_files: ReportFilesTable;
  service_sessions: ServiceSessionsTable;
  counselling_extra_requests: CounsellingExtraRequestsTable;
  support_group_plans: SupportGroupPlansTable;
  support_groups: SupportGroupsTable;
  support_group_participants: SupportGroupParticipantsTable;
  monthly_reports: MonthlyReportsTable;
  monthly_report_lines: MonthlyReportLinesTable;
  monthly_report_signatures: MonthlyReportSignaturesTable;
  monthly_report_events: MonthlyReportEventsTable;
  e_invoices: EInvoicesTable;
  provider_reports: ProviderReportsTable;
}
