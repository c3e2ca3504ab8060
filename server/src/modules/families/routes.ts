import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { contextOf, idParams, notFound, pageOf, pageQuery, trimmed, versionBody } from '../../platform/http/index.js';
import { appendAudit, listEntries } from '../../platform/audit/audit.js';
import { registerRecordType } from '../../platform/audit/record-access.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { exportFamilies, findFamily, listFamilies, type FamilyListRow, type FamilyRecord } from './queries.js';
import { addAgencyGap, addChild, addHouseholdMember, addParent, addPriorPeriod, createFamily, updateFamily, updatePlacement } from './families-service.js';
import { familyDetail, familyListItem } from './views.js';
import { encryptionKeyFrom } from '../../platform/crypto/keys.js';
import { kovInvolved } from './rules.js';
import { childInput, familyDetail as familyDetailSchema, familyFields, familyLanguage, familyListItem as familyListItemSchema, familyType, FAMILY_ROLES, optionalText, originInput, personInput, serviceDate } from './schemas.js';
import { registerReferralRoutes } from './referral-routes.js';
import { registerEpisodeRoutes } from './episode-routes.js';
import { registerSpecialistRoutes } from './specialist-routes.js';
import { registerOverviewRoutes } from './overview-routes.js';
import { auditReads } from '../../platform/audit/reads.js';

const TAGS = ['families'];

const filterQuery = {
  type: familyType.optional(),
  kovId: z.uuid().optional(),
  providerId: z.uuid().optional(),
  language: familyLanguage.optional(),
  q: z.string().trim().max(200).optional(),
};

/** X-EXPORT: no origin data and no personal codes leave in a list export (X-SECRET). */
const exportColumns: ExportColumn<FamilyListRow>[] = [
  { key: 'reference', header: 'Viide / Reference', value: (r) => r.reference },
  { key: 'type', header: 'Liik / Type', value: (r) => r.type },
  { key: 'parents', header: 'Vanemad / Parents', value: (r) => r.parent_names },
  { key: 'children', header: 'Lapsi peres / Children in family', value: (r) => r.children_count },
  { key: 'kov', header: 'KOV', value: (r) => r.kov_name },
  { key: 'county', header: 'Maakond / County', value: (r) => r.kov_county },
  { key: 'language', header: 'Keel / Language', value: (r) => r.language },
  { key: 'kovInvolved', header: 'KOV kaasatud / KOV involved', value: (r) => (kovInvolved({ type: r.type, kovInvolvementConsent: r.kov_involvement_consent }) ? 'jah' : 'ei') },
  { key: 'running', header: 'Käimasolevaid teenuseid / Running services', value: (r) => r.running_episodes },
];

const versioned = versionBody.shape;
const periodKind = z.enum(['adaptation', 'needs_based']);

/**
 * Module B part 1 (SPEC §5, seed 003 §1–2.2): families, referrals, episodes,
 * specialists and contracts, under /api/families, tagged 'families' in the
 * OpenAPI document.
 */
