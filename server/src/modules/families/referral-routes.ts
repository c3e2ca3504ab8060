import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { booleanQuery, contextOf, idParams, versionBody, notFound, pageOf, pageQuery, trimmed } from '../../platform/http/index.js';
import { appendAudit, listEntries } from '../../platform/audit/audit.js';
import { registerRecordType } from '../../platform/audit/record-access.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { exportReferrals, findReferral, listReferrals, type ReferralListRow } from './queries.js';
import { createReferral, forwardReferral, recordFirstContact, rejectReferral, withdrawReferral } from './referrals-service.js';
import { startEpisode } from './episodes-service.js';
import { episodeDetail, referralDetail, referralListItem } from './views.js';
import { contactKind, episodeDetail as episodeDetailSchema, FAMILY_ROLES, optionalText, referralDetail as referralDetailSchema, referralListItem as referralListItemSchema, referralStatus, supportKind, serviceDate } from './schemas.js';
import { REFERRAL_SOURCES } from './tables.js';
import { today } from './shared.js';
import { auditReads } from '../../platform/audit/reads.js';

const TAGS = ['families'];
const versioned = versionBody.shape;

const filterQuery = {
  status: referralStatus.optional(),
  kind: supportKind.optional(),
  providerId: z.uuid().optional(),
  kovId: z.uuid().optional(),
  familyId: z.uuid().optional(),
  overdueFirstContact: booleanQuery.optional().describe('B-START: forwarded referrals whose first contact is late'),
  q: z.string().trim().max(200).optional(),
};

const exportColumns: ExportColumn<ReferralListRow>[] = [
  { key: 'reference', header: 'Viide / Reference', value: (r) => r.reference },
  { key: 'family', header: 'Pere / Family', value: (r) => r.family_reference },
  { key: 'kind', header: 'Liik / Kind', value: (r) => r.kind },
  { key: 'source', header: 'Pöörduja / Source', value: (r) => r.source },
  { key: 'status', header: 'Olek / Status', value: (r) => r.status },
  { key: 'submittedOn', header: 'Esitatud / Submitted', value: (r) => r.submitted_on, kind: 'date' },
  { key: 'kov', header: 'KOV', value: (r) => r.kov_name ?? r.family_kov_name },
  { key: 'provider', header: 'Teenuseosutaja / Provider', value: (r) => r.provider_name },
  { key: 'receivedOn', header: 'Teenuseosutaja sai / Received', value: (r) => r.received_on, kind: 'date' },
  { key: 'firstContactDue', header: 'Esmakontakt hiljemalt / First contact due', value: (r) => r.first_contact_due, kind: 'date' },
  { key: 'firstContactOn', header: 'Esmakontakt / First contact', value: (r) => r.first_contact_on, kind: 'date' },
];

