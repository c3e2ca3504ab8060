import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/http/index.js';
import { contextOf, idParams, notFound } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { registerRecordType } from '../../../platform/audit/record-access.js';
import { renderPdf, PDF_CONTENT_TYPE } from '../../../platform/documents/pdf.js';
import { todayInTallinn } from '../../../platform/calendar/working-days.js';
import { serviceDate } from '../schemas.js';
import {
  createProviderReport,
  findProviderReport,
  providerReportDocx,
  providerReportPdf,
  reportSchedule,
  submitProviderReport,
  updateProviderReport,
  type ProviderReportRecord,
} from './provider-report-service.js';
import { DOCX_CONTENT_TYPE, renderDocx } from './provider-report-docx.js';

export { providerReportMessages, providerReportDueItems, providerReportJobs } from './provider-report-service.js';

const TAGS = ['families'];
const READ_ROLES = ['provider_admin', 'ska_contact', 'ska_manager'] as const;
const kind = z.enum(['monitoring', 'final']);
const textPart = z.string().max(20_000).nullable().optional();

const scheduleItem = z.object({
  kind,
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  contractId: z.uuid(),
  contractReference: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  report: z.object({ id: z.uuid(), status: z.enum(['draft', 'submitted']), version: z.number().int(), submittedOn: z.string().nullable() }).nullable(),
  overdue: z.boolean(),
});

const reportDetail = z.object({
  id: z.uuid(),
  kind,
  status: z.enum(['draft', 'submitted']),
  providerId: z.uuid(),
  providerName: z.string(),
  contractId: z.uuid(),
  contractReference: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
  overview: z.string().nullable(),
  assessment: z.string().nullable(),
  bestPractices: z.string().nullable(),
  problems: z.string().nullable(),
  measures: z.string().nullable(),
  submittedOn: z.string().nullable(),
  submittedBy: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
});

const detailOf = (r: ProviderReportRecord, canEdit: boolean) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  providerId: r.provider_organisation_id,
  providerName: r.provider_name,
  contractId: r.contract_id,
  contractReference: r.contract_reference,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  dueOn: r.due_on,
  figures: r.figures,
  overview: r.overview,
  assessment: r.assessment,
  bestPractices: r.best_practices,
  problems: r.problems,
  measures: r.measures,
  submittedOn: r.submitted_on,
  submittedBy: r.submitted_by_name,
  version: r.version,
  canEdit: canEdit && r.status === 'draft',
});

const fileName = (r: ProviderReportRecord) => `${r.kind === 'final' ? 'lopparuanne' : 'seirearuanne'}-${r.contract_reference}-${r.period_end}`.replace(/[^A-Za-z0-9._-]/g, '_');

/** B-REP-3: monitoring reports (3 January, 3 June) and the final report on the Lisa 12 form. */
export function registerProviderReportRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('provider_report', async (db, actor, id) => z.uuid().safeParse(id).success && Boolean(await findProviderReport(db, actor, id)));

  const load = async (request: { params: { id: string } } & Parameters<typeof contextOf>[0], action: 'read' | 'export') => {
    const ctx = contextOf(request);
    return deps.db.transaction().execute(async (trx) => {
      const found = await findProviderReport(trx, ctx.actor, request.params.id);
      if (!found) throw notFound();
      await appendAudit(trx, ctx, [{ action, recordType: 'provider_report', recordId: found.id }]);
      return { ctx, found };
    });
  };

  app.get('/api/families/provider-reports', {
    config: { access: READ_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-REP-3: the monitoring and final reports each contract asks for, with due dates and the reports written (SKA sees submitted ones only)',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.enum(['open', 'submitted']).optional() }).strict(),
      response: { 200: z.object({ items: z.array(scheduleItem) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const items = await reportSchedule(deps.db, ctx.actor, todayInTallinn(new Date()), request.query);
      await appendAudit(deps.db, ctx, items.filter((i) => i.report).map((i) => ({ action: 'list' as const, recordType: 'provider_report', recordId: i.report!.id })));
      return { items };
    },
  });

  app.post('/api/families/provider-reports', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-REP-3: start a report from the Lisa 12 template, pre-filled with the period figures',
      body: z.object({ contractId: z.uuid(), kind, periodEnd: serviceDate }).strict(),
      response: { 201: reportDetail },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await createProviderReport(deps.db, ctx, request.body);
      const found = (await findProviderReport(deps.db, ctx.actor, id))!;
      return reply.status(201).send(detailOf(found, true));
    },
  });

  app.get('/api/families/provider-reports/:id', {
    config: { access: READ_ROLES },
    schema: { tags: TAGS, summary: 'B-REP-3: one monitoring or final report', params: idParams, response: { 200: reportDetail } },
    handler: async (request) => {
      const { ctx, found } = await load(request, 'read');
      return detailOf(found, ctx.actor.role === 'provider_admin');
    },
  });

  app.patch('/api/families/provider-reports/:id', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-REP-3: edit the text parts of a draft (overview, assessment, best practices, problems, measures); refreshFigures re-reads the period figures',
      params: idParams,
      body: z
        .object({ version: z.number().int().min(1), overview: textPart, assessment: textPart, bestPractices: textPart, problems: textPart, measures: textPart, refreshFigures: z.boolean().optional() })
        .strict(),
      response: { 200: reportDetail },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateProviderReport(deps.db, ctx, request.params.id, request.body);
      return detailOf((await findProviderReport(deps.db, ctx.actor, request.params.id))!, true);
    },
  });

  app.post('/api/families/provider-reports/:id/submit', {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'B-REP-3: submit the report to SKA (overview and assessment required)', params: idParams, body: z.object({ version: z.number().int().min(1) }).strict(), response: { 200: reportDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await submitProviderReport(deps.db, ctx, request.params.id, request.body.version);
      return detailOf((await findProviderReport(deps.db, ctx.actor, request.params.id))!, true);
    },
  });

  app.get('/api/families/provider-reports/:id/document.pdf', {
    config: { access: READ_ROLES },
    schema: { tags: TAGS, summary: 'B-REP-3: the report as PDF (Lisa 12 layout; audited)', params: idParams },
    handler: async (request, reply) => {
      const { found } = await load(request, 'export');
      const pdf = await renderPdf(providerReportPdf(found));
      return reply.header('content-type', PDF_CONTENT_TYPE).header('content-disposition', `attachment; filename="${fileName(found)}.pdf"`).header('cache-control', 'no-store').send(pdf);
    },
  });

  app.get('/api/families/provider-reports/:id/document.docx', {
    config: { access: READ_ROLES },
    schema: { tags: TAGS, summary: 'B-REP-3: the report as an editable Word document (Lisa 12 layout, §3.3; audited)', params: idParams },
    handler: async (request, reply) => {
      const { found } = await load(request, 'export');
      return reply.header('content-type', DOCX_CONTENT_TYPE).header('content-disposition', `attachment; filename="${fileName(found)}.docx"`).header('cache-control', 'no-store').send(renderDocx(providerReportDocx(found)));
    },
  });
}
