import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { newestFirstPage } from '../../platform/http/index.js';
import {
  mediationBookingScope,
  mediationMessageScope,
  mediationProceedingScope,
  mediationProceedingVisible,
  registerDeliveryScope,
  type Action,
} from '../../platform/policy/policy.js';
import type { MediationStatus } from './tables.js';
import { OPEN_STATUSES, type MediatorCandidate } from './rules.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Every read of module E applies the policy's row scope in SQL (a row outside it answers 404). */
export async function findProceeding(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return db
    .selectFrom('mediation_proceedings')
    .leftJoin('users as m', 'm.id', 'mediation_proceedings.mediator_id')
    .selectAll('mediation_proceedings')
    .select('m.name as mediator_name')
    .where('mediation_proceedings.id', '=', id)
    .where(mediationProceedingScope(actor, action))
    .executeTakeFirst();
}
export type ProceedingRow = NonNullable<Awaited<ReturnType<typeof findProceeding>>>;

/** The parties with their registry identity, residence KOV and county, and the users that are them (self-service). */
export async function partiesOf(db: Db, proceedingIds: readonly string[]) {
  if (proceedingIds.length === 0) return [];
  return db
    .selectFrom('mediation_parties')
    .innerJoin('people', 'people.id', 'mediation_parties.person_id')
    .leftJoin('organisations as kov', 'kov.id', 'mediation_parties.kov_organisation_id')
    .selectAll('mediation_parties')
    .select(['people.first_name', 'people.last_name', 'people.personal_code', 'people.birth_date', 'kov.name as kov_name', 'kov.county as kov_county'])
    .where('mediation_parties.proceeding_id', 'in', proceedingIds)
    .orderBy('mediation_parties.position')
    .orderBy('mediation_parties.id')
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof partiesOf>>[number];

export interface ProceedingFilter {
  status?: MediationStatus | 'open' | undefined;
  mediatorId?: string | undefined;
}

/** E-PROVIDER: proceedings in scope, newest referral first (keyset), with parents, children and the next session. */
export async function listProceedings(db: Db, actor: Actor, filter: ProceedingFilter, page: { limit: number; cursor?: string | undefined }) {
  let q = db
    .selectFrom('mediation_proceedings')
    .leftJoin('users as m', 'm.id', 'mediation_proceedings.mediator_id')
    .select([
      'mediation_proceedings.id',
      'mediation_proceedings.reference',
      'mediation_proceedings.status',
      'mediation_proceedings.referred_by',
      'mediation_proceedings.referred_on',
      'mediation_proceedings.language',
      'mediation_proceedings.topics',
      'mediation_proceedings.mediator_id',
      'm.name as mediator_name',
    ])
    .select(
      sql<string | null>`(select min(b.starts_at) from mediation_bookings b where b.proceeding_id = mediation_proceedings.id and b.status = 'booked')`.as('next_session_at'),
    )
    .where(mediationProceedingScope(actor));
  if (filter.status === 'open') q = q.where('mediation_proceedings.status', 'in', [...OPEN_STATUSES]);
  else if (filter.status) q = q.where('mediation_proceedings.status', '=', filter.status);
  if (filter.mediatorId) q = q.where('mediation_proceedings.mediator_id', '=', filter.mediatorId);
  return newestFirstPage(q, { date: 'mediation_proceedings.referred_on', id: 'mediation_proceedings.id', dateType: 'date' }, page, (r) => [r.referred_on, r.id]);
}

/** Active mediators with their workload (open proceedings), for E-ASSIGN. */
export async function mediatorCandidates(db: Db): Promise<MediatorCandidate[]> {
  const rows = await db
    .selectFrom('mediators')
    .innerJoin('users', 'users.id', 'mediators.user_id')
    .select(['mediators.user_id as id', 'users.name', 'mediators.regions', 'mediators.languages', 'mediators.accepting'])
    .select(
      sql<number>`(select count(*)::int from mediation_proceedings p where p.mediator_id = mediators.user_id and p.status in ('referred','first_meeting_booked','in_mediation'))`.as('open_proceedings'),
    )
    .where('users.active', '=', true)
    .where('users.role', '=', 'mediator')
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, regions: r.regions, languages: r.languages, accepting: r.accepting, openProceedings: r.open_proceedings }));
}

