import { sql, type Kysely } from 'kysely';

/**
 * Module D (seed 000): the programme plan (D-PLAN: activities 2.1–2.7, their
 * measures and dated sub-activities with status and progress notes) and the
 * KOV grant rounds (D-GRANT-1..3, D-SOS, D-SOS-ORDER, D-PESA, D-CONTRACT).
 * Money is integer cents.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // D-PLAN: one plan per year, imported from the structured data file.
  await sql`
    create table programme_plans (
      id uuid primary key default gen_random_uuid(),
      year integer not null unique check (year between 2000 and 2100),
      title text not null,
      period_start date not null,
      period_end date not null,
      source text not null,
      notes jsonb not null default '[]'::jsonb,
      imported_by uuid references users(id),
      imported_at timestamptz not null default now(),
      check (period_end >= period_start)
    )`.execute(db);

  await sql`
    create table programme_activities (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references programme_plans(id),
      code text not null,
      position integer not null,
      title text not null,
      description text not null default '',
      note text,
      unique (plan_id, code)
    )`.execute(db);

  // A measure (a titled part of an activity) has its implementers and target group.
  await sql`
    create table programme_measures (
      id uuid primary key default gen_random_uuid(),
      activity_id uuid not null references programme_activities(id),
      position integer not null,
      title text not null,
      description text not null default '',
      implementers text[] not null,
      implementers_as_written text not null default '',
      target_group text not null default '',
      grant_measure text check (grant_measure in ('signs_of_safety','perepesa')),
      note text,
      unique (activity_id, position)
    )`.execute(db);

  // A row of a measure's table: general timeframe and dated start/end, with status and progress.
  await sql`
    create table programme_subactivities (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references programme_plans(id),
      measure_id uuid not null references programme_measures(id),
      number integer not null check (number between 1 and 99),
      title text not null,
      general_timeframe text not null,
      timeframe_from integer not null,
      timeframe_to integer not null,
      starts_on date not null,
      ends_on date not null,
      dates_as_written text not null,
      date_note text,
      status text not null default 'planned' check (status in ('planned','in_progress','done','cancelled')),
      progress integer not null default 0 check (progress between 0 and 100),
      version integer not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (measure_id, number),
      check (ends_on >= starts_on),
      check (timeframe_to >= timeframe_from)
    )`.execute(db);
  await sql`create index programme_subactivities_plan_dates on programme_subactivities (plan_id, starts_on, ends_on)`.execute(db);

  await sql`
    create table programme_notes (
      id uuid primary key default gen_random_uuid(),
      subactivity_id uuid not null references programme_subactivities(id),
      note text not null,
      status text check (status in ('planned','in_progress','done','cancelled')),
      progress integer check (progress between 0 and 100),
      written_by uuid references users(id),
      written_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index programme_notes_subactivity on programme_notes (subactivity_id, written_at)`.execute(db);

  // D-GRANT-1: a round of a measure with its budget, announcement (≥ 5 calendar days before opening) and window.
  await sql`
    create table grant_rounds (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      measure text not null check (measure in ('signs_of_safety','perepesa')),
      title text not null,
      budget_cents bigint not null check (budget_cents > 0),
      max_per_application_cents bigint check (max_per_application_cents > 0),
      places_per_category integer not null default 2 check (places_per_category between 1 and 2),
      announced_on date not null,
      opens_on date not null,
      closes_on date,
      notes text,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (opens_on - announced_on >= 5),
      check (closes_on is null or closes_on >= opens_on)
    )`.execute(db);

  // D-GRANT-2..3, D-SOS-ORDER, D-CONTRACT: a KOV's application, one per round.
  await sql`
    create table grant_applications (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      round_id uuid not null references grant_rounds(id),
      kov_organisation_id uuid not null references organisations(id),
      status text not null default 'draft' check (status in ('draft','submitted','in_review','eligible','rejected','granted','not_funded','contract_sent','contract_signed','lapsed')),
      contact_name text not null default '',
      contact_email text not null default '',
      activity text check (activity in ('creation','mobile')),
      planned_start date,
      summary text not null default '',
      explanation text not null default '',
      sustainability text not null default '',
      requested_cents bigint not null default 0 check (requested_cents >= 0),
      submitted_at timestamptz,
      submitted_on date,
      decision_due_on date,
      eligibility_reason text,
      decided_on date,
      decided_by uuid references users(id),
      decision_reason text,
      granted_cents bigint check (granted_cents > 0),
      partial_funding_note text,
      contract_sent_on date,
      contract_sign_due_on date,
      contract_signed_on date,
      contract_lapsed_on date,
      project_start date,
      project_end date,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (round_id, kov_organisation_id),
      check (status = 'draft' or (submitted_at is not null and submitted_on is not null and decision_due_on is not null)),
      check (status not in ('contract_sent','contract_signed','lapsed') or (contract_sent_on is not null and contract_sign_due_on is not null))
    )`.execute(db);
  await sql`create index grant_applications_round_order on grant_applications (round_id, submitted_at, id) where submitted_at is not null`.execute(db);
  await sql`create index grant_applications_kov on grant_applications (kov_organisation_id, created_at)`.execute(db);
  await sql`create index grant_applications_decision_due on grant_applications (decision_due_on) where status in ('submitted','in_review','eligible')`.execute(db);
  await sql`create index grant_applications_sign_due on grant_applications (contract_sign_due_on) where status = 'contract_sent'`.execute(db);

  // Budget lines by cost type and project year (D-SOS, D-PESA limits).
  await sql`
    create table grant_budget_lines (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references grant_applications(id),
      position integer not null,
      cost_type text not null,
      project_year integer not null check (project_year between 1 and 3),
      description text not null default '',
      fte_percent integer check (fte_percent between 1 and 100),
      months integer check (months between 1 and 12),
      gross_monthly_cents bigint check (gross_monthly_cents >= 0),
      employer_monthly_cents bigint check (employer_monthly_cents >= 0),
      amount_cents bigint not null check (amount_cents >= 0),
      unique (application_id, position)
    )`.execute(db);

  // Evidence of the conditions, the digitally signed application and the signed contract (ASiC-E/BDOC).
  await sql`
    create table grant_application_files (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references grant_applications(id),
      kind text not null check (kind in ('evidence','signed_application','signed_contract')),
      condition_key text,
      filename text not null,
      content_type text not null,
      size integer not null check (size > 0),
      content bytea not null,
      signers jsonb,
      validation jsonb,
      uploaded_by uuid references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index grant_application_files_application on grant_application_files (application_id, created_at)`.execute(db);

  // D-GRANT-3: the officer's checklist of conditions.
  await sql`
    create table grant_application_checks (
      application_id uuid not null references grant_applications(id),
      condition_key text not null,
      met boolean not null,
      note text,
      checked_by uuid references users(id),
      checked_at timestamptz not null default now(),
      primary key (application_id, condition_key)
    )`.execute(db);

  // What happened to an application, in order (also the reminders sent, so none is sent twice).
  await sql`
    create table grant_application_events (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references grant_applications(id),
      kind text not null,
      from_status text,
      to_status text,
      note text,
      actor_id uuid references users(id),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index grant_application_events_application on grant_application_events (application_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['grant_application_events', 'grant_application_checks', 'grant_application_files', 'grant_budget_lines', 'grant_applications', 'grant_rounds', 'programme_notes', 'programme_subactivities', 'programme_measures', 'programme_activities', 'programme_plans']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
