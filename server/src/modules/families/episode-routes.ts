import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, contextOf, idParams, notFound, pageOf, pageQuery, trimmed, versionBody } from '../../platform/http/index.js';
import { appendAudit, listEntries } from '../../platform/audit/audit.js';
import { registerRecordType } from '../../platform/audit/record-access.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { renderPdf, PDF_CONTENT_TYPE, type PdfDocument } from '../../platform/documents/pdf.js';
import { contactsOf, episodeParties, exportEpisodes, findEpisode, goalsOf, listEpisodes, parentsOf, type EpisodeListRow, type EpisodeRecord } from './queries.js';
import {
  addGoal,
  endEpisode,
  logContact,
  reassignSpecialist,
  recordAgreement,
  sendKovOverview,
  sendNeedNotice,
  setContinuedSupport,
  switchToAdaptation,
  updateGoal,
} from './episodes-service.js';
import { complianceOfRow, episodeDetail, episodeListItem } from './views.js';
import { documentAvailable, episodeDocument, kovReportDocument, EPISODE_DOCUMENTS, type EpisodeDocumentInput } from './documents.js';
import { contactKind, endReason, episodeDetail as episodeDetailSchema, episodeListItem as episodeListItemSchema, episodeStatus, FAMILY_ROLES, goalStatus, optionalText, PROVIDER_ROLES, supportKind, serviceDate } from './schemas.js';
import { today } from './shared.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { auditReads } from '../../platform/audit/reads.js';

const TAGS = ['families'];
const versioned = versionBody.shape;

const filterQuery = {
  view: z.enum(['mine', 'all']).optional().describe('mine: the episodes assigned to the current specialist'),
  status: z.union([episodeStatus, z.literal('running')]).optional(),
  kind: supportKind.optional(),
  providerId: z.uuid().optional(),
  specialistId: z.uuid().optional(),
  familyId: z.uuid().optional(),
  kovId: z.uuid().optional(),
  compliance: z.enum(['red', 'amber', 'green']).optional().describe('B-FREQ traffic light of active episodes'),
  endedFrom: serviceDate.optional().describe('Episodes ended from this day (e.g. last month, §2.1.5.12)'),
  endedTo: serviceDate.optional(),
};

const exportColumns: ExportColumn<EpisodeListRow>[] = [
  { key: 'family', header: 'Pere / Family', value: (r) => r.family_reference },
  { key: 'parents', header: 'Vanemad / Parents', value: (r) => r.parent_names },
  { key: 'kind', header: 'Liik / Kind', value: (r) => r.kind },
  { key: 'status', header: 'Olek / Status', value: (r) => r.status },
  { key: 'provider', header: 'Teenuseosutaja / Provider', value: (r) => r.provider_name },
  { key: 'specialist', header: 'Spetsialist / Specialist', value: (r) => r.specialist_name },
  { key: 'kov', header: 'KOV', value: (r) => r.kov_name },
  { key: 'startsOn', header: 'Algus / Start', value: (r) => r.starts_on, kind: 'date' },
  { key: 'agreementOn', header: 'Koostöölepe / Agreement', value: (r) => r.agreement_on, kind: 'date' },
  { key: 'lastContact', header: 'Viimane kontakt / Last contact', value: (r) => r.last_contact_on, kind: 'date' },
  { key: 'nextContact', header: 'Järgmine kontakt / Next contact due', value: (r) => r.next_contact_due, kind: 'date' },
  { key: 'nextHomeVisit', header: 'Järgmine kodukülastus / Next home visit due', value: (r) => r.next_home_visit_due, kind: 'date' },
  { key: 'compliance', header: 'Sagedus / Frequency', value: (r) => complianceOfRow(r) },
  { key: 'endsOn', header: 'Lõpp / End', value: (r) => r.ends_on, kind: 'date' },
  { key: 'endReason', header: 'Lõpetamise põhjus / End reason', value: (r) => r.end_reason },
];

const termination = {
  activities: optionalText(20_000).describe('Activities during the service'),
  goalsReached: optionalText(20_000),
  furtherNeeds: optionalText(20_000),
  kovRecommendations: optionalText(20_000).describe('Not needed (and not kept) when the adoptive family declined KOV involvement'),
};

async function documentInput(db: Kysely<DB>, e: EpisodeRecord): Promise<EpisodeDocumentInput> {
  const family = await db.selectFrom('families').selectAll().where('id', '=', e.family_id).executeTakeFirstOrThrow();
  const [parents, goals, contacts, names] = await Promise.all([
    parentsOf(db, family.id),
    goalsOf(db, e.id),
    contactsOf(db, e.id),
    episodeParties(db, e, family.kov_organisation_id),
  ]);
  return {
    family,
    episode: e,
    parents,
    child: names.first_name ? { first_name: names.first_name, last_name: names.last_name ?? '' } : null,
    kovName: names.kov_name,
    providerName: names.provider_name,
    specialistName: names.specialist_name,
    goals,
    contacts,
    createdAt: new Date(),
  };
}

