import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, booleanQuery, contextOf, idParams, isoDate, notFound, trimmed } from '../../platform/http/index.js';
import { MAX_UPLOAD_BYTES } from '../../platform/http/limits.js';
import { DOCUMENT_UPLOADS, requireUpload } from '../../platform/http/uploads.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { auditReads } from '../../platform/audit/reads.js';
import { listEntries } from '../../platform/audit/audit.js';
import { exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { readSignedContainer } from '../../platform/documents/signed-container.js';
import { createSignatureValidator } from '../../platform/documents/signature-validator.js';
import { rolesWith } from '../../platform/policy/policy.js';
import { GRANT_MEASURES } from '../programme/tables.js';
import { MEASURES } from './measures.js';
import { checksOf, eventsOf, filesOf, findApplication, findRound, findRoundWithTotals, linesOf, listApplications, listRounds, type ApplicationRow } from './queries.js';
import { evaluateBudget } from './rules.js';
import { addApplicationFile, checkCondition, createApplication, createRound, decideEligibility, decideFunding, lineInput, rankingOf, removeApplicationFile, saveApplication, sendContract, signContract, submitApplication, today, updateRound } from './service.js';
import { APPLICATION_STATUSES, PEREPESA_ACTIVITIES } from './tables.js';
import { attachment } from '../../platform/http/content-disposition.js';
import { applicationDetail, applicationListItem, evaluationView, fileView, rankingView, roundView, toApplicationListItem, toConditions, toEvaluationView, toFileView, toRankingView, toRoundView } from './views.js';

const TAGS = ['grants'];
const ROUND_READERS = rolesWith('grant_round');
const ROUND_WRITERS = rolesWith('grant_round', 'create');
const APP_READERS = rolesWith('grant_application');
const APP_WRITERS = rolesWith('grant_application', 'update');
const SIGNED_EXTENSIONS = /\.(asice|sce|bdoc)$/i;

const cents = z.number().int().min(0).max(100_000_000_000);
const roundBody = z.object({
  title: trimmed(300),
  budgetCents: cents.min(1),
  announcedOn: isoDate,
  opensOn: isoDate,
  closesOn: isoDate.nullable().default(null),
  maxPerApplicationCents: cents.min(1).nullable().default(null),
  placesPerCategory: z.number().int().min(1).max(2).default(2),
  notes: z.string().trim().max(4000).nullable().default(null),
});

const lineBody = z
  .object({
    costType: z.string().trim().min(1).max(60),
    projectYear: z.number().int().min(1).max(3),
    description: z.string().trim().max(500).default(''),
    ftePercent: z.number().int().min(1).max(100).nullable().optional(),
    months: z.number().int().min(1).max(12).nullable().optional(),
    grossMonthlyCents: cents.nullable().optional(),
    employerMonthlyCents: cents.nullable().optional(),
    amountCents: cents.nullable().optional(),
  })
  .strict();

const budgetBody = { activity: z.enum(PEREPESA_ACTIVITIES).nullable().default(null), plannedStart: isoDate.nullable().default(null), lines: z.array(lineBody).max(200) };

const listExport: ExportColumn<z.infer<typeof applicationListItem>>[] = [
  { key: 'reference', header: 'Viide / Reference', value: (r) => r.reference },
  { key: 'round', header: 'Voor / Round', value: (r) => `${r.roundReference} ${r.roundTitle}` },
  { key: 'kov', header: 'KOV', value: (r) => r.kovName },
  { key: 'population', header: 'Elanikke / Population', value: (r) => r.population },
  { key: 'category', header: 'Kategooria / Category', value: (r) => r.category },
  { key: 'status', header: 'Olek / Status', value: (r) => r.status },
  { key: 'submittedAt', header: 'Esitatud / Submitted', value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null) },
  { key: 'requested', header: 'Taotletud € / Requested €', value: (r) => r.requestedCents / 100 },
  { key: 'granted', header: 'Määratud € / Granted €', value: (r) => (r.grantedCents === null ? null : r.grantedCents / 100) },
  { key: 'decisionDue', header: 'Otsuse tähtaeg / Decision due', value: (r) => r.decisionDueOn, kind: 'date' },
  { key: 'signDue', header: 'Allkirjastamise tähtaeg / Sign by', value: (r) => r.contractSignDueOn, kind: 'date' },
];

