import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { AppError, booleanQuery, contextOf, idParams, notFound, trimmed } from '../../platform/http/index.js';
import { MAX_UPLOAD_BYTES } from '../../platform/http/limits.js';
import { DOCUMENT_UPLOADS, requireUpload } from '../../platform/http/uploads.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { contractScope, specialistScope } from '../../platform/policy/policy.js';
import { findSpecialist, selectContracts, selectSpecialists, specialistDocumentsOf, type ContractRow, type SpecialistRow } from './queries.js';
import { addSpecialistDocument, approveSpecialist, clearKovOfficialConflict, createContract, createSpecialist, updateContract, updateSpecialist } from './specialists-service.js';
import { contractItem, FAMILY_ROLES, officialPosts, optionalText, personInput, pricesInput, specialistItem, specialistLanguages, specialistRoles, serviceDate } from './schemas.js';
import { SPECIALIST_LANGUAGES, SPECIALIST_ROLES } from './tables.js';
import { today } from './shared.js';
import { attachment } from '../../platform/http/content-disposition.js';

const TAGS = ['families'];
const versioned = { version: z.number().int().min(1) };
const SKA_AND_PROVIDERS = ['ska_contact', 'ska_manager', 'provider_admin'] as const;

function toSpecialist(r: SpecialistRow) {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    providerId: r.provider_organisation_id,
    providerName: r.provider_name,
    personId: r.person_id,
    roles: r.roles,
    languages: r.languages,
    officialPosts: r.official_posts,
    skaApprovedOn: r.ska_approved_on,
    skaApprovalReference: r.ska_approval_reference,
    active: r.active,
    notes: r.notes,
    runningEpisodes: r.running_episodes,
    version: r.version,
  };
}

function toContract(r: ContractRow) {
  return {
    id: r.id,
    reference: r.reference,
    providerId: r.provider_organisation_id,
    providerName: r.provider_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    prices: {
      familySupportMonthCents: r.family_support_month_cents,
      mentoringSessionCents: r.mentoring_session_cents,
      supportGroupMeetingCents: r.support_group_meeting_cents,
      counsellingSessionCents: r.counselling_session_cents,
    },
    notes: r.notes,
    version: r.version,
  };
}

const specialistFilter = {
  providerId: z.uuid().optional(),
  role: z.enum(SPECIALIST_ROLES).optional(),
  language: z.enum(SPECIALIST_LANGUAGES).optional(),
  approved: booleanQuery.optional().describe('§2.8.6: approved by SKA (on or before today)'),
  active: booleanQuery.optional(),
};

const specialistColumns: ExportColumn<SpecialistRow>[] = [
  { key: 'name', header: 'Nimi / Name', value: (r) => r.name },
  { key: 'provider', header: 'Teenuseosutaja / Provider', value: (r) => r.provider_name },
  { key: 'roles', header: 'Rollid / Roles', value: (r) => r.roles.join(', ') },
  { key: 'languages', header: 'Keeled / Languages', value: (r) => r.languages.join(', ') },
  { key: 'approved', header: 'SKA kinnitus / SKA approval', value: (r) => r.ska_approved_on, kind: 'date' },
  { key: 'running', header: 'Peresid / Families', value: (r) => r.running_episodes },
  { key: 'active', header: 'Aktiivne / Active', value: (r) => (r.active ? 'jah' : 'ei') },
];