export async function mediatorProfile(db: Db, userId: string) {
  return db
    .selectFrom('mediators')
    .innerJoin('users', 'users.id', 'mediators.user_id')
    .selectAll('mediators')
    .select(['users.name', 'users.email', 'users.locale'])
    .where('mediators.user_id', '=', userId)
    .executeTakeFirst();
}

export async function weeklyWindows(db: Db, mediatorId: string) {
  return db.selectFrom('mediation_availability').selectAll().where('mediator_id', '=', mediatorId).orderBy('weekday').orderBy('starts_at').execute();
}

export async function leaveOf(db: Db, mediatorId: string, fromDay: string) {
  return db.selectFrom('mediation_leave').selectAll().where('mediator_id', '=', mediatorId).where('ends_on', '>=', fromDay).orderBy('starts_on').execute();
}

/** A mediator's live sessions (booked, held, no-show) touching an interval: what a new booking must not overlap. */
export async function takenTimes(db: Db, mediatorId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('mediation_bookings')
    .select(['starts_at', 'blocked_until'])
    .where('mediator_id', '=', mediatorId)
    .where('status', 'in', ['booked', 'held', 'no_show'])
    .where('starts_at', '<', to)
    .where('blocked_until', '>', from)
    .execute();
  return rows.map((r) => ({ startsAt: r.starts_at, blockedUntil: r.blocked_until }));
}

export async function findBooking(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('mediation_bookings').selectAll().where('mediation_bookings.id', '=', id).where(mediationBookingScope(actor, action)).executeTakeFirst();
}
export type BookingRow = NonNullable<Awaited<ReturnType<typeof findBooking>>>;

export async function bookingsOf(db: Db, proceedingId: string) {
  return db
    .selectFrom('mediation_bookings')
    .innerJoin('users as m', 'm.id', 'mediation_bookings.mediator_id')
    .selectAll('mediation_bookings')
    .select('m.name as mediator_name')
    .where('proceeding_id', '=', proceedingId)
    .orderBy('starts_at', 'desc')
    .execute();
}

/** The mediator's calendar: their live and past sessions between two instants, with the proceedings' parents. */
export async function calendarOf(db: Db, mediatorId: string, from: Date, to: Date) {
  return db
    .selectFrom('mediation_bookings')
    .innerJoin('mediation_proceedings as p', 'p.id', 'mediation_bookings.proceeding_id')
    .select(['mediation_bookings.id', 'mediation_bookings.proceeding_id', 'mediation_bookings.starts_at', 'mediation_bookings.ends_at', 'mediation_bookings.status', 'p.reference'])
    .select(
      sql<string>`(select string_agg(pe.first_name || ' ' || pe.last_name, ', ' order by mp.position, mp.id) from mediation_parties mp join people pe on pe.id = mp.person_id where mp.proceeding_id = p.id and mp.role = 'parent')`.as('parent_names'),
    )
    .where('mediation_bookings.mediator_id', '=', mediatorId)
    .where('mediation_bookings.status', 'in', ['booked', 'held', 'no_show'])
    .where('mediation_bookings.starts_at', '<', to)
    .where('mediation_bookings.ends_at', '>', from)
    .orderBy('mediation_bookings.starts_at')
    .execute();
}

// --- E-MSG ---------------------------------------------------------------------------------

export async function threadsOf(db: Db, actor: Actor, proceedingId: string) {
  return db
    .selectFrom('mediation_threads')
    .select(['mediation_threads.id', 'mediation_threads.subject', 'mediation_threads.created_at', 'mediation_threads.last_message_at'])
    .select(sql<number>`(select count(*)::int from mediation_messages mm where mm.thread_id = mediation_threads.id)`.as('messages'))
    .select(
      sql<number>`(select count(*)::int from mediation_messages mm where mm.thread_id = mediation_threads.id and mm.author_id <> ${actor.userId}
        and not exists (select 1 from mediation_message_reads r where r.message_id = mm.id and r.user_id = ${actor.userId}))`.as('unread'),
    )
    .select(sql<boolean>`exists (select 1 from mediation_messages mm where mm.thread_id = mediation_threads.id and mm.kind = 'decision')`.as('has_decision'))
    .where('mediation_threads.proceeding_id', '=', proceedingId)
    .where(mediationMessageScope(actor))
    .orderBy('mediation_threads.last_message_at', 'desc')
    .orderBy('mediation_threads.id', 'desc')
    .execute();
}