async function sendPdf(reply: FastifyReply, spec: PdfDocument, filename: string) {
  const pdf = await renderPdf(spec);
  return reply.header('content-type', PDF_CONTENT_TYPE).header('content-disposition', `attachment; filename="${filename}.pdf"`).header('cache-control', 'no-store').send(pdf);
}

/** Service episodes: agreement, contact log, support plan, KOV reports, ending, switching (B-FREQ, B-PLAN, B-KOV, B-END, B-SWITCH, B-CONT). */
export function registerEpisodeRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('family_episode', async (db, actor, id) => z.uuid().safeParse(id).success && Boolean(await findEpisode(db, actor, id)));
  const detail = async (ctx: RequestContext, id: string) => {
    const found = await findEpisode(deps.db, ctx.actor, id);
    if (!found) throw notFound();
    return episodeDetail(deps.db, found);
  };

  app.get('/api/families/episodes', {
    config: { access: FAMILY_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Service episodes in scope with the B-FREQ traffic light and next due dates (SKA contact: across providers; provider: its own; specialist: view=mine)',
      querystring: z.object({ ...filterQuery, ...pageQuery }).strict(),
      response: { 200: pageOf(episodeListItemSchema) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listEpisodes(deps.db, ctx.actor, filter, { limit, cursor }, today());
      await auditReads(deps.db, ctx, listEntries('family_episode', page.items.map((r) => ({ id: r.id, personId: r.child_person_id }))));
      return { items: page.items.map((r) => episodeListItem(r)), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/families/episodes/export', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'Export the filtered episodes as CSV or XLSX (X-EXPORT)', querystring: z.object({ ...filterQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportEpisodes(trx, ctx.actor, filter, EXPORT_ROW_LIMIT, today());
        await appendAudit(trx, ctx, found.map((r) => ({ action: 'export' as const, recordType: 'family_episode', recordId: r.id, personId: r.child_person_id })));
        return found;
      });
      return sendExport(reply, format, 'peretugi', exportColumns, rows);
    },
  });

  app.get('/api/families/episodes/:id', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'One episode: agreement, compliance (B-FREQ), limit and remaining volume, support plan, contacts, KOV reports, termination', params: idParams, response: { 200: episodeDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const found = await findEpisode(deps.db, ctx.actor, request.params.id);
      if (!found) throw notFound();
      await auditReads(deps.db, ctx, [{ action: 'read', recordType: 'family_episode', recordId: found.id, personId: found.child_person_id }]);
      return episodeDetail(deps.db, found);
    },
  });

  app.post('/api/families/episodes/:id/assign', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Assign another specialist (the family may change supporter, §2.1.5.7.8); §2.8.6 and B-COI checked, refused with the rule in the code',
      params: idParams,
      body: z.object({ ...versioned, specialistId: z.uuid(), reason: trimmed(2000) }).strict(),
      response: { 200: episodeDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await reassignSpecialist(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/episodes/:id/agreement', {
    config: { access: PROVIDER_ROLES },
    schema: {
      tags: TAGS,
      summary: 'The cooperation agreement from the first meeting at home: goals and activities; starts B-FREQ, opens the support plan (B-PLAN) and informs the KOV (B-KOV)',
      params: idParams,
      body: z
        .object({ ...versioned, agreedOn: serviceDate, goals: trimmed(20_000), activities: trimmed(20_000), familyActivities: optionalText(20_000), planGoals: z.array(trimmed(2000)).max(30).optional() })
        .strict(),
      response: { 200: episodeDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await recordAgreement(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/episodes/:id/contacts', {
    config: { access: PROVIDER_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Record a contact in one request: call, e-mail, message, home visit, meeting (date, minutes, notes, notes against plan goals); answers the new B-FREQ state',
      params: idParams,
      body: z
        .object({
          kind: contactKind,
          occurredOn: serviceDate,
          durationMinutes: z.number().int().min(0).max(1440),
          notes: optionalText(20_000),
          goalNotes: z.array(z.object({ goalId: z.uuid(), note: trimmed(5000) }).strict()).max(30).optional(),
        })
        .strict(),
      response: { 201: z.object({ id: z.string(), compliance: episodeDetailSchema.shape.compliance }) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const row = await logContact(deps, ctx, request.params.id, request.body);
      const updated = await detail(ctx, request.params.id);
      return reply.status(201).send({ id: row.id, compliance: updated.compliance });
    },
  });

  app.post('/api/families/episodes/:id/goals', {
    config: { access: PROVIDER_ROLES },
    schema: { tags: TAGS, summary: 'B-PLAN: add a goal to the support plan of needs-based support', params: idParams, body: z.object({ text: trimmed(2000), addedOn: serviceDate.optional() }).strict(), response: { 201: episodeDetailSchema } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await addGoal(deps, ctx, request.params.id, request.body);
      return reply.status(201).send(await detail(ctx, request.params.id));
    },
  });

  app.patch('/api/families/episodes/:id/goals/:goalId', {
    config: { access: PROVIDER_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-PLAN: change a goal’s text or mark it reached or dropped; 409 on a stale version',
      params: z.object({ id: z.uuid(), goalId: z.uuid() }),
      body: z.object({ ...versioned, text: trimmed(2000).optional(), status: goalStatus.optional() }).strict(),
      response: { 200: episodeDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateGoal(deps, ctx, request.params.id, request.params.goalId, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/episodes/:id/kov-reports', {
    config: { access: PROVIDER_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-KOV: record the quarterly written overview as sent to the KOV (with the support plan for needs-based support); 409 B_KOV_NOT_INVOLVED for an adoptive family without consent',
      params: idParams,
      body: z.object({ periodStart: serviceDate, periodEnd: serviceDate, progress: trimmed(20_000), difficulties: optionalText(20_000), includePlan: z.boolean().optional() }).strict(),
      response: { 201: episodeDetailSchema },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await sendKovOverview(deps, ctx, request.params.id, request.body);
      return reply.status(201).send(await detail(ctx, request.params.id));
    },
  });

  app.get('/api/families/episodes/:id/kov-reports/:reportId/pdf', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'A report sent to the KOV as PDF (start notice, quarterly overview, termination, need notice)', params: z.object({ id: z.uuid(), reportId: z.uuid() }) },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const e = await findEpisode(deps.db, ctx.actor, request.params.id);
      if (!e) throw notFound();
      const report = await deps.db.selectFrom('kov_reports').selectAll().where('id', '=', request.params.reportId).where('episode_id', '=', e.id).executeTakeFirst();
      if (!report) throw notFound();
      const input = await documentInput(deps.db, e);
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'kov_report', recordId: report.id, personId: e.child_person_id }]);
      return sendPdf(reply, kovReportDocument(report, input), `${input.family.reference}-${report.kind}-${report.sent_on}`);
    },
  });

  app.get('/api/families/episodes/:id/pdf/:document', {
    config: { access: FAMILY_ROLES },
    schema: {
      tags: TAGS,
      summary: 'The cooperation agreement, termination agreement or support plan as PDF, in the family’s language (X-DOC)',
      params: z.object({ id: z.uuid(), document: z.enum(EPISODE_DOCUMENTS) }),
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const e = await findEpisode(deps.db, ctx.actor, request.params.id);
      if (!e) throw notFound();
      if (!documentAvailable(request.params.document, e)) throw new AppError(409, 'DOCUMENT_NOT_READY');
      const input = await documentInput(deps.db, e);
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'family_episode', recordId: e.id, personId: e.child_person_id, changes: [{ field: 'document', old: null, new: request.params.document }] }]);
      return sendPdf(reply, episodeDocument(request.params.document, input), `${input.family.reference}-${request.params.document}`);
    },
  });

  app.post('/api/families/episodes/:id/end', {
    config: { access: PROVIDER_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-END: end in writing (termination agreement: activities, goals reached, further needs, recommendations for the KOV); sent to the KOV unless declined (B-KOV)',
      params: idParams,
      body: z.object({ ...versioned, endsOn: serviceDate, reason: endReason, ...termination, continuedSupport: z.boolean().optional().describe('B-CONT: keep the family on the continued-support list (default true)') }).strict(),
      response: { 200: episodeDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await endEpisode(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/episodes/:id/switch-to-adaptation', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-SWITCH: a new child joined; end the needs-based episode in writing and start adaptation support for the new child (unused needs-based volume stays)',
      params: idParams,
      body: z.object({ ...versioned, childPersonId: z.uuid(), switchOn: serviceDate, specialistId: z.uuid().optional(), ...termination }).strict(),
      response: { 201: z.object({ endedEpisodeId: z.string(), adaptation: episodeDetailSchema }) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { ended, adaptation } = await switchToAdaptation(deps, ctx, request.params.id, request.body);
      return reply.status(201).send({ endedEpisodeId: ended.id, adaptation: await detail(ctx, adaptation.id) });
    },
  });

  app.post('/api/families/episodes/:id/kov-need-notice', {
    config: { access: PROVIDER_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-CONT: tell the KOV of a larger need found in continued support, only with the family’s agreement',
      params: idParams,
      body: z.object({ familyAgreed: z.boolean(), text: trimmed(20_000) }).strict(),
      response: { 201: episodeDetailSchema },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await sendNeedNotice(deps, ctx, request.params.id, request.body);
      return reply.status(201).send(await detail(ctx, request.params.id));
    },
  });

  app.post('/api/families/episodes/:id/continued-support', {
    config: { access: PROVIDER_ROLES },
    schema: { tags: TAGS, summary: 'B-CONT: keep or take the family off the continued-support list after the end', params: idParams, body: z.object({ ...versioned, continuedSupport: z.boolean() }).strict(), response: { 200: episodeDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await setContinuedSupport(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });
}
