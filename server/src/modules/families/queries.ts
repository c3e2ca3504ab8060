import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { contractScope, episodeScope, familyScope, referralScope, specialistScope, type Action } from '../../platform/policy/policy.js';
import { newestFirstPage } from '../../platform/http/index.js';
import { normaliseName } from '../people/rules.js';
import type { FamilyFacts } from './volume.js';
import type { EpisodeStatus, FamilyType, ReferralStatus, SupportKind } from './tables.js';

type Db = Kysely<DB>;
type Page = { limit: number; cursor?: string | undefined };
const like = (needle: string) => `%${needle.replace(/[\\%_]/g, '\\$&')}%`;

/** The family's parents as one line, for list rows that join `families`. */
const parentNames = sql<string | null>`(select string_agg(p.first_name || ' ' || p.last_name, ', ' order by p.last_name, p.first_name) from family_parents fp join people p on p.id = fp.person_id where fp.family_id = families.id)`;

// --- Families -----------------------------------------------------------------------

export interface FamilyFilter {
  type?: FamilyType | undefined;
  kovId?: string | undefined;
  providerId?: string | undefined;
  language?: 'et' | 'ru' | undefined;
  q?: string | undefined;
}

export function selectFamilies(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('families')
    .innerJoin('organisations as kov', 'kov.id', 'families.kov_organisation_id')
    .select([
      'families.id',
      'families.reference',
      'families.type',
      'families.language',
      'families.assessed',
      'families.adoption_secrecy',
      'families.kov_involvement_consent',
      'families.kov_organisation_id',
      'families.district',
      'families.created_at',
      'families.version',
      'kov.name as kov_name',
      'kov.county as kov_county',
      parentNames.as('parent_names'),
      sql<string | null>`(select min(fp.person_id::text) from family_parents fp where fp.family_id = families.id)`.as('first_parent_id'),
      sql<number>`(select count(*)::int from family_children fc where fc.family_id = families.id and fc.left_on is null)`.as('children_count'),
      sql<number>`(select count(*)::int from family_episodes fe where fe.family_id = families.id and fe.status <> 'ended')`.as('running_episodes'),
    ])
    .where(familyScope(actor, action));
}

export type FamilyListRow = Awaited<ReturnType<ReturnType<typeof selectFamilies>['executeTakeFirstOrThrow']>>;

function filteredFamilies(db: Db, actor: Actor, filter: FamilyFilter) {
  let query = selectFamilies(db, actor);
  if (filter.type) query = query.where('families.type', '=', filter.type);
  if (filter.kovId) query = query.where('families.kov_organisation_id', '=', filter.kovId);
  if (filter.language) query = query.where('families.language', '=', filter.language);
  if (filter.providerId) {
    const providerId = filter.providerId;
    query = query.where((eb) =>
      eb.or([
        eb('families.intake_provider_id', '=', providerId),
        eb.exists(eb.selectFrom('family_episodes as fe').select(sql`1`.as('one')).whereRef('fe.family_id', '=', 'families.id').where('fe.provider_organisation_id', '=', providerId)),
      ]),
    );
  }
  if (filter.q) {
    const needle = normaliseName(filter.q);
    if (needle) query = query.where((eb) => eb.or([eb('families.search_text', 'like', like(needle)), eb(sql`word_similarity(${needle}, families.search_text)`, '>', 0.4)]));
  }
  return query;
}

export async function listFamilies(db: Db, actor: Actor, filter: FamilyFilter, page: Page) {
  return newestFirstPage(filteredFamilies(db, actor, filter), { date: 'families.created_at', id: 'families.id', dateType: 'timestamptz' }, page, (r) => [r.created_at.toISOString(), r.id]);
}

export function exportFamilies(db: Db, actor: Actor, filter: FamilyFilter, limit: number) {
  return filteredFamilies(db, actor, filter).orderBy('families.created_at', 'desc').orderBy('families.id', 'desc').limit(limit).execute();
}

