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
  audit_log: { id: true, at: true, actor_id: true, actor_name: true, actor_role: true, actor_organisation_id: true, action: true, record_type: true, record_id: true, person_id: true, ip: true, changes: true, schema_version: true, prev_hash: true, hash: true },
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
};
