import { sql, type Kysely } from 'kysely';

/** Organisations, users, sessions, people, audit log, mail outbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('ska','ministry','kov','provider','training_provider','mediation','other')),
      registry_code text,
      county text,
      population integer check (population is null or population >= 0),
      island boolean not null default false,
      regional_specialist_id uuid,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index organisations_kind_name on organisations (kind, lower(name))`.execute(db);

  await sql`
    create table people (
      id uuid primary key default gen_random_uuid(),
      personal_code text unique,
      first_name text not null,
      last_name text not null,
      search_name text not null,
      birth_date date not null,
      sex text check (sex in ('male','female')),
      version integer not null default 1,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index people_search_name_trgm on people using gin (search_name gin_trgm_ops)`.execute(db);
  await sql`create index people_birth_date on people (birth_date)`.execute(db);
  await sql`create index people_name_order on people (last_name, first_name, id)`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      role text not null check (role in ('ska_specialist','ska_contact','ska_manager','kov_worker','provider_admin',
        'provider_specialist','ministry_officer','trainer','mediator','client','admin','auditor')),
      organisation_id uuid not null references organisations(id),
      personal_code text,
      person_id uuid references people(id),
      password_hash text,
      locale text not null default 'et' check (locale in ('et','en','ru')),
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email on users (lower(email))`.execute(db);
  await sql`create unique index users_personal_code on users (personal_code) where personal_code is not null`.execute(db);
  await sql`create index users_organisation on users (organisation_id, role)`.execute(db);
  await sql`create index users_name_order on users (lower(name), id)`.execute(db);
  await sql`alter table organisations add constraint organisations_regional_specialist_fk
    foreign key (regional_specialist_id) references users(id)`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users(id),
      csrf_token text not null,
      auth_method text not null check (auth_method in ('password','oidc')),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await sql`create index sessions_expires on sessions (expires_at)`.execute(db);

  await sql`
    create table login_attempts (
      id bigserial primary key,
      email text not null,
      ip text not null,
      success boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_attempts_ip_at on login_attempts (ip, at)`.execute(db);

  await sql`
    create table oidc_transactions (
      state text primary key,
      nonce text not null,
      code_verifier text not null,
      locale text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table person_links (
      id bigserial primary key,
      person_id uuid not null references people(id),
      organisation_id uuid not null references organisations(id),
      user_id uuid references users(id),
      reason text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index person_links_unique on person_links (person_id, organisation_id, coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid), reason)`.execute(db);
  await sql`create index person_links_org on person_links (organisation_id, person_id)`.execute(db);
  await sql`create index person_links_user on person_links (user_id, person_id) where user_id is not null`.execute(db);

  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null,
      actor_id uuid,
      actor_name text,
      actor_role text,
      actor_organisation_id uuid,
      action text not null,
      record_type text not null,
      record_id text not null,
      person_id uuid,
      ip text,
      changes jsonb,
      schema_version integer not null,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_record on audit_log (record_type, record_id, id)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_id, id)`.execute(db);
  await sql`create index audit_log_person on audit_log (person_id, id) where person_id is not null`.execute(db);
  // Append-only: the application role can neither change nor remove history.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await sql`
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      body_text text not null,
      status text not null default 'pending' check (status in ('pending','sent','failed')),
      attempts integer not null default 0,
      last_error text,
      dedupe_key text unique,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index mail_outbox_created on mail_outbox (created_at desc, id desc)`.execute(db);
  await sql`create index mail_outbox_pending on mail_outbox (status) where status = 'pending'`.execute(db);

  await sql`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      kind text not null,
      title_key text not null,
      params jsonb not null default '{}'::jsonb,
      link text,
      read_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index notifications_user on notifications (user_id, created_at desc)`.execute(db);
}