export function findFamily(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('families').selectAll().where('families.id', '=', id).where(familyScope(actor, action)).executeTakeFirst();
}

export type FamilyRecord = NonNullable<Awaited<ReturnType<typeof findFamily>>>;

export function parentsOf(db: Db, familyId: string) {
  return db
    .selectFrom('family_parents')
    .innerJoin('people', 'people.id', 'family_parents.person_id')
    .select(['people.id as person_id', 'people.first_name', 'people.last_name', 'people.personal_code', 'people.birth_date', 'family_parents.relation'])
    .where('family_parents.family_id', '=', familyId)
    .orderBy('family_parents.created_at')
    .execute();
}

export function childrenOf(db: Db, familyId: string) {
  return db
    .selectFrom('family_children')
    .innerJoin('people', 'people.id', 'family_children.child_person_id')
    .select([
      'family_children.id',
      'family_children.child_person_id',
      'family_children.arrived_on',
      'family_children.left_on',
      'family_children.origin_ciphertext',
      'family_children.version',
      'people.first_name',
      'people.last_name',
      'people.personal_code',
      'people.birth_date',
    ])
    .where('family_children.family_id', '=', familyId)
    .orderBy('family_children.arrived_on')
    .execute();
}

export function householdMembersOf(db: Db, householdId: string) {
  return db
    .selectFrom('household_members')
    .innerJoin('people', 'people.id', 'household_members.person_id')
    .select(['people.id as person_id', 'people.first_name', 'people.last_name', 'people.birth_date'])
    .where('household_members.household_id', '=', householdId)
    .orderBy('people.last_name')
    .execute();
}

/** Everything the volume rules read about a family (volume.ts). */
export async function familyFacts(db: Db, family: { id: string; in_service_on_2022_10_31: boolean }): Promise<FamilyFacts> {
  const [placements, prior, gaps, episodes] = await Promise.all([
    db.selectFrom('family_children').select(['child_person_id', 'arrived_on', 'left_on']).where('family_id', '=', family.id).execute(),
    db.selectFrom('family_prior_periods').select(['kind', 'child_person_id', 'starts_on', 'ends_on', 'transitional_extra']).where('family_id', '=', family.id).execute(),
    db.selectFrom('family_agency_gaps').select(['kind', 'child_person_id', 'starts_on', 'ends_on']).where('family_id', '=', family.id).execute(),
    db.selectFrom('family_episodes').select(['id', 'kind', 'child_person_id', 'status', 'starts_on', 'ends_on']).where('family_id', '=', family.id).execute(),
  ]);
  return {
    inServiceOn20221031: family.in_service_on_2022_10_31,
    placements: placements.map((p) => ({ childPersonId: p.child_person_id, arrivedOn: p.arrived_on, leftOn: p.left_on })),
    priorPeriods: prior.map((p) => ({ kind: p.kind, childPersonId: p.child_person_id, from: p.starts_on, to: p.ends_on, transitionalExtra: p.transitional_extra })),
    agencyGaps: gaps.map((g) => ({ kind: g.kind, childPersonId: g.child_person_id, from: g.starts_on, to: g.ends_on })),
    episodes: episodes.map((e) => ({ id: e.id, kind: e.kind, childPersonId: e.child_person_id, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on })),
  };
}

/** The providers that serve (or served, or were sent) a family: who may see its secret data. */
export async function familyProviderIds(db: Db, familyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('family_referrals')
    .select('provider_organisation_id as id')
    .where('family_id', '=', familyId)
    .where('provider_organisation_id', 'is not', null)
    .union(db.selectFrom('family_episodes').select('provider_organisation_id as id').where('family_id', '=', familyId))
    .union(db.selectFrom('families').select('intake_provider_id as id').where('id', '=', familyId).where('intake_provider_id', 'is not', null))
    .execute();
  return rows.map((r) => r.id).filter((id): id is string => Boolean(id));
}

