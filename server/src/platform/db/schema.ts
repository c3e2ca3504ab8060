import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CasesTables } from '../../modules/cases/tables.js';
import type { FamiliesTables } from '../../modules/families/tables.js';
import type { FamilyServicesTables } from '../../modules/families/service-tables.js';
import type { TrainingsTables } from '../../modules/trainings/tables.js';
import type { ProgrammeTables } from '../../modules/programme/tables.js';
import type { GrantsTables } from '../../modules/grants/tables.js';
import type { MediationTables } from '../../modules/mediation/tables.js';

/** Table types for Kysely. Each migration that changes a table changes its type here. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Version = ColumnType<number, number | undefined, number>;

export const ROLES = [
  'ska_specialist',
  'ska_contact',
  'ska_manager',
  'kov_worker',
  'provider_admin',
  'provider_specialist',
  'ministry_officer',
  'trainer',
  'mediator',
  'client',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['ska', 'ministry', 'kov', 'provider', 'training_provider', 'mediation', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['et', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  registry_code: string | null;
  county: string | null;
  population: number | null;
  island: Generated<boolean>;
  regional_specialist_id: string | null;
  active: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  organisation_id: string;
  personal_code: string | null;
  person_id: string | null;
  password_hash: string | null;
  locale: Generated<Locale>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  auth_method: 'password' | 'oidc';
  created_at: CreatedAt;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  success: boolean;
  at: Timestamp;
}

export interface PasswordResetTokensTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

export interface PasswordResetRequestsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
}

export interface OidcTransactionsTable {
  state: string;
  nonce: string;
  code_verifier: string;
  locale: string;
  created_at: CreatedAt;
}

export interface PeopleTable {
  id: Generated<string>;
  personal_code: string | null;
  first_name: string;
  last_name: string;
  search_name: string;
  birth_date: string;
  sex: 'male' | 'female' | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PersonLinksTable {
  id: Generated<number>;
  person_id: string;
  organisation_id: string;
  user_id: string | null;
  reason: string;
  created_at: CreatedAt;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  person_id: string | null;
  /** A list entry: every record on the page, and every person they concern (migration 0010). */
  record_ids: string[] | null;
  person_ids: string[] | null;
  ip: string | null;
  changes: ColumnType<FieldChange[] | null, string | null, never>;
  schema_version: number;
  prev_hash: string;
  hash: string;
}

/** The chain's head (one row): locked by every append (X-AUDIT). */
export interface AuditHeadTable {
  id: number;
  last_id: ColumnType<string, number, number>;
  last_hash: string;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title_key: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: string | null;
  read_at: Date | null;
  created_at: CreatedAt;
}

export interface SavedFiltersTable {
  id: Generated<string>;
  user_id: string;
  list: string;
  name: string;
  query: ColumnType<Record<string, string>, string, string>;
  created_at: CreatedAt;
}

/** Every table: the platform's here, each module's in its own `tables.ts`. */
export interface DB extends CasesTables, FamiliesTables, FamilyServicesTables, TrainingsTables, MediationTables, ProgrammeTables, GrantsTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  password_reset_tokens: PasswordResetTokensTable;
  password_reset_requests: PasswordResetRequestsTable;
  oidc_transactions: OidcTransactionsTable;
  people: PeopleTable;
  person_links: PersonLinksTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  mail_outbox: MailOutboxTable;
  notifications: NotificationsTable;
  saved_filters: SavedFiltersTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Person = Selectable<PeopleTable>;
export type AuditRow = Selectable<AuditLogTable>;
