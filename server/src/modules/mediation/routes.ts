import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, contextOf, idParams, isoDate, notFound, pageOf, pageQuery, trimmed } from '../../platform/http/index.js';
import { MAX_UPLOAD_BYTES } from '../../platform/http/limits.js';
import { listEntries, type AuditEntry } from '../../platform/audit/audit.js';
import { auditReads } from '../../platform/audit/reads.js';
import { registerRecordType } from '../../platform/audit/record-access.js';
import { addCalendarDays, compareIsoDates, isPublicHoliday, todayInTallinn } from '../../platform/calendar/working-days.js';
import { startOfTallinnDay } from '../../platform/calendar/tallinn-time.js';
import { rolesWith, type MediationResource } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/policy/actor.js';
import type { Role } from '../../platform/db/schema.js';
import { decryptBytes } from '../families/report-files.js';
import { attachment } from '../../platform/http/content-disposition.js';
import { encryptionKeyFrom } from '../../platform/crypto/keys.js';
import {
  calendarOf,
  findBooking,
  findFile,
  findProceeding,
  findThread,
  leaveOf,
  listDeliveries,
  listProceedings,
  mediatorCandidates,
  mediatorProfile,
  messagesOf,
  partiesOf,
  threadsOf,
  weeklyWindows,
} from './queries.js';
import {
  addLeave,
  assignMediator,
  book,
  cancelBooking,
  consent,
  createProceeding,
  endWithoutAgreement,
  markThreadRead,
  publishAvailability,
  recordAgreement,
  recordOutcome,
  refuseMediator,
  removeLeave,
  replyInThread,
  reschedule,
  retryDelivery,
  sendDecision,
  slotsFor,
  startThread,
  updateContact,
  uploadFile,
} from './service.js';
import { BOOKING_HORIZON_DAYS } from './rules.js';
import { MEDIATION_STATUSES, DELIVERY_STATUSES } from './tables.js';
import { proceedingDetail } from './views.js';
import {
  agreementBody,
  availabilityBody,
  availabilityView,
  contactBody,
  deliveryView,
  fileView,
  instant,
  listItem,
  messageBody,
  proceedingBody,
  proceedingDetail as detailSchema,
  slot,
  threadSummary,
  threadView,
  version,
} from './schemas.js';

const TAGS = ['mediation'];
const roles = (resource: MediationResource, action: 'read' | 'create' | 'update' | 'assign' = 'read') => rolesWith(resource, action);
const isUuid = (id: string) => z.uuid().safeParse(id).success;
const today = () => todayInTallinn(new Date());
const MAX_RANGE_DAYS = 42;

/** Reads of a proceeding's records are logged once per person they concern (the data tracker of each parent and child). */
const readEntries = (recordType: string, recordId: string, personIds: readonly string[]): AuditEntry[] => personIds.map((personId) => ({ action: 'read', recordType, recordId, personId }));

/** Calendars and slots look at this century only: date arithmetic on year 1 or 9999 is meaningless (fuzzing found 500s there). */
const CALENDAR_YEARS = { first: '2000-01-01', last: '2099-12-31' };

function dayRange(from: string | undefined, to: string | undefined, defaultDays: number) {
  for (const [path, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && (value < CALENDAR_YEARS.first || value > CALENDAR_YEARS.last)) throw badRequest('VALIDATION_FAILED', { fields: [{ path, message: 'outside 2000–2099' }] });
  }
  const start = from ?? today();
  const end = to ?? addCalendarDays(start, defaultDays - 1);
  if (compareIsoDates(end, start) < 0) throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'to', message: 'before from' }] });
  if (compareIsoDates(end, addCalendarDays(start, MAX_RANGE_DAYS - 1)) > 0) throw badRequest('E_BOOK_RANGE_TOO_LONG', undefined, { days: MAX_RANGE_DAYS });
  return { from: start, to: end };
}