export function registerFamilyRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const key = encryptionKeyFrom(deps.config);
  registerRecordType('family', async (db, actor, id) => z.uuid().safeParse(id).success && Boolean(await findFamily(db, actor, id)));

  // Fixed paths first, so they are never read as an id.
  registerOverviewRoutes(root, deps);
  registerSpecialistRoutes(root, deps);
  registerReferralRoutes(root, deps);
  registerEpisodeRoutes(root, deps);

  const detailOf = (request: FastifyRequest, family: FamilyRecord) => familyDetail(deps.db, contextOf(request).actor, family, key);

  app.get('/api/families', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'Families in scope (SKA: all; KOV: its municipality; provider: its own; supporter: the families they serve), newest first', querystring: z.object({ ...filterQuery, ...pageQuery }).strict(), response: { 200: pageOf(familyListItemSchema) } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listFamilies(deps.db, ctx.actor, filter, { limit, cursor });
      await auditReads(deps.db, ctx, listEntries('family', page.items.map((r) => ({ id: r.id, personId: r.first_parent_id }))));
      return { items: page.items.map(familyListItem), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/families/export', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'Export the filtered families as CSV or XLSX (X-EXPORT; no origin data)', querystring: z.object({ ...filterQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportFamilies(trx, ctx.actor, filter, EXPORT_ROW_LIMIT);
        await appendAudit(trx, ctx, found.map((r) => ({ action: 'export' as const, recordType: 'family', recordId: r.id, personId: r.first_parent_id })));
        return found;
      });
      return sendExport(reply, format, 'pered', exportColumns, rows);
    },
  });

  app.post('/api/families', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Record a foster, guardianship or adoptive family with its parents and children (KOV: its own municipality; a provider: a family that turned to it)',
      body: z
        .object({
          type: familyType,
          kovOrganisationId: z.uuid().optional().describe('The KOV of residence (a KOV worker: defaults to their own)'),
          ...familyFields,
          parents: z.array(z.object({ person: personInput, relation: optionalText(40).transform((r) => r ?? undefined) }).strict()).min(1).max(4),
          children: z.array(childInput).max(20).optional(),
        })
        .strict(),
      response: { 201: familyDetailSchema },
    },
    handler: async (request, reply) => {
      const family = await createFamily(deps, contextOf(request), request.body as never, key);
      return reply.status(201).send(await detailOf(request, family));
    },
  });

  app.get('/api/families/:id', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'One family: parents, children with adaptation windows, remaining needs-based volume, referrals, episodes, timeline (origin data masked per X-SECRET)', params: idParams, response: { 200: familyDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const family = await findFamily(deps.db, ctx.actor, request.params.id);
      if (!family) throw notFound();
      const db = deps.db;
      const people = await db.selectFrom('family_parents').select('person_id').where('family_id', '=', family.id).union(db.selectFrom('family_children').select('child_person_id as person_id').where('family_id', '=', family.id)).execute();
      // One entry for the family, naming everyone in it for their data trackers.
      await auditReads(db, ctx, [{ action: 'read', recordType: 'family', recordId: family.id, personIds: [...new Set(people.map((p) => p.person_id))] }]);
      return detailOf(request, family);
    },
  });

  app.patch('/api/families/:id', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin', 'provider_specialist'] },
    schema: {
      tags: TAGS,
      summary: 'Change the family record (KOV: its own fields; secrecy, consent and contract flags: SKA and the provider); 409 on a stale version',
      params: idParams,
      body: z.object({ ...versioned, kovOrganisationId: z.uuid().optional(), ...familyFields }).strict(),
      response: { 200: familyDetailSchema },
    },
    handler: async (request) => {
      const { version, ...changes } = request.body;
      return detailOf(request, await updateFamily(deps, contextOf(request), request.params.id, version, changes));
    },
  });

  app.post('/api/families/:id/parents', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin'] },
    schema: { tags: TAGS, summary: 'Add a parent (foster parent, guardian, adoptive parent)', params: idParams, body: z.object({ ...versioned, person: personInput, relation: optionalText(40).transform((r) => r ?? undefined) }).strict(), response: { 200: familyDetailSchema } },
    handler: async (request) => {
      const { version, ...parent } = request.body;
      return detailOf(request, await addParent(deps, contextOf(request), request.params.id, version, parent));
    },
  });

  app.post('/api/families/:id/children', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin'] },
    schema: { tags: TAGS, summary: 'A child arrives in the family (a placement with arrival and, later, departure dates)', params: idParams, body: childInput.extend(versioned).strict(), response: { 200: familyDetailSchema } },
    handler: async (request) => {
      const { version, ...child } = request.body;
      return detailOf(request, await addChild(deps, contextOf(request), request.params.id, version, child, key));
    },
  });

  app.patch('/api/families/:id/children/:placementId', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Change a placement: arrival, departure (B-LEAVE), origin data; 409 on a stale version',
      params: z.object({ id: z.uuid(), placementId: z.uuid() }),
      body: z.object({ ...versioned, arrivedOn: serviceDate.optional(), leftOn: serviceDate.nullable().optional(), origin: originInput.nullable().optional() }).strict(),
      response: { 200: familyDetailSchema },
    },
    handler: async (request) => detailOf(request, await updatePlacement(deps, contextOf(request), request.params.id, request.params.placementId, request.body, key)),
  });

  app.post('/api/families/:id/household-members', {
    config: { access: ['ska_contact', 'provider_admin', 'kov_worker'] },
    schema: { tags: TAGS, summary: 'Add another person living in the household (for the B-COI household rules)', params: idParams, body: z.object({ ...versioned, person: personInput }).strict(), response: { 200: familyDetailSchema } },
    handler: async (request) => detailOf(request, await addHouseholdMember(deps, contextOf(request), request.params.id, request.body.version, request.body.person)),
  });

  app.post('/api/families/:id/prior-periods', {
    config: { access: ['ska_contact', 'provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-CARRY: service received under an earlier procurement (counts against the limits; the 2022 transitional extra does not)',
      params: idParams,
      body: z
        .object({ ...versioned, kind: periodKind, childPersonId: z.uuid().nullable().optional(), startsOn: serviceDate, endsOn: serviceDate, procurement: trimmed(100), transitionalExtra: z.boolean().optional(), note: optionalText(2000) })
        .strict(),
      response: { 200: familyDetailSchema },
    },
    handler: async (request) => detailOf(request, await addPriorPeriod(deps, contextOf(request), request.params.id, request.body)),
  });

  app.post('/api/families/:id/agency-gaps', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'B-CARRY: a gap in service caused by the agency, excluded from the volume (SKA only)',
      params: idParams,
      body: z.object({ ...versioned, kind: periodKind, childPersonId: z.uuid().nullable().optional(), startsOn: serviceDate, endsOn: serviceDate, reason: trimmed(2000) }).strict(),
      response: { 200: familyDetailSchema },
    },
    handler: async (request) => detailOf(request, await addAgencyGap(deps, contextOf(request), request.params.id, request.body)),
  });
}
