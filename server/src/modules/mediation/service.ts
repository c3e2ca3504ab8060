import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, forbidden, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields, type AuditEntry } from '../../platform/audit/audit.js';
import { addCalendarDays, compareIsoDates, todayInTallinn } from '../../platform/calendar/working-days.js';
import { formatTallinnDateTimeEt, tallinnWallClock } from '../../platform/calendar/tallinn-time.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import { can } from '../../platform/policy/policy.js';
import { registerPerson, type PersonInput } from '../people/service.js';
import { encryptBytes } from '../families/report-files.js';
import { encryptionKeyFrom } from '../../platform/crypto/keys.js';
import { checkAttachment } from './attachments.js';
import { decisionDocument } from './documents.js';
import { tellProceeding } from './notices.js';
import { findBooking, findProceeding, findThread, leaveOf, mediatorCandidates, mediatorProfile, partiesOf, takenTimes, weeklyWindows, type BookingRow, type ProceedingRow } from './queries.js';
import { beforeCutoff, CHANGE_CUTOFF_HOURS, chooseMediator, freeSlots, nextStatus, type ProceedingEvent, type SlotQuery } from './rules.js';
import type { CustodyOutcome, MediationLanguage, MediationStatus, MediationTopic, Referrer } from './tables.js';

type Trx = Transaction<DB>;

export const REGISTER_JOB = 'mediation-register-delivery';

const conflict = (code: string, params: Record<string, string | number> = {}, details?: unknown) => new AppError(409, code, params, details);
const today = () => todayInTallinn(new Date());

/** The proceeding in the user's scope for `action`, locked for the rest of the use case. */
async function lockProceeding(trx: Trx, ctx: RequestContext, id: string, action: 'read' | 'update' | 'assign' = 'read'): Promise<ProceedingRow> {
  const found = await findProceeding(trx, ctx.actor, id, action);
  if (!found) throw notFound();
  await sql`select 1 from mediation_proceedings where id = ${id} for update`.execute(trx);
  return (await findProceeding(trx, ctx.actor, id, action))!;
}

function requireOpen(p: ProceedingRow) {
  if (!['referred', 'first_meeting_booked', 'in_mediation'].includes(p.status)) throw conflict('E_PROFILE_PROCEEDING_CLOSED');
}

/** Moves the proceeding along E-PROVIDER's states (audited); a refused move is a 409 with the rule's code. */
async function advance(trx: Trx, ctx: RequestContext, p: ProceedingRow, event: ProceedingEvent, extra: Partial<{ ended_on: string; end_reason: string }> = {}): Promise<MediationStatus> {
  const next = nextStatus(p.status, event);
  if ('problem' in next) throw conflict(next.problem);
  if (next.status === p.status && !extra.ended_on) return p.status;
  await trx.updateTable('mediation_proceedings').set({ status: next.status, ...extra, version: p.version + 1, updated_at: new Date() }).where('id', '=', p.id).execute();
  await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_proceeding', recordId: p.id, changes: diffFields(p, { status: next.status, ...extra }, ['status', 'ended_on', 'end_reason']) }]);
  p.status = next.status;
  p.version += 1;
  return next.status;
}

// --- E-PROFILE --------------------------------------------------------------------------

export interface ParentInput {
  person: PersonInput;
  address?: string | null | undefined;
  kovOrganisationId?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  /** SKA records a parent's paper application and consent. */
  consented?: boolean | undefined;
  preferredMediatorId?: string | null | undefined;
}

export interface ProceedingInput {
  referredBy: Referrer;
  referrerName?: string | null | undefined;
  referredOn: string;
  topics: MediationTopic[];
  description: string;
  language: MediationLanguage;
  notes?: string | null | undefined;
  parents: ParentInput[];
  children: PersonInput[];
}

const PROCEEDING_FIELDS = ['reference', 'status', 'referred_by', 'referrer_name', 'referred_on', 'topics', 'description', 'language', 'notes'] as const;
const PARTY_FIELDS = ['person_id', 'role', 'address', 'kov_organisation_id', 'phone', 'email', 'consented_at', 'preferred_mediator_id'] as const;

async function checkKov(trx: Trx, id: string | null | undefined) {
  if (!id) return;
  const kov = await trx.selectFrom('organisations').select('id').where('id', '=', id).where('kind', '=', 'kov').executeTakeFirst();
  if (!kov) throw badRequest('E_PROFILE_KOV_INVALID', { fields: [{ path: 'kovOrganisationId', message: 'not a municipality' }] });
}

async function checkMediator(trx: Trx, id: string | null | undefined, language: string) {
  if (!id) return;
  const ok = (await mediatorCandidates(trx)).some((m) => m.id === id && m.accepting && m.languages.includes(language));
  if (!ok) throw badRequest('E_ASSIGN_MEDIATOR_INVALID', { fields: [{ path: 'preferredMediatorId', message: 'not a mediator for this language' }] });
}

