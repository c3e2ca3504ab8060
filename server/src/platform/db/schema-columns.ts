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
};
