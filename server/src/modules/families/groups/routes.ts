import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { AppError, contextOf, idParams, notFound } from '../../../platform/http/index.js';
import { MAX_UPLOAD_BYTES } from '../../../platform/http/limits.js';
import { IMAGE_UPLOADS, requireUpload, SIGNED_PAPER_UPLOADS } from '../../../platform/http/uploads.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { registerRecordType } from '../../../platform/audit/record-access.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import { loadReportFile, safeFilename } from '../report-files.js';
import { today } from '../shared.js';
import { findGroup, findPlan, groupsOfPlans, listGroups, listPlans, participantsOf } from './queries.js';
import { quarterCounts } from './quarters.js';
import { addGroup, approveSmallGroup, attachGroupFile, cancelGroup, createPlan, decideGroup, deleteGroup, recordAttendance, submitPlan, updateGroup } from './service.js';
import { attendanceInput, decisionInput, groupDetail, groupInput, groupPatch, groupStatus, groupView, month, planView, quarter, quarterCountsView, smallGroupInput } from './schemas.js';
import { groupDetailView, groupViews, toPlanView } from './views.js';
import { attachment } from '../../../platform/http/content-disposition.js';

const TAGS = ['support groups'];
const READERS = ['provider_admin', 'provider_specialist', 'ska_contact', 'ska_manager'] as const;
const PLAN_READERS = ['provider_admin', 'ska_contact', 'ska_manager'] as const;
const versionQuery = z.object({ version: z.coerce.number().int().min(1) }).strict();
const FILE_PURPOSES = { 'attendance-list': 'attendance_list', screenshot: 'attendance_screenshot' } as const;