/** E-PROFILE: SKA registers a proceeding from the parents' applications (people via the shared registry, X-PROFILE). */
export async function createProceeding(deps: AppDeps, ctx: RequestContext, input: ProceedingInput) {
  if (input.children.length === 0) throw badRequest('E_PROFILE_CHILD_REQUIRED');
  return deps.db.transaction().execute(async (trx) => {
    const parents = [];
    for (const parent of input.parents) {
      await checkKov(trx, parent.kovOrganisationId);
      await checkMediator(trx, parent.preferredMediatorId, input.language);
      parents.push({ ...parent, personId: (await registerPerson(trx, ctx, parent.person, 'mediation')).id });
    }
    const children = [];
    for (const child of input.children) children.push((await registerPerson(trx, ctx, child, 'mediation')).id);
    const people = [...parents.map((p) => p.personId), ...children];
    if (new Set(parents.map((p) => p.personId)).size !== 2) throw badRequest('E_PROFILE_TWO_PARENTS', { fields: [{ path: 'parents', message: 'two different parents' }] });
    if (new Set(people).size !== people.length) throw badRequest('E_PROFILE_PERSON_TWICE');

    const { rows } = await sql<{ n: number }>`select nextval('mediation_reference_seq')::int8 as n`.execute(trx);
    const values = {
      reference: `PL-${input.referredOn.slice(0, 4)}-${String(Number(rows[0]!.n)).padStart(5, '0')}`,
      referred_by: input.referredBy,
      referrer_name: input.referrerName ?? null,
      referred_on: input.referredOn,
      topics: input.topics,
      description: input.description,
      language: input.language,
      notes: input.notes ?? null,
      created_by: ctx.actor.userId,
    };
    const proceeding = await trx.insertInto('mediation_proceedings').values(values).returning('id').executeTakeFirstOrThrow();
    const partyRows = [
      ...parents.map((p, i) => ({
        proceeding_id: proceeding.id,
        person_id: p.personId,
        role: 'parent' as const,
        position: i + 1,
        address: p.address ?? null,
        kov_organisation_id: p.kovOrganisationId ?? null,
        phone: p.phone ?? null,
        email: p.email ?? null,
        consented_at: p.consented ? new Date() : null,
        preferred_mediator_id: p.preferredMediatorId ?? null,
      })),
      ...children.map((id, i) => ({ proceeding_id: proceeding.id, person_id: id, role: 'child' as const, position: parents.length + i + 1 })),
    ];
    const inserted = await trx.insertInto('mediation_parties').values(partyRows).returningAll().execute();
    await appendAudit(trx, ctx, [
      { action: 'create', recordType: 'mediation_proceeding', recordId: proceeding.id, changes: diffFields({}, { ...values, status: 'referred' }, PROCEEDING_FIELDS) },
      ...inserted.map((party) => ({ action: 'create' as const, recordType: 'mediation_party', recordId: party.id, personId: party.person_id, changes: diffFields({}, party, PARTY_FIELDS) })),
    ]);
    const p = (await findProceeding(trx, ctx.actor, proceeding.id))!;
    await assignIfReady(trx, ctx, p);
    return proceeding.id;
  });
}

export interface ContactChange {
  version: number;
  address?: string | null | undefined;
  kovOrganisationId?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

/** The parent of a proceeding the user may act for: a client only themselves, SKA any parent. */
async function actingParty(trx: Trx, ctx: RequestContext, proceedingId: string, partyId: string | undefined) {
  let q = trx.selectFrom('mediation_parties').selectAll().where('proceeding_id', '=', proceedingId).where('role', '=', 'parent');
  if (ctx.actor.role === 'client') q = q.where('person_id', '=', ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000');
  else if (ctx.actor.role === 'ska_contact' && partyId) q = q.where('id', '=', partyId);
  else throw forbidden();
  if (partyId) q = q.where('id', '=', partyId);
  const party = await q.forUpdate().executeTakeFirst();
  if (!party) throw notFound();
  return party;
}

/** E-PROFILE: residence and contact data; a client changes their own, SKA any parent's (X-CONC). */
export async function updateContact(deps: AppDeps, ctx: RequestContext, proceedingId: string, partyId: string, input: ContactChange) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId, 'update');
    const before = await actingParty(trx, ctx, p.id, partyId);
    if (before.version !== input.version) throw versionConflict(before.version);
    await checkKov(trx, input.kovOrganisationId);
    const next = {
      address: input.address !== undefined ? input.address : before.address,
      kov_organisation_id: input.kovOrganisationId !== undefined ? input.kovOrganisationId : before.kov_organisation_id,
      phone: input.phone !== undefined ? input.phone : before.phone,
      email: input.email !== undefined ? input.email : before.email,
    };
    const changes = diffFields(before, next, PARTY_FIELDS);
    await trx.updateTable('mediation_parties').set({ ...next, version: before.version + 1, updated_at: new Date() }).where('id', '=', before.id).execute();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_party', recordId: before.id, personId: before.person_id, changes }]);
  });
}

// --- E-ASSIGN ---------------------------------------------------------------------------

/** Gives the mediator access to the proceeding's people (person scope), per proceeding so a refusal can take it back. */
async function linkPeople(trx: Trx, proceedingId: string, mediatorId: string) {
  const mediator = await trx.selectFrom('users').select('organisation_id').where('id', '=', mediatorId).executeTakeFirstOrThrow();
  await sql`insert into person_links (person_id, organisation_id, user_id, reason)
    select person_id, ${mediator.organisation_id}, ${mediatorId}, ${`mediation:${proceedingId}`} from mediation_parties where proceeding_id = ${proceedingId}
    on conflict do nothing`.execute(trx);
}

