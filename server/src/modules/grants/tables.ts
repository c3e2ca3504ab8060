import type { ColumnType, Generated } from 'kysely';
import type { GrantMeasure } from '../programme/tables.js';

/** Table types of module D's grant rounds (migration 0011). Money is integer cents. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T> = ColumnType<T, string | null | undefined, string | null>;

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'eligible', 'rejected', 'granted', 'not_funded', 'contract_sent', 'contract_signed', 'lapsed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const PEREPESA_ACTIVITIES = ['creation', 'mobile'] as const;
export type PerepesaActivity = (typeof PEREPESA_ACTIVITIES)[number];
export const FILE_KINDS = ['evidence', 'signed_application', 'signed_contract'] as const;
export type GrantFileKind = (typeof FILE_KINDS)[number];

export interface GrantRoundsTable {
  id: Generated<string>;
  reference: string;
  measure: GrantMeasure;
  title: string;
  budget_cents: number;
  max_per_application_cents: number | null;
  places_per_category: Generated<number>;
  announced_on: string;
  opens_on: string;
  closes_on: string | null;
  notes: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GrantApplicationsTable {
  id: Generated<string>;
  reference: string;
  round_id: string;
  kov_organisation_id: string;
  status: Generated<ApplicationStatus>;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  activity: PerepesaActivity | null;
  planned_start: string | null;
  summary: Generated<string>;
  explanation: Generated<string>;
  sustainability: Generated<string>;
  requested_cents: Generated<number>;
  submitted_at: Date | null;
  submitted_on: string | null;
  decision_due_on: string | null;
  eligibility_reason: string | null;
  decided_on: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  granted_cents: number | null;
  partial_funding_note: string | null;
  contract_sent_on: string | null;
  contract_sign_due_on: string | null;
  contract_signed_on: string | null;
  contract_lapsed_on: string | null;
  project_start: string | null;
  project_end: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GrantBudgetLinesTable {
  id: Generated<string>;
  application_id: string;
  position: number;
  cost_type: string;
  project_year: number;
  description: Generated<string>;
  fte_percent: number | null;
  months: number | null;
  gross_monthly_cents: number | null;
  employer_monthly_cents: number | null;
  amount_cents: number;
}

export interface GrantApplicationFilesTable {
  id: Generated<string>;
  application_id: string;
  kind: GrantFileKind;
  condition_key: string | null;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  signers: Json<unknown[] | null>;
  validation: Json<Record<string, unknown> | null>;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface GrantApplicationChecksTable {
  application_id: string;
  condition_key: string;
  met: boolean;
  note: string | null;
  checked_by: string | null;
  checked_at: Timestamp;
}

export interface GrantApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface GrantsTables {
  grant_rounds: GrantRoundsTable;
  grant_applications: GrantApplicationsTable;
  grant_budget_lines: GrantBudgetLinesTable;
  grant_application_files: GrantApplicationFilesTable;
  grant_application_checks: GrantApplicationChecksTable;
  grant_application_events: GrantApplicationEventsTable;
}