export function priorPeriodsOf(db: Db, familyId: string) {
  return db.selectFrom('family_prior_periods').selectAll().where('family_id', '=', familyId).orderBy('starts_on').execute();
}

export function agencyGapsOf(db: Db, familyId: string) {
  return db.selectFrom('family_agency_gaps').selectAll().where('family_id', '=', familyId).orderBy('starts_on').execute();
}

export function familyEventsOf(db: Db, familyId: string) {
  return db
    .selectFrom('family_events')
    .leftJoin('users', 'users.id', 'family_events.actor_id')
    .select(['family_events.id', 'family_events.kind', 'family_events.episode_id', 'family_events.referral_id', 'family_events.from_status', 'family_events.to_status', 'family_events.reason', 'family_events.at', 'users.name as author'])
    .where('family_events.family_id', '=', familyId)
    .orderBy('family_events.id')
    .execute();
}

// --- Referrals ---------------------------------------------------------------------------

export interface ReferralFilter {
  status?: ReferralStatus | undefined;
  kind?: SupportKind | undefined;
  providerId?: string | undefined;
  kovId?: string | undefined;
  familyId?: string | undefined;
  overdueFirstContact?: boolean | undefined;
  q?: string | undefined;
}

export function selectReferrals(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('family_referrals')
    .innerJoin('families', 'families.id', 'family_referrals.family_id')
    .innerJoin('organisations as family_kov', 'family_kov.id', 'families.kov_organisation_id')
    .leftJoin('organisations as kov', 'kov.id', 'family_referrals.kov_organisation_id')
    .leftJoin('organisations as provider', 'provider.id', 'family_referrals.provider_organisation_id')
    .leftJoin('organisations as preferred', 'preferred.id', 'family_referrals.preferred_provider_id')
    .leftJoin('people as child', 'child.id', 'family_referrals.child_person_id')
    .select([
      'family_referrals.id',
      'family_referrals.reference',
      'family_referrals.family_id',
      'family_referrals.kind',
      'family_referrals.source',
      'family_referrals.status',
      'family_referrals.submitted_on',
      'family_referrals.received_on',
      'family_referrals.first_contact_due',
      'family_referrals.first_contact_on',
      'family_referrals.provider_organisation_id',
      'family_referrals.child_person_id',
      'family_referrals.version',
      'families.reference as family_reference',
      'families.type as family_type',
      'families.kov_organisation_id as family_kov_id',
      'family_kov.name as family_kov_name',
      'kov.name as kov_name',
      'provider.name as provider_name',
      'preferred.name as preferred_provider_name',
      'child.first_name as child_first_name',
      'child.last_name as child_last_name',
    ])
    .where(referralScope(actor, action));
}

export type ReferralListRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>['executeTakeFirstOrThrow']>>;

function filteredReferrals(db: Db, actor: Actor, filter: ReferralFilter, today: string) {
  let query = selectReferrals(db, actor);
  if (filter.status) query = query.where('family_referrals.status', '=', filter.status);
  if (filter.kind) query = query.where('family_referrals.kind', '=', filter.kind);
  if (filter.providerId) query = query.where('family_referrals.provider_organisation_id', '=', filter.providerId);
  if (filter.kovId) query = query.where((eb) => eb.or([eb('family_referrals.kov_organisation_id', '=', filter.kovId!), eb('families.kov_organisation_id', '=', filter.kovId!)]));
  if (filter.familyId) query = query.where('family_referrals.family_id', '=', filter.familyId);
  if (filter.overdueFirstContact) query = query.where('family_referrals.first_contact_on', 'is', null).where('family_referrals.first_contact_due', '<', today).where('family_referrals.status', 'in', ['forwarded', 'started']);
  if (filter.q) {
    const needle = normaliseName(filter.q);
    if (needle) query = query.where((eb) => eb.or([eb('families.search_text', 'like', like(needle)), eb(sql`lower(family_referrals.reference)`, '=', filter.q!.trim().toLowerCase())]));
  }
  return query;
}

