import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/http/index.js';
import { contextOf, idParams, notFound, pageOf, pageQuery, trimmed } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { registerRecordType } from '../../../platform/audit/record-access.js';
import { serviceDate } from '../schemas.js';
import { today } from '../shared.js';
import { findExtra, findSession, findSessionFamily, listExtras, listLimitFamilies, listSessions, runningMentoringEpisode } from './queries.js';
import { cancelSession, correctSession, decideExtra, recordSession, requestExtra } from './service.js';
import { familyLimits } from './summary.js';
import { extraView, sessionView } from './views.js';
import {
  extraSchema,
  extraStatus,
  familyLimitsSchema,
  limitsListItem,
  month,
  SESSION_READ_ROLES,
  SESSION_WRITE_ROLES,
  sessionBody,
  sessionPatch,
  sessionSchema,
  sessionService,
} from './schemas.js';

const TAGS = ['families'];
const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** Mentoring, counselling and supervision sessions with their limits, and SKA's extra-session approvals (B-MENT-*, B-PSY-*). */
export function registerSessionApi(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('service_session', async (db, actor, id) => isUuid(id) && Boolean(await findSession(db, actor, id)));
  registerRecordType('counselling_extra_request', async (db, actor, id) => isUuid(id) && Boolean(await findExtra(db, actor, id)));

  const sessionOut = async (actor: Actor, id: string) => {
    const found = await findSession(deps.db, actor, id);
    if (!found) throw notFound();
    return sessionView(found);
  };

  app.get('/api/families/sessions', {
    config: { access: SESSION_READ_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Sessions in scope, newest first (SKA: all; provider: its own; specialist: those they held)',
      querystring: z
        .object({
          familyId: z.uuid().optional(),
          episodeId: z.uuid().optional(),
          service: sessionService.optional(),
          month: month.optional().describe('YYYY-MM'),
          specialistId: z.uuid().optional(),
          status: z.enum(['held', 'cancelled']).optional(),
          ...pageQuery,
        })
        .strict(),
      response: { 200: pageOf(sessionSchema) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      return deps.db.transaction().execute(async (trx) => {
        const page = await listSessions(trx, ctx.actor, filter, { limit, cursor });
        await appendAudit(trx, ctx, page.items.map((r) => ({ action: 'list' as const, recordType: 'service_session', recordId: r.id })));
        return { items: page.items.map(sessionView), nextCursor: page.nextCursor };
      });
    },
  });

  app.post('/api/families/sessions', {
    config: { access: SESSION_WRITE_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Record a held session; refused with 422 naming the rule: B-MENT-2 (4 a quarter, 2 before a child), B-MENT-3 (mentor), B-PSY-1/2 (yearly limit), B-PSY-3 (remote by prior agreement, role)',
      body: sessionBody,
      response: { 201: sessionSchema },
    },
    handler: async (request, reply) => {
      const row = await recordSession(deps, contextOf(request), request.body);
      return reply.status(201).send(await sessionOut(request.actor!, row.id));
    },
  });

  app.get('/api/families/sessions/:id', {
    config: { access: SESSION_READ_ROLES },
    schema: { tags: TAGS, summary: 'One session', params: idParams, response: { 200: sessionSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      return deps.db.transaction().execute(async (trx) => {
        const found = await findSession(trx, ctx.actor, request.params.id);
        if (!found) throw notFound();
        await appendAudit(trx, ctx, [{ action: 'read', recordType: 'service_session', recordId: found.id }]);
        return sessionView(found);
      });
    },
  });

  app.patch('/api/families/sessions/:id', {
    config: { access: SESSION_WRITE_ROLES },
    schema: { tags: TAGS, summary: 'Correct a session (409 on a stale version); every rule is checked again, the limits without this session', params: idParams, body: sessionPatch, response: { 200: sessionSchema } },
    handler: async (request) => {
      await correctSession(deps, contextOf(request), request.params.id, request.body);
      return sessionOut(request.actor!, request.params.id);
    },
  });

  app.post('/api/families/sessions/:id/cancel', {
    config: { access: SESSION_WRITE_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Cancel a session (not held or recorded by mistake) with a reason; it no longer counts against the limits',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), reason: trimmed(2000) }).strict(),
      response: { 200: sessionSchema },
    },
    handler: async (request) => {
      await cancelSession(deps, contextOf(request), request.params.id, request.body);
      return sessionOut(request.actor!, request.params.id);
    },
  });

  app.get('/api/families/service-limits', {
    config: { access: SESSION_READ_ROLES },
    schema: {
      tags: TAGS,
      summary: 'Limits per family: remaining mentoring (B-MENT-2) and counselling/supervision (B-PSY-1/2) of the families a provider serves (SKA: filter by provider)',
      querystring: z.object({ providerId: z.uuid().optional(), on: serviceDate.optional(), q: z.string().trim().max(100).optional(), ...pageQuery }).strict(),
      response: { 200: pageOf(limitsListItem) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, on, ...filter } = request.query;
      const day = on ?? today();
      return deps.db.transaction().execute(async (trx) => {
        const page = await listLimitFamilies(trx, ctx.actor, filter, { limit: Math.min(limit, 100), cursor });
        const items = [];
        for (const f of page.items) {
          items.push({
            ...(await familyLimits(trx, f.id, day)),
            reference: f.reference,
            type: f.type,
            parentNames: f.parent_names,
            kovName: f.kov_name,
            runningMentoringEpisodeId: await runningMentoringEpisode(trx, ctx.actor, f.id),
          });
        }
        await appendAudit(trx, ctx, page.items.map((f) => ({ action: 'list' as const, recordType: 'family', recordId: f.id })));
        return { items, nextCursor: page.nextCursor };
      });
    },
  });

  app.get('/api/families/:id/service-limits', {
    config: { access: SESSION_READ_ROLES },
    schema: {
      tags: TAGS,
      summary: 'A family’s session limits on a day: mentoring (B-MENT-2) and counselling/supervision (B-PSY-1, B-PSY-2) with approved and awaiting extra sessions',
      params: idParams,
      querystring: z.object({ on: serviceDate.optional() }).strict(),
      response: { 200: familyLimitsSchema.extend({ runningMentoringEpisodeId: z.string().nullable() }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      return deps.db.transaction().execute(async (trx) => {
        const family = await findSessionFamily(trx, ctx.actor, request.params.id);
        if (!family) throw notFound();
        await appendAudit(trx, ctx, [{ action: 'read', recordType: 'family', recordId: family.id }]);
        return { ...(await familyLimits(trx, family.id, request.query.on ?? today())), runningMentoringEpisodeId: await runningMentoringEpisode(trx, ctx.actor, family.id) };
      });
    },
  });

  app.get('/api/families/counselling-extras', {
    config: { access: SESSION_READ_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-PSY-1 extra-session requests: awaiting a decision first (SKA: all; provider: its own)',
      querystring: z.object({ status: extraStatus.optional(), familyId: z.uuid().optional(), providerId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery }).strict(),
      response: { 200: pageOf(extraSchema) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      return deps.db.transaction().execute(async (trx) => {
        const page = await listExtras(trx, ctx.actor, filter, { limit, cursor });
        await appendAudit(trx, ctx, page.items.map((r) => ({ action: 'list' as const, recordType: 'counselling_extra_request', recordId: r.id })));
        return { items: page.items.map(extraView), nextCursor: page.nextCursor };
      });
    },
  });

  app.post('/api/families/counselling-extras', {
    config: { access: SESSION_WRITE_ROLES },
    schema: {
      tags: TAGS,
      summary: 'B-PSY-1: ask SKA for up to 5 more counselling or supervision sessions in a year, with the specialist’s justification (the year’s total stays at most 5)',
      body: z.object({ familyId: z.uuid(), year: z.number().int().min(2000).max(2100), requestedSessions: z.number().int().min(1).max(99), justification: trimmed(5000) }).strict(),
      response: { 201: extraSchema },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const row = await requestExtra(deps, ctx, request.body);
      return reply.status(201).send(extraView((await findExtra(deps.db, ctx.actor, row.id))!));
    },
  });

  app.get('/api/families/counselling-extras/:id', {
    config: { access: SESSION_READ_ROLES },
    schema: { tags: TAGS, summary: 'One extra-session request', params: idParams, response: { 200: extraSchema } },
    handler: async (request) => {
      const ctx = contextOf(request);
      return deps.db.transaction().execute(async (trx) => {
        const found = await findExtra(trx, ctx.actor, request.params.id);
        if (!found) throw notFound();
        await appendAudit(trx, ctx, [{ action: 'read', recordType: 'counselling_extra_request', recordId: found.id }]);
        return extraView(found);
      });
    },
  });

  app.post('/api/families/counselling-extras/:id/decision', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'SKA’s written decision on extra sessions: approve (at most the requested number and 5 a year in total) or reject with a reason; 409 on a stale version',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), approved: z.boolean(), approvedSessions: z.number().int().min(1).max(5).optional(), reason: z.string().trim().max(5000).nullable().optional() }).strict(),
      response: { 200: extraSchema },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await decideExtra(deps, ctx, request.params.id, request.body);
      return extraView((await findExtra(deps.db, ctx.actor, request.params.id))!);
    },
  });
}