/** Providers, their contracts (unit prices) and specialists with SKA approval (§2.8.6) and qualification documents. */
export function registerSpecialistRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  function filteredSpecialists(actor: Parameters<typeof selectSpecialists>[1], filter: { providerId?: string | undefined; role?: string | undefined; language?: string | undefined; approved?: boolean | undefined; active?: boolean | undefined }) {
    let query = selectSpecialists(deps.db, actor);
    if (filter.providerId) query = query.where('provider_specialists.provider_organisation_id', '=', filter.providerId);
    if (filter.role) query = query.where('provider_specialists.roles', '@>', JSON.stringify([filter.role]) as never);
    if (filter.language) query = query.where('provider_specialists.languages', '@>', JSON.stringify([filter.language]) as never);
    if (filter.approved === true) query = query.where('provider_specialists.ska_approved_on', '<=', today());
    if (filter.approved === false) query = query.where((eb) => eb.or([eb('provider_specialists.ska_approved_on', 'is', null), eb('provider_specialists.ska_approved_on', '>', today())]));
    if (filter.active !== undefined) query = query.where('provider_specialists.active', '=', filter.active);
    return query.orderBy('users.name').orderBy('provider_specialists.id');
  }

  app.get('/api/families/providers', {
    config: { access: FAMILY_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Providers of support services, with whether a contract is in force today (for the preferred provider on a referral)',
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), contractInForce: z.boolean() })) }) },
    },
    handler: async () => {
      const on = today();
      const rows = await deps.db
        .selectFrom('organisations')
        .select(['organisations.id', 'organisations.name'])
        .select((eb) => eb.exists(eb.selectFrom('provider_contracts').select('id').whereRef('provider_contracts.provider_organisation_id', '=', 'organisations.id').where('starts_on', '<=', on).where('ends_on', '>=', on)).as('in_force'))
        .where('organisations.kind', '=', 'provider')
        .where('organisations.active', '=', true)
        .orderBy('organisations.name')
        .execute();
      return { items: rows.map((r) => ({ id: r.id, name: r.name, contractInForce: Boolean(r.in_force) })) };
    },
  });

  app.get('/api/families/contracts', {
    config: { access: SKA_AND_PROVIDERS },
    schema: { tags: TAGS, summary: 'Provider contracts: period and unit prices in cents (a provider sees its own)', querystring: z.object({ providerId: z.uuid().optional() }).strict(), response: { 200: z.object({ items: z.array(contractItem) }) } },
    handler: async (request) => {
      let query = selectContracts(deps.db, request.actor!);
      if (request.query.providerId) query = query.where('provider_contracts.provider_organisation_id', '=', request.query.providerId);
      return { items: (await query.orderBy('provider_contracts.starts_on', 'desc').orderBy('provider_contracts.id').limit(500).execute()).map(toContract) };
    },
  });

  app.post('/api/families/contracts', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'Record a provider contract (period, unit prices in cents); periods of one provider may not overlap',
      body: z.object({ reference: trimmed(100), providerId: z.uuid(), startsOn: serviceDate, endsOn: serviceDate, prices: pricesInput, notes: optionalText(5000) }).strict(),
      response: { 201: contractItem },
    },
    handler: async (request, reply) => {
      const row = await createContract(deps, contextOf(request), request.body);
      const full = await selectContracts(deps.db, request.actor!).where('provider_contracts.id', '=', row.id).executeTakeFirstOrThrow();
      return reply.status(201).send(toContract(full));
    },
  });

  app.patch('/api/families/contracts/:id', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'Change a contract; 409 on a stale version',
      params: idParams,
      body: z.object({ ...versioned, reference: trimmed(100).optional(), startsOn: serviceDate.optional(), endsOn: serviceDate.optional(), prices: pricesInput.optional(), notes: optionalText(5000) }).strict(),
      response: { 200: contractItem },
    },
    handler: async (request) => {
      await updateContract(deps, contextOf(request), request.params.id, request.body);
      const full = await selectContracts(deps.db, request.actor!).where('provider_contracts.id', '=', request.params.id).where(contractScope(request.actor!)).executeTakeFirst();
      if (!full) throw notFound();
      return toContract(full);
    },
  });

  app.get('/api/families/specialists', {
    config: { access: [...SKA_AND_PROVIDERS, 'provider_specialist'] },
    schema: { tags: TAGS, summary: 'Specialists with roles, languages, SKA approval and current caseload (a provider: its own team)', querystring: z.object(specialistFilter).strict(), response: { 200: z.object({ items: z.array(specialistItem) }) } },
    handler: async (request) => ({ items: (await filteredSpecialists(request.actor!, request.query).limit(EXPORT_ROW_LIMIT).execute()).map(toSpecialist) }),
  });

  app.get('/api/families/specialists/export', {
    config: { access: SKA_AND_PROVIDERS },
    schema: { tags: TAGS, summary: 'Export the filtered specialists as CSV or XLSX (X-EXPORT)', querystring: z.object({ ...specialistFilter, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const rows = await filteredSpecialists(request.actor!, filter).limit(EXPORT_ROW_LIMIT).execute();
      await appendAudit(deps.db, contextOf(request), rows.map((r) => ({ action: 'export' as const, recordType: 'provider_specialist', recordId: r.id, personId: r.person_id })));
      return sendExport(reply, format, 'spetsialistid', specialistColumns, rows);
    },
  });

  app.get('/api/families/specialists/candidates', {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'Active users of the provider not yet registered as specialists', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })) }) } },
    handler: async (request) => {
      const rows = await deps.db
        .selectFrom('users')
        .leftJoin('provider_specialists', 'provider_specialists.user_id', 'users.id')
        .select(['users.id', 'users.name', 'users.email', 'users.role'])
        .where('users.organisation_id', '=', request.actor!.organisationId)
        .where('users.active', '=', true)
        .where('users.role', 'in', ['provider_specialist', 'provider_admin'])
        .where('provider_specialists.id', 'is', null)
        .orderBy('users.name')
        .execute();
      return { items: rows };
    },
  });

  app.post('/api/families/specialists', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Register a member of the team as a specialist (roles, languages, posts as a KOV official for B-COI); SKA approves before the first service (§2.8.6)',
      body: z.object({ userId: z.uuid(), person: personInput, roles: specialistRoles, languages: specialistLanguages, officialPosts: officialPosts.optional(), notes: optionalText(5000) }).strict(),
      response: { 201: specialistItem },
    },
    handler: async (request, reply) => {
      const row = await createSpecialist(deps, contextOf(request), request.body);
      return reply.status(201).send(toSpecialist((await findSpecialist(deps.db, request.actor!, row.id))!));
    },
  });

  app.get('/api/families/specialists/:id', {
    config: { access: [...SKA_AND_PROVIDERS, 'provider_specialist'] },
    schema: {
      tags: TAGS,
      summary: 'One specialist with qualification documents',
      params: idParams,
      response: {
        200: specialistItem.extend({
          documents: z.array(z.object({ id: z.string(), kind: z.enum(['upload', 'reference']), title: z.string(), filename: z.string().nullable(), size: z.number().nullable(), reference: z.string().nullable(), uploadedBy: z.string(), createdAt: z.string() })),
        }),
      },
    },
    handler: async (request) => {
      const found = await findSpecialist(deps.db, request.actor!, request.params.id);
      if (!found) throw notFound();
      await appendAudit(deps.db, contextOf(request), [{ action: 'read', recordType: 'provider_specialist', recordId: found.id, personId: found.person_id }]);
      const documents = await specialistDocumentsOf(deps.db, found.id);
      return {
        ...toSpecialist(found),
        documents: documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, filename: d.filename, size: d.size, reference: d.reference, uploadedBy: d.uploaded_by_name, createdAt: d.created_at.toISOString() })),
      };
    },
  });

  app.patch('/api/families/specialists/:id', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Change roles, languages, official posts, active; 409 on a stale version',
      params: idParams,
      body: z.object({ ...versioned, roles: specialistRoles.optional(), languages: specialistLanguages.optional(), officialPosts: officialPosts.optional(), active: z.boolean().optional(), notes: optionalText(5000) }).strict(),
      response: { 200: specialistItem },
    },
    handler: async (request) => {
      await updateSpecialist(deps, contextOf(request), request.params.id, request.body);
      return toSpecialist((await findSpecialist(deps.db, request.actor!, request.params.id))!);
    },
  });

  app.post('/api/families/specialists/:id/approval', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: '§2.8.6: SKA’s written approval (date and reference) that the specialist may provide services, or its withdrawal',
      params: idParams,
      body: z.object({ ...versioned, approved: z.boolean(), approvedOn: serviceDate.optional(), reference: optionalText(200) }).strict(),
      response: { 200: specialistItem },
    },
    handler: async (request) => {
      await approveSpecialist(deps, contextOf(request), request.params.id, request.body);
      return toSpecialist((await findSpecialist(deps.db, request.actor!, request.params.id))!);
    },
  });

  app.post('/api/families/specialists/:id/documents', {
    config: { access: ['provider_admin'] },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: {
      tags: TAGS,
      summary: 'Upload a qualification document (raw bytes, application/octet-stream)',
      params: idParams,
      querystring: z.object({ filename: trimmed(200), title: trimmed(200) }).strict(),
      response: { 201: z.object({ id: z.string(), kind: z.string(), title: z.string() }) },
    },
    handler: async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
      if (bytes.length === 0) throw new AppError(400, 'VALIDATION_FAILED', {}, { fields: [{ path: 'body', message: 'empty file' }] });
      requireUpload(bytes, DOCUMENT_UPLOADS);
      const filename = request.query.filename.replace(/[\\/\r\n"]/g, '_');
      const row = await addSpecialistDocument(deps, contextOf(request), request.params.id, { kind: 'upload', title: request.query.title, filename, bytes });
      return reply.status(201).send(row);
    },
  });

  app.post('/api/families/specialists/:id/document-references', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Record a qualification document by reference (diploma number, register entry, link)',
      params: idParams,
      body: z.object({ title: trimmed(200), reference: trimmed(1000) }).strict(),
      response: { 201: z.object({ id: z.string(), kind: z.string(), title: z.string() }) },
    },
    handler: async (request, reply) => reply.status(201).send(await addSpecialistDocument(deps, contextOf(request), request.params.id, { kind: 'reference', ...request.body })),
  });

  app.get('/api/families/specialists/:id/documents/:documentId', {
    config: { access: SKA_AND_PROVIDERS },
    schema: { tags: TAGS, summary: 'Download an uploaded qualification document', params: z.object({ id: z.uuid(), documentId: z.uuid() }) },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const specialist = await deps.db.selectFrom('provider_specialists').select(['id', 'person_id']).where('provider_specialists.id', '=', request.params.id).where(specialistScope(ctx.actor)).executeTakeFirst();
      if (!specialist) throw notFound();
      const doc = await deps.db.selectFrom('specialist_documents').select(['filename', 'content_type', 'content']).where('id', '=', request.params.documentId).where('specialist_id', '=', specialist.id).where('kind', '=', 'upload').executeTakeFirst();
      if (!doc?.content) throw notFound();
      await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'specialist_document', recordId: request.params.documentId, personId: specialist.person_id }]);
      return reply
        .header('content-type', doc.content_type ?? 'application/octet-stream')
        .header('content-disposition', attachment(doc.filename ?? 'document'))
        .header('cache-control', 'no-store')
        .send(doc.content);
    },
  });

  app.post('/api/families/coi-clearances', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'B-COI §2.1.6.5: SKA clears the KOV-official conflict of one specialist with one family, with a recorded decision',
      body: z.object({ specialistId: z.uuid(), familyId: z.uuid(), decision: trimmed(5000), decidedOn: serviceDate.optional() }).strict(),
      response: { 201: z.object({ id: z.string(), specialistId: z.string(), familyId: z.string(), decision: z.string(), decidedOn: z.string() }) },
    },
    handler: async (request, reply) => {
      const row = await clearKovOfficialConflict(deps, contextOf(request), request.body);
      return reply.status(201).send({ id: row.id, specialistId: row.specialist_id, familyId: row.family_id, decision: row.decision, decidedOn: row.decided_on });
    },
  });
}