/** Newest first; `overdueFirstContact` narrows to the late first contacts (B-START). */
export async function listReferrals(db: Db, actor: Actor, filter: ReferralFilter, page: Page, today: string) {
  return newestFirstPage(filteredReferrals(db, actor, filter, today), { date: 'family_referrals.submitted_on', id: 'family_referrals.id', dateType: 'date' }, page, (r) => [r.submitted_on, r.id]);
}

export function exportReferrals(db: Db, actor: Actor, filter: ReferralFilter, limit: number, today: string) {
  return filteredReferrals(db, actor, filter, today).orderBy('family_referrals.submitted_on', 'desc').orderBy('family_referrals.id', 'desc').limit(limit).execute();
}

export function findReferral(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('family_referrals').selectAll().where('family_referrals.id', '=', id).where(referralScope(actor, action)).executeTakeFirst();
}

export type ReferralRecord = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

// --- Episodes --------------------------------------------------------------------------------

export interface EpisodeFilter {
  view?: 'mine' | 'all' | undefined;
  status?: EpisodeStatus | 'running' | undefined;
  kind?: SupportKind | undefined;
  providerId?: string | undefined;
  specialistId?: string | undefined;
  familyId?: string | undefined;
  kovId?: string | undefined;
  compliance?: 'red' | 'amber' | 'green' | undefined;
  endedFrom?: string | undefined;
  endedTo?: string | undefined;
}

export function selectEpisodes(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('family_episodes')
    .innerJoin('families', 'families.id', 'family_episodes.family_id')
    .innerJoin('organisations as provider', 'provider.id', 'family_episodes.provider_organisation_id')
    .innerJoin('organisations as kov', 'kov.id', 'families.kov_organisation_id')
    .leftJoin('provider_specialists as specialist', 'specialist.id', 'family_episodes.specialist_id')
    .leftJoin('users as specialist_user', 'specialist_user.id', 'specialist.user_id')
    .leftJoin('people as child', 'child.id', 'family_episodes.child_person_id')
    .leftJoin('family_referrals as referral', 'referral.id', 'family_episodes.referral_id')
    .select([
      'family_episodes.id',
      'family_episodes.family_id',
      'family_episodes.kind',
      'family_episodes.status',
      'family_episodes.starts_on',
      'family_episodes.agreement_on',
      'family_episodes.ends_on',
      'family_episodes.end_reason',
      'family_episodes.last_contact_on',
      'family_episodes.next_contact_due',
      'family_episodes.next_home_visit_due',
      'family_episodes.specialist_id',
      'family_episodes.provider_organisation_id',
      'family_episodes.child_person_id',
      'family_episodes.continued_support',
      'family_episodes.version',
      'families.reference as family_reference',
      'families.type as family_type',
      'families.language as family_language',
      'families.kov_organisation_id',
      'families.in_service_on_2022_10_31',
      'kov.name as kov_name',
      'provider.name as provider_name',
      'specialist_user.name as specialist_name',
      'child.first_name as child_first_name',
      'child.last_name as child_last_name',
      'referral.first_contact_due',
      'referral.first_contact_on',
      parentNames.as('parent_names'),
    ])
    .where(episodeScope(actor, action));
}

export type EpisodeListRow = Awaited<ReturnType<ReturnType<typeof selectEpisodes>['executeTakeFirstOrThrow']>>;

/** B-FREQ in SQL from the stored due dates (the same rule as contactCompliance, recomputed at every write). */
function complianceSql(colour: 'red' | 'amber' | 'green', today: string) {
  const contactWarn = sql`${today}::date + 2`;
  const homeWarn = sql`${today}::date + 7`;
  if (colour === 'red') return sql<boolean>`(family_episodes.next_contact_due < ${today}::date or family_episodes.next_home_visit_due < ${today}::date)`;
  const notRed = sql`family_episodes.next_contact_due >= ${today}::date and family_episodes.next_home_visit_due >= ${today}::date`;
  const soon = sql`(family_episodes.next_contact_due <= ${contactWarn} or family_episodes.next_home_visit_due <= ${homeWarn})`;
  return colour === 'amber' ? sql<boolean>`(${notRed} and ${soon})` : sql<boolean>`(${notRed} and not ${soon})`;
}