/** An attachment header that survives any filename: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  return attachment(filename);
}

/** Support groups (B-GRP-1..5): plans, SKA's decisions, attendance with encrypted files, pay preview, quarterly counts. */
export function registerGroupApiRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const isUuid = (id: string) => z.uuid().safeParse(id).success;
  registerRecordType('support_group', async (db, actor, id) => isUuid(id) && Boolean(await findGroup(db, actor, id)));
  registerRecordType('support_group_plan', async (db, actor, id) => isUuid(id) && Boolean(await findPlan(db, actor, id)));

  const planOut = async (ctx: RequestContext, id: string) => {
    const plan = await findPlan(deps.db, ctx.actor, id);
    if (!plan) throw notFound();
    return toPlanView(plan, await groupViews(deps.db, await groupsOfPlans(deps.db, ctx.actor, [plan.id])), today());
  };
  const groupOut = async (ctx: RequestContext, id: string) => {
    const group = await findGroup(deps.db, ctx.actor, id);
    if (!group) throw notFound();
    return groupDetailView(deps.db, group, await participantsOf(deps.db, [id]));
  };
  /** Runs a change to group `id`, then answers with the group as it is now. */
  const changeGroup = async (request: FastifyRequest, id: string, change: (ctx: RequestContext) => Promise<unknown>) => {
    const ctx = contextOf(request);
    await change(ctx);
    return groupOut(ctx, id);
  };

  // --- B-GRP-1: plans ---------------------------------------------------------------

  app.get('/api/families/group-plans', {
    config: { access: PLAN_READERS },
    schema: {
      tags: TAGS,
      summary: 'Support-group plans with their groups (SKA: every provider’s submitted plans; provider: its own, drafts too)',
      querystring: z.object({ month: month.optional(), providerId: z.uuid().optional() }).strict(),
      response: { 200: z.object({ items: z.array(planView) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const plans = await listPlans(deps.db, ctx.actor, request.query);
      const groups = await groupViews(deps.db, await groupsOfPlans(deps.db, ctx.actor, plans.map((p) => p.id)));
      const on = today();
      return { items: plans.map((p) => toPlanView(p, groups.filter((g) => g.planId === p.id), on)) };
    },
  });

  app.get('/api/families/group-plans/:id', {
    config: { access: PLAN_READERS },
    schema: { tags: TAGS, summary: 'One plan with its groups, deadline and state (B-GRP-1)', params: idParams, response: { 200: planView } },
    handler: async (request) => planOut(contextOf(request), request.params.id),
  });

  app.post('/api/families/group-plans', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-GRP-1: start the plan of a month; refused (422 B_GRP_PLAN_LATE) after its deadline, the 15th of the month before',
      body: z.object({ month }).strict(),
      response: { 201: planView },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await createPlan(deps, ctx, request.body);
      return reply.status(201).send(await planOut(ctx, id));
    },
  });

  app.post('/api/families/group-plans/:id/submit', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-GRP-1: submit the plan to SKA by the 15th of the month before (on the 15th in time, from the 16th 422 B_GRP_PLAN_LATE); SKA contacts are told',
      params: idParams,
      body: z.object({ version: z.number().int().min(1) }).strict(),
      response: { 200: planView },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await submitPlan(deps, ctx, request.params.id, request.body);
      return planOut(ctx, request.params.id);
    },
  });

  app.post('/api/families/group-plans/:id/groups', {
    config: { access: ['provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'B-GRP-1: add a group (date in the plan’s month, time, length, place or online, KOV → island, topic, leader, family type, public info); up to the deadline',
      params: idParams,
      body: groupInput,
      response: { 201: groupDetail },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const id = await addGroup(deps, ctx, request.params.id, request.body);
      return reply.status(201).send(await groupOut(ctx, id));
    },
  });

  // --- Groups -------------------------------------------------------------------------

  app.get('/api/families/groups', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'Groups in scope, with pay for held ones (SKA: groups of submitted plans; provider: its own; leader: the groups they lead)',
      querystring: z.object({ month: month.optional().describe('By the day held, or planned'), providerId: z.uuid().optional(), status: groupStatus.optional(), planId: z.uuid().optional() }).strict(),
      response: { 200: z.object({ items: z.array(groupView) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      return { items: await groupViews(deps.db, await listGroups(deps.db, ctx.actor, request.query)) };
    },
  });

  app.get('/api/families/groups/quarter-counts', {
    config: { access: PLAN_READERS },
    schema: {
      tags: TAGS,
      summary: 'B-GRP-4 per provider in a quarter: planned, approved, held, paid (at most 12), over the cap, not payable, below the minimum of 1',
      querystring: z.object({ quarter }).strict(),
      response: { 200: quarterCountsView },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      return { quarter: request.query.quarter, items: await quarterCounts(deps.db, ctx.actor, request.query.quarter) };
    },
  });

  app.get('/api/families/groups/:id', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'One group with its participants and pay', params: idParams, response: { 200: groupDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const out = await groupOut(ctx, request.params.id);
      await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'support_group', recordId: out.id }]);
      return out;
    },
  });

  app.patch('/api/families/groups/:id', {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'Change a group up to the plan’s deadline; a decided group goes back to SKA; 409 on a stale version', params: idParams, body: groupPatch, response: { 200: groupDetail } },
    handler: (request) => changeGroup(request, request.params.id, (ctx) => updateGroup(deps, ctx, request.params.id, request.body)),
  });

  app.delete('/api/families/groups/:id', {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'Remove a group from a draft plan (a submitted plan’s group is cancelled instead)', params: idParams, querystring: versionQuery },
    handler: async (request, reply) => {
      await deleteGroup(deps, contextOf(request), request.params.id, request.query);
      return reply.status(204).send();
    },
  });

  app.post('/api/families/groups/:id/cancel', {
    config: { access: ['provider_admin'] },
    schema: { tags: TAGS, summary: 'Cancel a planned or approved group that will not take place', params: idParams, body: z.object({ version: z.number().int().min(1) }).strict(), response: { 200: groupDetail } },
    handler: (request) => changeGroup(request, request.params.id, (ctx) => cancelGroup(deps, ctx, request.params.id, request.body)),
  });

  app.post('/api/families/groups/:id/decision', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'B-GRP-1: SKA approves a planned group or rejects it (a reason is required, e.g. which condition it breaks); the provider is told',
      params: idParams,
      body: decisionInput,
      response: { 200: groupDetail },
    },
    handler: (request) => changeGroup(request, request.params.id, (ctx) => decideGroup(deps, ctx, request.params.id, request.body)),
  });

  app.post('/api/families/groups/:id/small-group-approval', {
    config: { access: ['ska_contact'] },
    schema: {
      tags: TAGS,
      summary: 'B-GRP-2: SKA’s prior approval for 4–5 participants (sparse areas, islands), with a reason; approved=false withdraws it',
      params: idParams,
      body: smallGroupInput,
      response: { 200: groupDetail },
    },
    handler: (request) => changeGroup(request, request.params.id, (ctx) => approveSmallGroup(deps, ctx, request.params.id, request.body)),
  });

  app.put('/api/families/groups/:id/attendance', {
    config: { access: ['provider_admin', 'provider_specialist'] },
    schema: {
      tags: TAGS,
      summary:
        'B-GRP-5: record the held meeting — day, actual minutes, participants with signature kinds, the leader’s signature; only for approved groups. Attendance that breaks B-GRP-2/3/5 is kept but not paid (pay.excludedReason)',
      params: idParams,
      body: attendanceInput,
      response: { 200: groupDetail },
    },
    handler: (request) => changeGroup(request, request.params.id, (ctx) => recordAttendance(deps, ctx, request.params.id, request.body)),
  });

  app.post('/api/families/groups/:id/files/:purpose', {
    config: { access: ['provider_admin', 'provider_specialist'] },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: {
      tags: TAGS,
      summary: 'B-GRP-5: upload the signed attendance list (scan/PDF) or an online group’s screenshot (raw bytes, application/octet-stream); stored encrypted (B-SEC)',
      params: z.object({ id: z.uuid(), purpose: z.enum(['attendance-list', 'screenshot']) }),
      querystring: z.object({ filename: z.string().trim().min(1).max(200) }).strict(),
      response: { 201: groupDetail },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
      if (bytes.length === 0) throw new AppError(400, 'FILE_EMPTY', {}, { fields: [{ path: 'body', message: 'empty file' }] });
      requireUpload(bytes, request.params.purpose === 'screenshot' ? IMAGE_UPLOADS : SIGNED_PAPER_UPLOADS);
      await attachGroupFile(deps, ctx, request.params.id, { purpose: FILE_PURPOSES[request.params.purpose], filename: safeFilename(request.query.filename), content: bytes });
      return reply.status(201).send(await groupOut(ctx, request.params.id));
    },
  });

  app.get('/api/families/groups/:id/files/:purpose', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'Download the attendance list or screenshot (decrypted; every download is in the audit log)',
      params: z.object({ id: z.uuid(), purpose: z.enum(['attendance-list', 'screenshot']) }),
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const file = await deps.db.transaction().execute(async (trx) => {
        const group = await findGroup(trx, ctx.actor, request.params.id);
        if (!group) throw notFound();
        const fileId = request.params.purpose === 'attendance-list' ? group.attendance_file_id : group.screenshot_file_id;
        if (!fileId) throw notFound();
        const loaded = await loadReportFile(trx, encryptionKeyFrom(deps.config), fileId);
        if (!loaded) throw notFound();
        await appendAudit(trx, ctx, [{ action: 'read', recordType: 'report_file', recordId: fileId, changes: [{ field: 'support_group', old: null, new: group.id }] }]);
        return loaded;
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  });
}