/** Module E's API (SPEC §8): /api/mediation. */
export function registerMediationRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('mediation_proceeding', async (db, actor, id) => isUuid(id) && Boolean(await findProceeding(db, actor, id)));
  registerRecordType('mediation_booking', async (db, actor, id) => isUuid(id) && Boolean(await findBooking(db, actor, id)));
  registerRecordType('mediation_thread', async (db, actor, id) => isUuid(id) && Boolean(await findThread(db, actor, id)));

  const detail = async (actor: Actor, id: string) => {
    const p = await findProceeding(deps.db, actor, id);
    if (!p) throw notFound();
    return proceedingDetail(deps.db, actor, p);
  };
  const detailOut = async (actor: Actor, id: string) => (await detail(actor, id)).view;

  // --- E-PROFILE, E-PROVIDER ---------------------------------------------------------------

  app.get('/api/mediation/proceedings', {
    config: { access: roles('mediation_proceeding') },
    schema: {
      tags: TAGS,
      summary: 'E-PROVIDER: proceedings in scope with the persons referred and the state of each (SKA: all; mediator: theirs; client: their own), newest first',
      querystring: z.object({ status: z.enum([...MEDIATION_STATUSES, 'open']).optional(), ...pageQuery }).strict(),
      response: { 200: pageOf(listItem) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listProceedings(deps.db, ctx.actor, filter, { limit, cursor });
      const parties = await partiesOf(deps.db, page.items.map((p) => p.id));
      const names = (id: string, role: 'parent' | 'child') => parties.filter((x) => x.proceeding_id === id && x.role === role).map((x) => `${x.first_name} ${x.last_name}`);
      await auditReads(deps.db, ctx, listEntries('mediation_proceeding', page.items).map((e) => ({ ...e, personIds: [...new Set(parties.map((x) => x.person_id))] })));
      return {
        items: page.items.map((p) => ({
          id: p.id,
          reference: p.reference,
          status: p.status,
          referredBy: p.referred_by,
          referredOn: p.referred_on,
          language: p.language,
          topics: p.topics,
          mediator: p.mediator_id ? { id: p.mediator_id, name: p.mediator_name ?? '' } : null,
          nextSessionAt: p.next_session_at ? new Date(p.next_session_at).toISOString() : null,
          parents: names(p.id, 'parent'),
          children: names(p.id, 'child'),
        })),
        nextCursor: page.nextCursor,
      };
    },
  });

  app.post('/api/mediation/proceedings', {
    config: { access: roles('mediation_proceeding', 'create') },
    schema: {
      tags: TAGS,
      summary: 'E-PROFILE: register proceedings (who referred, both parents with residence and contact data, the children, the subject); people go to the shared registry. Parents whose application and consent SKA records get a mediator at once (E-ASSIGN)',
      body: proceedingBody,
      response: { 201: detailSchema },
    },
    handler: async (request, reply) => {
      const id = await createProceeding(deps, contextOf(request), request.body);
      return reply.status(201).send(await detailOut(request.actor!, id));
    },
  });

  app.get('/api/mediation/proceedings/:id', {
    config: { access: roles('mediation_proceeding') },
    schema: { tags: TAGS, summary: 'E-PROFILE: the client profile — general data, proceedings data, residence and contact data — with sessions and the agreement', params: idParams, response: { 200: detailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { view, personIds } = await detail(ctx.actor, request.params.id);
      await auditReads(deps.db, ctx, readEntries('mediation_proceeding', view.id, personIds));
      return view;
    },
  });

  app.patch('/api/mediation/proceedings/:id/parties/:partyId', {
    config: { access: roles('mediation_proceeding', 'update').filter((r) => r !== 'mediator') },
    schema: {
      tags: TAGS,
      summary: 'E-PROFILE: residence and contact data of a parent (a client their own, SKA any; 409 on a stale version)',
      params: z.object({ id: z.uuid(), partyId: z.uuid() }),
      body: contactBody,
      response: { 200: detailSchema },
    },
    handler: async (request) => {
      const { version: v, ...change } = request.body;
      await updateContact(deps, contextOf(request), request.params.id, request.params.partyId, { version: v, ...change });
      return detailOut(request.actor!, request.params.id);
    },
  });

  // --- E-ASSIGN -------------------------------------------------------------------------

  app.get('/api/mediation/mediators', {
    config: { access: ['ska_contact', 'ska_manager', 'client'] },
    schema: {
      tags: TAGS,
      summary: 'E-ASSIGN: mediators taking proceedings, their regions, languages and (for SKA) workload',
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), regions: z.array(z.string()), languages: z.array(z.string()), openProceedings: z.number().nullable() })) }) },
    },
    handler: async (request) => {
      const ska = request.actor!.role !== 'client';
      const items = (await mediatorCandidates(deps.db)).filter((m) => m.accepting);
      return { items: items.map((m) => ({ id: m.id, name: m.name, regions: [...m.regions], languages: [...m.languages], openProceedings: ska ? m.openProceedings : null })) };
    },
  });

  /** A use case on one proceeding that answers with its (new) detail. */
  const proceedingAction = <B extends z.ZodType>(path: string, access: readonly Role[], summary: string, body: B, run: (ctx: RequestContext, id: string, body: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/mediation/proceedings/:id/${path}`, {
      config: { access },
      schema: { tags: TAGS, summary, params: idParams, body, response: { 200: detailSchema } },
      handler: async (request) => {
        await run(contextOf(request), request.params.id, request.body as z.infer<B>);
        return detailOut(request.actor!, request.params.id);
      },
    });

  proceedingAction(
    'consent',
    ['client', 'ska_contact'],
    'E-ASSIGN: a parent applies and consents, optionally naming a preferred mediator (SKA records a paper application with partyId); with both parents in, a mediator is assigned',
    z.object({ partyId: z.uuid().optional(), preferredMediatorId: z.uuid().nullable().optional() }).strict(),
    (ctx, id, body) => consent(deps, ctx, id, body),
  );
  proceedingAction(
    'refuse-mediator',
    ['client', 'ska_contact'],
    'E-ASSIGN: a parent refuses the assigned mediator (they know them); upcoming sessions are cancelled and another mediator is assigned',
    z.object({ partyId: z.uuid().optional(), reason: z.string().trim().max(1000).nullable().optional() }).strict(),
    (ctx, id, body) => refuseMediator(deps, ctx, id, body),
  );
  proceedingAction(
    'assign',
    roles('mediation_proceeding', 'assign'),
    'E-ASSIGN: SKA assigns a mediator by hand, or (without mediatorId) runs the automatic assignment by region, language and workload',
    z.object({ version, mediatorId: z.uuid().optional() }).strict(),
    (ctx, id, body) => assignMediator(deps, ctx, id, body),
  );

  // --- E-BOOK ---------------------------------------------------------------------------

  app.get('/api/mediation/proceedings/:id/slots', {
    config: { access: roles('mediation_proceeding') },
    schema: {
      tags: TAGS,
      summary: 'E-BOOK: free slots of the assigned mediator only, Tallinn days from–to (at most 42 days, within 90 days)',
      params: idParams,
      querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
      response: { 200: z.object({ mediator: z.object({ id: z.string(), name: z.string(), sessionMinutes: z.number() }).nullable(), items: z.array(slot) }) },
    },
    handler: async (request) => {
      const p = await findProceeding(deps.db, request.actor!, request.params.id);
      if (!p) throw notFound();
      const range = dayRange(request.query.from, request.query.to, 28);
      if (!p.mediator_id || compareIsoDates(range.from, addCalendarDays(today(), BOOKING_HORIZON_DAYS)) > 0) return { mediator: null, items: [] };
      const [profile, slots] = await Promise.all([mediatorProfile(deps.db, p.mediator_id), slotsFor(deps.db, p.mediator_id, range.from, range.to)]);
      return {
        mediator: profile ? { id: p.mediator_id, name: profile.name, sessionMinutes: profile.session_minutes } : null,
        items: slots.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
      };
    },
  });

  app.post('/api/mediation/proceedings/:id/bookings', {
    config: { access: roles('mediation_booking', 'create') },
    schema: {
      tags: TAGS,
      summary: 'E-BOOK: book a free slot with the assigned mediator (409 E_BOOK_SLOT_TAKEN when someone was first: a slot is never booked twice)',
      params: idParams,
      body: z.object({ startsAt: instant }).strict(),
      response: { 201: detailSchema },
    },
    handler: async (request, reply) => {
      await book(deps, contextOf(request), request.params.id, request.body);
      return reply.status(201).send(await detailOut(request.actor!, request.params.id));
    },
  });

  /** A use case on one booking that answers with its proceeding's (new) detail. */
  const bookingAction = <B extends z.ZodType>(path: string, access: readonly Role[], summary: string, body: B, run: (ctx: RequestContext, id: string, body: z.infer<B>) => Promise<unknown>) =>
    app.post(`/api/mediation/bookings/:id/${path}`, {
      config: { access },
      schema: { tags: TAGS, summary, params: idParams, body, response: { 200: detailSchema } },
      handler: async (request) => {
        const booking = await findBooking(deps.db, request.actor!, request.params.id);
        if (!booking) throw notFound();
        await run(contextOf(request), request.params.id, request.body as z.infer<B>);
        return detailOut(request.actor!, booking.proceeding_id);
      },
    });
  const changers = roles('mediation_booking', 'update');
  bookingAction('reschedule', changers, 'E-BOOK: move a session to another free slot (a client until 24 hours before it)', z.object({ version, startsAt: instant }).strict(), (ctx, id, body) => reschedule(deps, ctx, id, body));
  bookingAction('cancel', changers, 'E-BOOK: cancel a session (a client until 24 hours before it)', z.object({ version, reason: z.string().trim().max(1000).nullable().optional() }).strict(), (ctx, id, body) =>
    cancelBooking(deps, ctx, id, body),
  );
  bookingAction('outcome', ['mediator'], 'E-PROVIDER: the mediator records whether the session was held (the first one starts the mediation)', z.object({ version, outcome: z.enum(['held', 'no_show']) }).strict(), (ctx, id, body) =>
    recordOutcome(deps, ctx, id, body),
  );

  app.get('/api/mediation/availability', {
    config: { access: ['mediator'] },
    schema: { tags: TAGS, summary: 'E-BOOK: the mediator’s own weekly availability, session length, buffer and leave', response: { 200: availabilityView } },
    handler: async (request) => {
      const id = request.actor!.userId;
      const profile = await mediatorProfile(deps.db, id);
      if (!profile) throw new AppError(409, 'E_BOOK_NOT_A_MEDIATOR');
      const [windows, leave] = await Promise.all([weeklyWindows(deps.db, id), leaveOf(deps.db, id, today())]);
      return {
        sessionMinutes: profile.session_minutes,
        bufferMinutes: profile.buffer_minutes,
        regions: profile.regions,
        languages: profile.languages,
        windows: windows.filter((w) => w.valid_to === null || compareIsoDates(w.valid_to, today()) >= 0).map((w) => ({ id: w.id, weekday: w.weekday, startsAt: w.starts_at, endsAt: w.ends_at, validFrom: w.valid_from, validTo: w.valid_to })),
        leave: leave.map((l) => ({ id: l.id, startsOn: l.starts_on, endsOn: l.ends_on, note: l.note })),
      };
    },
  });

  app.put('/api/mediation/availability', {
    config: { access: roles('mediation_availability', 'update') },
    schema: { tags: TAGS, summary: 'E-BOOK: publish weekly availability (Tallinn wall clock) from a date on, with session length (90 min by default) and buffer', body: availabilityBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await publishAvailability(deps, contextOf(request), request.body);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/mediation/leave', {
    config: { access: roles('mediation_availability', 'create') },
    schema: {
      tags: TAGS,
      summary: 'E-BOOK: leave — whole days without slots; sessions already booked in it are listed for the mediator to move',
      body: z.object({ startsOn: isoDate, endsOn: isoDate, note: z.string().trim().max(500).nullable().optional() }).strict(),
      response: { 201: z.object({ id: z.string(), bookedInLeave: z.array(z.string()) }) },
    },
    handler: async (request, reply) => reply.status(201).send(await addLeave(deps, contextOf(request), request.body)),
  });

  app.delete('/api/mediation/leave/:id', {
    config: { access: roles('mediation_availability', 'update') },
    schema: { tags: TAGS, summary: 'Remove leave', params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await removeLeave(deps, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/mediation/calendar', {
    config: { access: ['mediator'] },
    schema: {
      tags: TAGS,
      summary: 'E-BOOK: the mediator’s calendar for Tallinn days from–to: sessions, free slots, leave and public holidays',
      querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
      response: {
        200: z.object({
          from: z.string(),
          to: z.string(),
          sessions: z.array(z.object({ id: z.string(), proceedingId: z.string(), reference: z.string(), parents: z.string(), startsAt: z.string(), endsAt: z.string(), status: z.string() })),
          free: z.array(slot),
          leave: z.array(z.object({ startsOn: z.string(), endsOn: z.string(), note: z.string().nullable() })),
          holidays: z.array(z.string()),
        }),
      },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const range = dayRange(request.query.from, request.query.to, 7);
      const id = ctx.actor.userId;
      const [sessions, free, leave] = await Promise.all([
        calendarOf(deps.db, id, startOfTallinnDay(range.from), startOfTallinnDay(addCalendarDays(range.to, 1))),
        slotsFor(deps.db, id, range.from, range.to),
        leaveOf(deps.db, id, range.from),
      ]);
      const holidays: string[] = [];
      for (let d = range.from; compareIsoDates(d, range.to) <= 0; d = addCalendarDays(d, 1)) if (isPublicHoliday(d)) holidays.push(d);
      await auditReads(deps.db, ctx, listEntries('mediation_proceeding', [...new Set(sessions.map((s) => s.proceeding_id))].map((pid) => ({ id: pid }))));
      return {
        ...range,
        sessions: sessions.map((s) => ({ id: s.id, proceedingId: s.proceeding_id, reference: s.reference, parents: s.parent_names ?? '', startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(), status: s.status })),
        free: free.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
        leave: leave.filter((l) => compareIsoDates(l.starts_on, range.to) <= 0).map((l) => ({ startsOn: l.starts_on, endsOn: l.ends_on, note: l.note })),
        holidays,
      };
    },
  });

  // --- E-MSG ----------------------------------------------------------------------------

  const partyPeople = async (proceedingId: string) => (await partiesOf(deps.db, [proceedingId])).map((x) => x.person_id);

  app.get('/api/mediation/proceedings/:id/threads', {
    config: { access: roles('mediation_message') },
    schema: { tags: TAGS, summary: 'E-MSG: the proceeding’s correspondence threads, with unread counts and whether a decision is in them', params: idParams, response: { 200: z.object({ items: z.array(threadSummary) }) } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const p = await findProceeding(deps.db, ctx.actor, request.params.id);
      if (!p) throw notFound();
      const threads = await threadsOf(deps.db, ctx.actor, p.id);
      await auditReads(deps.db, ctx, listEntries('mediation_thread', threads).map((e) => ({ ...e, personIds: [] })));
      return {
        items: threads.map((t) => ({ id: t.id, subject: t.subject, createdAt: t.created_at.toISOString(), lastMessageAt: t.last_message_at.toISOString(), messages: t.messages, unread: t.unread, hasDecision: t.has_decision })),
      };
    },
  });

  app.post('/api/mediation/proceedings/:id/threads', {
    config: { access: roles('mediation_message', 'create') },
    schema: {
      tags: TAGS,
      summary: 'E-MSG: start a thread with its first message (attachments uploaded first, by id)',
      params: idParams,
      body: z.object({ subject: trimmed(200), body: trimmed(10_000), attachmentIds: z.array(z.uuid()).max(10).optional() }).strict(),
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => reply.status(201).send({ id: await startThread(deps, contextOf(request), request.params.id, request.body) }),
  });

  app.get('/api/mediation/threads/:id', {
    config: { access: roles('mediation_message') },
    schema: { tags: TAGS, summary: 'E-MSG: a thread with its messages, decisions, attachments and read receipts (every read is audited)', params: idParams, response: { 200: threadView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const thread = await findThread(deps.db, ctx.actor, request.params.id);
      if (!thread) throw notFound();
      const { messages, files, reads } = await messagesOf(deps.db, thread.id);
      await auditReads(deps.db, ctx, readEntries('mediation_thread', thread.id, await partyPeople(thread.proceeding_id)));
      return {
        id: thread.id,
        proceedingId: thread.proceeding_id,
        subject: thread.subject,
        messages: messages.map((m) => ({
          id: m.id,
          kind: m.kind,
          body: m.body,
          decisionNumber: m.decision_number,
          author: { id: m.author_id, name: m.author_name, role: m.author_role },
          createdAt: m.created_at.toISOString(),
          files: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, filename: f.filename, contentType: f.content_type, size: f.size })),
          readBy: reads.filter((r) => r.message_id === m.id).map((r) => ({ userId: r.user_id, name: r.name, readAt: r.read_at.toISOString() })),
        })),
      };
    },
  });

  app.post('/api/mediation/threads/:id/messages', {
    config: { access: roles('mediation_message', 'create') },
    schema: { tags: TAGS, summary: 'E-MSG: reply in a thread', params: idParams, body: messageBody, response: { 201: z.object({ id: z.string() }) } },
    handler: async (request, reply) => reply.status(201).send({ id: await replyInThread(deps, contextOf(request), request.params.id, request.body) }),
  });

  app.post('/api/mediation/threads/:id/read', {
    config: { access: roles('mediation_message') },
    schema: { tags: TAGS, summary: 'E-MSG: read receipt — the user has seen every message of the thread', params: idParams, response: { 200: z.object({ marked: z.number() }) } },
    handler: async (request) => ({ marked: await markThreadRead(deps, contextOf(request), request.params.id) }),
  });

  app.post('/api/mediation/proceedings/:id/files', {
    config: { access: roles('mediation_message', 'create') },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: {
      tags: TAGS,
      summary: 'E-MSG: upload an attachment (raw bytes, application/octet-stream): PDF, PNG, JPEG, DOCX or ASiC-E/BDOC by content, up to 5 MB; stored encrypted until sent with a message',
      params: idParams,
      querystring: z.object({ filename: z.string().trim().min(1).max(200) }).strict(),
      response: { 201: fileView },
    },
    handler: async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
      const filename = request.query.filename.replace(/[\\/\r\n"]/g, '_');
      return reply.status(201).send(await uploadFile(deps, contextOf(request), request.params.id, filename, bytes));
    },
  });

  app.get('/api/mediation/files/:id', {
    config: { access: roles('mediation_message') },
    schema: { tags: TAGS, summary: 'E-MSG: download an attachment or a decision (audited)', params: idParams },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const file = await findFile(deps.db, ctx.actor, request.params.id);
      // A file not yet sent is its uploader's alone.
      if (!file || (!file.message_id && file.uploaded_by !== ctx.actor.userId)) throw notFound();
      const content = decryptBytes(encryptionKeyFrom(deps.config), file.ciphertext);
      await auditReads(deps.db, ctx, readEntries('mediation_file', file.id, await partyPeople(file.proceeding_id)));
      return reply
        .header('content-type', file.content_type)
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(content);
    },
  });

  app.post('/api/mediation/proceedings/:id/decisions', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'E-MSG: deliver an administrative decision as a document (PDF in the proceeding’s language) through the correspondence',
      params: idParams,
      body: z.object({ threadId: z.uuid().optional(), number: trimmed(50), title: trimmed(200), body: trimmed(20_000) }).strict(),
      response: { 201: z.object({ threadId: z.string(), messageId: z.string(), fileId: z.string() }) },
    },
    handler: async (request, reply) => reply.status(201).send(await sendDecision(deps, contextOf(request), request.params.id, request.body)),
  });

  // --- Outcome, E-REG ------------------------------------------------------------------------

  app.post('/api/mediation/proceedings/:id/agreement', {
    config: { access: roles('mediation_agreement', 'create') },
    schema: {
      tags: TAGS,
      summary: 'E-REG: record the parenting agreement (after a session held); one that ends or changes joint custody is queued for the population register',
      params: idParams,
      body: agreementBody,
      response: { 201: detailSchema },
    },
    handler: async (request, reply) => {
      await recordAgreement(deps, contextOf(request), request.params.id, request.body);
      return reply.status(201).send(await detailOut(request.actor!, request.params.id));
    },
  });

  proceedingAction('end', ['mediator', 'ska_contact'], 'E-PROVIDER: end the proceedings without agreement (upcoming sessions are cancelled)', z.object({ version, reason: trimmed(2000) }).strict(), (ctx, id, body) =>
    endWithoutAgreement(deps, ctx, id, body),
  );

  app.get('/api/mediation/register-deliveries', {
    config: { access: roles('register_delivery') },
    schema: {
      tags: TAGS,
      summary: 'E-REG: deliveries of parenting agreements to the population register, with status, attempts and errors',
      querystring: z.object({ status: z.enum(DELIVERY_STATUSES).optional(), ...pageQuery }).strict(),
      response: {
        200: pageOf(deliveryView.extend({ agreementId: z.string(), proceedingId: z.string(), reference: z.string(), concludedOn: z.string(), custody: z.string(), lastAttemptAt: z.string().nullable(), duplicate: z.boolean() })).extend({
          endpoint: z.object({ configured: z.boolean(), client: z.string(), service: z.string() }),
        }),
      },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listDeliveries(deps.db, ctx.actor, filter, { limit, cursor });
      await auditReads(deps.db, ctx, listEntries('register_delivery', page.items));
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      return {
        items: page.items.map((d) => ({
          id: d.id,
          agreementId: d.agreement_id,
          proceedingId: d.proceeding_id,
          reference: d.reference,
          concludedOn: d.concluded_on,
          custody: d.custody,
          status: d.status,
          attempts: d.attempts,
          lastError: d.last_error,
          lastAttemptAt: iso(d.last_attempt_at),
          deliveredAt: iso(d.delivered_at),
          registerReference: d.register_reference,
          duplicate: d.duplicate,
          nextAttemptAt: d.status === 'pending' || d.status === 'sending' ? iso(d.next_attempt_at) : null,
        })),
        nextCursor: page.nextCursor,
        endpoint: { configured: Boolean(deps.config.register.url), client: deps.config.register.client, service: deps.config.register.service },
      };
    },
  });

  app.post('/api/mediation/register-deliveries/:id/retry', {
    config: { access: roles('register_delivery', 'update') },
    schema: { tags: TAGS, summary: 'E-REG: send a failed delivery again (attempts start over)', params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await retryDelivery(deps, contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
