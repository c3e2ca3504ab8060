import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/context.js';
import { notFound } from '../http/errors.js';
import { isoDate, pageQuery, pageOf } from '../http/index.js';
import { appendAudit } from './audit.js';
import { accessHistory, dataTracker, listAudit } from './queries.js';
import { canSeeRecord } from './record-access.js';
import { verifyAuditChain } from './verify.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../export/send.js';
import type { ExportColumn } from '../export/export.js';
import type { AuditRow } from '../db/schema.js';

const auditFilter = {
  actorId: z.uuid().optional(),
  recordType: z.string().max(60).optional(),
  recordId: z.string().max(100).optional(),
  action: z.string().max(30).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

const auditItem = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  /** A list entry: the records the page showed. */
  recordIds: z.array(z.string()).nullable(),
  ip: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })).nullable(),
});

const auditColumns: ExportColumn<AuditRow>[] = [
  { key: 'id', header: 'Nr', value: (r) => Number(r.id) },
  { key: 'at', header: 'Aeg / Time', value: (r) => r.at },
  { key: 'actor', header: 'Kasutaja / User', value: (r) => r.actor_name },
  { key: 'role', header: 'Roll / Role', value: (r) => r.actor_role },
  { key: 'action', header: 'Tegevus / Action', value: (r) => r.action },
  { key: 'recordType', header: 'Kirje liik / Record type', value: (r) => r.record_type },
  { key: 'recordId', header: 'Kirje / Record', value: (r) => r.record_id },
  { key: 'recordIds', header: 'Loendis näidatud / Shown in list', value: (r) => r.record_ids?.join(' ') ?? null },
  { key: 'ip', header: 'IP', value: (r) => r.ip },
  { key: 'changes', header: 'Muudatused / Changes', value: (r) => (r.changes ? JSON.stringify(r.changes) : null) },
];

const accessItem = z.object({ at: z.string(), actorName: z.string().nullable(), actorRole: z.string().nullable(), organisationName: z.string().nullable(), action: z.string() });

export function registerAuditRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/audit', {
    config: { access: ['auditor'] },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first (X-AUDIT)',
      querystring: z
        .object({ ...auditFilter, ...pageQuery })
        .strict(),
      response: { 200: pageOf(auditItem) },
    },
    handler: async (request) => {
      const actor = request.actor!;
      return deps.db.transaction().execute(async (trx) => {
        const page = await listAudit(trx, actor, request.query);
        await appendAudit(trx, { actor, ip: request.ip }, [{ action: 'read', recordType: 'audit_log', recordId: 'list' }]);
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((r) => ({
            id: String(r.id),
            at: r.at.toISOString(),
            actorId: r.actor_id,
            actorName: r.actor_name,
            actorRole: r.actor_role,
            action: r.action,
            recordType: r.record_type,
            recordId: r.record_id,
            recordIds: r.record_ids,
            ip: r.ip,
            changes: r.changes,
          })),
        };
      });
    },
  });

  app.get('/api/audit/export', {
    config: { access: ['auditor'] },
    schema: {
      tags: ['audit'],
      summary: 'Export the filtered audit log as CSV or XLSX (X-EXPORT)',
      querystring: z
        .object({ ...auditFilter, ...exportQuery })
        .strict(),
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const actor = request.actor!;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const page = await listAudit(trx, actor, { ...filter, limit: EXPORT_ROW_LIMIT });
        await appendAudit(trx, { actor, ip: request.ip }, [{ action: 'export', recordType: 'audit_log', recordId: 'list', changes: [{ field: 'filter', old: null, new: { ...filter, rows: page.items.length } }] }]);
        return page.items;
      });
      return sendExport(reply, format, 'auditilogi', auditColumns, rows);
    },
  });

  app.get('/api/audit/verify', {
    config: { access: ['auditor', 'admin'] },
    schema: {
      tags: ['audit'],
      summary: 'Verify the hash chain and report the first broken link',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number(),
          firstBroken: z.object({ id: z.number(), reason: z.string() }).nullable(),
          lastVerifiedId: z.number().nullable(),
        }),
      },
    },
    handler: async () => verifyAuditChain(deps.db),
  });

  app.get('/api/audit/access/:recordType/:recordId', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['audit'],
      summary: 'Who accessed a record the viewer may open',
      params: z.object({ recordType: z.string().max(60), recordId: z.string().max(100) }),
      response: { 200: z.object({ items: z.array(accessItem) }) },
    },
    handler: async (request) => {
      const { recordType, recordId } = request.params;
      if (!(await canSeeRecord(deps.db, request.actor!, recordType, recordId))) throw notFound();
      const rows = await accessHistory(deps.db, recordType, recordId);
      // A person looking at their own record learns which organisation and role, not which official (as in the data tracker).
      const names = request.actor!.role !== 'client';
      return {
        items: rows.map((r) => ({ at: r.at.toISOString(), actorName: names ? r.actor_name : null, actorRole: r.actor_role, organisationName: r.organisation_name, action: r.action })),
      };
    },
  });

  app.get('/api/me/data-tracker', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['audit'],
      summary: 'Who looked at my data (for a person with their own record)',
      response: {
        200: z.object({
          items: z.array(z.object({ at: z.string(), organisationName: z.string().nullable(), actorRole: z.string().nullable(), action: z.string(), recordType: z.string() })),
        }),
      },
    },
    handler: async (request) => {
      const actor = request.actor!;
      if (!actor.personId) return { items: [] };
      const rows = await dataTracker(deps.db, actor.personId, actor.userId);
      return {
        items: rows.map((r) => ({ at: r.at.toISOString(), organisationName: r.organisation_name, actorRole: r.actor_role, action: r.action, recordType: r.record_type })),
      };
    },
  });
}