/** A raw upload (application/octet-stream) and its file name made safe for a header. */
function uploaded(body: unknown, name: string): { bytes: Buffer; filename: string } {
  if (!Buffer.isBuffer(body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
  if (body.length === 0) throw new AppError(400, 'VALIDATION_FAILED', {}, { fields: [{ path: 'body', message: 'empty file' }] });
  return { bytes: body, filename: name.replace(/[\\/\r\n"]/g, '_') };
}

/** D-GRANT-1..3, D-SOS, D-PESA: measures, rounds, applications with the budget editor, evidence and the signed application, submission. */
export function registerGrantRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const validator = createSignatureValidator({ url: deps.config.sivaUrl });

  /** An application page: the application, its budget evaluated, files, checklist and history; audited as a read. */
  async function applicationOut(ctx: RequestContext, id: string, audit: boolean) {
    const a = await findApplication(deps.db, ctx.actor, id);
    if (!a) throw notFound();
    const detail = await detailOf(ctx, a);
    if (audit) await auditReads(deps.db, ctx, [{ action: 'read', recordType: 'grant_application', recordId: a.id }]);
    return detail;
  }

  async function detailOf(ctx: RequestContext, a: ApplicationRow): Promise<z.infer<typeof applicationDetail>> {
    const on = today();
    const [round, lines, files, checks, events] = await Promise.all([
      deps.db.selectFrom('grant_rounds').selectAll().where('id', '=', a.round_id).executeTakeFirstOrThrow(),
      linesOf(deps.db, a.id),
      filesOf(deps.db, a.id),
      checksOf(deps.db, a.id),
      eventsOf(deps.db, a.id),
    ]);
    const evaluation = evaluateBudget(MEASURES[a.measure], { activity: a.activity, lines: lines.map(lineInput), maxPerApplicationCents: round.max_per_application_cents === null ? null : Number(round.max_per_application_cents), plannedStart: a.planned_start });
    return {
      ...toApplicationListItem(a, on),
      roundState: toRoundView({ ...round, submitted_count: 0, requested_cents: 0, granted_cents: 0, contracted_cents: 0 }, on).state,
      contactName: a.contact_name, contactEmail: a.contact_email, plannedStart: a.planned_start, summary: a.summary, explanation: a.explanation, sustainability: a.sustainability,
      submittedOn: a.submitted_on, eligibilityReason: a.eligibility_reason, decidedOn: a.decided_on, decisionReason: a.decision_reason, partialFundingNote: a.partial_funding_note,
      contractSentOn: a.contract_sent_on, contractSignedOn: a.contract_signed_on, contractLapsedOn: a.contract_lapsed_on, projectStart: a.project_start, projectEnd: a.project_end,
      evaluation: toEvaluationView(evaluation, ctx.locale),
      files: files.map(toFileView),
      conditions: toConditions(a, checks),
      events: events.map((e) => ({ id: e.id, kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, at: new Date(e.at).toISOString(), actor: e.actor_name })),
    };
  }

  // --- measures and rounds -------------------------------------------------------------------

  app.get('/api/grants/measures', {
    config: { access: ROUND_READERS },
    schema: { tags: TAGS, summary: 'D-SOS, D-PESA: the two measures with their conditions, cost types, limits and project period rules (data)' },
    handler: async () => ({ items: Object.values(MEASURES) }),
  });

  app.get('/api/grants/rounds', {
    config: { access: ROUND_READERS },
    schema: { tags: TAGS, summary: 'D-GRANT-1: rounds (a KOV worker sees the announced ones) with budget use', response: { 200: z.object({ items: z.array(roundView) }) } },
    handler: async (request) => {
      const on = today();
      const rows = await listRounds(deps.db, contextOf(request).actor, on);
      return { items: rows.map((r) => toRoundView(r, on)) };
    },
  });

  app.post('/api/grants/rounds', {
    config: { access: ROUND_WRITERS },
    schema: { tags: TAGS, summary: 'D-GRANT-1: a new round — measure, budget, announcement at least 5 calendar days before opening, closing date (Perepesa)', body: roundBody.extend({ measure: z.enum(GRANT_MEASURES) }).strict(), response: { 201: roundView } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const row = await createRound(deps.db, ctx, request.body);
      return reply.status(201).send(toRoundView((await findRoundWithTotals(deps.db, ctx.actor, row.id, today()))!, today()));
    },
  });

  app.get('/api/grants/rounds/:id', {
    config: { access: ROUND_READERS },
    schema: { tags: TAGS, summary: 'D-GRANT-1: a round with its budget use', params: idParams, response: { 200: roundView } },
    handler: async (request) => {
      const r = await findRoundWithTotals(deps.db, contextOf(request).actor, request.params.id, today());
      if (!r) throw notFound();
      return toRoundView(r, today());
    },
  });

  app.put('/api/grants/rounds/:id', {
    config: { access: rolesWith('grant_round', 'update') },
    schema: { tags: TAGS, summary: 'D-GRANT-1: change a round (X-CONC version)', params: idParams, body: roundBody.extend({ version: z.number().int().min(1) }).strict(), response: { 200: roundView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateRound(deps.db, ctx, request.params.id, request.body);
      return toRoundView((await findRoundWithTotals(deps.db, ctx.actor, request.params.id, today()))!, today());
    },
  });

  app.post('/api/grants/rounds/:id/budget-check', {
    config: { access: APP_READERS },
    schema: { tags: TAGS, summary: 'D-SOS, D-PESA: evaluate a budget against every limit of the round’s measure (the live budget editor); nothing is saved', params: idParams, body: z.object(budgetBody).strict(), response: { 200: evaluationView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const round = await findRound(deps.db, ctx.actor, request.params.id, today());
      if (!round) throw notFound();
      const evaluation = evaluateBudget(MEASURES[round.measure], { ...request.body, maxPerApplicationCents: round.max_per_application_cents === null ? null : Number(round.max_per_application_cents) });
      return toEvaluationView(evaluation, ctx.locale);
    },
  });

  // --- applications --------------------------------------------------------------------------

  const listFilter = z.object({ roundId: z.uuid().optional(), status: z.enum(APPLICATION_STATUSES).optional(), awaiting: booleanQuery.optional() });

  app.get('/api/grants/applications', {
    config: { access: APP_READERS },
    schema: { tags: TAGS, summary: 'D-GRANT-2: applications — a KOV its own (drafts too), the ministry the submitted ones — in submission order', querystring: listFilter.strict(), response: { 200: z.object({ items: z.array(applicationListItem) }) } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const rows = await listApplications(deps.db, ctx.actor, request.query);
      const on = today();
      const items = rows.map((r) => toApplicationListItem(r, on));
      await auditReads(deps.db, ctx, listEntries('grant_application', items));
      return { items };
    },
  });

  app.get('/api/grants/applications/export', {
    config: { access: APP_READERS },
    schema: { tags: TAGS, summary: 'X-EXPORT: the applications list with its filters, as CSV or XLSX', querystring: listFilter.extend(exportQuery).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = (await listApplications(deps.db, ctx.actor, filter, 10_000)).map((r) => toApplicationListItem(r, today()));
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'grant_application', recordId: 'list', recordIds: rows.map((r) => r.id), changes: [{ field: 'filters', old: null, new: filter }, { field: 'rows', old: null, new: rows.length }] }]);
      return sendExport(reply, format, 'toetustaotlused', listExport, rows);
    },
  });

  app.post('/api/grants/rounds/:id/applications', {
    config: { access: rolesWith('grant_application', 'create') },
    schema: { tags: TAGS, summary: 'D-GRANT-2: the KOV starts its application in an announced or open round (one per round)', params: idParams, body: z.object({}).strict().optional(), response: { 201: applicationDetail } },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const created = await createApplication(deps.db, ctx, request.params.id);
      return reply.status(201).send(await applicationOut(ctx, created.id, false));
    },
  });

  app.get('/api/grants/applications/:id', {
    config: { access: APP_READERS },
    schema: { tags: TAGS, summary: 'D-GRANT-2..3: an application with its budget evaluated, evidence, signed files, checklist and history', params: idParams, response: { 200: applicationDetail } },
    handler: async (request) => applicationOut(contextOf(request), request.params.id, true),
  });

  app.put('/api/grants/applications/:id', {
    config: { access: APP_WRITERS },
    schema: {
      tags: TAGS,
      summary: 'D-GRANT-2: save a draft — contact, Perepesa activity, planned start, summary, budget explanation, sustainability vision, budget lines (X-CONC version)',
      params: idParams,
      body: z
        .object({
          version: z.number().int().min(1),
          contactName: z.string().trim().max(200),
          contactEmail: z.string().trim().max(200),
          summary: z.string().trim().max(8000),
          explanation: z.string().trim().max(8000),
          sustainability: z.string().trim().max(8000),
          ...budgetBody,
        })
        .strict(),
      response: { 200: applicationDetail },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await saveApplication(deps.db, ctx, request.params.id, request.body);
      return applicationOut(ctx, request.params.id, false);
    },
  });

  app.post('/api/grants/applications/:id/files', {
    config: { access: rolesWith('grant_application', 'update') },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: {
      tags: TAGS,
      summary: 'D-GRANT-2: upload evidence of a condition, or the digitally signed application (ASiC-E/BDOC; its signers are read from META-INF/signatures*.xml, the signatures are not verified by Tugi); raw bytes',
      params: idParams,
      querystring: z.object({ kind: z.enum(['evidence', 'signed_application']), condition: z.string().max(60).optional(), filename: z.string().trim().min(1).max(200) }).strict(),
      response: { 201: fileView },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { bytes, filename } = uploaded(request.body, request.query.filename);
      if (request.query.kind === 'evidence') requireUpload(bytes, DOCUMENT_UPLOADS);
      const { container, validation } = await readContainer(request.query.kind === 'signed_application', bytes, filename);
      await addApplicationFile(deps.db, ctx, request.params.id, { kind: request.query.kind, conditionKey: request.query.condition ?? null, filename, bytes, container, validation });
      const files = await filesOf(deps.db, request.params.id);
      return reply.status(201).send(toFileView(files.at(-1)!));
    },
  });

  /** A signed upload must be an ASiC-E/BDOC container with at least one signature; SiVa checks it when configured. */
  async function readContainer(signed: boolean, bytes: Buffer, filename: string) {
    if (!signed) return { container: null, validation: null };
    if (!SIGNED_EXTENSIONS.test(filename)) throw new AppError(400, 'D_GRANT_2_NOT_SIGNED_CONTAINER', {}, { reason: 'extension' });
    const container = readSignedContainer(bytes);
    if (!container.ok) throw new AppError(400, 'D_GRANT_2_NOT_SIGNED_CONTAINER', {}, { reason: container.reason });
    return { container, validation: await validator.validate(bytes, filename) };
  }

  app.get('/api/grants/applications/:id/files/:fileId', {
    config: { access: APP_READERS },
    schema: { tags: TAGS, summary: 'Download an evidence file or a signed container', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const a = await findApplication(deps.db, ctx.actor, request.params.id);
      if (!a) throw notFound();
      const file = await deps.db.selectFrom('grant_application_files').select(['filename', 'content_type', 'content']).where('id', '=', request.params.fileId).where('application_id', '=', a.id).executeTakeFirst();
      if (!file) throw notFound();
      await appendAudit(deps.db, ctx, [{ action: 'read', recordType: 'grant_application_file', recordId: request.params.fileId }]);
      return reply.header('content-type', file.content_type).header('content-disposition', attachment(file.filename)).header('cache-control', 'no-store').send(file.content);
    },
  });

  app.delete('/api/grants/applications/:id/files/:fileId', {
    config: { access: rolesWith('grant_application', 'update') },
    schema: { tags: TAGS, summary: 'D-GRANT-2: remove a file from a draft', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    handler: async (request, reply) => {
      await removeApplicationFile(deps.db, contextOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  });

  app.post('/api/grants/applications/:id/submit', {
    config: { access: rolesWith('grant_application', 'update') },
    schema: { tags: TAGS, summary: 'D-GRANT-2: submit — every condition’s evidence, the signed application and a budget within the limits; receipt e-mailed at once; D-GRANT-3 deadline set', params: idParams, body: z.object({ version: z.number().int().min(1) }).strict(), response: { 200: applicationDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await submitApplication(deps.db, ctx, request.params.id, request.body.version);
      return applicationOut(ctx, request.params.id, false);
    },
  });

  // --- D-GRANT-3: processing, D-SOS-ORDER: ranking and decision, D-CONTRACT ---------------------

  const APPROVERS = rolesWith('grant_application', 'approve');
  const versioned = { version: z.number().int().min(1) };

  app.put('/api/grants/applications/:id/checks/:condition', {
    config: { access: APPROVERS },
    schema: { tags: TAGS, summary: 'D-GRANT-3 checklist: a condition met or not (a note says why not); the first check starts the review', params: z.object({ id: z.uuid(), condition: z.string().max(60) }), body: z.object({ met: z.boolean(), note: z.string().trim().max(4000).nullable().default(null) }).strict(), response: { 200: applicationDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await checkCondition(deps.db, ctx, request.params.id, request.params.condition, { met: request.body.met, note: request.body.note || null });
      return applicationOut(ctx, request.params.id, false);
    },
  });

  app.post('/api/grants/applications/:id/eligibility', {
    config: { access: APPROVERS },
    schema: { tags: TAGS, summary: 'D-GRANT-3: eligible (every condition checked and met) or rejected with reasons — a decision told to the KOV', params: idParams, body: z.object({ ...versioned, eligible: z.boolean(), reason: z.string().trim().max(4000).nullable().default(null) }).strict(), response: { 200: applicationDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await decideEligibility(deps.db, ctx, request.params.id, { ...request.body, reason: request.body.reason || null });
      return applicationOut(ctx, request.params.id, false);
    },
  });

  app.get('/api/grants/rounds/:id/ranking', {
    config: { access: APPROVERS },
    schema: { tags: TAGS, summary: 'D-SOS-ORDER: the funding ranking — places by population category in submission order, spill-over, budget use — each place explained', params: idParams, response: { 200: rankingView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const round = await findRound(deps.db, ctx.actor, request.params.id, today());
      if (!round) throw notFound();
      const { ranking } = await rankingOf(deps.db, round.id);
      const apps = await listApplications(deps.db, ctx.actor, { roundId: round.id });
      await auditReads(deps.db, ctx, listEntries('grant_application', ranking.rows));
      return toRankingView(ranking, apps.map((a) => toApplicationListItem(a, today())), ctx.locale);
    },
  });

  app.post('/api/grants/applications/:id/decision', {
    config: { access: APPROVERS },
    schema: {
      tags: TAGS,
      summary: 'D-GRANT-3, D-SOS-ORDER: grant an eligible application the ranking makes fundable (or, for the first the budget does not cover, the rest with a recorded partial-funding note), or decide not to fund it; reasons required',
      params: idParams,
      body: z.object({ ...versioned, outcome: z.enum(['granted', 'not_funded']), reason: trimmed(4000), grantedCents: cents.min(1).nullable().default(null), partialFundingNote: z.string().trim().max(4000).nullable().default(null) }).strict(),
      response: { 200: applicationDetail },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await decideFunding(deps.db, ctx, request.params.id, { ...request.body, partialFundingNote: request.body.partialFundingNote || null });
      return applicationOut(ctx, request.params.id, false);
    },
  });

  app.post('/api/grants/applications/:id/contract', {
    config: { access: APPROVERS },
    schema: { tags: TAGS, summary: 'D-CONTRACT: send the contract (the KOV receives it today): 10 working days to sign; it may name a project start within 2 (Perepesa 4) months', params: idParams, body: z.object({ ...versioned, projectStart: isoDate.nullable().default(null) }).strict(), response: { 200: applicationDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      await sendContract(deps.db, ctx, request.params.id, request.body);
      return applicationOut(ctx, request.params.id, false);
    },
  });

  app.post('/api/grants/applications/:id/contract/sign', {
    config: { access: rolesWith('grant_application', 'update') },
    bodyLimit: MAX_UPLOAD_BYTES,
    schema: { tags: TAGS, summary: 'D-CONTRACT: the KOV uploads the digitally signed contract (ASiC-E/BDOC) by the 10th working day; later it has declined the grant (409)', params: idParams, querystring: z.object({ filename: z.string().trim().min(1).max(200) }).strict(), response: { 200: applicationDetail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { bytes, filename } = uploaded(request.body, request.query.filename);
      const { container, validation } = await readContainer(true, bytes, filename);
      await signContract(deps.db, ctx, request.params.id, { kind: 'signed_contract', conditionKey: null, filename, bytes, container, validation });
      return applicationOut(ctx, request.params.id, false);
    },
  });
}
