import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { AppError, contextOf, idParams, notFound, trimmed } from '../../../platform/http/index.js';
import { MAX_UPLOAD_BYTES } from '../../../platform/http/limits.js';
import { requireUpload, SIGNED_PAPER_UPLOADS } from '../../../platform/http/uploads.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { clientFamilyScope } from '../../../platform/policy/policy.js';
import { renderPdf, PDF_CONTENT_TYPE } from '../../../platform/documents/pdf.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import { loadReportFile, safeFilename } from '../report-files.js';
import { today } from '../shared.js';
import { draftMonthlyReport } from './monthly-draft.js';
import { eventsOf, findReport, linesOf, listReports } from './monthly-queries.js';
import { lineAmount, monthOfDate, SIGNED_SERVICES } from './monthly-rules.js';
import { confirmAsClient, confirmAsSpecialist, createReport, decideReport, redraftReport, submitReport, updateNote, uploadSignature } from './monthly-service.js';
import { lineView, reportDetail, reportSummary } from './monthly-views.js';
import { specialistReportDocument } from './monthly-pdf.js';
import { confirmationItem, currentMonthResponse, historyResponse, MONTH, REPORT_READERS, reportDetail as reportDetailSchema, reportStatus, reportSummary as reportSummarySchema } from './monthly-schemas.js';
import { translate } from '../../../platform/i18n/messages.js';
import { attachment } from '../../../platform/http/content-disposition.js';

const TAGS = ['families'];
const BASE = '/api/families/monthly-reports';
const revisionQuery = z.object({ revision: z.coerce.number().int().min(1).max(1000).optional() }).strict();

