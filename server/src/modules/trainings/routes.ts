import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, contextOf, idParams, notFound, pageOf, pageQuery } from '../../platform/http/index.js';
import { appendAudit, listEntries } from '../../platform/audit/audit.js';
import { auditReads } from '../../platform/audit/reads.js';
import { renderPdf, PDF_CONTENT_TYPE } from '../../platform/documents/pdf.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import type { Role } from '../../platform/db/schema.js';
import {
  colleaguesOf,
  exportRegistrations,
  feedbackOfGroups,
  findGroup,
  findGroupForAttendance,
  findRegistration,
  findTraining,
  kovSummary,
  listGroups,
  listRegistrations,
  listTrainings,
  ownActiveRegistrations,
  registrationsOfGroup,
  sessionsOf,
  type GroupRow,
  type KovSummaryRow,
  type RegistrationRow,
} from './queries.js';
import { calendarMonths, summariseFeedback } from './rules.js';
import {
  attendanceInput,
  calendarView,
  cancelGroupInput,
  cancelRegistrationInput,
  feedbackInput,
  feedbackSummaryView,
  groupDetail,
  groupInput,
  groupPatch,
  groupView,
  kovSummaryView,
  mergeInput,
  registerInput,
  registrationFilter,
  registrationView,
  trainingInput,
  trainingPatch,
  trainingView,
  year,
} from './schemas.js';
import { cancelGroup, cancelRegistration, createGroup, createTraining, mergeGroup, recordAttendance, register, submitFeedback, today, updateGroup, updateTraining } from './service.js';
import { groupDetailView, groupViews, organisationNames, toRegistrationView, toTrainingView } from './views.js';
import { certificateDocument, certificateFilename } from './documents.js';

const TAGS = ['trainings'];
const SKA = ['ska_manager', 'ska_specialist', 'ska_contact'] as const satisfies readonly Role[];
const READERS = [...SKA, 'kov_worker', 'trainer'] as const satisfies readonly Role[];
const MANAGER = ['ska_manager'] as const;

const registrationExport: ExportColumn<RegistrationRow>[] = [
  { key: 'kov', header: 'KOV', value: (r) => r.organisation_name },
  { key: 'county', header: 'Maakond / County', value: (r) => r.organisation_county },
  { key: 'participant', header: 'Osaleja / Participant', value: (r) => r.participant_name },
  { key: 'email', header: 'E-post / E-mail', value: (r) => r.participant_email },
  { key: 'training', header: 'Koolitus / Training', value: (r) => r.training_title },
  { key: 'reference', header: 'Viide / Reference', value: (r) => r.training_reference },
  { key: 'group', header: 'Grupp / Group', value: (r) => r.group_number },
  { key: 'city', header: 'Linn / City', value: (r) => r.group_city },
  { key: 'startsOn', header: 'Algus / Starts', value: (r) => r.group_starts_on, kind: 'date' },
  { key: 'endsOn', header: 'Lõpp / Ends', value: (r) => r.group_ends_on, kind: 'date' },
  { key: 'hours', header: 'Akadeemilised tunnid / Academic hours', value: (r) => r.training_hours },
  { key: 'status', header: 'Olek / Status', value: (r) => r.status },
  { key: 'fullAttendance', header: 'Osales täies mahus / Attended in full', value: (r) => (r.full_attendance ? 'jah / yes' : 'ei / no') },
];

const summaryExport: ExportColumn<KovSummaryRow>[] = [
  { key: 'kov', header: 'KOV', value: (r) => r.organisation_name },
  { key: 'county', header: 'Maakond / County', value: (r) => r.county },
  { key: 'workers', header: 'Lastekaitsetöötajaid Tugis / Workers in Tugi', value: (r) => r.workers },
  { key: 'registered', header: 'Kinnitatud kohti / Confirmed places', value: (r) => r.registered },
  { key: 'waitlisted', header: 'Ootejärjekorras / Waitlisted', value: (r) => r.waitlisted },
  { key: 'peopleTrained', header: 'Koolituse läbinud inimesi / People trained', value: (r) => r.people_trained },
  { key: 'certificates', header: 'Tõendeid / Certificates', value: (r) => r.certificates },
];

const summaryQuery = { year: year.optional(), trainingId: z.uuid().optional(), kovId: z.uuid().optional() };

