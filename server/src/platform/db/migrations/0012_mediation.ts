import { sql, type Kysely } from 'kysely';

/**
 * Module E (seed 000 activity 2.5, SPEC §8): family mediation and self-service.
 * Mediators (E-ASSIGN), proceedings with their parties' profile (E-PROFILE),
 * weekly availability and leave, bookings that can never overlap (E-BOOK),
 * secure correspondence with read receipts and encrypted files (E-MSG), and
 * parenting agreements with the population-register outbox (E-REG).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // E-BOOK: the exclusion constraint below needs equality on uuid in a GiST index.
  await sql`create extension if not exists btree_gist`.execute(db);

  // E-ASSIGN: who mediates where, in which languages; E-BOOK: their session length and buffer.
  await sql`
    create table mediators (
      user_id uuid primary key references users(id),
      regions text[] not null default '{}',
      languages text[] not null default '{et}',
      session_minutes integer not null default 90 check (session_minutes between 30 and 240),
      buffer_minutes integer not null default 15 check (buffer_minutes between 0 and 120),
      accepting boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  // E-PROFILE: the proceedings data; status is E-PROVIDER's state of the proceeding.
  await sql`create sequence mediation_reference_seq`.execute(db);
  await sql`
    create table mediation_proceedings (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      status text not null default 'referred'
        check (status in ('referred','first_meeting_booked','in_mediation','agreement','ended_without_agreement')),
      referred_by text not null check (referred_by in ('court','kov','ska','parents','other')),
      referrer_name text,
      referred_on date not null,
      topics text[] not null default '{}',
      description text not null,
      language text not null check (language in ('et','ru','en')),
      mediator_id uuid references users(id),
      assigned_at timestamptz,
      assignment_reason text check (assignment_reason in ('preferred','automatic','ska')),
      refused_mediator_ids uuid[] not null default '{}',
      notes text,
      ended_on date,
      end_reason text,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mediation_proceedings_mediator on mediation_proceedings (mediator_id, status) where mediator_id is not null`.execute(db);
  await sql`create index mediation_proceedings_status on mediation_proceedings (status, referred_on desc, id desc)`.execute(db);
  await sql`create index mediation_proceedings_referred on mediation_proceedings (referred_on desc, id desc)`.execute(db);

  // E-PROFILE: both parents (general data from the person registry; residence and contact here)
  // and the children concerned; E-ASSIGN: each parent's application with consent and preference.
  await sql`
    create table mediation_parties (
      id uuid primary key default gen_random_uuid(),
      proceeding_id uuid not null references mediation_proceedings(id),
      person_id uuid not null references people(id),
      role text not null check (role in ('parent','child')),
      position integer not null default 0,
      address text,
      kov_organisation_id uuid references organisations(id),
      phone text,
      email text,
      consented_at timestamptz,
      preferred_mediator_id uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (proceeding_id, person_id)
    )`.execute(db);
  await sql`create index mediation_parties_person on mediation_parties (person_id)`.execute(db);

  // E-BOOK: weekly availability (Tallinn wall clock) and whole days off (leave).
  await sql`
    create table mediation_availability (
      id uuid primary key default gen_random_uuid(),
      mediator_id uuid not null references users(id),
      weekday integer not null check (weekday between 1 and 7),
      starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      ends_at text not null check (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      valid_from date not null,
      valid_to date,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index mediation_availability_mediator on mediation_availability (mediator_id, weekday)`.execute(db);
  await sql`
    create table mediation_leave (
      id uuid primary key default gen_random_uuid(),
      mediator_id uuid not null references users(id),
      starts_on date not null,
      ends_on date not null,
      note text,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index mediation_leave_mediator on mediation_leave (mediator_id, ends_on)`.execute(db);

  // E-BOOK: a session with the mediator. The exclusion constraint makes two live bookings of one
  // mediator that overlap (buffer after the session included) impossible, whatever the application does.
  await sql`
    create table mediation_bookings (
      id uuid primary key default gen_random_uuid(),
      proceeding_id uuid not null references mediation_proceedings(id),
      mediator_id uuid not null references users(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      blocked_until timestamptz not null,
      status text not null default 'booked' check (status in ('booked','held','no_show','cancelled','rescheduled')),
      booked_by uuid not null references users(id),
      cancelled_at timestamptz,
      cancelled_by uuid references users(id),
      cancel_reason text,
      replaced_by_id uuid references mediation_bookings(id),
      reminded_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      check (blocked_until >= ends_at),
      constraint mediation_bookings_no_overlap exclude using gist (mediator_id with =, tstzrange(starts_at, blocked_until) with &&)
        where (status in ('booked','held','no_show'))
    )`.execute(db);
  await sql`create index mediation_bookings_proceeding on mediation_bookings (proceeding_id, starts_at)`.execute(db);
  await sql`create index mediation_bookings_mediator on mediation_bookings (mediator_id, starts_at)`.execute(db);
  await sql`create index mediation_bookings_reminders on mediation_bookings (starts_at) where status = 'booked' and reminded_at is null`.execute(db);

  // E-MSG: threads per proceeding, messages and administrative decisions, encrypted files, read receipts.
  await sql`
    create table mediation_threads (
      id uuid primary key default gen_random_uuid(),
      proceeding_id uuid not null references mediation_proceedings(id),
      subject text not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      last_message_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mediation_threads_proceeding on mediation_threads (proceeding_id, last_message_at desc)`.execute(db);
  await sql`
    create table mediation_messages (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references mediation_threads(id),
      proceeding_id uuid not null references mediation_proceedings(id),
      author_id uuid not null references users(id),
      kind text not null default 'message' check (kind in ('message','decision')),
      body text not null,
      decision_number text,
      created_at timestamptz not null default now(),
      check (kind <> 'decision' or decision_number is not null)
    )`.execute(db);
  await sql`create index mediation_messages_thread on mediation_messages (thread_id, created_at)`.execute(db);
  await sql`
    create table mediation_files (
      id uuid primary key default gen_random_uuid(),
      proceeding_id uuid not null references mediation_proceedings(id),
      message_id uuid references mediation_messages(id),
      filename text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      ciphertext bytea not null,
      uploaded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mediation_files_message on mediation_files (message_id) where message_id is not null`.execute(db);
  await sql`
    create table mediation_message_reads (
      message_id uuid not null references mediation_messages(id),
      user_id uuid not null references users(id),
      read_at timestamptz not null default now(),
      primary key (message_id, user_id)
    )`.execute(db);

  // E-REG: the parenting agreement and its delivery to the population register, once per agreement.
  await sql`
    create table mediation_agreements (
      id uuid primary key default gen_random_uuid(),
      proceeding_id uuid not null unique references mediation_proceedings(id),
      concluded_on date not null,
      custody text not null check (custody in ('ends_joint','changes_joint','unchanged')),
      child_person_ids uuid[] not null,
      summary text not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table mediation_register_outbox (
      id uuid primary key default gen_random_uuid(),
      agreement_id uuid not null unique references mediation_agreements(id),
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending','sending','delivered','failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_attempt_at timestamptz,
      last_error text,
      delivered_at timestamptz,
      register_reference text,
      duplicate boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index mediation_register_outbox_due on mediation_register_outbox (next_attempt_at) where status in ('pending','sending')`.execute(db);
}