function filteredEpisodes(db: Db, actor: Actor, filter: EpisodeFilter, today: string) {
  let query = selectEpisodes(db, actor);
  if (filter.view === 'mine') query = query.where('specialist.user_id', '=', actor.userId);
  if (filter.status === 'running') query = query.where('family_episodes.status', '!=', 'ended');
  else if (filter.status) query = query.where('family_episodes.status', '=', filter.status);
  if (filter.kind) query = query.where('family_episodes.kind', '=', filter.kind);
  if (filter.providerId) query = query.where('family_episodes.provider_organisation_id', '=', filter.providerId);
  if (filter.specialistId) query = query.where('family_episodes.specialist_id', '=', filter.specialistId);
  if (filter.familyId) query = query.where('family_episodes.family_id', '=', filter.familyId);
  if (filter.kovId) query = query.where('families.kov_organisation_id', '=', filter.kovId);
  if (filter.endedFrom) query = query.where('family_episodes.ends_on', '>=', filter.endedFrom);
  if (filter.endedTo) query = query.where('family_episodes.ends_on', '<=', filter.endedTo);
  if (filter.compliance) query = query.where('family_episodes.status', '=', 'active').where(complianceSql(filter.compliance, today));
  return query;
}

export async function listEpisodes(db: Db, actor: Actor, filter: EpisodeFilter, page: Page, today: string) {
  return newestFirstPage(filteredEpisodes(db, actor, filter, today), { date: 'family_episodes.starts_on', id: 'family_episodes.id', dateType: 'date' }, page, (r) => [r.starts_on, r.id]);
}

export function exportEpisodes(db: Db, actor: Actor, filter: EpisodeFilter, limit: number, today: string) {
  return filteredEpisodes(db, actor, filter, today).orderBy('family_episodes.starts_on', 'desc').orderBy('family_episodes.id', 'desc').limit(limit).execute();
}

export function findEpisode(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('family_episodes').selectAll().where('family_episodes.id', '=', id).where(episodeScope(actor, action)).executeTakeFirst();
}

export type EpisodeRecord = NonNullable<Awaited<ReturnType<typeof findEpisode>>>;

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** The names beside an episode: provider, KOV, specialist and child (for the episode page and its documents). */
export function episodeParties(db: Db, e: Pick<EpisodeRecord, 'provider_organisation_id' | 'specialist_id' | 'child_person_id'>, kovOrganisationId: string) {
  return db
    .selectFrom('organisations as provider')
    .innerJoin('organisations as kov', (j) => j.on('kov.id', '=', kovOrganisationId))
    .leftJoin('provider_specialists as s', (j) => j.on('s.id', '=', e.specialist_id ?? NO_ID))
    .leftJoin('users as su', 'su.id', 's.user_id')
    .leftJoin('people as child', (j) => j.on('child.id', '=', e.child_person_id ?? NO_ID))
    .select(['provider.name as provider_name', 'kov.name as kov_name', 'su.name as specialist_name', 'child.first_name', 'child.last_name', 'child.birth_date'])
    .where('provider.id', '=', e.provider_organisation_id)
    .executeTakeFirstOrThrow();
}

export function contactsOf(db: Db, episodeId: string) {
  return db
    .selectFrom('family_contacts')
    .innerJoin('users', 'users.id', 'family_contacts.created_by')
    .select(['family_contacts.id', 'family_contacts.kind', 'family_contacts.occurred_on', 'family_contacts.duration_minutes', 'family_contacts.notes', 'family_contacts.goal_notes', 'family_contacts.created_at', 'users.name as author'])
    .where('family_contacts.episode_id', '=', episodeId)
    .orderBy('family_contacts.occurred_on', 'desc')
    .orderBy('family_contacts.created_at', 'desc')
    .execute();
}

