import { sql, type Kysely } from 'kysely';

/**
 * Module B part 1: foster-family support (peretugi). Provider contracts and
 * specialists, families with parents, children (placements) and households,
 * referrals, service episodes, the contact log, support plans, KOV reports,
 * conflict-of-interest clearances and the family timeline.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table provider_contracts (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      provider_organisation_id uuid not null references organisations(id),
      starts_on date not null,
      ends_on date not null,
      family_support_month_cents integer not null check (family_support_month_cents >= 0),
      mentoring_session_cents integer not null check (mentoring_session_cents >= 0),
      support_group_meeting_cents integer not null check (support_group_meeting_cents >= 0),
      counselling_session_cents integer not null check (counselling_session_cents >= 0),
      notes text,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index provider_contracts_provider on provider_contracts (provider_organisation_id, starts_on)`.execute(db);

  await sql`
    create table provider_specialists (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null unique references users(id),
      provider_organisation_id uuid not null references organisations(id),
      person_id uuid not null references people(id),
      roles jsonb not null default '[]'::jsonb,
      languages jsonb not null default '[]'::jsonb,
      official_posts jsonb not null default '[]'::jsonb,
      ska_approved_on date,
      ska_approval_reference text,
      ska_approved_by uuid references users(id),
      active boolean not null default true,
      notes text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index provider_specialists_provider on provider_specialists (provider_organisation_id)`.execute(db);
  await sql`create index provider_specialists_person on provider_specialists (person_id)`.execute(db);

  await sql`
    create table specialist_documents (
      id uuid primary key default gen_random_uuid(),
      specialist_id uuid not null references provider_specialists(id),
      kind text not null check (kind in ('upload','reference')),
      title text not null,
      filename text,
      content_type text,
      size integer,
      content bytea,
      reference text,
      uploaded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index specialist_documents_specialist on specialist_documents (specialist_id, created_at)`.execute(db);

  await sql`
    create table households (
      id uuid primary key default gen_random_uuid(),
      label text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table household_members (
      household_id uuid not null references households(id),
      person_id uuid not null references people(id),
      created_at timestamptz not null default now(),
      primary key (household_id, person_id)
    )`.execute(db);
  await sql`create index household_members_person on household_members (person_id)`.execute(db);

  await sql`create sequence family_reference_seq`.execute(db);
  await sql`create sequence family_referral_reference_seq`.execute(db);

  await sql`
    create table families (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      type text not null check (type in ('hooldus','eestkoste','lapsendaja')),
      kov_organisation_id uuid not null references organisations(id),
      guardian_kov_organisation_id uuid references organisations(id),
      district text,
      language text not null default 'et' check (language in ('et','ru')),
      assessed boolean not null default true,
      kov_involvement_consent boolean not null default true,
      adoption_secrecy boolean not null default false,
      crisis_or_special_foster boolean not null default false,
      in_service_on_2022_10_31 boolean not null default false,
      intake_provider_id uuid references organisations(id),
      household_id uuid not null references households(id),
      address text,
      contact_phone text,
      contact_email text,
      notes text,
      search_text text not null,
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index families_kov on families (kov_organisation_id, created_at desc, id)`.execute(db);
  await sql`create index families_guardian_kov on families (guardian_kov_organisation_id) where guardian_kov_organisation_id is not null`.execute(db);
  await sql`create index families_intake_provider on families (intake_provider_id) where intake_provider_id is not null`.execute(db);
  await sql`create index families_household on families (household_id)`.execute(db);
  await sql`create index families_created on families (created_at desc, id desc)`.execute(db);
  await sql`create index families_search_trgm on families using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table family_parents (
      family_id uuid not null references families(id),
      person_id uuid not null references people(id),
      relation text not null default 'parent',
      created_at timestamptz not null default now(),
      primary key (family_id, person_id)
    )`.execute(db);
  await sql`create index family_parents_person on family_parents (person_id)`.execute(db);

  await sql`
    create table family_children (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references families(id),
      child_person_id uuid not null references people(id),
      arrived_on date not null,
      left_on date,
      origin_ciphertext text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (family_id, child_person_id, arrived_on),
      check (left_on is null or left_on >= arrived_on)
    )`.execute(db);
  await sql`create index family_children_person on family_children (child_person_id)`.execute(db);

  await sql`
    create table family_prior_periods (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references families(id),
      kind text not null check (kind in ('adaptation','needs_based')),
      child_person_id uuid references people(id),
      starts_on date not null,
      ends_on date not null,
      procurement text not null,
      transitional_extra boolean not null default false,
      note text,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index family_prior_periods_family on family_prior_periods (family_id)`.execute(db);

  await sql`
    create table family_agency_gaps (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references families(id),
      kind text not null check (kind in ('adaptation','needs_based')),
      child_person_id uuid references people(id),
      starts_on date not null,
      ends_on date not null,
      reason text not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index family_agency_gaps_family on family_agency_gaps (family_id)`.execute(db);

  await sql`
    create table family_referrals (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      family_id uuid not null references families(id),
      kind text not null check (kind in ('adaptation','needs_based','mentoring')),
      child_person_id uuid references people(id),
      source text not null check (source in ('kov','family')),
      status text not null check (status in ('submitted','forwarded','rejected','started','withdrawn')),
      kov_organisation_id uuid references organisations(id),
      kov_worker_id uuid references users(id),
      topics text,
      problems text,
      goals text,
      case_plan_reference text,
      preferred_provider_id uuid references organisations(id),
      request_notes text,
      submitted_on date not null,
      submitted_by uuid not null references users(id),
      check_target_group boolean,
      check_earlier_service boolean,
      check_justification boolean,
      check_notes text,
      checked_by uuid references users(id),
      checked_on date,
      rejection_reason text,
      provider_organisation_id uuid references organisations(id),
      received_on date,
      first_contact_due date,
      first_contact_on date,
      first_contact_channel text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index family_referrals_submitted on family_referrals (submitted_on desc, id desc)`.execute(db);
  await sql`create index family_referrals_family on family_referrals (family_id)`.execute(db);
  await sql`create index family_referrals_provider on family_referrals (provider_organisation_id, submitted_on desc, id)`.execute(db);
  await sql`create index family_referrals_kov on family_referrals (kov_organisation_id, submitted_on desc, id)`.execute(db);
  await sql`create index family_referrals_status on family_referrals (status, submitted_on desc, id)`.execute(db);
  await sql`create index family_referrals_first_contact on family_referrals (first_contact_due) where first_contact_on is null`.execute(db);

  await sql`
    create table family_episodes (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references families(id),
      referral_id uuid references family_referrals(id),
      kind text not null check (kind in ('adaptation','needs_based','mentoring')),
      child_person_id uuid references people(id),
      provider_organisation_id uuid not null references organisations(id),
      contract_id uuid references provider_contracts(id),
      specialist_id uuid references provider_specialists(id),
      status text not null check (status in ('pending','active','ended')),
      starts_on date not null,
      agreement_on date,
      agreement_goals text,
      agreement_activities text,
      family_activities text,
      last_contact_on date,
      last_home_visit_on date,
      next_contact_due date,
      next_home_visit_due date,
      ends_on date,
      end_reason text check (end_reason in ('goals_reached','volume_used','child_left','switch_to_adaptation','family_request','other')),
      termination_activities text,
      termination_goals_reached text,
      termination_further_needs text,
      termination_kov_recommendations text,
      termination_sent_to_kov_on date,
      continued_support boolean not null default false,
      switched_to_episode_id uuid references family_episodes(id),
      version integer not null default 1,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on)
    )`.execute(db);
  await sql`create index family_episodes_family on family_episodes (family_id, starts_on)`.execute(db);
  await sql`create index family_episodes_provider on family_episodes (provider_organisation_id, status, starts_on desc, id)`.execute(db);
  await sql`create index family_episodes_specialist on family_episodes (specialist_id, status)`.execute(db);
  await sql`create index family_episodes_list on family_episodes (starts_on desc, id desc)`.execute(db);
  await sql`create index family_episodes_next_contact on family_episodes (next_contact_due) where status = 'active'`.execute(db);
  await sql`create unique index family_episodes_referral on family_episodes (referral_id) where referral_id is not null`.execute(db);

  await sql`
    create table family_contacts (
      id uuid primary key default gen_random_uuid(),
      episode_id uuid not null references family_episodes(id),
      kind text not null check (kind in ('call','email','message','home_visit','meeting','remote_meeting','continued_support')),
      occurred_on date not null,
      duration_minutes integer not null check (duration_minutes between 0 and 1440),
      notes text,
      goal_notes jsonb not null default '[]'::jsonb,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index family_contacts_episode on family_contacts (episode_id, occurred_on desc, created_at desc)`.execute(db);

  await sql`
    create table support_plan_goals (
      id uuid primary key default gen_random_uuid(),
      episode_id uuid not null references family_episodes(id),
      text text not null,
      origin text not null check (origin in ('start','added')),
      added_on date not null,
      status text not null default 'open' check (status in ('open','reached','dropped')),
      version integer not null default 1,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index support_plan_goals_episode on support_plan_goals (episode_id, added_on)`.execute(db);

  await sql`
    create table kov_reports (
      id uuid primary key default gen_random_uuid(),
      episode_id uuid not null references family_episodes(id),
      kind text not null check (kind in ('start_notice','quarterly_overview','termination','need_notice')),
      kov_organisation_id uuid not null references organisations(id),
      period_start date,
      period_end date,
      progress text,
      difficulties text,
      includes_plan boolean not null default false,
      sent_on date not null,
      created_by uuid not null references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index kov_reports_episode on kov_reports (episode_id, sent_on)`.execute(db);
  await sql`create index kov_reports_kov on kov_reports (kov_organisation_id, sent_on desc)`.execute(db);

  await sql`
    create table coi_clearances (
      id uuid primary key default gen_random_uuid(),
      specialist_id uuid not null references provider_specialists(id),
      family_id uuid not null references families(id),
      rule text not null check (rule in ('kov_official')),
      decision text not null,
      decided_on date not null,
      decided_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      unique (specialist_id, family_id, rule)
    )`.execute(db);

  await sql`
    create table family_events (
      id bigserial primary key,
      family_id uuid not null references families(id),
      episode_id uuid references family_episodes(id),
      referral_id uuid references family_referrals(id),
      kind text not null,
      from_status text,
      to_status text,
      reason text,
      actor_id uuid references users(id),
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index family_events_family on family_events (family_id, id)`.execute(db);
}
