import type { ColumnType, Generated } from 'kysely';

/** Table types of module A (migration 0003). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const CASE_TYPES = ['domestic', 'klat_opinion', 'international', 'rv'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const INTERNATIONAL_SUBTYPES = ['custody_dispute', 'welfare_check_to_abroad', 'welfare_check_from_abroad', 'child_removed_abroad', 'private_appeal'] as const;
export type InternationalSubtype = (typeof INTERNATIONAL_SUBTYPES)[number];

export const CLOSING_ASSESSMENTS = ['measures_effective', 'kov_continues_independently', 'network_functioning', 'kov_active', 'child_rights_ensured'] as const;
export type ClosingAssessment = (typeof CLOSING_ASSESSMENTS)[number];
export type Assessments = Partial<Record<ClosingAssessment, string>>;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface CasesTable {
  id: Generated<string>;
  reference: string;
  type: CaseType;
  international_subtype: InternationalSubtype | null;
  status: string;
  language: Generated<'et' | 'en' | 'ru'>;
  child_person_id: string;
  child_residence: string | null;
  kov_organisation_id: string;
  kov_worker_id: string;
  assigned_specialist_id: string | null;
  question: string;
  star_reference: string | null;
  received_on: string;
  first_contact_due: string | null;
  court_date: string | null;
  opinion_due: string | null;
  opinion: 'supporting' | 'not_supporting' | null;
  opinion_recommendations: string | null;
  alternative_measures: string | null;
  opinion_issued_on: string | null;
  linked_case_id: string | null;
  action_plan: string | null;
  assessments: ColumnType<Assessments, string | undefined, string>;
  summary: string | null;
  recommendations: string | null;
  kov_feedback: string | null;
  rv_age_note: string | null;
  rv_consent_over_18: Generated<boolean>;
  rv_active_started_on: string | null;
  rv_early_close_reason: string | null;
  rv_follow_up_started_on: string | null;
  closed_on: string | null;
  search_text: string;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CaseActivitiesTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  occurred_on: string;
  participants: string | null;
  notes: string | null;
  country: string | null;
  authority: string | null;
  foreign_reference: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  kind: 'received' | 'status_changed' | 'reassigned' | 'opinion_issued' | 'document_added' | 'feedback';
  from_status: string | null;
  to_status: string | null;
  from_user_id: string | null;
  to_user_id: string | null;
  reason: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface CaseRiskAssessmentsTable {
  id: Generated<string>;
  case_id: string;
  assessed_on: string;
  level: RiskLevel;
  notes: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  case_id: string;
  kind: 'attachment' | 'signed_container';
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  signers: ColumnType<unknown[] | null, string | null, string | null>;
  validation: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface CaseTeamMembersTable {
  case_type: 'international' | 'rv';
  user_id: string;
}

export interface RvMunicipalitiesTable {
  organisation_id: string;
  period_start: number;
  period_end: number;
}

export interface CasesTables {
  cases: CasesTable;
  case_activities: CaseActivitiesTable;
  case_events: CaseEventsTable;
  case_risk_assessments: CaseRiskAssessmentsTable;
  case_documents: CaseDocumentsTable;
  case_team_members: CaseTeamMembersTable;
  rv_municipalities: RvMunicipalitiesTable;
}