export function goalsOf(db: Db, episodeId: string) {
  return db.selectFrom('support_plan_goals').selectAll().where('episode_id', '=', episodeId).orderBy('added_on').orderBy('created_at').execute();
}

export function kovReportsOf(db: Db, episodeId: string) {
  return db
    .selectFrom('kov_reports')
    .innerJoin('organisations', 'organisations.id', 'kov_reports.kov_organisation_id')
    .innerJoin('users', 'users.id', 'kov_reports.created_by')
    .select([
      'kov_reports.id',
      'kov_reports.kind',
      'kov_reports.period_start',
      'kov_reports.period_end',
      'kov_reports.progress',
      'kov_reports.difficulties',
      'kov_reports.includes_plan',
      'kov_reports.sent_on',
      'organisations.name as kov_name',
      'users.name as author',
    ])
    .where('kov_reports.episode_id', '=', episodeId)
    .orderBy('kov_reports.sent_on')
    .orderBy('kov_reports.created_at')
    .execute();
}

// --- Specialists and contracts ------------------------------------------------------------------

export function selectSpecialists(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('provider_specialists')
    .innerJoin('users', 'users.id', 'provider_specialists.user_id')
    .innerJoin('organisations as provider', 'provider.id', 'provider_specialists.provider_organisation_id')
    .select([
      'provider_specialists.id',
      'provider_specialists.user_id',
      'provider_specialists.provider_organisation_id',
      'provider_specialists.person_id',
      'provider_specialists.roles',
      'provider_specialists.languages',
      'provider_specialists.official_posts',
      'provider_specialists.ska_approved_on',
      'provider_specialists.ska_approval_reference',
      'provider_specialists.active',
      'provider_specialists.notes',
      'provider_specialists.version',
      'users.name',
      'users.email',
      'provider.name as provider_name',
      sql<number>`(select count(*)::int from family_episodes fe where fe.specialist_id = provider_specialists.id and fe.status <> 'ended')`.as('running_episodes'),
    ])
    .where(specialistScope(actor, action));
}

export type SpecialistRow = Awaited<ReturnType<ReturnType<typeof selectSpecialists>['executeTakeFirstOrThrow']>>;

export function findSpecialist(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return selectSpecialists(db, actor, action).where('provider_specialists.id', '=', id).executeTakeFirst();
}

export function specialistDocumentsOf(db: Db, specialistId: string) {
  return db
    .selectFrom('specialist_documents')
    .innerJoin('users', 'users.id', 'specialist_documents.uploaded_by')
    .select(['specialist_documents.id', 'specialist_documents.kind', 'specialist_documents.title', 'specialist_documents.filename', 'specialist_documents.size', 'specialist_documents.reference', 'specialist_documents.created_at', 'users.name as uploaded_by_name'])
    .where('specialist_documents.specialist_id', '=', specialistId)
    .orderBy('specialist_documents.created_at')
    .execute();
}

export function selectContracts(db: Db, actor: Actor, action: Action = 'read') {
  return db
    .selectFrom('provider_contracts')
    .innerJoin('organisations as provider', 'provider.id', 'provider_contracts.provider_organisation_id')
    .selectAll('provider_contracts')
    .select('provider.name as provider_name')
    .where(contractScope(actor, action));
}

export type ContractRow = Awaited<ReturnType<ReturnType<typeof selectContracts>['executeTakeFirstOrThrow']>>;

/** The contract of a provider in force on a day, if any. */
export function contractOn(db: Db, providerId: string, on: string) {
  return db
    .selectFrom('provider_contracts')
    .select(['id', 'reference'])
    .where('provider_organisation_id', '=', providerId)
    .where('starts_on', '<=', on)
    .where('ends_on', '>=', on)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
}