async function setMediator(trx: Trx, ctx: RequestContext, p: ProceedingRow, mediatorId: string, reason: 'preferred' | 'automatic' | 'ska') {
  if (p.mediator_id) await trx.deleteFrom('person_links').where('user_id', '=', p.mediator_id).where('reason', '=', `mediation:${p.id}`).execute();
  await trx.updateTable('mediation_proceedings').set({ mediator_id: mediatorId, assigned_at: new Date(), assignment_reason: reason, version: p.version + 1, updated_at: new Date() }).where('id', '=', p.id).execute();
  await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_proceeding', recordId: p.id, changes: diffFields(p, { mediator_id: mediatorId, assignment_reason: reason }, ['mediator_id', 'assignment_reason']) }]);
  await linkPeople(trx, p.id, mediatorId);
  p.mediator_id = mediatorId;
  p.version += 1;
  const mediator = await trx.selectFrom('users').select('name').where('id', '=', mediatorId).executeTakeFirstOrThrow();
  await tellProceeding(trx, p, { parents: true, mediator: true, except: ctx.actor.userId }, {
    kind: 'assignment',
    titleKey: 'mediation.notifications.assigned',
    params: { mediator: mediator.name },
    mailCode: 'MEDIATION_ASSIGNED',
    dedupe: `mediation-assigned-${p.id}-${mediatorId}`,
  });
}

/**
 * E-ASSIGN: once both parents have applied and consented, a mediator is chosen
 * (preferred, or by region, language and workload). Nobody suitable: the
 * proceeding waits for SKA (its home page says so).
 */
async function assignIfReady(trx: Trx, ctx: RequestContext, p: ProceedingRow): Promise<string | null> {
  if (p.mediator_id) return p.mediator_id;
  const parties = await partiesOf(trx, [p.id]);
  const parents = parties.filter((x) => x.role === 'parent');
  if (parents.some((x) => !x.consented_at)) return null;
  const choice = chooseMediator(await mediatorCandidates(trx), {
    language: p.language,
    counties: parents.map((x) => x.kov_county),
    preferred: parents.map((x) => x.preferred_mediator_id),
    refused: p.refused_mediator_ids,
  });
  if (choice.mediatorId === null) return null;
  await setMediator(trx, ctx, p, choice.mediatorId, choice.reason);
  return choice.mediatorId;
}

/** E-ASSIGN: a parent applies and consents (a client for themselves; SKA records a paper application), optionally naming a mediator. */
export async function consent(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { partyId?: string | undefined; preferredMediatorId?: string | null | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId, 'update');
    requireOpen(p);
    const before = await actingParty(trx, ctx, p.id, input.partyId);
    if (input.preferredMediatorId !== undefined && input.preferredMediatorId !== null) {
      await checkMediator(trx, input.preferredMediatorId, p.language);
      if (p.refused_mediator_ids.includes(input.preferredMediatorId)) throw conflict('E_ASSIGN_MEDIATOR_REFUSED');
    }
    const next = {
      consented_at: before.consented_at ?? new Date(),
      preferred_mediator_id: input.preferredMediatorId !== undefined && !p.mediator_id ? input.preferredMediatorId : before.preferred_mediator_id,
    };
    await trx.updateTable('mediation_parties').set({ ...next, version: before.version + 1, updated_at: new Date() }).where('id', '=', before.id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_party', recordId: before.id, personId: before.person_id, changes: diffFields(before, next, PARTY_FIELDS) }]);
    return { mediatorId: await assignIfReady(trx, ctx, p) };
  });
}

/** SKA assigns a mediator by hand, or asks for the automatic choice again (E-ASSIGN). */
export async function assignMediator(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { version: number; mediatorId?: string | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId, 'assign');
    requireOpen(p);
    if (p.version !== input.version) throw versionConflict(p.version);
    if (!input.mediatorId) {
      if (p.mediator_id) return { mediatorId: p.mediator_id };
      const assigned = await assignIfReady(trx, ctx, p);
      if (!assigned) {
        const parents = (await partiesOf(trx, [p.id])).filter((x) => x.role === 'parent');
        throw conflict(parents.some((x) => !x.consented_at) ? 'E_ASSIGN_NOT_CONSENTED' : 'E_ASSIGN_NO_MEDIATOR');
      }
      return { mediatorId: assigned };
    }
    await checkMediator(trx, input.mediatorId, p.language);
    if (p.refused_mediator_ids.includes(input.mediatorId)) throw conflict('E_ASSIGN_MEDIATOR_REFUSED');
    if (p.mediator_id !== input.mediatorId) {
      await cancelLiveBookings(trx, ctx, p, 'mediator changed');
      await setMediator(trx, ctx, p, input.mediatorId, 'ska');
    }
    return { mediatorId: input.mediatorId };
  });
}

/** E-ASSIGN: a parent refuses the assigned mediator (they know them); their sessions are cancelled and another is chosen. */
export async function refuseMediator(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { partyId?: string | undefined; reason?: string | null | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId, 'update');
    requireOpen(p);
    await actingParty(trx, ctx, p.id, input.partyId);
    if (!p.mediator_id) throw conflict('E_ASSIGN_NO_MEDIATOR_YET');
    const refused = p.mediator_id;
    const refusedIds = [...p.refused_mediator_ids, refused];
    await trx.updateTable('mediation_proceedings').set({ refused_mediator_ids: refusedIds, mediator_id: null, assigned_at: null, assignment_reason: null, version: p.version + 1, updated_at: new Date() }).where('id', '=', p.id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_proceeding', recordId: p.id, changes: [{ field: 'refused_mediator_ids', old: p.refused_mediator_ids, new: refusedIds }, { field: 'mediator_id', old: refused, new: null }, ...(input.reason ? [{ field: 'refusal_reason', old: null, new: input.reason }] : [])] }]);
    await cancelLiveBookings(trx, ctx, p, 'mediator refused');
    await trx.deleteFrom('person_links').where('user_id', '=', refused).where('reason', '=', `mediation:${p.id}`).execute();
    Object.assign(p, { refused_mediator_ids: refusedIds, mediator_id: null, version: p.version + 1 });
    return { refusedMediatorId: refused, mediatorId: await assignIfReady(trx, ctx, p) };
  });
}

