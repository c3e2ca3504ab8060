import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from '../../platform/http/limits.js';
import { DOCUMENT_UPLOADS, requireUpload } from '../../platform/http/uploads.js';
import type { AppDeps } from '../../platform/http/index.js';
import { AppError, contextOf, idParams, notFound } from '../../platform/http/index.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { renderPdf, PDF_CONTENT_TYPE } from '../../platform/documents/pdf.js';
import { readSignedContainer } from '../../platform/documents/signed-container.js';
import { createSignatureValidator } from '../../platform/documents/signature-validator.js';
import { caseParties, findCase } from './queries.js';
import { activityLabel, caseDocument, documentAvailable, CASE_DOCUMENTS } from './documents.js';
import { attachment } from '../../platform/http/content-disposition.js';

const CASE_ROLES = ['ska_specialist', 'ska_manager', 'kov_worker'] as const;
const SIGNED_EXTENSIONS = /\.(asice|sce|bdoc)$/i;

/** X-DOC: generated PDFs of a case, uploaded attachments and signed containers. */
export function registerCaseDocumentRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const validator = createSignatureValidator({ url: deps.config.sivaUrl });

  app.get('/api/cases/:id/pdf/:document', {
    config: { access: CASE_ROLES },
    schema: { tags: ['cases'], summary: 'The action plan, summary or KLAT opinion as PDF, in the case’s language', params: z.object({ id: z.uuid(), document: z.enum(CASE_DOCUMENTS) }) },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const c = await findCase(deps.db, ctx.actor, request.params.id);
      if (!c) throw notFound();
      if (!documentAvailable(request.params.document, c)) throw new AppError(409, 'DOCUMENT_NOT_READY');
      const parties = await caseParties(deps.db, c);
      const activities = await deps.db.selectFrom('case_activities').select(['kind', 'occurred_on', 'notes']).where('case_id', '=', c.id).orderBy('occurred_on').execute();
      const pdf = await renderPdf(caseDocument(request.params.document, { record: c, parties, activities, activityLabel: (k) => activityLabel(c.language, k), createdAt: new Date() }));
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'case', recordId: c.id, personId: c.child_person_id, changes: [{ field: 'document', old: null, new: request.params.document }] }]);
      return reply
        .header('content-type', PDF_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${c.reference}-${request.params.document}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  app.post('/api/cases/:id/documents', {
    config: { access: ['ska_specialist', 'kov_worker'] },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: {
      tags: ['cases'],
      summary: 'Upload an attachment or a signed ASiC-E/BDOC container (raw bytes, application/octet-stream)',
      params: idParams,
      querystring: z.object({ filename: z.string().trim().min(1).max(200) }).strict(),
      response: { 201: z.object({ id: z.string(), kind: z.string(), signers: z.array(z.unknown()).nullable(), validation: z.record(z.string(), z.unknown()).nullable() }) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
      if (bytes.length === 0) throw new AppError(400, 'VALIDATION_FAILED', {}, { fields: [{ path: 'body', message: 'empty file' }] });
      const filename = request.query.filename.replace(/[\\/\r\n"]/g, '_');
      const signed = SIGNED_EXTENSIONS.test(filename) ? readSignedContainer(bytes) : null;
      if (signed && !signed.ok) throw new AppError(400, 'DOCUMENT_NOT_SIGNED_CONTAINER', {}, { reason: signed.reason });
      if (!signed) requireUpload(bytes, [...DOCUMENT_UPLOADS, 'text']);
      const validation = signed ? await validator.validate(bytes, filename) : null;
      const created = await deps.db.transaction().execute(async (trx) => {
        const c = await findCase(trx, ctx.actor, request.params.id, 'update');
        if (!c) throw notFound();
        const row = await trx
          .insertInto('case_documents')
          .values({
            case_id: c.id,
            kind: signed ? 'signed_container' : 'attachment',
            filename,
            content_type: signed ? 'application/vnd.etsi.asic-e+zip' : 'application/octet-stream',
            size: bytes.length,
            content: bytes,
            signers: signed?.ok ? JSON.stringify(signed.signatures) : null,
            validation: validation ? JSON.stringify(validation) : null,
            uploaded_by: ctx.actor.userId,
          })
          .returning(['id', 'kind', 'signers', 'validation'])
          .executeTakeFirstOrThrow();
        await trx.insertInto('case_events').values({ case_id: c.id, kind: 'document_added', reason: filename, actor_id: ctx.actor.userId }).execute();
        await appendAudit(trx, ctx, [{ action: 'create', recordType: 'case_document', recordId: row.id, personId: c.child_person_id, changes: [{ field: 'filename', old: null, new: filename }] }]);
        return row;
      });
      return reply.status(201).send(created);
    },
  });

  app.get('/api/cases/:id/documents/:documentId', {
    config: { access: CASE_ROLES },
    schema: { tags: ['cases'], summary: 'Download an uploaded document', params: z.object({ id: z.uuid(), documentId: z.uuid() }) },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const c = await findCase(deps.db, ctx.actor, request.params.id);
      if (!c) throw notFound();
      const doc = await deps.db.selectFrom('case_documents').select(['filename', 'content_type', 'content']).where('id', '=', request.params.documentId).where('case_id', '=', c.id).executeTakeFirst();
      if (!doc) throw notFound();
      await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'case_document', recordId: request.params.documentId, personId: c.child_person_id }]);
      return reply
        .header('content-type', doc.content_type)
        .header('content-disposition', attachment(doc.filename))
        .header('cache-control', 'no-store')
        .send(doc.content);
    },
  });
}
