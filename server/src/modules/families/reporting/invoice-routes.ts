import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/http/index.js';
import { contextOf, idParams, notFound, trimmed } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { renderPdf, PDF_CONTENT_TYPE } from '../../../platform/documents/pdf.js';
import { findReportForInvoice, invoiceForDownload, invoiceOf, invoicePdfSpec, issueInvoice, sellerDefaults, type InvoiceRecord } from './invoice-service.js';
import { registerSpendRoutes } from './spend-routes.js';

export { invoiceMessages } from './invoice-service.js';

const TAGS = ['families'];
const INVOICE_ROLES = ['provider_admin', 'ska_contact', 'ska_manager'] as const;

const sellerSchema = z
  .object({
    iban: trimmed(42).describe("The provider's bank account (IBAN) the invoice is paid to"),
    street: trimmed(200),
    city: trimmed(100),
    postalZone: z.string().trim().regex(/^\d{5}$/, 'expected an Estonian postal code of 5 digits'),
    vatNumber: z.string().trim().regex(/^EE\d{9}$/, 'expected an Estonian VAT number EE#########').nullable().optional(),
    email: z.email().max(200).nullable().optional(),
  })
  .strict();

const invoiceSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  issuedOn: z.string(),
  dueOn: z.string(),
  totalCents: z.number().int(),
  issuedBy: z.string().nullable(),
});

const invoiceStatus = z.object({
  reportId: z.uuid(),
  reportStatus: z.string(),
  totalCents: z.number().int(),
  invoice: invoiceSummary.nullable(),
  canIssue: z.boolean(),
  sellerDefaults: sellerSchema.partial().nullable(),
});

const summaryOf = (i: InvoiceRecord) => ({ id: i.id, number: i.number, issuedOn: i.issued_on, dueOn: i.due_on, totalCents: Number(i.total_cents), issuedBy: i.issued_by_name });

/**
 * B-REP-2: the e-invoice of an approved monthly report (issue, XML, PDF view),
 * and the spend against contract view for SKA (registered here, so the one
 * call from the reporting entry point brings both).
 */
export function registerInvoiceRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/families/monthly-reports/:id/e-invoice', {
    config: { access: INVOICE_ROLES },
    schema: { tags: TAGS, summary: 'B-REP-2: whether the report has an e-invoice, and whether it may be issued now', params: idParams, response: { 200: invoiceStatus } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const report = await findReportForInvoice(deps.db, ctx.actor, request.params.id);
      if (!report) throw notFound();
      const invoice = await invoiceOf(deps.db, report.id);
      if (invoice) await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'e_invoice', recordId: invoice.id }]);
      const canIssue = !invoice && report.status === 'approved' && ctx.actor.role === 'provider_admin';
      return {
        reportId: report.id,
        reportStatus: report.status,
        totalCents: Number(report.total_cents),
        invoice: invoice ? summaryOf(invoice) : null,
        canIssue,
        sellerDefaults: canIssue ? await sellerDefaults(deps.db, report.provider_organisation_id) : null,
      };
    },
  });

  app.post('/api/families/monthly-reports/:id/e-invoice', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-REP-2: issue the e-invoice (EN 16931, UBL) for the approved amount; once issued the same invoice is returned again',
      params: idParams,
      body: sellerSchema,
      response: { 200: invoiceSummary, 201: invoiceSummary },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { invoice, created } = await issueInvoice(deps.db, ctx, request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(summaryOf(invoice));
    },
  });

  app.get('/api/families/monthly-reports/:id/e-invoice.xml', {
    config: { access: INVOICE_ROLES },
    schema: { tags: TAGS, summary: 'B-REP-2: the e-invoice as EN 16931 UBL XML (audited)', params: idParams },
    handler: async (request, reply) => {
      const { invoice } = await invoiceForDownload(deps.db, contextOf(request), request.params.id);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${invoice.number}.xml"`)
        .header('cache-control', 'no-store')
        .send(invoice.ubl_xml);
    },
  });

  app.get('/api/families/monthly-reports/:id/e-invoice.pdf', {
    config: { access: INVOICE_ROLES },
    schema: { tags: TAGS, summary: 'B-REP-2: a readable PDF view of the e-invoice (audited)', params: idParams },
    handler: async (request, reply) => {
      const { report, invoice } = await invoiceForDownload(deps.db, contextOf(request), request.params.id);
      const pdf = await renderPdf(await invoicePdfSpec(deps.db, report, invoice));
      return reply.header('content-type', PDF_CONTENT_TYPE).header('content-disposition', `attachment; filename="${invoice.number}.pdf"`).header('cache-control', 'no-store').send(pdf);
    },
  });

  registerSpendRoutes(root, deps);
}