/** Cancels the proceeding's upcoming sessions (a new mediator, a refusal, the end). */
async function cancelLiveBookings(trx: Trx, ctx: RequestContext, p: ProceedingRow, reason: string) {
  const live = await trx.selectFrom('mediation_bookings').selectAll().where('proceeding_id', '=', p.id).where('status', '=', 'booked').execute();
  if (live.length === 0) return;
  await trx.updateTable('mediation_bookings').set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: ctx.actor.userId, cancel_reason: reason, updated_at: new Date() }).where('id', 'in', live.map((b) => b.id)).execute();
  await appendAudit(trx, ctx, live.map((b) => ({ action: 'update' as const, recordType: 'mediation_booking', recordId: b.id, changes: [{ field: 'status', old: 'booked', new: 'cancelled' }, { field: 'cancel_reason', old: null, new: reason }] })));
  if (p.status === 'first_meeting_booked') await advance(trx, ctx, p, 'last_booking_cancelled');
}

// --- E-BOOK -----------------------------------------------------------------------------

/** What the free-slot rule needs for one mediator and the Tallinn days [from, to]; null without a mediator profile. */
async function slotQuery(db: Kysely<DB> | Trx, mediatorId: string, from: string, to: string, now: Date): Promise<SlotQuery | null> {
  const profile = await mediatorProfile(db, mediatorId);
  if (!profile) return null;
  const [windows, leave, taken] = await Promise.all([
    weeklyWindows(db, mediatorId),
    leaveOf(db, mediatorId, from),
    // A day in Tallinn lies within the UTC days before and after it.
    takenTimes(db, mediatorId, new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000), new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000)),
  ]);
  return {
    from,
    to,
    windows: windows.map((w) => ({ weekday: w.weekday, startsAt: w.starts_at, endsAt: w.ends_at, validFrom: w.valid_from, validTo: w.valid_to })),
    leave: leave.map((l) => ({ startsOn: l.starts_on, endsOn: l.ends_on })),
    taken,
    sessionMinutes: profile.session_minutes,
    bufferMinutes: profile.buffer_minutes,
    now,
  };
}

/** The free slots of a mediator on Tallinn days [from, to] (E-BOOK), as a client sees them. */
export async function slotsFor(db: Kysely<DB> | Trx, mediatorId: string, from: string, to: string, now = new Date()) {
  const query = await slotQuery(db, mediatorId, from, to, now);
  return query ? freeSlots(query) : [];
}

const isExclusionViolation = (error: unknown) => (error as { code?: string })?.code === '23P01';

/**
 * E-BOOK: the requested start must be one of the mediator's free slots now
 * (availability, leave, holidays, the cut-off, other sessions); the database's
 * exclusion constraint refuses an overlap that a concurrent request committed
 * first, so a slot is never booked twice.
 */
async function insertBooking(trx: Trx, ctx: RequestContext, p: ProceedingRow, startsAt: Date, now: Date) {
  const mediatorId = p.mediator_id!;
  const day = tallinnWallClock(startsAt).date;
  const query = await slotQuery(trx, mediatorId, day, day, now);
  if (!query) throw conflict('E_BOOK_NOT_A_MEDIATOR');
  const at = startsAt.getTime();
  if (!freeSlots(query).some((s) => s.startsAt.getTime() === at)) {
    if (!beforeCutoff(startsAt, now)) throw conflict('E_BOOK_CUTOFF_PASSED', { hours: CHANGE_CUTOFF_HOURS });
    const onGrid = freeSlots({ ...query, taken: [] }).some((s) => s.startsAt.getTime() === at);
    throw conflict(onGrid ? 'E_BOOK_SLOT_TAKEN' : 'E_BOOK_SLOT_NOT_OFFERED');
  }
  const endsAt = new Date(at + query.sessionMinutes * 60_000);
  const values = { proceeding_id: p.id, mediator_id: mediatorId, starts_at: startsAt, ends_at: endsAt, blocked_until: new Date(endsAt.getTime() + query.bufferMinutes * 60_000), booked_by: ctx.actor.userId };
  const row = await trx
    .insertInto('mediation_bookings')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      throw isExclusionViolation(error) ? conflict('E_BOOK_SLOT_TAKEN') : error;
    });
  const mediator = await trx.selectFrom('users').select('name').where('id', '=', mediatorId).executeTakeFirstOrThrow();
  return { row, mediatorName: mediator.name };
}

async function upcomingBooking(trx: Trx, proceedingId: string, now: Date, exceptId?: string) {
  let q = trx.selectFrom('mediation_bookings').select(['id', 'starts_at']).where('proceeding_id', '=', proceedingId).where('status', '=', 'booked').where('starts_at', '>', now);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

const BOOKING_FIELDS = ['proceeding_id', 'mediator_id', 'starts_at', 'ends_at', 'status', 'cancel_reason', 'replaced_by_id'] as const;

/** E-BOOK: a parent (or the mediator) books the next session with the assigned mediator. */
export async function book(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { startsAt: Date }, now = new Date()) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId);
    requireOpen(p);
    if (!p.mediator_id) throw conflict('E_ASSIGN_NO_MEDIATOR_YET');
    const existing = await upcomingBooking(trx, p.id, now);
    if (existing) throw conflict('E_BOOK_ALREADY_BOOKED', { when: formatTallinnDateTimeEt(existing.starts_at) });
    const { row, mediatorName } = await insertBooking(trx, ctx, p, input.startsAt, now);
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'mediation_booking', recordId: row.id, changes: diffFields({}, row, BOOKING_FIELDS) }]);
    await advance(trx, ctx, p, 'booked');
    await tellBooking(trx, ctx, p, row.starts_at, mediatorName, 'booked', row.id);
    return row.id;
  });
}

