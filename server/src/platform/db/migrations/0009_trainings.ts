import { sql, type Kysely } from 'kysely';

/**
 * Module C (seed 004, 002 "Lastekaitsevaldkonna pädevused ja täienduskoolitused"):
 * the training catalogue (C-1), groups with their session days (C-2),
 * registrations with a waitlist (C-3), merges and cancellations (C-4),
 * attendance per session day and the feedback questionnaire (C-5).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // C-1: a training: title, curriculum, topics, target group, volume, form, provider, window.
  await sql`
    create table trainings (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      title text not null,
      curriculum text not null,
      topics jsonb not null default '[]'::jsonb,
      target_group text not null,
      eligible_organisation_ids jsonb,
      academic_hours integer not null check (academic_hours between 1 and 1000),
      days integer not null check (days between 1 and 60),
      form text not null check (form in ('in_person','online')),
      provider_organisation_id uuid not null references organisations(id),
      window_start date not null,
      window_end date not null,
      status text not null default 'draft' check (status in ('draft','published')),
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (window_end >= window_start)
    )`.execute(db);
  await sql`create index trainings_window on trainings (window_start)`.execute(db);

  // C-2: a group of a training; starts_on/ends_on are its first and last session day (kept by the service).
  await sql`
    create table training_groups (
      id uuid primary key default gen_random_uuid(),
      training_id uuid not null references trainings(id),
      number integer not null check (number between 1 and 999),
      city text,
      venue text,
      starts_on date not null,
      ends_on date not null,
      capacity_min integer not null check (capacity_min >= 1),
      capacity_max integer not null check (capacity_max <= 500),
      trainer_user_id uuid references users(id),
      registration_closes_on date not null,
      status text not null default 'scheduled' check (status in ('scheduled','cancelled','merged')),
      cancel_reason text,
      cancelled_on date,
      cancelled_by uuid references users(id),
      merged_into_group_id uuid references training_groups(id),
      underfilled_notified_on date,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (training_id, number),
      check (capacity_max >= capacity_min),
      check (ends_on >= starts_on),
      check (registration_closes_on < starts_on),
      check (status <> 'merged' or merged_into_group_id is not null)
    )`.execute(db);
  await sql`create index training_groups_starts on training_groups (starts_on)`.execute(db);
  await sql`create index training_groups_trainer on training_groups (trainer_user_id, starts_on) where trainer_user_id is not null`.execute(db);

  // C-2: the days a group meets (a 3-day training meets on 3 days, not necessarily in a row).
  await sql`
    create table training_sessions (
      id uuid primary key default gen_random_uuid(),
      group_id uuid not null references training_groups(id),
      day date not null,
      starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      ends_at text not null check (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      unique (group_id, day),
      check (ends_at > starts_at)
    )`.execute(db);

  // C-3: one place per person per training (confirmed or on the waitlist); queue_no is the order of registration.
  await sql`
    create table training_registrations (
      id uuid primary key default gen_random_uuid(),
      queue_no bigint generated always as identity,
      training_id uuid not null references trainings(id),
      group_id uuid not null references training_groups(id),
      user_id uuid not null references users(id),
      organisation_id uuid not null references organisations(id),
      registered_by uuid not null references users(id),
      status text not null check (status in ('confirmed','waitlisted','cancelled','released')),
      registered_at timestamptz not null default now(),
      confirmed_at timestamptz,
      cancelled_at timestamptz,
      cancelled_by uuid references users(id),
      cancel_reason text,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (queue_no)
    )`.execute(db);
  await sql`create unique index training_registrations_one_place on training_registrations (training_id, user_id) where status in ('confirmed','waitlisted')`.execute(db);
  await sql`create index training_registrations_group on training_registrations (group_id, status, queue_no)`.execute(db);
  await sql`create index training_registrations_organisation on training_registrations (organisation_id, queue_no)`.execute(db);
  await sql`create index training_registrations_user on training_registrations (user_id)`.execute(db);

  // C-5: attendance per session day, taken by the trainer.
  await sql`
    create table training_attendance (
      registration_id uuid not null references training_registrations(id),
      session_id uuid not null references training_sessions(id),
      status text not null check (status in ('present','partial','absent')),
      recorded_by uuid not null references users(id),
      recorded_at timestamptz not null default now(),
      primary key (registration_id, session_id)
    )`.execute(db);
  await sql`create index training_attendance_session on training_attendance (session_id)`.execute(db);

  // C-5: the feedback questionnaire, once per registration; answers are only ever shown summarised.
  await sql`
    create table training_feedback (
      id uuid primary key default gen_random_uuid(),
      registration_id uuid not null unique references training_registrations(id),
      group_id uuid not null references training_groups(id),
      overall smallint not null check (overall between 1 and 5),
      content smallint not null check (content between 1 and 5),
      trainer smallint not null check (trainer between 1 and 5),
      usefulness smallint not null check (usefulness between 1 and 5),
      organisation smallint not null check (organisation between 1 and 5),
      recommend boolean not null,
      most_useful text,
      improve text,
      submitted_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index training_feedback_group on training_feedback (group_id)`.execute(db);
}