export async function findThread(db: Db, actor: Actor, id: string, action: Action = 'read') {
  return db.selectFrom('mediation_threads').selectAll().where('mediation_threads.id', '=', id).where(mediationMessageScope(actor, action)).executeTakeFirst();
}

export async function messagesOf(db: Db, threadId: string) {
  const messages = await db
    .selectFrom('mediation_messages')
    .innerJoin('users as a', 'a.id', 'mediation_messages.author_id')
    .selectAll('mediation_messages')
    .select(['a.name as author_name', 'a.role as author_role'])
    .where('thread_id', '=', threadId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = messages.map((m) => m.id);
  const [files, reads] = ids.length
    ? await Promise.all([
        db.selectFrom('mediation_files').select(['id', 'message_id', 'filename', 'content_type', 'size']).where('message_id', 'in', ids).orderBy('created_at').execute(),
        db
          .selectFrom('mediation_message_reads')
          .innerJoin('users as r', 'r.id', 'mediation_message_reads.user_id')
          .select(['mediation_message_reads.message_id', 'mediation_message_reads.user_id', 'mediation_message_reads.read_at', 'r.name'])
          .where('message_id', 'in', ids)
          .orderBy('read_at')
          .execute(),
      ])
    : [[], []];
  return { messages, files, reads };
}

/** A file of a proceeding in scope (the download checks the proceeding, and the file's message if it has one). */
export async function findFile(db: Db, actor: Actor, id: string) {
  return db
    .selectFrom('mediation_files')
    .select(['id', 'proceeding_id', 'message_id', 'filename', 'content_type', 'size', 'sha256', 'ciphertext', 'uploaded_by'])
    .where('mediation_files.id', '=', id)
    .where((eb) => mediationProceedingVisible(eb, actor, 'mediation_files.proceeding_id'))
    .executeTakeFirst();
}

// --- E-REG -----------------------------------------------------------------------------------

export async function agreementOf(db: Db, proceedingId: string) {
  return db
    .selectFrom('mediation_agreements')
    .leftJoin('mediation_register_outbox as o', 'o.agreement_id', 'mediation_agreements.id')
    .selectAll('mediation_agreements')
    .select(['o.id as delivery_id', 'o.status as delivery_status', 'o.attempts as delivery_attempts', 'o.last_error as delivery_error', 'o.delivered_at', 'o.register_reference', 'o.next_attempt_at'])
    .where('mediation_agreements.proceeding_id', '=', proceedingId)
    .executeTakeFirst();
}

export async function listDeliveries(db: Db, actor: Actor, filter: { status?: string | undefined }, page: { limit: number; cursor?: string | undefined }) {
  let q = db
    .selectFrom('mediation_register_outbox')
    .innerJoin('mediation_agreements as a', 'a.id', 'mediation_register_outbox.agreement_id')
    .innerJoin('mediation_proceedings as p', 'p.id', 'a.proceeding_id')
    .select([
      'mediation_register_outbox.id',
      'mediation_register_outbox.agreement_id',
      'mediation_register_outbox.status',
      'mediation_register_outbox.attempts',
      'mediation_register_outbox.next_attempt_at',
      'mediation_register_outbox.last_attempt_at',
      'mediation_register_outbox.last_error',
      'mediation_register_outbox.delivered_at',
      'mediation_register_outbox.register_reference',
      'mediation_register_outbox.duplicate',
      'mediation_register_outbox.created_at',
      'a.concluded_on',
      'a.custody',
      'p.id as proceeding_id',
      'p.reference',
    ])
    .where(registerDeliveryScope(actor));
  if (filter.status) q = q.where('mediation_register_outbox.status', '=', filter.status as never);
  return newestFirstPage(q, { date: 'mediation_register_outbox.created_at', id: 'mediation_register_outbox.id', dateType: 'timestamptz' }, page, (r) => [r.created_at.toISOString(), r.id]);
}
