import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { booleanQuery, contextOf, idParams, notFound, organisationKindSchema, pageOf, pageQuery, trimmed, versionBody } from '../../platform/http/index.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { exportOrganisations, findOrganisation, listOrganisations, organisationOptions, type OrganisationRow } from './organisations-queries.js';
import { createOrganisation, setOrganisationActive, setRegionalSpecialist, updateOrganisation } from './organisations-service.js';

const organisationItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: organisationKindSchema,
  registryCode: z.string().nullable(),
  county: z.string().nullable(),
  population: z.number().nullable(),
  island: z.boolean(),
  regionalSpecialistId: z.string().nullable(),
  regionalSpecialistName: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});

function toItem(row: OrganisationRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    registryCode: row.registry_code,
    county: row.county,
    population: row.population,
    island: row.island,
    regionalSpecialistId: row.regional_specialist_id,
    regionalSpecialistName: row.regional_specialist_name,
    active: row.active,
    version: row.version,
  };
}

const filterQuery = { q: z.string().trim().max(200).optional(), kind: organisationKindSchema.optional(), active: booleanQuery.optional() };
const fields = {
  name: trimmed(200),
  kind: organisationKindSchema,
  registryCode: z.string().trim().max(20).nullable().optional(),
  county: z.string().trim().max(100).nullable().optional(),
  population: z.number().int().min(0).max(10_000_000).nullable().optional(),
  island: z.boolean().optional(),
};

const columns: ExportColumn<OrganisationRow>[] = [
  { key: 'name', header: 'Nimi / Name', value: (r) => r.name },
  { key: 'kind', header: 'Liik / Kind', value: (r) => r.kind },
  { key: 'registryCode', header: 'Registrikood / Registry code', value: (r) => r.registry_code },
  { key: 'county', header: 'Maakond / County', value: (r) => r.county },
  { key: 'population', header: 'Elanikke / Population', value: (r) => r.population },
  { key: 'island', header: 'Saar / Island', value: (r) => r.island },
  { key: 'specialist', header: 'Regionaalne peaspetsialist / Regional chief specialist', value: (r) => r.regional_specialist_name },
  { key: 'active', header: 'Aktiivne / Active', value: (r) => r.active },
];

export function registerOrganisationRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const access = ['admin'] as const;

  app.get('/api/organisations/options', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['organisations'],
      summary: 'Active organisations for pickers',
      querystring: z.object({ kind: organisationKindSchema.optional() }).strict(),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema })) }) },
    },
    handler: async (request) => ({ items: await organisationOptions(deps.db, request.query.kind) }),
  });

  app.get('/api/admin/organisations', {
    config: { access },
    schema: { tags: ['admin'], summary: 'List organisations', querystring: z.object({ ...filterQuery, ...pageQuery }).strict(), response: { 200: pageOf(organisationItem) } },
    handler: async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const page = await listOrganisations(deps.db, request.actor!, filter, { limit, cursor });
      return { items: page.items.map(toItem), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/admin/organisations/export', {
    config: { access },
    schema: { tags: ['admin'], summary: 'Export organisations as CSV or XLSX (X-EXPORT)', querystring: z.object({ ...filterQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportOrganisations(trx, request.actor!, filter, EXPORT_ROW_LIMIT);
        await appendAudit(trx, contextOf(request), [{ action: 'export', recordType: 'organisation', recordId: 'list', changes: [{ field: 'filter', old: null, new: { ...filter, rows: found.length } }] }]);
        return found;
      });
      return sendExport(reply, format, 'asutused', columns, rows);
    },
  });

  app.get('/api/admin/organisations/:id', {
    config: { access },
    schema: { tags: ['admin'], summary: 'One organisation', params: idParams, response: { 200: organisationItem } },
    handler: async (request) => {
      const row = await findOrganisation(deps.db, request.actor!, request.params.id);
      if (!row) throw notFound();
      return toItem(row);
    },
  });

  app.post('/api/admin/organisations', {
    config: { access },
    schema: { tags: ['admin'], summary: 'Create an organisation', body: z.object(fields).strict(), response: { 201: organisationItem } },
    handler: async (request, reply) => reply.status(201).send(toItem(await createOrganisation(deps, contextOf(request), request.body))),
  });

  app.patch('/api/admin/organisations/:id', {
    config: { access },
    schema: {
      tags: ['admin'],
      summary: 'Change an organisation (409 when the version is stale)',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), ...z.object(fields).partial().shape }).strict(),
      response: { 200: organisationItem },
    },
    handler: async (request) => {
      const { version, ...changes } = request.body;
      return toItem(await updateOrganisation(deps, contextOf(request), request.params.id, version, changes));
    },
  });

  for (const [path, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`/api/admin/organisations/:id/${path}`, {
      config: { access },
      schema: { tags: ['admin'], summary: `${path} an organisation`, params: idParams, body: versionBody, response: { 200: organisationItem } },
      handler: async (request) => toItem(await setOrganisationActive(deps, contextOf(request), request.params.id, request.body.version, active)),
    });
  }

  app.put('/api/admin/organisations/:id/regional-specialist', {
    config: { access },
    schema: {
      tags: ['admin'],
      summary: "Set a municipality's regional SKA chief specialist (A-ASSIGN)",
      params: idParams,
      body: z.object({ version: z.number().int().min(1), userId: z.uuid().nullable() }).strict(),
      response: { 200: organisationItem },
    },
    handler: async (request) => toItem(await setRegionalSpecialist(deps, contextOf(request), request.params.id, request.body.version, request.body.userId)),
  });
}
