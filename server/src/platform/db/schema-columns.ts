import type { DB } from './schema.js';

/**
 * Every column of every table type, as a value. TypeScript makes this list
 * complete and exact for `DB`; `schema.test.ts` compares it with the migrated
 * database. So a table type that changes without a migration (or a migration
 * without its type) fails the build.
 */
type ColumnsOf<T> = { [C in keyof T]-?: true };
export const SCHEMA_COLUMNS: { [T in keyof DB]-?: ColumnsOf<DB[T]> } = {
  organisations: { id: true, name: true, kind: true, registry_code: true, county: true, population: true, island: true, regional_specialist_id: true, active: true, version: true, created_at: true, updated_at: true },
  users: { id: true, email: true, name: true, role: true, organisation_id: true, personal_code: true, person_id: true, password_hash: true, locale: true, active: true, failed_logins: true, locked_until: true, last_login_at: true, version: true, created_at: true, updated_at: true },
  sessions: { id: true, user_id: true, csrf_token: true, auth_method: true, created_at: true, expires_at: true, ip: true, user_agent: true },
  login_attempts: { id: true, email: true, ip: true, success: true, at: true },
  oidc_transactions: { state: true, nonce: true, code_verifier: true, locale: true, created_at: true },
  people: { id: true, personal_code: true, first_name: true, last_name: true, search_name: true, birth_date: true, sex: true, version: true, created_by: true, created_at: true, updated_at: true },
  person_links: { id: true, person_id: true, organisation_id: true, user_id: true, reason: true, created_at: true },
  audit_log: { id: true, at: true, actor_id: true, actor_name: true, actor_role: true, actor_organisation_id: true, action: true, record_type: true, record_id: true, person_id: true, record_ids: true, person_ids: true, ip: true, changes: true, schema_version: true, prev_hash: true, hash: true },
  audit_head: { id: true, last_id: true, last_hash: true },
  mail_outbox: { id: true, to_address: true, subject: true, body_text: true, status: true, attempts: true, last_error: true, dedupe_key: true, created_at: true, sent_at: true },
  notifications: { id: true, user_id: true, kind: true, title_key: true, params: true, link: true, read_at: true, created_at: true },
  saved_filters: { id: true, user_id: true, list: true, name: true, query: true, created_at: true },
  cases: {
    id: true, reference: true, type: true, international_subtype: true, status: true, language: true, child_person_id: true, child_residence: true,
    kov_organisation_id: true, kov_worker_id: true, assigned_specialist_id: true, question: true, star_reference: true, received_on: true,
    first_contact_due: true, court_date: true, opinion_due: true, opinion: true, opinion_recommendations: true, alternative_measures: true,
    opinion_issued_on: true, linked_case_id: true, action_plan: true, assessments: true, summary: true, recommendations: true, kov_feedback: true,
    rv_age_note: true, rv_consent_over_18: true, rv_active_started_on: true, rv_early_close_reason: true, rv_follow_up_started_on: true,
    closed_on: true, search_text: true, version: true, created_at: true, updated_at: true,
  },
  case_activities: { id: true, case_id: true, kind: true, occurred_on: true, participants: true, notes: true, country: true, authority: true, foreign_reference: true, created_by: true, created_at: true },
  case_events: { id: true, case_id: true, kind: true, from_status: true, to_status: true, from_user_id: true, to_user_id: true, reason: true, actor_id: true, at: true },
  case_risk_assessments: { id: true, case_id: true, assessed_on: true, level: true, notes: true, created_by: true, created_at: true },
  case_documents: { id: true, case_id: true, kind: true, filename: true, content_type: true, size: true, content: true, signers: true, validation: true, uploaded_by: true, created_at: true },
  case_team_members: { case_type: true, user_id: true },
  rv_municipalities: { organisation_id: true, period_start: true, period_end: true },
  provider_contracts: {
    id: true, reference: true, provider_organisation_id: true, starts_on: true, ends_on: true, family_support_month_cents: true, mentoring_session_cents: true,
    support_group_meeting_cents: true, counselling_session_cents: true, notes: true, version: true, created_by: true, created_at: true, updated_at: true,
  },
  provider_specialists: {
    id: true, user_id: true, provider_organisation_id: true, person_id: true, roles: true, languages: true, official_posts: true, ska_approved_on: true,
    ska_approval_reference: true, ska_approved_by: true, active: true, notes: true, version: true, created_at: true, updated_at: true,
  },
  specialist_documents: { id: true, specialist_id: true, kind: true, title: true, filename: true, content_type: true, size: true, content: true, reference: true, uploaded_by: true, created_at: true },
  households: { id: true, label: true, created_at: true },
  household_members: { household_id: true, person_id: true, created_at: true },
  families: {
    id: true, reference: true, type: true, kov_organisation_id: true, guardian_kov_organisation_id: true, district: true, language: true, assessed: true,
    kov_involvement_consent: true, adoption_secrecy: true, crisis_or_special_foster: true, in_service_on_2022_10_31: true, intake_provider_id: true,
    household_id: true, address: true, contact_phone: true, contact_email: true, notes: true, search_text: true, access_org_ids: true, access_user_ids: true,
    version: true, created_by: true, created_at: true, updated_at: true,
  },
  family_parents: { family_id: true, person_id: true, relation: true, created_at: true },
  family_children: { id: true, family_id: true, child_person_id: true, arrived_on: true, left_on: true, origin_ciphertext: true, version: true, created_at: true, updated_at: true },
  family_prior_periods: { id: true, family_id: true, kind: true, child_person_id: true, starts_on: true, ends_on: true, procurement: true, transitional_extra: true, note: true, created_by: true, created_at: true },
  family_agency_gaps: { id: true, family_id: true, kind: true, child_person_id: true, starts_on: true, ends_on: true, reason: true, created_by: true, created_at: true },
  family_referrals: {
    id: true, reference: true, family_id: true, kind: true, child_person_id: true, source: true, status: true, kov_organisation_id: true, kov_worker_id: true,
    topics: true, problems: true, goals: true, case_plan_reference: true, preferred_provider_id: true, request_notes: true, submitted_on: true, submitted_by: true,
    check_target_group: true, check_earlier_service: true, check_justification: true, check_notes: true, checked_by: true, checked_on: true,
    rejection_reason: true, provider_organisation_id: true, received_on: true, first_contact_due: true, first_contact_on: true, first_contact_channel: true,
    version: true, created_at: true, updated_at: true,
  },
  family_episodes: {
    id: true, family_id: true, referral_id: true, kind: true, child_person_id: true, provider_organisation_id: true, contract_id: true, specialist_id: true,
    status: true, starts_on: true, agreement_on: true, agreement_goals: true, agreement_activities: true, family_activities: true, last_contact_on: true,
    last_home_visit_on: true, next_contact_due: true, next_home_visit_due: true, ends_on: true, end_reason: true, termination_activities: true,
    termination_goals_reached: true, termination_further_needs: true, termination_kov_recommendations: true, termination_sent_to_kov_on: true,
    continued_support: true, switched_to_episode_id: true, version: true, created_by: true, created_at: true, updated_at: true,
  },
  family_contacts: { id: true, episode_id: true, kind: true, occurred_on: true, duration_minutes: true, notes: true, goal_notes: true, created_by: true, created_at: true },
  support_plan_goals: { id: true, episode_id: true, text: true, origin: true, added_on: true, status: true, version: true, created_by: true, created_at: true, updated_at: true },
  kov_reports: { id: true, episode_id: true, kind: true, kov_organisation_id: true, period_start: true, period_end: true, progress: true, difficulties: true, includes_plan: true, sent_on: true, created_by: true, created_at: true },
  coi_clearances: { id: true, specialist_id: true, family_id: true, rule: true, decision: true, decided_on: true, decided_by: true, created_at: true },
  family_events: { id: true, family_id: true, episode_id: true, referral_id: true, kind: true, from_status: true, to_status: true, reason: true, actor_id: true, at: true },
  report_files: { id: true, provider_organisation_id: true, purpose: true, filename: true, content_type: true, size: true, sha256: true, ciphertext: true, uploaded_by: true, created_at: true },
  service_sessions: { id: true, service: true, family_id: true, episode_id: true, provider_organisation_id: true, specialist_id: true, held_on: true, minutes: true, mode: true, remote_agreed_on: true, participants: true, summary: true, status: true, version: true, created_by: true, created_at: true, updated_at: true },
  counselling_extra_requests: { id: true, family_id: true, provider_organisation_id: true, year: true, requested_sessions: true, justification: true, status: true, approved_sessions: true, decision_reason: true, requested_by: true, requested_on: true, decided_by: true, decided_on: true, version: true, created_at: true, updated_at: true },
  support_group_plans: { id: true, provider_organisation_id: true, month: true, status: true, deadline_on: true, submitted_on: true, submitted_by: true, late: true, version: true, created_at: true, updated_at: true },
  support_groups: { id: true, plan_id: true, provider_organisation_id: true, planned_on: true, starts_at: true, planned_minutes: true, online: true, place: true, municipality_id: true, island: true, topic: true, leader_name: true, leader_specialist_id: true, family_type: true, public_info: true, status: true, decision_reason: true, decided_by: true, decided_on: true, small_group_approved: true, small_group_reason: true, small_group_approved_by: true, small_group_approved_on: true, held_on: true, actual_minutes: true, leader_signed: true, attendance_file_id: true, screenshot_file_id: true, version: true, created_by: true, created_at: true, updated_at: true },
  support_group_participants: { id: true, group_id: true, name: true, family_id: true, signature: true, created_at: true },
  monthly_reports: { id: true, reference: true, provider_organisation_id: true, contract_id: true, month: true, status: true, revision: true, due_on: true, total_cents: true, excluded_cents: true, provider_note: true, drafted_at: true, submitted_on: true, submitted_by: true, decided_on: true, decided_by: true, return_comment: true, version: true, created_at: true, updated_at: true },
  monthly_report_lines: { id: true, report_id: true, revision: true, position: true, service: true, family_id: true, episode_id: true, session_id: true, group_id: true, specialist_id: true, occurred_on: true, description: true, quantity_milli: true, unit_cents: true, amount_cents: true, billable: true, excluded_reason: true, ska_comment: true },
  monthly_report_signatures: { id: true, report_id: true, revision: true, signer: true, specialist_id: true, family_id: true, method: true, file_id: true, confirmed_by: true, confirmed_at: true },
  monthly_report_events: { id: true, report_id: true, revision: true, kind: true, comment: true, total_cents: true, actor_id: true, at: true },
  e_invoices: { id: true, report_id: true, number: true, issued_on: true, due_on: true, total_cents: true, ubl_xml: true, issued_by: true, created_at: true },
  provider_reports: { id: true, provider_organisation_id: true, contract_id: true, kind: true, period_start: true, period_end: true, due_on: true, status: true, figures: true, overview: true, assessment: true, best_practices: true, problems: true, measures: true, submitted_on: true, submitted_by: true, version: true, created_at: true, updated_at: true },
};