async function tellBooking(trx: Trx, ctx: RequestContext, p: ProceedingRow, startsAt: Date, mediator: string, what: 'booked' | 'cancelled', bookingId: string) {
  await tellProceeding(trx, p, { parents: true, mediator: true, except: ctx.actor.userId }, {
    kind: 'booking',
    titleKey: `mediation.notifications.${what}`,
    params: { when: formatTallinnDateTimeEt(startsAt), mediator, hours: String(CHANGE_CUTOFF_HOURS) },
    mailCode: what === 'booked' ? 'MEDIATION_BOOKED' : 'MEDIATION_CANCELLED',
    dedupe: `mediation-${what}-${bookingId}`,
  });
}

/** A booking the user may change, locked; a client only until the cut-off (the mediator may still, e.g. when ill). */
async function lockBooking(trx: Trx, ctx: RequestContext, id: string, version: number, now: Date) {
  const found = await findBooking(trx, ctx.actor, id, 'update');
  if (!found) throw notFound();
  const p = await lockProceeding(trx, ctx, found.proceeding_id);
  const booking = (await trx.selectFrom('mediation_bookings').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as BookingRow;
  if (booking.version !== version) throw versionConflict(booking.version);
  if (booking.status !== 'booked') throw conflict('E_BOOK_NOT_BOOKED');
  return { booking, p, cutoffPassed: !beforeCutoff(booking.starts_at, now) };
}

/** E-BOOK: move a session to another free slot, until the cut-off. */
export async function reschedule(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; startsAt: Date }, now = new Date()) {
  return deps.db.transaction().execute(async (trx) => {
    const { booking, p, cutoffPassed } = await lockBooking(trx, ctx, id, input.version, now);
    if (cutoffPassed && ctx.actor.role === 'client') throw conflict('E_BOOK_CUTOFF_PASSED', { hours: CHANGE_CUTOFF_HOURS });
    requireOpen(p);
    await trx.updateTable('mediation_bookings').set({ status: 'rescheduled', version: booking.version + 1, updated_at: new Date() }).where('id', '=', booking.id).execute();
    const { row, mediatorName } = await insertBooking(trx, ctx, p, input.startsAt, now);
    await trx.updateTable('mediation_bookings').set({ replaced_by_id: row.id }).where('id', '=', booking.id).execute();
    await appendAudit(trx, ctx, [
      { action: 'update', recordType: 'mediation_booking', recordId: booking.id, changes: diffFields(booking, { status: 'rescheduled', replaced_by_id: row.id }, BOOKING_FIELDS) },
      { action: 'create', recordType: 'mediation_booking', recordId: row.id, changes: diffFields({}, row, BOOKING_FIELDS) },
    ]);
    await tellBooking(trx, ctx, p, row.starts_at, mediatorName, 'booked', row.id);
    return row.id;
  });
}

/** E-BOOK: cancel a session; a client until the cut-off. Back to "referred" if it was the only one and none was held. */
export async function cancelBooking(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; reason?: string | null | undefined }, now = new Date()) {
  return deps.db.transaction().execute(async (trx) => {
    const { booking, p, cutoffPassed } = await lockBooking(trx, ctx, id, input.version, now);
    if (cutoffPassed && ctx.actor.role === 'client') throw conflict('E_BOOK_CUTOFF_PASSED', { hours: CHANGE_CUTOFF_HOURS });
    const next = { status: 'cancelled' as const, cancelled_at: new Date(), cancelled_by: ctx.actor.userId, cancel_reason: input.reason ?? null };
    await trx.updateTable('mediation_bookings').set({ ...next, version: booking.version + 1, updated_at: new Date() }).where('id', '=', booking.id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_booking', recordId: booking.id, changes: diffFields(booking, next, BOOKING_FIELDS) }]);
    const others = await trx.selectFrom('mediation_bookings').select('id').where('proceeding_id', '=', p.id).where('status', 'in', ['booked', 'held']).executeTakeFirst();
    if (!others && p.status === 'first_meeting_booked') await advance(trx, ctx, p, 'last_booking_cancelled');
    const mediator = await trx.selectFrom('users').select('name').where('id', '=', booking.mediator_id).executeTakeFirstOrThrow();
    await tellBooking(trx, ctx, p, booking.starts_at, mediator.name, 'cancelled', booking.id);
  });
}

/** The mediator records whether a session took place; the first held session starts the mediation (E-PROVIDER). */
export async function recordOutcome(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; outcome: 'held' | 'no_show' }, now = new Date()) {
  return deps.db.transaction().execute(async (trx) => {
    const { booking, p } = await lockBooking(trx, ctx, id, input.version, now);
    if (booking.starts_at.getTime() > now.getTime()) throw conflict('E_BOOK_NOT_STARTED');
    await trx.updateTable('mediation_bookings').set({ status: input.outcome, version: booking.version + 1, updated_at: new Date() }).where('id', '=', booking.id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'mediation_booking', recordId: booking.id, changes: diffFields(booking, { status: input.outcome }, BOOKING_FIELDS) }]);
    if (input.outcome === 'held') await advance(trx, ctx, p, 'session_held');
  });
}

// --- Availability (E-BOOK) ----------------------------------------------------------------

export interface AvailabilityInput {
  sessionMinutes: number;
  bufferMinutes: number;
  validFrom?: string | undefined;
  windows: { weekday: number; startsAt: string; endsAt: string }[];
}

/**
 * The mediator publishes their weekly availability from a date on (today by
 * default): earlier windows end the day before, so booked sessions keep their
 * times; session length and buffer apply to new bookings.
 */