/** Module C (C-1..C-6): catalogue, groups and calendar, registration and waitlist, merge/cancel, attendance, certificates, feedback, exports. */
export function registerTrainingRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const trainingOut = async (ctx: RequestContext, id: string) => {
    const t = await findTraining(deps.db, ctx.actor, id);
    if (!t) throw notFound();
    const [names, mine] = await Promise.all([organisationNames(deps.db, t.eligible_organisation_ids ?? []), ownActiveRegistrations(deps.db, ctx.actor, [t.id])]);
    const m = mine[0];
    return toTrainingView(t, names, m ? { id: m.id, groupId: m.group_id, status: m.status } : null);
  };

  /** A group page: the group, the registrations the actor may see (audited as read), their attendance. */
  const groupOut = async (ctx: RequestContext, id: string, audit = false) => {
    const g = await findGroup(deps.db, ctx.actor, id);
    if (!g) throw notFound();
    const on = today();
    const [registrations, attendance, mine] = await Promise.all([
      registrationsOfGroup(deps.db, ctx.actor, g.id),
      findGroupForAttendance(deps.db, ctx.actor, g.id, 'update'),
      ownActiveRegistrations(deps.db, ctx.actor, [g.training_id]),
    ]);
    if (audit) {
      await auditReads(deps.db, ctx, [
        { action: 'read', recordType: 'training_group', recordId: g.id },
        ...listEntries('training_registration', registrations.map((r) => ({ id: r.id, personId: r.participant_person_id }))),
      ]);
    }
    const m = mine[0];
    return groupDetailView(deps.db, g, registrations, ctx.actor, { on, canTakeAttendance: Boolean(attendance), seesAttendance: true, mine: m ? { id: m.id, groupId: m.group_id, status: m.status } : null });
  };

  // --- C-1: the catalogue --------------------------------------------------------------------

  app.get('/api/trainings', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'C-1 catalogue: SKA all trainings, a KOV worker the published ones, a trainer those with a group they lead',
      querystring: z.object({ year: year.optional(), status: z.enum(['draft', 'published']).optional(), q: z.string().trim().max(200).optional() }).strict(),
      response: { 200: z.object({ items: z.array(trainingView) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const rows = await listTrainings(deps.db, ctx.actor, request.query);
      const [names, mine] = await Promise.all([organisationNames(deps.db, rows.flatMap((r) => r.eligible_organisation_ids ?? [])), ownActiveRegistrations(deps.db, ctx.actor, rows.map((r) => r.id))]);
      return {
        items: rows.map((t) => {
          const m = mine.find((x) => x.training_id === t.id);
          return toTrainingView(t, names, m ? { id: m.id, groupId: m.group_id, status: m.status } : null);
        }),
      };
    },
  });

  app.post('/api/trainings', {
    config: { access: MANAGER },
    schema: { tags: TAGS, summary: 'C-1: add a training (title, curriculum, topics, target group, volume, form, provider, window)', body: trainingInput, response: { 201: trainingView } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await createTraining(deps, ctx, request.body);
      return reply.status(201).send(await trainingOut(ctx, id));
    },
  });

  app.get('/api/trainings/options', {
    config: { access: SKA },
    schema: {
      tags: TAGS,
      summary: 'For SKA’s forms: training organisations, their trainers and the municipalities',
      response: { 200: z.object({ providers: z.array(z.object({ id: z.string(), name: z.string() })), trainers: z.array(z.object({ id: z.string(), name: z.string(), providerId: z.string() })), municipalities: z.array(z.object({ id: z.string(), name: z.string() })) }) },
    },
    handler: async () => {
      const [providers, trainers, municipalities] = await Promise.all([
        deps.db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'training_provider').where('active', '=', true).orderBy('name').execute(),
        deps.db.selectFrom('users').select(['id', 'name', 'organisation_id as providerId']).where('role', '=', 'trainer').where('active', '=', true).orderBy('name').execute(),
        deps.db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'kov').where('active', '=', true).orderBy('name').execute(),
      ]);
      return { providers, trainers, municipalities };
    },
  });

  app.get('/api/trainings/colleagues', {
    config: { access: ['kov_worker'] },
    schema: {
      tags: TAGS,
      summary: 'C-3: the child protection workers of my municipality, whom I may register, with their place in a training',
      querystring: z.object({ trainingId: z.uuid().optional() }).strict(),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), registration: z.object({ groupNumber: z.number(), status: z.string() }).nullable() })) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const people = await colleaguesOf(deps.db, ctx.actor);
      const taken = request.query.trainingId
        ? await deps.db
            .selectFrom('training_registrations')
            .innerJoin('training_groups', 'training_groups.id', 'training_registrations.group_id')
            .select(['training_registrations.user_id', 'training_groups.number', 'training_registrations.status'])
            .where('training_registrations.training_id', '=', request.query.trainingId)
            .where('training_registrations.organisation_id', '=', ctx.actor.organisationId)
            .where('training_registrations.status', 'in', ['confirmed', 'waitlisted'])
            .execute()
        : [];
      return {
        items: people.map((p) => {
          const r = taken.find((x) => x.user_id === p.id);
          return { id: p.id, name: p.name, registration: r ? { groupNumber: r.number, status: r.status } : null };
        }),
      };
    },
  });

  // --- C-6: the calendar of the year ------------------------------------------------------------

  app.get('/api/trainings/calendar', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'C-6: every group of the year by month, and each training with its number of groups', querystring: z.object({ year }).strict(), response: { 200: calendarView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const groups = await groupViews(deps.db, await listGroups(deps.db, ctx.actor, { year: request.query.year }), today());
      const trainings = new Map<string, { id: string; reference: string; title: string; groups: number; cancelled: number }>();
      for (const g of groups) {
        const t = trainings.get(g.training.id) ?? { id: g.training.id, reference: g.training.reference, title: g.training.title, groups: 0, cancelled: 0 };
        if (g.status === 'scheduled') t.groups += 1;
        else t.cancelled += 1;
        trainings.set(g.training.id, t);
      }
      return { year: request.query.year, months: calendarMonths(request.query.year, groups), trainings: [...trainings.values()].sort((a, b) => a.reference.localeCompare(b.reference)) };
    },
  });

  // --- C-2: groups ----------------------------------------------------------------------------------

  app.get('/api/trainings/groups', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'Groups in scope (a trainer: only their own), by training, year or state; underfilled=true: C-4 warnings; attendance=due: days without attendance',
      querystring: z
        .object({
          trainingId: z.uuid().optional(),
          year: year.optional(),
          status: z.enum(['scheduled', 'cancelled', 'merged']).optional(),
          underfilled: z.enum(['true', 'false']).optional(),
          upcoming: z.enum(['true', 'false']).optional(),
          attendance: z.enum(['due']).optional(),
        })
        .strict(),
      response: { 200: z.object({ items: z.array(groupView) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const on = today();
      const { underfilled, upcoming, attendance, ...filter } = request.query;
      const items = await groupViews(deps.db, await listGroups(deps.db, ctx.actor, { ...filter, attendanceDue: attendance === 'due', ...(upcoming === 'true' ? { from: on } : {}) }), on);
      return { items: underfilled === 'true' ? items.filter((g) => g.underfilled) : items };
    },
  });

  app.post('/api/trainings/:id/groups', {
    config: { access: MANAGER },
    schema: {
      tags: TAGS,
      summary: 'C-2: add a group (city, venue, one day per training day inside the window, capacity min–max, trainer, registration cut-off)',
      params: idParams,
      body: groupInput,
      response: { 201: groupDetail },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await createGroup(deps, ctx, request.params.id, request.body);
      return reply.status(201).send(await groupOut(ctx, id));
    },
  });

  app.get('/api/trainings/groups/:id', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'One group with its days, places, waitlist and the registrations the user may see (with attendance)', params: idParams, response: { 200: groupDetail } },
    handler: async (request) => groupOut(contextOf(request), request.params.id, true),
  });

  app.patch('/api/trainings/groups/:id', {
    config: { access: MANAGER },
    schema: { tags: TAGS, summary: 'C-2: change a group; more places move the waitlist up (C-3); a new date or place is told to those registered; 409 on a stale version', params: idParams, body: groupPatch, response: { 200: groupDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateGroup(deps, ctx, request.params.id, request.body);
      return groupOut(ctx, request.params.id);
    },
  });

  app.post('/api/trainings/groups/:id/cancel', {
    config: { access: MANAGER },
    schema: { tags: TAGS, summary: 'C-4: cancel a group that has not started, with a reason; every registration is released and told', params: idParams, body: cancelGroupInput, response: { 200: groupDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await cancelGroup(deps, ctx, request.params.id, request.body);
      return groupOut(ctx, request.params.id);
    },
  });

  app.post('/api/trainings/groups/:id/merge', {
    config: { access: MANAGER },
    schema: {
      tags: TAGS,
      summary: 'C-4: merge this group into another group of the same training; its participants move (a place while there is room, then the waitlist) and are told',
      params: idParams,
      body: mergeInput,
      response: { 200: z.object({ moved: z.number(), waitlisted: z.number(), promoted: z.number(), group: groupDetail }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const result = await mergeGroup(deps, ctx, request.params.id, request.body);
      return { ...result, group: await groupOut(ctx, request.body.intoGroupId) };
    },
  });

  // --- C-3: registration ---------------------------------------------------------------------------

  app.post('/api/trainings/groups/:id/registrations', {
    config: { access: ['kov_worker'] },
    schema: {
      tags: TAGS,
      summary: 'C-3: register yourself or a colleague of your KOV, up to and including the cut-off day; a place while there is one, otherwise the waitlist; one place per person per training',
      params: idParams,
      body: registerInput,
      response: { 201: registrationView },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await register(deps, ctx, request.params.id, request.body);
      const r = (await findRegistration(deps.db, ctx.actor, id))!;
      return reply.status(201).send(toRegistrationView(r, ctx.actor, today()));
    },
  });

  app.get('/api/trainings/registrations', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'Registrations in scope (a KOV worker: their municipality’s; mine=true only their own), newest first, keyset pages',
      querystring: z.object({ ...registrationFilter, ...pageQuery }).strict(),
      response: { 200: pageOf(registrationView) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listRegistrations(deps.db, ctx.actor, filter, { limit, cursor });
      await auditReads(deps.db, ctx, listEntries('training_registration', page.items.map((r) => ({ id: r.id, personId: r.participant_person_id }))));
      const on = today();
      return { items: page.items.map((r) => toRegistrationView(r, ctx.actor, on)), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/trainings/registrations/export', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'X-EXPORT: the participants (filtered) as CSV or XLSX, by KOV; every row is audited as exported', querystring: z.object({ ...registrationFilter, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportRegistrations(trx, ctx.actor, filter, EXPORT_ROW_LIMIT);
        await appendAudit(trx, ctx, found.map((r) => ({ action: 'export' as const, recordType: 'training_registration', recordId: r.id, personId: r.participant_person_id })));
        return found;
      });
      return sendExport(reply, format, 'koolitusel-osalejad', registrationExport, rows);
    },
  });

  app.post('/api/trainings/registrations/:id/cancel', {
    config: { access: ['kov_worker', 'ska_manager'] },
    schema: {
      tags: TAGS,
      summary: 'C-3: cancel a registration before the group starts; a freed place goes to the head of the waitlist, who is told',
      params: idParams,
      body: cancelRegistrationInput,
      response: { 200: registrationView.extend({ promoted: z.number() }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { promoted } = await cancelRegistration(deps, ctx, request.params.id, request.body);
      const r = (await findRegistration(deps.db, ctx.actor, request.params.id))!;
      return { ...toRegistrationView(r, ctx.actor, today()), promoted: promoted.length };
    },
  });

  app.get('/api/trainings/registrations/:id/certificate', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'C-5: the certificate (PDF) of a participant who attended every day in full; 409 otherwise; audited as an export', params: idParams },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const r = await findRegistration(deps.db, ctx.actor, request.params.id);
      if (!r) throw notFound();
      if (!r.full_attendance) throw new AppError(409, 'C_5_NOT_FULL_ATTENDANCE', {}, { rule: 'C-5' });
      const [training, group, sessions, participant] = await Promise.all([
        deps.db.selectFrom('trainings').innerJoin('organisations', 'organisations.id', 'trainings.provider_organisation_id').select(['trainings.days', 'trainings.form', 'trainings.topics', 'organisations.name as provider']).where('trainings.id', '=', r.training_id).executeTakeFirstOrThrow(),
        deps.db.selectFrom('training_groups').leftJoin('users', 'users.id', 'training_groups.trainer_user_id').select(['users.name as trainer']).where('training_groups.id', '=', r.group_id).executeTakeFirstOrThrow(),
        sessionsOf(deps.db, [r.group_id]),
        deps.db.selectFrom('users').select('locale').where('id', '=', r.user_id).executeTakeFirstOrThrow(),
      ]);
      const pdf = await renderPdf(
        certificateDocument({
          language: participant.locale,
          participant: r.participant_name,
          organisation: r.organisation_name,
          training: { reference: r.training_reference, title: r.training_title, academicHours: r.training_hours, days: training.days, form: training.form, topics: training.topics },
          group: { number: r.group_number, city: r.group_city, venue: r.group_venue, days: sessions.map((s) => s.day) },
          provider: training.provider,
          trainer: group.trainer,
          queueNo: Number(r.queue_no),
          createdAt: new Date(),
        }),
      );
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'training_registration', recordId: r.id, personId: r.participant_person_id, changes: [{ field: 'document', old: null, new: 'certificate' }] }]);
      return reply
        .header('content-type', PDF_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${certificateFilename(r.training_reference, r.group_number, Number(r.queue_no))}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  // --- C-5: attendance and feedback ----------------------------------------------------------------

  app.put('/api/trainings/groups/:id/attendance', {
    config: { access: ['trainer', 'ska_manager'] },
    schema: {
      tags: TAGS,
      summary: 'C-5: mark confirmed participants present, partly present or absent on one session day (on or after the day); the group’s trainer, or the SKA manager to correct',
      params: idParams,
      body: attendanceInput,
      response: { 200: groupDetail },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await recordAttendance(deps, ctx, request.params.id, request.body);
      return groupOut(ctx, request.params.id);
    },
  });

  app.post('/api/trainings/registrations/:id/feedback', {
    config: { access: ['kov_worker'] },
    schema: { tags: TAGS, summary: 'C-5: the participant’s questionnaire, once, from the last day of the training (answers are only shown summarised)', params: idParams, body: feedbackInput, response: { 201: z.object({ id: z.string() }) } },
    handler: async (request, reply) => reply.status(201).send({ id: await submitFeedback(deps, contextOf(request), request.params.id, { ...request.body, mostUseful: request.body.mostUseful ?? null, improve: request.body.improve ?? null }) }),
  });

  const feedbackSummary = async (ctx: RequestContext, groups: readonly GroupRow[]) => {
    const ids = groups.map((g) => g.id);
    const rows = await feedbackOfGroups(deps.db, ctx.actor, ids);
    const participants = ids.length
      ? Number(
          (
            await deps.db
              .selectFrom('training_registrations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('group_id', 'in', ids)
              .where('status', '=', 'confirmed')
              .where((eb) => eb.exists(eb.selectFrom('training_attendance').select('session_id').whereRef('training_attendance.registration_id', '=', 'training_registrations.id').where('training_attendance.status', '!=', 'absent')))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
    const summary = summariseFeedback(rows.map((r) => ({ ...r, mostUseful: r.most_useful, improve: r.improve })));
    return { ...summary, participants };
  };

  app.get('/api/trainings/groups/:id/feedback', {
    config: { access: [...SKA, 'trainer'] },
    schema: { tags: TAGS, summary: 'C-5: the questionnaire’s summary for a group (averages, answers 1–5, recommendation, comments without names)', params: idParams, response: { 200: feedbackSummaryView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const g = await findGroup(deps.db, ctx.actor, request.params.id);
      if (!g) throw notFound();
      return feedbackSummary(ctx, [g]);
    },
  });

  app.get('/api/trainings/:id/feedback', {
    config: { access: [...SKA, 'trainer'] },
    schema: { tags: TAGS, summary: 'C-5: the questionnaire’s summary over the training’s groups in the user’s scope', params: idParams, response: { 200: feedbackSummaryView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      if (!(await findTraining(deps.db, ctx.actor, request.params.id))) throw notFound();
      return feedbackSummary(ctx, await listGroups(deps.db, ctx.actor, { trainingId: request.params.id }));
    },
  });

  // --- participants per KOV ---------------------------------------------------------------------------

  app.get('/api/trainings/kov-summary', {
    config: { access: [...SKA, 'kov_worker'] },
    schema: { tags: TAGS, summary: 'How many of each municipality’s workers are trained: places, waitlist, people trained in full, certificates (SKA all, a KOV worker their own)', querystring: z.object(summaryQuery).strict(), response: { 200: kovSummaryView } },
    handler: async (request) => {
      const rows = await kovSummary(deps.db, contextOf(request).actor, request.query);
      return { items: rows.map((r) => ({ organisation: { id: r.organisation_id, name: r.organisation_name }, county: r.county, workers: r.workers, registered: r.registered, waitlisted: r.waitlisted, peopleTrained: r.people_trained, certificates: r.certificates })) };
    },
  });

  app.get('/api/trainings/kov-summary/export', {
    config: { access: [...SKA, 'kov_worker'] },
    schema: { tags: TAGS, summary: 'X-EXPORT: the per-KOV numbers as CSV or XLSX (counts only, no personal data)', querystring: z.object({ ...summaryQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      return sendExport(reply, format, 'koolitused-kov', summaryExport, await kovSummary(deps.db, contextOf(request).actor, filter));
    },
  });

  // --- one training (after the static paths) ------------------------------------------------------------

  app.get('/api/trainings/:id', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'One training of the catalogue, with the user’s own place in it', params: idParams, response: { 200: trainingView } },
    handler: async (request) => trainingOut(contextOf(request), request.params.id),
  });

  app.patch('/api/trainings/:id', {
    config: { access: MANAGER },
    schema: { tags: TAGS, summary: 'C-1: change a training (publish it with status=published); 409 on a stale version', params: idParams, body: trainingPatch, response: { 200: trainingView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateTraining(deps, ctx, request.params.id, request.body);
      return trainingOut(ctx, request.params.id);
    },
  });

}
