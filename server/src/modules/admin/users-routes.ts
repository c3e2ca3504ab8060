import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { contextOf, booleanQuery, idParams, notFound, pageOf, pageQuery, roleSchema, trimmed, versionBody } from '../../platform/http/index.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { exportUsers, findUser, listUsers, type UserRow } from './users-queries.js';
import { createUser, setUserActive, setUserPassword, updateUser } from './users-service.js';

const userItem = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisationId: z.string(),
  organisationName: z.string(),
  active: z.boolean(),
  personalCode: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});

const filterQuery = {
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  organisationId: z.uuid().optional(),
  active: booleanQuery.optional(),
};

const email = z.email().max(320);
const personalCode = z.string().trim().max(20).nullable().optional();

function toItem(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    active: row.active,
    personalCode: row.personal_code,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    version: row.version,
  };
}

const columns: ExportColumn<UserRow>[] = [
  { key: 'name', header: 'Nimi / Name', value: (r) => r.name },
  { key: 'email', header: 'E-post / E-mail', value: (r) => r.email },
  { key: 'role', header: 'Roll / Role', value: (r) => r.role },
  { key: 'organisation', header: 'Asutus / Organisation', value: (r) => r.organisation_name },
  { key: 'active', header: 'Aktiivne / Active', value: (r) => r.active },
  { key: 'lastLogin', header: 'Viimati sisse logitud / Last login', value: (r) => r.last_login_at },
];

export function registerUserRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const access = ['admin'] as const;
  app.get('/api/admin/users', {
    config: { access },
    schema: { tags: ['admin'], summary: 'List users', querystring: z.object({ ...filterQuery, ...pageQuery }).strict(), response: { 200: pageOf(userItem) } },
    handler: async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const page = await listUsers(deps.db, request.actor!, filter, { limit, cursor });
      return { items: page.items.map(toItem), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/admin/users/export', {
    config: { access },
    schema: { tags: ['admin'], summary: 'Export users as CSV or XLSX (X-EXPORT)', querystring: z.object({ ...filterQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportUsers(trx, request.actor!, filter, EXPORT_ROW_LIMIT);
        await appendAudit(trx, contextOf(request), [{ action: 'export', recordType: 'user', recordId: 'list', changes: [{ field: 'filter', old: null, new: { ...filter, rows: found.length } }] }]);
        return found;
      });
      return sendExport(reply, format, 'kasutajad', columns, rows);
    },
  });

  app.get('/api/admin/users/:id', {
    config: { access },
    schema: { tags: ['admin'], summary: 'One user', params: idParams, response: { 200: userItem } },
    handler: async (request) => {
      return deps.db.transaction().execute(async (trx) => {
        const row = await findUser(trx, request.actor!, request.params.id);
        if (!row) throw notFound();
        await appendAudit(trx, contextOf(request), [{ action: 'read', recordType: 'user', recordId: row.id }]);
        return toItem(row);
      });
    },
  });

  app.post('/api/admin/users', {
    config: { access },
    schema: {
      tags: ['admin'],
      summary: 'Create a user',
      body: z.object({ email, name: trimmed(200), role: roleSchema, organisationId: z.uuid(), personalCode, password: z.string().min(1).max(1024) }).strict(),
      response: { 201: userItem },
    },
    handler: async (request, reply) => reply.status(201).send(toItem(await createUser(deps, contextOf(request), request.body))),
  });

  app.patch('/api/admin/users/:id', {
    config: { access },
    schema: {
      tags: ['admin'],
      summary: 'Change a user (409 when the version is stale)',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), email: email.optional(), name: trimmed(200).optional(), role: roleSchema.optional(), organisationId: z.uuid().optional(), personalCode }).strict(),
      response: { 200: userItem },
    },
    handler: async (request) => toItem(await updateUser(deps, contextOf(request), request.params.id, request.body)),
  });

  for (const [path, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`/api/admin/users/:id/${path}`, {
      config: { access },
      schema: { tags: ['admin'], summary: `${path} a user`, params: idParams, body: versionBody, response: { 200: userItem } },
      handler: async (request) => toItem(await setUserActive(deps, contextOf(request), request.params.id, request.body.version, active)),
    });
  }

  app.post('/api/admin/users/:id/password', {
    config: { access },
    schema: {
      tags: ['admin'],
      summary: 'Set a new password (logs the user out everywhere)',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), password: z.string().min(1).max(1024) }).strict(),
      response: { 200: userItem },
    },
    handler: async (request) => toItem(await setUserPassword(deps, contextOf(request), request.params.id, request.body.version, request.body.password)),
  });
}