export async function publishAvailability(deps: AppDeps, ctx: RequestContext, input: AvailabilityInput) {
  for (const w of input.windows) if (w.endsAt <= w.startsAt) throw badRequest('E_BOOK_WINDOW_INVALID', { fields: [{ path: 'windows', message: `${w.startsAt}–${w.endsAt}` }] });
  const from = input.validFrom ?? today();
  return deps.db.transaction().execute(async (trx) => {
    const profile = await trx.selectFrom('mediators').selectAll().where('user_id', '=', ctx.actor.userId).forUpdate().executeTakeFirst();
    if (!profile) throw conflict('E_BOOK_NOT_A_MEDIATOR');
    const before = await weeklyWindows(trx, ctx.actor.userId);
    await trx.deleteFrom('mediation_availability').where('mediator_id', '=', ctx.actor.userId).where('valid_from', '>=', from).execute();
    await trx.updateTable('mediation_availability').set({ valid_to: addCalendarDays(from, -1) }).where('mediator_id', '=', ctx.actor.userId).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)])).execute();
    if (input.windows.length) {
      await trx.insertInto('mediation_availability').values(input.windows.map((w) => ({ mediator_id: ctx.actor.userId, weekday: w.weekday, starts_at: w.startsAt, ends_at: w.endsAt, valid_from: from }))).execute();
    }
    await trx.updateTable('mediators').set({ session_minutes: input.sessionMinutes, buffer_minutes: input.bufferMinutes, version: profile.version + 1, updated_at: new Date() }).where('user_id', '=', ctx.actor.userId).execute();
    const current = (rows: { weekday: number; starts_at: string; ends_at: string; valid_to: string | null }[]) =>
      rows.filter((r) => r.valid_to === null).map((r) => `${r.weekday} ${r.starts_at}-${r.ends_at}`).sort();
    await appendAudit(trx, ctx, [{
      action: 'update',
      recordType: 'mediator_availability',
      recordId: ctx.actor.userId,
      changes: [
        ...diffFields(profile, { session_minutes: input.sessionMinutes, buffer_minutes: input.bufferMinutes }, ['session_minutes', 'buffer_minutes']),
        { field: 'windows', old: current(before), new: input.windows.map((w) => `${w.weekday} ${w.startsAt}-${w.endsAt}`).sort() },
        { field: 'valid_from', old: null, new: from },
      ],
    }]);
  });
}

/** Leave (whole days without slots); sessions already booked in it are returned for the mediator to move or cancel. */
export async function addLeave(deps: AppDeps, ctx: RequestContext, input: { startsOn: string; endsOn: string; note?: string | null | undefined }) {
  if (input.endsOn < input.startsOn) throw badRequest('E_BOOK_WINDOW_INVALID', { fields: [{ path: 'endsOn', message: 'before startsOn' }] });
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('mediation_leave').values({ mediator_id: ctx.actor.userId, starts_on: input.startsOn, ends_on: input.endsOn, note: input.note ?? null }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'mediator_leave', recordId: row.id, changes: [{ field: 'starts_on', old: null, new: input.startsOn }, { field: 'ends_on', old: null, new: input.endsOn }] }]);
    const { rows } = await sql<{ id: string }>`select id from mediation_bookings where mediator_id = ${ctx.actor.userId} and status = 'booked'
      and (starts_at at time zone 'Europe/Tallinn')::date between ${input.startsOn}::date and ${input.endsOn}::date`.execute(trx);
    return { id: row.id, bookedInLeave: rows.map((r) => r.id) };
  });
}

export async function removeLeave(deps: AppDeps, ctx: RequestContext, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('mediation_leave').where('id', '=', id).where('mediator_id', '=', ctx.actor.userId).returningAll().executeTakeFirst();
    if (!row) throw notFound();
    await appendAudit(trx, ctx, [{ action: 'delete', recordType: 'mediator_leave', recordId: id, changes: [{ field: 'starts_on', old: row.starts_on, new: null }, { field: 'ends_on', old: row.ends_on, new: null }] }]);
  });
}

// --- E-MSG --------------------------------------------------------------------------------

/** An attachment checked (type by content, extension, size) and stored encrypted, not yet sent. */
export async function uploadFile(deps: AppDeps, ctx: RequestContext, proceedingId: string, filename: string, bytes: Buffer) {
  const check = checkAttachment(filename, bytes);
  if (!check.ok) throw new AppError(check.code === 'E_MSG_FILE_TOO_LARGE' ? 413 : check.code === 'E_MSG_FILE_EMPTY' ? 400 : 415, check.code, check.params);
  const key = encryptionKeyFrom(deps.config);
  return deps.db.transaction().execute(async (trx) => {
    if (!can(ctx.actor, 'mediation_message', 'create')) throw forbidden();
    const p = await lockProceeding(trx, ctx, proceedingId);
    const row = await storeFile(trx, { proceedingId: p.id, filename, contentType: check.contentType, content: bytes, uploadedBy: ctx.actor.userId, key });
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'mediation_file', recordId: row.id, changes: [{ field: 'filename', old: null, new: filename }, { field: 'size', old: null, new: bytes.length }] }]);
    return { id: row.id, filename, contentType: check.contentType, size: bytes.length };
  });
}