/** Referrals: the KOV's form or the family's request, SKA's check (B-NEED-2) and the provider's first contact (B-START). */
export function registerReferralRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('family_referral', async (db, actor, id) => z.uuid().safeParse(id).success && Boolean(await findReferral(db, actor, id)));
  const detail = async (ctx: RequestContext, id: string) => {
    const found = await findReferral(deps.db, ctx.actor, id);
    if (!found) throw notFound();
    return referralDetail(deps.db, found);
  };

  app.get('/api/families/referrals', {
    config: { access: FAMILY_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Referrals in scope with filters (SKA contact: all providers; provider: forwarded to it; KOV: its families), newest first',
      querystring: z.object({ ...filterQuery, ...pageQuery }).strict(),
      response: { 200: pageOf(referralListItemSchema) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listReferrals(deps.db, ctx.actor, filter, { limit, cursor }, today());
      await auditReads(deps.db, ctx, listEntries('family_referral', page.items.map((r) => ({ id: r.id, personId: r.child_person_id }))));
      return { items: page.items.map((r) => referralListItem(r)), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/families/referrals/export', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'Export the filtered referrals as CSV or XLSX (X-EXPORT)', querystring: z.object({ ...filterQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportReferrals(trx, ctx.actor, filter, EXPORT_ROW_LIMIT, today());
        await appendAudit(trx, ctx, found.map((r) => ({ action: 'export' as const, recordType: 'family_referral', recordId: r.id, personId: r.child_person_id })));
        return found;
      });
      return sendExport(reply, format, 'suunamised', exportColumns, rows);
    },
  });

  app.post('/api/families/referrals', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin'] },
    schema: {
      tags: TAGS,
      summary:
        'Ask for support: a KOV referral form (topics, problems, goals from the case plan, preferred provider), a family’s request recorded by SKA, or an adaptation/mentoring request made to a provider directly (B-ADAPT-1, B-NEED-1)',
      body: z
        .object({
          familyId: z.uuid(),
          kind: supportKind,
          childPersonId: z.uuid().nullable().optional().describe('The child (adaptation: the new child; needs-based: the child in the family for over a year)'),
          source: z.enum(REFERRAL_SOURCES).optional().describe('Who asked; a KOV worker’s referral is always "kov"'),
          topics: optionalText(5000),
          problems: optionalText(5000),
          goals: optionalText(5000),
          casePlanReference: optionalText(200),
          preferredProviderId: z.uuid().nullable().optional(),
          notes: optionalText(5000),
        })
        .strict(),
      response: { 201: referralDetailSchema },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const created = await createReferral(deps, ctx, request.body);
      return reply.status(201).send(await referralDetail(deps.db, created));
    },
  });

  app.get('/api/families/referrals/:id', {
    config: { access: FAMILY_ROLES },
    schema: { tags: TAGS, summary: 'One referral with its check, the provider’s receipt and the first-contact clock (B-START)', params: idParams, response: { 200: referralDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const found = await findReferral(deps.db, ctx.actor, request.params.id);
      if (!found) throw notFound();
      await auditReads(deps.db, ctx, [{ action: 'read', recordType: 'family_referral', recordId: found.id, personId: found.child_person_id }]);
      return referralDetail(deps.db, found);
    },
  });

  app.post('/api/families/referrals/:id/forward', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'B-NEED-2: the SKA contact confirms the checks and forwards to the chosen provider; the provider receives it and the 5-working-day clock starts (B-START)',
      params: idParams,
      body: z
        .object({
          ...versioned,
          providerId: z.uuid(),
          checks: z.object({ targetGroup: z.boolean().optional(), earlierService: z.boolean().optional(), justificationAndGoals: z.boolean().optional() }).strict(),
          checkNotes: optionalText(5000),
        })
        .strict(),
      response: { 200: referralDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await forwardReferral(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/referrals/:id/reject', {
    config: { access: ['ska_contact'] },
    schema: { tags: TAGS, summary: 'B-NEED-2: reject with a reason (the KOV worker is told)', params: idParams, body: z.object({ ...versioned, reason: z.string().trim().max(5000) }).strict(), response: { 200: referralDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await rejectReferral(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/referrals/:id/withdraw', {
    config: { access: ['kov_worker', 'ska_contact', 'provider_admin'] },
    schema: { tags: TAGS, summary: 'Withdraw a referral that has not started', params: idParams, body: z.object({ ...versioned, reason: trimmed(2000) }).strict(), response: { 200: referralDetailSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await withdrawReferral(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/referrals/:id/first-contact', {
    config: { access: ['provider_admin', 'provider_specialist'] },
    schema: {
      tags: TAGS,
      summary: 'B-START: record the first contact with the family (also set by the first contact logged on the episode)',
      params: idParams,
      body: z.object({ ...versioned, contactedOn: serviceDate, channel: contactKind, notes: optionalText(2000) }).strict(),
      response: { 200: referralDetailSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await recordFirstContact(deps, ctx, request.params.id, request.body);
      return detail(ctx, request.params.id);
    },
  });

  app.post('/api/families/referrals/:id/episode', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'Start the service from a forwarded referral and assign a specialist (§2.8.6 approval, language, B-COI; B-ADAPT-1 window, B-NEED-1 volume, B-SWITCH)',
      params: idParams,
      body: z.object({ ...versioned, specialistId: z.uuid(), startsOn: serviceDate }).strict(),
      response: { 201: episodeDetailSchema },
    },
    handler: async (request, reply) => {
      const episode = await startEpisode(deps, contextOf(request), request.params.id, request.body);
      return reply.status(201).send(await episodeDetail(deps.db, episode));
    },
  });
}