/** B-REP-1 monthly reports: drafting, review, signatures, submission, SKA's decision, history. */
export function registerMonthlyReportRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const readable = async (ctx: RequestContext, id: string, revision?: number) => {
    const found = await findReport(deps.db, ctx.actor, id);
    if (!found) throw notFound();
    if (revision !== undefined && revision > found.revision) throw notFound();
    return found;
  };
  const detail = async (ctx: RequestContext, id: string, revision?: number) => reportDetail(deps.db, ctx.actor, ctx.locale, await readable(ctx, id, revision), revision);

  app.get(BASE, {
    config: { access: REPORT_READERS },
    schema: {
      tags: TAGS,
      summary: 'Monthly reports in scope (provider: its own; SKA: submitted at least once, awaiting approval first; specialist: those with their lines)',
      querystring: z.object({ month: MONTH.optional(), status: reportStatus.optional(), providerId: z.uuid().optional() }).strict(),
      response: { 200: z.object({ items: z.array(reportSummarySchema) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      return deps.db.transaction().execute(async (trx) => {
        const rows = await listReports(trx, ctx.actor, request.query);
        await appendAudit(trx, ctx, rows.map((r) => ({ action: 'list' as const, recordType: 'monthly_report', recordId: r.id })));
        return { items: rows.map(reportSummary) };
      });
    },
  });

  app.post(BASE, {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'Draft the report of a finished month now (the job does it on the 1st); 409 MONTHLY_REPORT_EXISTS', body: z.object({ month: MONTH }).strict(), response: { 201: reportDetailSchema } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await createReport(deps, ctx, request.body.month);
      return reply.status(201).send(await detail(ctx, id));
    },
  });

  app.get(`${BASE}/current-month`, {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'This month’s work so far as it would be reported: family months, sessions, groups, and what would be excluded', response: { 200: currentMonthResponse } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const month = monthOfDate(today());
      const draft = await draftMonthlyReport(deps.db, ctx.actor.organisationId, month);
      const familyIds = [...new Set(draft.lines.map((l) => l.familyId).filter((x): x is string => Boolean(x)))];
      const specialistIds = [...new Set(draft.lines.map((l) => l.specialistId).filter((x): x is string => Boolean(x)))];
      const families = familyIds.length
        ? await deps.db
            .selectFrom('families')
            .select(['id', 'reference', 'adoption_secrecy', sql<string | null>`(select string_agg(p.first_name || ' ' || p.last_name, ', ' order by p.last_name, p.first_name) from family_parents fp join people p on p.id = fp.person_id where fp.family_id = families.id)`.as('parent_names')])
            .where('id', 'in', familyIds)
            .execute()
        : [];
      const specialists = specialistIds.length ? await deps.db.selectFrom('provider_specialists as s').innerJoin('users as u', 'u.id', 's.user_id').select(['s.id', 'u.name']).where('s.id', 'in', specialistIds).execute() : [];
      const lines = draft.lines.map((l, i) => {
        const f = families.find((x) => x.id === l.familyId);
        const s = specialists.find((x) => x.id === l.specialistId);
        return {
          position: i + 1,
          service: l.service,
          family: f ? { id: f.id, reference: f.reference, parentNames: f.parent_names ?? null, adoptionSecrecy: f.adoption_secrecy } : null,
          specialist: s ? { id: s.id, name: s.name } : null,
          episodeId: l.episodeId,
          sessionId: l.sessionId,
          groupId: l.groupId,
          occurredOn: l.occurredOn,
          description: l.description,
          quantity: l.quantityMilli / 1000,
          unitCents: l.unitCents,
          amountCents: l.amountCents,
          valueCents: lineAmount(l.quantityMilli, l.unitCents),
          billable: l.billable,
          excludedReason: l.excludedReason,
          excludedReasonText: l.excludedReason ? translate(ctx.locale, `MONTHLY_REASON_${l.excludedReason}`) : null,
        };
      });
      const byService = [...new Set(lines.map((l) => l.service))].map((service) => {
        const of = lines.filter((l) => l.service === service);
        return { service, lines: of.length, billableCents: of.reduce((a, l) => a + l.amountCents, 0), excludedCents: of.reduce((a, l) => a + (l.billable ? 0 : l.valueCents), 0) };
      });
      return { month, asOf: today(), contract: draft.contract ? { id: draft.contract.id, reference: draft.contract.reference } : null, totalCents: draft.totals.totalCents, excludedCents: draft.totals.excludedCents, lines, byService };
    },
  });

  app.get(`${BASE}/:id`, {
    config: { access: REPORT_READERS },
    schema: { tags: TAGS, summary: 'One report: lines by service and specialist, excluded lines with the reason, signatures, endings (B-END); ?revision= for an earlier one', params: idParams, querystring: revisionQuery, response: { 200: reportDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const found = await readable(ctx, request.params.id, request.query.revision);
      await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'monthly_report', recordId: found.id }]);
      return reportDetail(deps.db, ctx.actor, ctx.locale, found, request.query.revision);
    },
  });

  app.get(`${BASE}/:id/lines`, {
    config: { access: REPORT_READERS },
    schema: { tags: TAGS, summary: 'The lines of a revision (default: the current one); a specialist gets only their own', params: idParams, querystring: revisionQuery, response: { 200: z.object({ revision: z.number(), items: z.array(reportDetailSchema.shape.lines.element) }) } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const found = await readable(ctx, request.params.id, request.query.revision);
      const revision = request.query.revision ?? found.revision;
      const rows = await linesOf(deps.db, ctx.actor, found.id, revision);
      await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'monthly_report', recordId: found.id }]);
      return { revision, items: rows.map((l) => lineView(l, ctx.locale)) };
    },
  });

  app.get(`${BASE}/:id/history`, {
    config: { access: REPORT_READERS },
    schema: { tags: TAGS, summary: 'The report’s history: drafting, signatures, submissions, returns with comments, approval', params: idParams, response: { 200: historyResponse } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const found = await readable(ctx, request.params.id);
      const events = await eventsOf(deps.db, found.id);
      return {
        revisions: Array.from({ length: found.revision }, (_, i) => i + 1),
        events: events.map((e) => ({ id: String(e.id), revision: e.revision, kind: e.kind, comment: e.comment, totalCents: e.total_cents === null ? null : Number(e.total_cents), at: e.at.toISOString(), actorName: e.actor_name })),
      };
    },
  });

  app.patch(`${BASE}/:id`, {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'The provider’s note on a draft; 409 on a stale version or an approved report', params: idParams, body: z.object({ version: z.number().int().min(1), note: z.string().trim().max(5000).nullable() }).strict(), response: { 200: reportDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateNote(deps, ctx, request.params.id, { version: request.body.version, note: request.body.note || null });
      return detail(ctx, request.params.id);
    },
  });

  app.post(`${BASE}/:id/redraft`, {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'Rebuild the lines from the recorded work (a returned report becomes the next revision; unchanged signatures are kept)', params: idParams, body: z.object({ version: z.number().int().min(1) }).strict(), response: { 200: reportDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await redraftReport(deps, ctx, request.params.id, request.body.version);
      return detail(ctx, request.params.id);
    },
  });

  app.post(`${BASE}/:id/submit`, {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'B-REP-1: submit by the 5th (later is allowed and marked late); 409 MONTHLY_REPORT_SIGNATURES_MISSING lists the missing signatures', params: idParams, body: z.object({ version: z.number().int().min(1) }).strict(), response: { 200: reportDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await submitReport(deps, ctx, request.params.id, request.body.version);
      return detail(ctx, request.params.id);
    },
  });

  app.post(`${BASE}/:id/decision`, {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'SKA approves (the total is the amount of the e-invoice, B-REP-2) or returns with a general comment and comments on lines',
      params: idParams,
      body: z
        .object({
          version: z.number().int().min(1),
          decision: z.enum(['approve', 'return']),
          comment: z.string().trim().max(5000).nullable().optional(),
          lineComments: z.array(z.object({ lineId: z.uuid(), comment: trimmed(2000) }).strict()).max(500).optional(),
        })
        .strict(),
      response: { 200: reportDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await decideReport(deps, ctx, request.params.id, { ...request.body, comment: request.body.comment || null });
      return detail(ctx, request.params.id);
    },
  });

  app.post(`${BASE}/:id/signatures/confirm`, {
    config: { access: ['provider_specialist'] },
    schema: { tags: TAGS, summary: 'A specialist confirms (signs in the app) their own monthly report of this revision', params: idParams, body: z.object({ revision: z.number().int().min(1) }).strict(), response: { 200: reportDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await confirmAsSpecialist(deps, ctx, request.params.id, request.body.revision);
      return detail(ctx, request.params.id);
    },
  });

  app.post(`${BASE}/:id/signatures/upload`, {
    config: { access: ['provider_admin'] },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: {
      tags: TAGS,
      summary: 'Upload a specialist’s report signed by the specialist or by the recipient (raw bytes, application/octet-stream; stored encrypted, B-SEC)',
      params: idParams,
      querystring: z
        .object({
          revision: z.coerce.number().int().min(1).max(1000),
          signer: z.enum(['specialist', 'recipient']),
          specialistId: z.uuid(),
          familyId: z.uuid().optional(),
          filename: z.string().trim().min(1).max(200),
        })
        .strict(),
      response: { 201: reportDetailSchema },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
      if (bytes.length === 0) throw new AppError(400, 'VALIDATION_FAILED', {}, { fields: [{ path: 'body', message: 'empty file' }] });
      requireUpload(bytes, SIGNED_PAPER_UPLOADS);
      const q = request.query;
      await uploadSignature(deps, ctx, request.params.id, { revision: q.revision, signer: q.signer, specialistId: q.specialistId, familyId: q.familyId ?? null, filename: safeFilename(q.filename) }, bytes);
      return reply.status(201).send(await detail(ctx, request.params.id));
    },
  });

  app.get(`${BASE}/:id/signatures/files/:fileId`, {
    config: { access: ['provider_admin', 'ska_contact', 'ska_manager'] },
    schema: { tags: TAGS, summary: 'Download an uploaded signed report (decrypted; the download is audited)', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const found = await readable(ctx, request.params.id);
      const owned = await deps.db.selectFrom('monthly_report_signatures').select('id').where('report_id', '=', found.id).where('file_id', '=', request.params.fileId).executeTakeFirst();
      if (!owned) throw notFound();
      const file = await loadReportFile(deps.db, encryptionKeyFrom(deps.config), request.params.fileId);
      if (!file) throw notFound();
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'report_file', recordId: file.id }]);
      return reply.header('content-type', 'application/octet-stream').header('content-disposition', attachment(file.filename)).header('cache-control', 'no-store').send(file.content);
    },
  });

  app.get(`${BASE}/:id/specialists/:specialistId/pdf`, {
    config: { access: REPORT_READERS },
    schema: { tags: TAGS, summary: 'One specialist’s monthly report as PDF, with lines to sign for the specialist and each recipient (003 §3.1.2)', params: z.object({ id: z.uuid(), specialistId: z.uuid() }), querystring: revisionQuery },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const found = await readable(ctx, request.params.id, request.query.revision);
      const revision = request.query.revision ?? found.revision;
      const rows = (await linesOf(deps.db, ctx.actor, found.id, revision)).filter((l) => l.specialist_id === request.params.specialistId && SIGNED_SERVICES.has(l.service));
      if (rows.length === 0) throw notFound();
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'monthly_report', recordId: found.id, changes: [{ field: 'specialist_report', old: null, new: request.params.specialistId }] }]);
      const pdf = await renderPdf(specialistReportDocument(found, rows[0]!.specialist_name ?? '', revision, rows.map((l) => lineView(l, 'et')), new Date()));
      return reply.header('content-type', PDF_CONTENT_TYPE).header('content-disposition', `attachment; filename="${found.reference}-${revision}-spetsialist.pdf"`).header('cache-control', 'no-store').send(pdf);
    },
  });

  // --- Self-service: a parent confirms the services their family received -----------------

  app.get('/api/me/service-confirmations', {
    config: { access: ['client'] },
    schema: { tags: TAGS, summary: 'The services of my family in monthly reports awaiting my confirmation (B-REP-1 recipient signature)', response: { 200: z.object({ items: z.array(confirmationItem) }) } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const rows = await deps.db
        .selectFrom('monthly_report_lines as l')
        .innerJoin('monthly_reports as r', (j) => j.onRef('r.id', '=', 'l.report_id').onRef('r.revision', '=', 'l.revision'))
        .innerJoin('families', 'families.id', 'l.family_id')
        .innerJoin('organisations as provider', 'provider.id', 'r.provider_organisation_id')
        .innerJoin('provider_specialists as s', 's.id', 'l.specialist_id')
        .innerJoin('users as su', 'su.id', 's.user_id')
        .select(['r.id as report_id', 'r.reference', 'r.revision', 'r.month', 'provider.name as provider_name', 'l.specialist_id', 'su.name as specialist_name', 'families.id as family_id', 'families.reference as family_reference', 'l.service', 'l.occurred_on', 'l.description', 'l.quantity_milli'])
        .where(clientFamilyScope(ctx.actor))
        .where('r.status', '=', 'draft')
        .where('l.service', 'in', [...SIGNED_SERVICES])
        .orderBy('r.month', 'desc')
        .orderBy('l.position')
        .execute();
      const signed = rows.length
        ? await deps.db
            .selectFrom('monthly_report_signatures')
            .select(['report_id', 'revision', 'specialist_id', 'family_id'])
            .where('signer', '=', 'recipient')
            .where('report_id', 'in', [...new Set(rows.map((r) => r.report_id))])
            .execute()
        : [];
      const items = new Map<string, z.infer<typeof confirmationItem>>();
      for (const r of rows) {
        const key = `${r.report_id}:${r.specialist_id}:${r.family_id}`;
        const item = items.get(key) ?? {
          reportId: r.report_id,
          reportReference: r.reference,
          revision: r.revision,
          month: r.month,
          provider: r.provider_name,
          specialistId: r.specialist_id!,
          specialistName: r.specialist_name,
          family: { id: r.family_id, reference: r.family_reference },
          confirmed: signed.some((s) => s.report_id === r.report_id && s.revision === r.revision && s.specialist_id === r.specialist_id && s.family_id === r.family_id),
          lines: [],
        };
        item.lines.push({ service: r.service, occurredOn: r.occurred_on, description: r.description, quantity: r.quantity_milli / 1000 });
        items.set(key, item);
      }
      await appendAudit(deps.db, ctx, [...items.values()].map((i) => ({ action: 'list' as const, recordType: 'monthly_report', recordId: i.reportId, personId: ctx.actor.personId })));
      return { items: [...items.values()] };
    },
  });

  app.post('/api/me/service-confirmations/confirm', {
    config: { access: ['client'] },
    schema: {
      tags: TAGS,
      summary: 'Confirm (sign in the app) the services my family received from a specialist in a month',
      body: z.object({ reportId: z.uuid(), revision: z.number().int().min(1), specialistId: z.uuid(), familyId: z.uuid() }).strict(),
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await confirmAsClient(deps, ctx, request.body);
      return reply.status(201).send({ id });
    },
  });
}
