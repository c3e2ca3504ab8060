import { sql, type Kysely } from 'kysely';

/**
 * Module B part 2 (seed 003 §2.3–3.6): mentoring and counselling sessions,
 * SKA's extra-session approvals, support-group plans, groups and attendance,
 * encrypted report files, monthly reports with lines, signatures and history,
 * e-invoices, and monitoring/final reports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // B-SEC: every uploaded report file (attendance lists, screenshots, signed PDFs) is AES-256-GCM encrypted.
  await sql`
    create table report_files (
      id uuid primary key default gen_random_uuid(),
      provider_organisation_id uuid not null references organisations(id),
      purpose text not null check (purpose in ('attendance_list','attendance_screenshot','signed_report','other')),
      filename text not null,
      content_type text not null,
      size integer not null check (size >= 0),
      sha256 text not null,
      ciphertext bytea not null,
      uploaded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index report_files_provider on report_files (provider_organisation_id)`.execute(db);

  // B-MENT-*, B-PSY-*: individual sessions (mentoring on a mentoring episode; counselling or supervision per family).
  await sql`
    create table service_sessions (
      id uuid primary key default gen_random_uuid(),
      service text not null check (service in ('mentoring','counselling','supervision')),
      family_id uuid not null references families(id),
      episode_id uuid references family_episodes(id),
      provider_organisation_id uuid not null references organisations(id),
      specialist_id uuid not null references provider_specialists(id),
      held_on date not null,
      minutes integer not null check (minutes > 0 and minutes <= 600),
      mode text not null check (mode in ('in_person','remote')),
      remote_agreed_on date,
      participants text,
      summary text,
      status text not null default 'held' check (status in ('held','cancelled')),
      version integer not null default 1,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (mode = 'in_person' or remote_agreed_on is not null)
    )`.execute(db);
  await sql`create index service_sessions_family on service_sessions (family_id, service, held_on)`.execute(db);
  await sql`create index service_sessions_provider on service_sessions (provider_organisation_id, held_on)`.execute(db);
  await sql`create index service_sessions_specialist on service_sessions (specialist_id, held_on)`.execute(db);

  // B-PSY-1: the specialist's justification and SKA's written approval of up to 5 more sessions in a year.
  await sql`
    create table counselling_extra_requests (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references families(id),
      provider_organisation_id uuid not null references organisations(id),
      year integer not null check (year between 2000 and 2100),
      requested_sessions integer not null check (requested_sessions between 1 and 5),
      justification text not null,
      status text not null default 'requested' check (status in ('requested','approved','rejected')),
      approved_sessions integer check (approved_sessions between 1 and 5),
      decision_reason text,
      requested_by uuid not null references users(id),
      requested_on date not null,
      decided_by uuid references users(id),
      decided_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index counselling_extra_family on counselling_extra_requests (family_id, year)`.execute(db);

  // B-GRP-1: next month's plan, submitted by the 15th of the month before.
  await sql`
    create table support_group_plans (
      id uuid primary key default gen_random_uuid(),
      provider_organisation_id uuid not null references organisations(id),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      status text not null default 'draft' check (status in ('draft','submitted')),
      deadline_on date not null,
      submitted_on date,
      submitted_by uuid references users(id),
      late boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (provider_organisation_id, month)
    )`.execute(db);

  // B-GRP-1..5: one meeting of a support group, from plan to attendance list.
  await sql`
    create table support_groups (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references support_group_plans(id),
      provider_organisation_id uuid not null references organisations(id),
      planned_on date not null,
      starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      planned_minutes integer not null check (planned_minutes between 15 and 600),
      online boolean not null,
      place text,
      municipality_id uuid references organisations(id),
      island boolean not null default false,
      topic text not null,
      leader_name text not null,
      leader_specialist_id uuid references provider_specialists(id),
      family_type text not null check (family_type in ('hooldus','eestkoste','lapsendaja','mixed')),
      public_info text,
      status text not null default 'planned' check (status in ('planned','approved','rejected','held','cancelled')),
      decision_reason text,
      decided_by uuid references users(id),
      decided_on date,
      small_group_approved boolean not null default false,
      small_group_reason text,
      small_group_approved_by uuid references users(id),
      small_group_approved_on date,
      held_on date,
      actual_minutes integer check (actual_minutes between 1 and 600),
      leader_signed boolean not null default false,
      attendance_file_id uuid references report_files(id),
      screenshot_file_id uuid references report_files(id),
      version integer not null default 1,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (online or place is not null)
    )`.execute(db);
  await sql`create index support_groups_provider on support_groups (provider_organisation_id, planned_on)`.execute(db);
  await sql`create index support_groups_plan on support_groups (plan_id)`.execute(db);

  await sql`
    create table support_group_participants (
      id uuid primary key default gen_random_uuid(),
      group_id uuid not null references support_groups(id),
      name text not null,
      family_id uuid references families(id),
      signature text not null check (signature in ('signed','digital','screenshot','none')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index support_group_participants_group on support_group_participants (group_id)`.execute(db);

  // B-REP-1: the monthly report; lines are kept per revision so a resubmission keeps history.
  await sql`
    create table monthly_reports (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      provider_organisation_id uuid not null references organisations(id),
      contract_id uuid references provider_contracts(id),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      status text not null default 'draft' check (status in ('draft','submitted','returned','approved')),
      revision integer not null default 1,
      due_on date not null,
      total_cents bigint not null default 0 check (total_cents >= 0),
      excluded_cents bigint not null default 0 check (excluded_cents >= 0),
      provider_note text,
      drafted_at timestamptz not null default now(),
      submitted_on date,
      submitted_by uuid references users(id),
      decided_on date,
      decided_by uuid references users(id),
      return_comment text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (provider_organisation_id, month)
    )`.execute(db);

  await sql`
    create table monthly_report_lines (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references monthly_reports(id),
      revision integer not null,
      position integer not null,
      service text not null check (service in ('family_support','mentoring','counselling','supervision','support_group')),
      family_id uuid references families(id),
      episode_id uuid references family_episodes(id),
      session_id uuid references service_sessions(id),
      group_id uuid references support_groups(id),
      specialist_id uuid references provider_specialists(id),
      occurred_on date,
      description text not null,
      quantity_milli integer not null check (quantity_milli >= 0),
      unit_cents integer not null check (unit_cents >= 0),
      amount_cents integer not null check (amount_cents >= 0),
      billable boolean not null,
      excluded_reason text,
      ska_comment text,
      check (billable = (excluded_reason is null)),
      check (billable or amount_cents = 0)
    )`.execute(db);
  await sql`create index monthly_report_lines_report on monthly_report_lines (report_id, revision, position)`.execute(db);

  // B-REP-1: each specialist's monthly report, signed by the specialist and by the recipient (family).
  await sql`
    create table monthly_report_signatures (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references monthly_reports(id),
      revision integer not null,
      signer text not null check (signer in ('specialist','recipient')),
      specialist_id uuid not null references provider_specialists(id),
      family_id uuid references families(id),
      method text not null check (method in ('signed_pdf','in_app')),
      file_id uuid references report_files(id),
      confirmed_by uuid not null references users(id),
      confirmed_at timestamptz not null default now(),
      check (method = 'in_app' or file_id is not null)
    )`.execute(db);
  await sql`create index monthly_report_signatures_report on monthly_report_signatures (report_id, revision)`.execute(db);

  await sql`
    create table monthly_report_events (
      id bigint generated always as identity primary key,
      report_id uuid not null references monthly_reports(id),
      revision integer not null,
      kind text not null,
      comment text,
      total_cents bigint,
      actor_id uuid references users(id),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index monthly_report_events_report on monthly_report_events (report_id, id)`.execute(db);

  // B-REP-2: the e-invoice issued for an approved report (one per report, for its approved total).
  await sql`
    create table e_invoices (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null unique references monthly_reports(id),
      number text not null unique,
      issued_on date not null,
      due_on date not null,
      total_cents bigint not null check (total_cents >= 0),
      ubl_xml text not null,
      issued_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);

  // B-REP-3: monitoring reports (3 January, 3 June) and the final report.
  await sql`
    create table provider_reports (
      id uuid primary key default gen_random_uuid(),
      provider_organisation_id uuid not null references organisations(id),
      contract_id uuid not null references provider_contracts(id),
      kind text not null check (kind in ('monitoring','final')),
      period_start date not null,
      period_end date not null,
      due_on date not null,
      status text not null default 'draft' check (status in ('draft','submitted')),
      figures jsonb not null default '{}'::jsonb,
      overview text,
      assessment text,
      best_practices text,
      problems text,
      measures text,
      submitted_on date,
      submitted_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (contract_id, kind, period_end),
      check (period_end >= period_start)
    )`.execute(db);
}
