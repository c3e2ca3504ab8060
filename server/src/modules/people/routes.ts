import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { contextOf, idParams, isoDate, pageOf, pageQuery, trimmed } from '../../platform/http/index.js';
import { appendAudit, listEntries } from '../../platform/audit/audit.js';
import { registerRecordType } from '../../platform/audit/record-access.js';
import { todayInTallinn } from '../../platform/calendar/working-days.js';
import { exportPeople, findPerson, searchPeople, type PersonRow } from './queries.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { ageOn } from './rules.js';
import { createPerson, readPerson, updatePerson } from './service.js';
import { auditReads } from '../../platform/audit/reads.js';

const PEOPLE_ROLES = ['ska_specialist', 'ska_contact', 'ska_manager', 'kov_worker', 'provider_admin', 'provider_specialist', 'mediator', 'client'] as const;

const personItem = z.object({
  id: z.string(),
  personalCode: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  age: z.number(),
  sex: z.enum(['male', 'female']).nullable(),
  version: z.number(),
});
const duplicate = z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() });
const personDetail = personItem.extend({ possibleDuplicates: z.array(duplicate), existing: z.boolean().optional() });

function toItem(row: PersonRow) {
  return {
    id: row.id,
    personalCode: row.personal_code,
    firstName: row.first_name,
    lastName: row.last_name,
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, todayInTallinn(new Date())),
    sex: row.sex,
    version: row.version,
  };
}

const toDuplicates = (rows: { id: string; first_name: string; last_name: string; birth_date: string }[]) =>
  rows.map((d) => ({ id: d.id, firstName: d.first_name, lastName: d.last_name, birthDate: d.birth_date }));

const exportColumns: ExportColumn<PersonRow>[] = [
  { key: 'lastName', header: 'Perekonnanimi / Last name', value: (r) => r.last_name },
  { key: 'firstName', header: 'Eesnimi / First name', value: (r) => r.first_name },
  { key: 'personalCode', header: 'Isikukood / Personal code', value: (r) => r.personal_code },
  { key: 'birthDate', header: 'Sünniaeg / Birth date', value: (r) => r.birth_date, kind: 'date' },
];

const name = trimmed(100);
const personalCode = z.string().trim().max(20).nullable().optional();

export function registerPeopleRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('person', async (db, actor, id) => z.uuid().safeParse(id).success && Boolean(await findPerson(db, actor, id)));

  app.get('/api/people', {
    config: { access: PEOPLE_ROLES },
    schema: {
      tags: ['people'],
      summary: 'Search people in scope by personal code or name (X-FIND)',
      querystring: z.object({ q: z.string().trim().max(200).optional(), ...pageQuery }).strict(),
      response: { 200: pageOf(personItem) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const page = await searchPeople(deps.db, ctx.actor, request.query.q || undefined, request.query);
      // Seeing a person in a result list is seeing their data: each one is named in the page's entry.
      await auditReads(deps.db, ctx, listEntries('person', page.items.map((p) => ({ id: p.id, personId: p.id }))));
      return { items: page.items.map(toItem), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/people/export', {
    config: { access: PEOPLE_ROLES },
    schema: { tags: ['people'], summary: 'Export the people in scope matching the search (X-EXPORT)', querystring: z.object({ q: z.string().trim().max(200).optional(), ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportPeople(trx, ctx.actor, request.query.q || undefined, EXPORT_ROW_LIMIT);
        // An export hands over each person's data: each one is logged, for their data tracker too.
        await appendAudit(trx, ctx, found.map((p) => ({ action: 'export' as const, recordType: 'person', recordId: p.id, personId: p.id })));
        return found;
      });
      return sendExport(reply, request.query.format, 'isikud', exportColumns, rows);
    },
  });

  app.get('/api/people/:id', {
    config: { access: PEOPLE_ROLES },
    schema: { tags: ['people'], summary: 'One person', params: idParams, response: { 200: personDetail } },
    handler: async (request) => {
      const { person, duplicates } = await readPerson(deps, contextOf(request), request.params.id);
      return { ...toItem(person), possibleDuplicates: toDuplicates(duplicates) };
    },
  });

  app.post('/api/people', {
    config: { access: PEOPLE_ROLES },
    schema: {
      tags: ['people'],
      summary: 'Register a person (X-ID); an existing personal code links the existing person',
      body: z.object({ personalCode, firstName: name, lastName: name, birthDate: isoDate.nullable().optional() }).strict(),
      response: { 201: personDetail, 200: personDetail },
    },
    handler: async (request, reply) => {
      const { person, duplicates, existing } = await createPerson(deps, contextOf(request), request.body);
      return reply.status(existing ? 200 : 201).send({ ...toItem(person), possibleDuplicates: toDuplicates(duplicates), existing });
    },
  });

  app.patch('/api/people/:id', {
    config: { access: PEOPLE_ROLES },
    schema: {
      tags: ['people'],
      summary: 'Change a person (409 when the version is stale)',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), personalCode, firstName: name.optional(), lastName: name.optional(), birthDate: isoDate.nullable().optional() }).strict(),
      response: { 200: personItem },
    },
    handler: async (request) => toItem(await updatePerson(deps, contextOf(request), request.params.id, request.body)),
  });
}
