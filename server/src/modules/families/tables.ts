import type { ColumnType, Generated } from 'kysely';

/** Table types of module B part 1, foster-family support (migration 0004). */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T> = ColumnType<T, string | undefined, string>;

/** hooldus = foster, eestkoste = guardianship, lapsendaja = adoptive (003 "kasupere"). */
export const FAMILY_TYPES = ['hooldus', 'eestkoste', 'lapsendaja'] as const;
export type FamilyType = (typeof FAMILY_TYPES)[number];

/** Families are served in Estonian or Russian (003 §2.8.9). */
export const FAMILY_LANGUAGES = ['et', 'ru'] as const;
export type FamilyLanguage = (typeof FAMILY_LANGUAGES)[number];

/** Family support for adaptation (§2.1.3) or by need (§2.1.4); mentoring (§2.3) is recorded the same way. */
export const SUPPORT_KINDS = ['adaptation', 'needs_based', 'mentoring'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const FAMILY_SUPPORT_KINDS: readonly SupportKind[] = ['adaptation', 'needs_based'];

export const SPECIALIST_ROLES = ['family_supporter', 'mentor', 'psychologist', 'supervisor', 'group_leader'] as const;
export type SpecialistRole = (typeof SPECIALIST_ROLES)[number];
export const SPECIALIST_LANGUAGES = ['et', 'ru', 'en'] as const;
export type SpecialistLanguage = (typeof SPECIALIST_LANGUAGES)[number];

/** Who asked: the KOV (referral form), the family itself (through SKA or the provider). */
export const REFERRAL_SOURCES = ['kov', 'family'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const REFERRAL_STATUSES = ['submitted', 'forwarded', 'rejected', 'started', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const EPISODE_STATUSES = ['pending', 'active', 'ended'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];
export const END_REASONS = ['goals_reached', 'volume_used', 'child_left', 'switch_to_adaptation', 'family_request', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The contact log (B-FREQ): every kind counts as contact; home visits also as home visits. */
export const CONTACT_KINDS = ['call', 'email', 'message', 'home_visit', 'meeting', 'remote_meeting', 'continued_support'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const KOV_REPORT_KINDS = ['start_notice', 'quarterly_overview', 'termination', 'need_notice'] as const;
export type KovReportKind = (typeof KOV_REPORT_KINDS)[number];

export const GOAL_STATUSES = ['open', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A post as an official of a municipality (in Tallinn, of a district), for B-COI. */
export interface OfficialPost {
  kovOrganisationId: string;
  district: string | null;
}

export interface GoalNote {
  goalId: string;
  note: string;
}

export interface ProviderContractsTable {
  id: Generated<string>;
  reference: string;
  provider_organisation_id: string;
  starts_on: string;
  ends_on: string;
  /** Unit prices in euro cents: family support per family-month, mentoring and counselling per session, a support group per meeting. */
  family_support_month_cents: number;
  mentoring_session_cents: number;
  support_group_meeting_cents: number;
  counselling_session_cents: number;
  notes: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProviderSpecialistsTable {
  id: Generated<string>;
  user_id: string;
  provider_organisation_id: string;
  person_id: string;
  roles: Json<SpecialistRole[]>;
  languages: Json<SpecialistLanguage[]>;
  official_posts: Json<OfficialPost[]>;
  ska_approved_on: string | null;
  ska_approval_reference: string | null;
  ska_approved_by: string | null;
  active: Generated<boolean>;
  notes: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SpecialistDocumentsTable {
  id: Generated<string>;
  specialist_id: string;
  kind: 'upload' | 'reference';
  title: string;
  filename: string | null;
  content_type: string | null;
  size: number | null;
  content: Buffer | null;
  reference: string | null;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface HouseholdsTable {
  id: Generated<string>;
  label: string;
  created_at: CreatedAt;
}

export interface HouseholdMembersTable {
  household_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface FamiliesTable {
  id: Generated<string>;
  reference: string;
  type: FamilyType;
  kov_organisation_id: string;
  guardian_kov_organisation_id: string | null;
  district: string | null;
  language: Generated<FamilyLanguage>;
  assessed: Generated<boolean>;
  kov_involvement_consent: Generated<boolean>;
  adoption_secrecy: Generated<boolean>;
  crisis_or_special_foster: Generated<boolean>;
  in_service_on_2022_10_31: Generated<boolean>;
  intake_provider_id: string | null;
  household_id: string;
  address: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  notes: string | null;
  search_text: string;
  /** Who may see the family, kept by triggers for the lists (migration 0013); never written by the app. */
  access_org_ids: ColumnType<string[], never, never>;
  access_user_ids: ColumnType<string[], never, never>;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FamilyParentsTable {
  family_id: string;
  person_id: string;
  relation: string;
  created_at: CreatedAt;
}

export interface FamilyChildrenTable {
  id: Generated<string>;
  family_id: string;
  child_person_id: string;
  arrived_on: string;
  left_on: string | null;
  /** The child's origin data (X-SECRET), AES-256-GCM encrypted at rest. */
  origin_ciphertext: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FamilyPriorPeriodsTable {
  id: Generated<string>;
  family_id: string;
  kind: 'adaptation' | 'needs_based';
  child_person_id: string | null;
  starts_on: string;
  ends_on: string;
  procurement: string;
  transitional_extra: Generated<boolean>;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface FamilyAgencyGapsTable {
  id: Generated<string>;
  family_id: string;
  kind: 'adaptation' | 'needs_based';
  child_person_id: string | null;
  starts_on: string;
  ends_on: string;
  reason: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface FamilyReferralsTable {
  id: Generated<string>;
  reference: string;
  family_id: string;
  kind: SupportKind;
  child_person_id: string | null;
  source: ReferralSource;
  status: ReferralStatus;
  kov_organisation_id: string | null;
  kov_worker_id: string | null;
  topics: string | null;
  problems: string | null;
  goals: string | null;
  case_plan_reference: string | null;
  preferred_provider_id: string | null;
  request_notes: string | null;
  submitted_on: string;
  submitted_by: string;
  check_target_group: boolean | null;
  check_earlier_service: boolean | null;
  check_justification: boolean | null;
  check_notes: string | null;
  checked_by: string | null;
  checked_on: string | null;
  rejection_reason: string | null;
  provider_organisation_id: string | null;
  received_on: string | null;
  first_contact_due: string | null;
  first_contact_on: string | null;
  first_contact_channel: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FamilyEpisodesTable {
  id: Generated<string>;
  family_id: string;
  referral_id: string | null;
  kind: SupportKind;
  child_person_id: string | null;
  provider_organisation_id: string;
  contract_id: string | null;
  specialist_id: string | null;
  status: EpisodeStatus;
  starts_on: string;
  agreement_on: string | null;
  agreement_goals: string | null;
  agreement_activities: string | null;
  family_activities: string | null;
  last_contact_on: string | null;
  last_home_visit_on: string | null;
  next_contact_due: string | null;
  next_home_visit_due: string | null;
  ends_on: string | null;
  end_reason: EndReason | null;
  termination_activities: string | null;
  termination_goals_reached: string | null;
  termination_further_needs: string | null;
  termination_kov_recommendations: string | null;
  termination_sent_to_kov_on: string | null;
  continued_support: Generated<boolean>;
  switched_to_episode_id: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FamilyContactsTable {
  id: Generated<string>;
  episode_id: string;
  kind: ContactKind;
  occurred_on: string;
  duration_minutes: number;
  notes: string | null;
  goal_notes: Json<GoalNote[]>;
  created_by: string;
  created_at: CreatedAt;
}

export interface SupportPlanGoalsTable {
  id: Generated<string>;
  episode_id: string;
  text: string;
  origin: 'start' | 'added';
  added_on: string;
  status: Generated<GoalStatus>;
  version: Version;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface KovReportsTable {
  id: Generated<string>;
  episode_id: string;
  kind: KovReportKind;
  kov_organisation_id: string;
  period_start: string | null;
  period_end: string | null;
  progress: string | null;
  difficulties: string | null;
  includes_plan: Generated<boolean>;
  sent_on: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface CoiClearancesTable {
  id: Generated<string>;
  specialist_id: string;
  family_id: string;
  rule: 'kov_official';
  decision: string;
  decided_on: string;
  decided_by: string;
  created_at: CreatedAt;
}

export interface FamilyEventsTable {
  id: Generated<number>;
  family_id: string;
  episode_id: string | null;
  referral_id: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  actor_id: string | null;
  at: CreatedAt;
}

export interface FamiliesTables {
  provider_contracts: ProviderContractsTable;
  provider_specialists: ProviderSpecialistsTable;
  specialist_documents: SpecialistDocumentsTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  families: FamiliesTable;
  family_parents: FamilyParentsTable;
  family_children: FamilyChildrenTable;
  family_prior_periods: FamilyPriorPeriodsTable;
  family_agency_gaps: FamilyAgencyGapsTable;
  family_referrals: FamilyReferralsTable;
  family_episodes: FamilyEpisodesTable;
  family_contacts: FamilyContactsTable;
  support_plan_goals: SupportPlanGoalsTable;
  kov_reports: KovReportsTable;
  coi_clearances: CoiClearancesTable;
  family_events: FamilyEventsTable;
}