async function storeFile(trx: Trx, f: { proceedingId: string; filename: string; contentType: string; content: Buffer; uploadedBy: string; key: Buffer; messageId?: string }) {
  return trx
    .insertInto('mediation_files')
    .values({
      proceeding_id: f.proceedingId,
      message_id: f.messageId ?? null,
      filename: f.filename,
      content_type: f.contentType,
      size: f.content.length,
      sha256: createHash('sha256').update(f.content).digest('hex'),
      ciphertext: encryptBytes(f.key, f.content),
      uploaded_by: f.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function addMessage(trx: Trx, ctx: RequestContext, p: ProceedingRow, threadId: string, input: { body: string; attachmentIds?: string[] | undefined }) {
  const message = await trx.insertInto('mediation_messages').values({ thread_id: threadId, proceeding_id: p.id, author_id: ctx.actor.userId, body: input.body }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  const ids = [...new Set(input.attachmentIds ?? [])];
  if (ids.length) {
    const attached = await trx
      .updateTable('mediation_files')
      .set({ message_id: message.id })
      .where('id', 'in', ids)
      .where('proceeding_id', '=', p.id)
      .where('uploaded_by', '=', ctx.actor.userId)
      .where('message_id', 'is', null)
      .returning('id')
      .execute();
    if (attached.length !== ids.length) throw badRequest('E_MSG_FILE_UNKNOWN', { fields: [{ path: 'attachmentIds', message: 'unknown or already sent' }] });
  }
  await trx.updateTable('mediation_threads').set({ last_message_at: message.created_at }).where('id', '=', threadId).execute();
  await trx.insertInto('mediation_message_reads').values({ message_id: message.id, user_id: ctx.actor.userId }).execute();
  await appendAudit(trx, ctx, [{ action: 'create', recordType: 'mediation_message', recordId: message.id, changes: [{ field: 'thread_id', old: null, new: threadId }, { field: 'attachments', old: null, new: ids.length }] }]);
  await tellProceeding(trx, p, { parents: true, mediator: true, except: ctx.actor.userId }, {
    kind: 'message',
    titleKey: 'mediation.notifications.message',
    params: {},
    mailCode: 'MEDIATION_MESSAGE',
    dedupe: `mediation-message-${message.id}`,
  });
  return message.id;
}

/** E-MSG: a new thread in a proceeding, with its first message (and attachments uploaded before). */
export async function startThread(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { subject: string; body: string; attachmentIds?: string[] | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId);
    const thread = await trx.insertInto('mediation_threads').values({ proceeding_id: p.id, subject: input.subject, created_by: ctx.actor.userId }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'mediation_thread', recordId: thread.id, changes: [{ field: 'subject', old: null, new: input.subject }] }]);
    await addMessage(trx, ctx, p, thread.id, input);
    return thread.id;
  });
}

export async function replyInThread(deps: AppDeps, ctx: RequestContext, threadId: string, input: { body: string; attachmentIds?: string[] | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const thread = await findThread(trx, ctx.actor, threadId, 'create');
    if (!thread) throw notFound();
    const p = await lockProceeding(trx, ctx, thread.proceeding_id);
    return addMessage(trx, ctx, p, thread.id, input);
  });
}

/** E-MSG read receipts: every message of the thread the user has now seen (their own count as read). */
export async function markThreadRead(deps: AppDeps, ctx: RequestContext, threadId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const thread = await findThread(trx, ctx.actor, threadId);
    if (!thread) throw notFound();
    const { rows } = await sql<{ message_id: string }>`insert into mediation_message_reads (message_id, user_id)
      select id, ${ctx.actor.userId} from mediation_messages where thread_id = ${thread.id}
      on conflict do nothing returning message_id`.execute(trx);
    if (rows.length) await appendAudit(trx, ctx, rows.map((r) => ({ action: 'update' as const, recordType: 'mediation_message', recordId: r.message_id, changes: [{ field: 'read_by', old: null, new: ctx.actor.userId }] })));
    return rows.length;
  });
}

/**
 * E-MSG: SKA delivers an administrative decision as a document: a PDF made
 * from the decision (X-DOC), in the proceeding's language, stored encrypted
 * and sent as a message of its own thread (or an existing one).
 */
export async function sendDecision(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { threadId?: string | undefined; number: string; title: string; body: string }) {
  const key = encryptionKeyFrom(deps.config);
  // The PDF is made first: rendering is slow work that need not hold the database.
  const found = await findProceeding(deps.db, ctx.actor, proceedingId);
  if (!found) throw notFound();
  const pdf = await renderPdf(decisionDocument(found, await partiesOf(deps.db, [found.id]), { ...input, decidedBy: ctx.actor.name, createdAt: new Date() }));
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId);
    let threadId = input.threadId;
    if (threadId) {
      const thread = await findThread(trx, ctx.actor, threadId, 'create');
      if (!thread || thread.proceeding_id !== p.id) throw notFound();
    } else {
      threadId = (await trx.insertInto('mediation_threads').values({ proceeding_id: p.id, subject: input.title, created_by: ctx.actor.userId }).returning('id').executeTakeFirstOrThrow()).id;
      await appendAudit(trx, ctx, [{ action: 'create', recordType: 'mediation_thread', recordId: threadId, changes: [{ field: 'subject', old: null, new: input.title }] }]);
    }
    const message = await trx
      .insertInto('mediation_messages')
      .values({ thread_id: threadId, proceeding_id: p.id, author_id: ctx.actor.userId, kind: 'decision', body: input.body, decision_number: input.number })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const filename = `otsus-${input.number.replace(/[^\p{L}\p{N}-]/gu, '_')}.pdf`;
    const file = await storeFile(trx, { proceedingId: p.id, filename, contentType: 'application/pdf', content: pdf, uploadedBy: ctx.actor.userId, key, messageId: message.id });
    await trx.updateTable('mediation_threads').set({ last_message_at: message.created_at }).where('id', '=', threadId).execute();
    await trx.insertInto('mediation_message_reads').values({ message_id: message.id, user_id: ctx.actor.userId }).execute();
    await appendAudit(trx, ctx, [
      { action: 'create', recordType: 'mediation_message', recordId: message.id, changes: [{ field: 'kind', old: null, new: 'decision' }, { field: 'decision_number', old: null, new: input.number }, { field: 'title', old: null, new: input.title }] },
      { action: 'create', recordType: 'mediation_file', recordId: file.id, changes: [{ field: 'filename', old: null, new: filename }] },
    ]);
    await tellProceeding(trx, p, { parents: true, mediator: true, except: ctx.actor.userId }, {
      kind: 'decision',
      titleKey: 'mediation.notifications.decision',
      params: { number: input.number },
      mailCode: 'MEDIATION_DECISION',
      dedupe: `mediation-decision-${message.id}`,
    });
    return { threadId, messageId: message.id, fileId: file.id };
  });
}

