import { sql, type Kysely } from 'kysely';

/** Module A: consultation cases (domestic, KLAT opinion, international, Ringist välja). */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence case_reference_seq`.execute(db);
  await sql`
    create table cases (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      type text not null check (type in ('domestic','klat_opinion','international','rv')),
      international_subtype text check (international_subtype in ('custody_dispute','welfare_check_to_abroad','welfare_check_from_abroad','child_removed_abroad','private_appeal')),
      status text not null,
      language text not null default 'et' check (language in ('et','en','ru')),
      child_person_id uuid not null references people(id),
      child_residence text,
      kov_organisation_id uuid not null references organisations(id),
      kov_worker_id uuid not null references users(id),
      assigned_specialist_id uuid references users(id),
      question text not null,
      star_reference text,
      received_on date not null,
      first_contact_due date,
      court_date date,
      opinion_due date,
      opinion text check (opinion in ('supporting','not_supporting')),
      opinion_recommendations text,
      alternative_measures text,
      opinion_issued_on date,
      linked_case_id uuid references cases(id),
      action_plan text,
      assessments jsonb not null default '{}'::jsonb,
      summary text,
      recommendations text,
      kov_feedback text,
      rv_age_note text,
      rv_consent_over_18 boolean not null default false,
      rv_active_started_on date,
      rv_early_close_reason text,
      rv_follow_up_started_on date,
      closed_on date,
      search_text text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index cases_kov on cases (kov_organisation_id, received_on desc, id)`.execute(db);
  await sql`create index cases_specialist on cases (assigned_specialist_id, received_on desc, id)`.execute(db);
  await sql`create index cases_type_status on cases (type, status, received_on desc, id)`.execute(db);
  await sql`create index cases_received on cases (received_on desc, id desc)`.execute(db);
  await sql`create index cases_search_trgm on cases using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index cases_child on cases (child_person_id)`.execute(db);

  await sql`
    create table case_activities (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      kind text not null,
      occurred_on date not null,
      participants text,
      notes text,
      country text,
      authority text,
      foreign_reference text,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_activities_case on case_activities (case_id, occurred_on, created_at)`.execute(db);

  await sql`
    create table case_events (
      id bigserial primary key,
      case_id uuid not null references cases(id),
      kind text not null check (kind in ('received','status_changed','reassigned','opinion_issued','document_added','feedback')),
      from_status text,
      to_status text,
      from_user_id uuid,
      to_user_id uuid,
      reason text,
      actor_id uuid references users(id),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_events_case on case_events (case_id, id)`.execute(db);

  await sql`
    create table case_risk_assessments (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      assessed_on date not null,
      level text not null check (level in ('low','medium','high')),
      notes text,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_risk_case on case_risk_assessments (case_id, assessed_on)`.execute(db);

  await sql`
    create table case_documents (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases(id),
      kind text not null check (kind in ('attachment','signed_container')),
      filename text not null,
      content_type text not null,
      size integer not null,
      content bytea not null,
      signers jsonb,
      validation jsonb,
      uploaded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_documents_case on case_documents (case_id, created_at)`.execute(db);

  // International and RV cases go to the specialists of those teams (A-ASSIGN).
  await sql`
    create table case_team_members (
      case_type text not null check (case_type in ('international','rv')),
      user_id uuid not null references users(id),
      primary key (case_type, user_id)
    )`.execute(db);

  await sql`
    create table rv_municipalities (
      organisation_id uuid not null references organisations(id),
      period_start integer not null,
      period_end integer not null,
      primary key (organisation_id, period_start)
    )`.execute(db);
}