// --- Outcome and E-REG ----------------------------------------------------------------------

export interface AgreementInput {
  concludedOn: string;
  custody: CustodyOutcome;
  childPersonIds: string[];
  summary: string;
}

/**
 * The mediator records the parenting agreement; the proceeding ends with it.
 * An agreement that ends or changes joint custody is queued for the
 * population register in the same transaction (E-REG: at most one delivery
 * per agreement, by the outbox's unique agreement id).
 */
export async function recordAgreement(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: AgreementInput) {
  if (compareIsoDates(input.concludedOn, today()) > 0) throw badRequest('DATE_IN_FUTURE', { fields: [{ path: 'concludedOn', message: 'not after today' }] });
  const id = await deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId, 'update');
    if (!can(ctx.actor, 'mediation_agreement', 'create')) throw forbidden();
    const existing = await trx.selectFrom('mediation_agreements').select('id').where('proceeding_id', '=', p.id).executeTakeFirst();
    if (existing) throw conflict('E_REG_AGREEMENT_EXISTS');
    const parties = await partiesOf(trx, [p.id]);
    const children = parties.filter((x) => x.role === 'child');
    if (input.childPersonIds.some((cid) => !children.some((c) => c.person_id === cid))) throw badRequest('E_REG_CHILD_NOT_IN_PROCEEDINGS', { fields: [{ path: 'childPersonIds', message: 'not a child of the proceedings' }] });
    await advance(trx, ctx, p, 'agreement', { ended_on: input.concludedOn });
    const values = { proceeding_id: p.id, concluded_on: input.concludedOn, custody: input.custody, child_person_ids: input.childPersonIds, summary: input.summary, created_by: ctx.actor.userId };
    const agreement = await trx.insertInto('mediation_agreements').values(values).returning('id').executeTakeFirstOrThrow();
    const entries: AuditEntry[] = [{ action: 'create', recordType: 'mediation_agreement', recordId: agreement.id, changes: diffFields({}, values, ['concluded_on', 'custody', 'child_person_ids', 'summary']) }];
    if (input.custody !== 'unchanged') {
      const person = (x: (typeof parties)[number]) => ({ personalCode: x.personal_code, firstName: x.first_name, lastName: x.last_name, birthDate: x.birth_date });
      const payload = {
        agreementId: agreement.id,
        proceedings: p.reference,
        concludedOn: input.concludedOn,
        custody: input.custody,
        summary: input.summary,
        parents: parties.filter((x) => x.role === 'parent').map(person),
        children: children.filter((c) => input.childPersonIds.includes(c.person_id)).map(person),
        mediator: p.mediator_name,
        sender: 'Sotsiaalkindlustusamet',
      };
      const outbox = await trx.insertInto('mediation_register_outbox').values({ agreement_id: agreement.id, payload: JSON.stringify(payload) }).returning('id').executeTakeFirstOrThrow();
      entries.push({ action: 'create', recordType: 'register_delivery', recordId: outbox.id, changes: [{ field: 'status', old: null, new: 'pending' }] });
    }
    await appendAudit(trx, ctx, entries);
    await trx.updateTable('mediation_bookings').set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: ctx.actor.userId, cancel_reason: 'agreement', updated_at: new Date() }).where('proceeding_id', '=', p.id).where('status', '=', 'booked').execute();
    return agreement.id;
  });
  await deps.jobs?.kick(REGISTER_JOB);
  return id;
}

/** The proceeding ends without agreement (mediator or SKA), upcoming sessions are cancelled. */
export async function endWithoutAgreement(deps: AppDeps, ctx: RequestContext, proceedingId: string, input: { version: number; reason: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const p = await lockProceeding(trx, ctx, proceedingId, 'update');
    if (ctx.actor.role === 'client') throw forbidden();
    if (p.version !== input.version) throw versionConflict(p.version);
    requireOpen(p);
    await cancelLiveBookings(trx, ctx, p, 'ended');
    await advance(trx, ctx, p, 'ended', { ended_on: today(), end_reason: input.reason });
  });
}

/** SKA sends a failed delivery again: attempts start over (E-REG). */
export async function retryDelivery(deps: AppDeps, ctx: RequestContext, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    if (!can(ctx.actor, 'register_delivery', 'update')) throw forbidden();
    const row = await trx.selectFrom('mediation_register_outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound();
    if (row.status !== 'failed') throw conflict('E_REG_NOT_RETRYABLE');
    await trx.updateTable('mediation_register_outbox').set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'register_delivery', recordId: id, changes: [{ field: 'status', old: 'failed', new: 'pending' }] }]);
  }).then(() => deps.jobs?.kick(REGISTER_JOB));
}

