import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { AppError, booleanQuery, contextOf, idParams, notFound, timestamp, trimmed } from '../../platform/http/index.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { rolesWith } from '../../platform/policy/policy.js';
import { BUNDLED_PLAN_YEARS, planFileSchema, readBundledPlan } from './plan-data.js';
import { findPlan, findSubactivity, listPlans, notesOf, planFrame, planSubactivities, type PlanFilter, type PlanRow } from './queries.js';
import { defaultMonth, MONTH, monthBounds, periodMonths } from './rules.js';
import { importPlan, today, updateSubactivity } from './service.js';
import { IMPLEMENTERS, SUBACTIVITY_STATUSES } from './tables.js';
import { planHeadView, planView, subactivityView, toPlanHead, toPlanTree, toSubactivityView } from './views.js';

const TAGS = ['programme'];
const READERS = rolesWith('programme_plan');
const WRITERS = rolesWith('programme_plan', 'update');

const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const filterQuery = {
  implementer: z.enum(IMPLEMENTERS).optional(),
  activity: z.string().regex(/^\d+\.\d+$/).optional(),
  status: z.enum(SUBACTIVITY_STATUSES).optional(),
  overdue: booleanQuery.optional(),
};

type FilterInput = { implementer?: PlanFilter['implementer']; activity?: string | undefined; status?: PlanFilter['status']; overdue?: boolean | undefined };
const toFilter = (q: FilterInput, on: string): PlanFilter => ({ implementer: q.implementer, activity: q.activity, status: q.status, overdueOn: q.overdue ? on : undefined });
const isFiltered = (q: FilterInput) => Boolean(q.implementer || q.activity || q.status || q.overdue);

const STATUS_LABELS: Record<string, string> = { planned: 'kavandatud / planned', in_progress: 'töös / in progress', done: 'tehtud / done', cancelled: 'loobutud / cancelled' };

type ExportRow = z.infer<typeof subactivityView>;
const planExport: ExportColumn<ExportRow>[] = [
  { key: 'activity', header: 'Tegevus / Activity', value: (r) => `${r.activityCode} ${r.activityTitle}` },
  { key: 'measure', header: 'Meede / Measure', value: (r) => r.measureTitle },
  { key: 'implementers', header: 'Elluviija / Implementer', value: (r) => r.implementers.join(', ') },
  { key: 'number', header: 'Jrk nr / No.', value: (r) => r.number },
  { key: 'title', header: 'Alategevus / Sub-activity', value: (r) => r.title },
  { key: 'timeframe', header: 'Üldajaraam / General timeframe', value: (r) => r.generalTimeframe },
  { key: 'startsOn', header: 'Algus / Start', value: (r) => r.startsOn, kind: 'date' },
  { key: 'endsOn', header: 'Lõpp / End', value: (r) => r.endsOn, kind: 'date' },
  { key: 'asWritten', header: 'Kuupäevad allikas / Dates as written', value: (r) => r.datesAsWritten },
  { key: 'dateNote', header: 'Märkus kuupäevade kohta / Note on the dates', value: (r) => r.dateNote },
  { key: 'status', header: 'Olek / Status', value: (r) => STATUS_LABELS[r.status] },
  { key: 'progress', header: 'Edenemine % / Progress %', value: (r) => r.progress },
  { key: 'overdue', header: 'Tähtaeg ületatud / Overdue', value: (r) => (r.overdue ? 'jah / yes' : 'ei / no') },
  { key: 'latestNote', header: 'Viimane märge / Latest note', value: (r) => r.latestNote },
];

/** D-PLAN: plans, the Gantt tree, the month list, status and progress notes, XLSX/CSV export. */
export function registerProgrammeRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const planOr404 = async (request: { params: { year: number } }, ctx: ReturnType<typeof contextOf>): Promise<PlanRow> => {
    const plan = await findPlan(deps.db, ctx.actor, request.params.year);
    if (!plan) throw notFound();
    return plan;
  };

  app.get('/api/programme/plans', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'D-PLAN: the imported plans, and the plans that ship with Tugi',
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), year: z.number(), title: z.string(), periodStart: z.string(), periodEnd: z.string(), importedAt: timestamp, subactivities: z.number() })), bundled: z.array(z.object({ year: z.number(), imported: z.boolean() })) }) },
    },
    handler: async (request) => {
      const rows = await listPlans(deps.db, contextOf(request).actor);
      return {
        items: rows.map((p) => ({ id: p.id, year: p.year, title: p.title, periodStart: p.period_start, periodEnd: p.period_end, importedAt: new Date(p.imported_at).toISOString(), subactivities: p.subactivities ?? 0 })),
        bundled: BUNDLED_PLAN_YEARS.map((year) => ({ year, imported: rows.some((p) => p.year === year) })),
      };
    },
  });

  app.post('/api/programme/plans', {
    config: { access: rolesWith('programme_plan', 'create') },
    schema: {
      tags: TAGS,
      summary: 'D-PLAN import: a plan that ships with Tugi ({ bundledYear }) or a plan file ({ plan }, format tugi-programme-plan/1); a year is imported once',
      body: z.union([z.object({ bundledYear: z.number().int() }).strict(), z.object({ plan: planFileSchema }).strict()]),
      response: { 201: z.object({ id: z.string(), year: z.number(), activities: z.number(), measures: z.number(), subactivities: z.number() }) },
    },
    handler: async (request, reply) => {
      const body = request.body;
      let file;
      if ('bundledYear' in body) {
        if (!(BUNDLED_PLAN_YEARS as readonly number[]).includes(body.bundledYear)) throw new AppError(404, 'D_PLAN_NOT_BUNDLED', { year: body.bundledYear });
        file = readBundledPlan(body.bundledYear);
      } else file = body.plan;
      return reply.status(201).send(await importPlan(deps.db, contextOf(request), file));
    },
  });

  app.get('/api/programme/plans/:year', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'D-PLAN: the plan as activity → measure → sub-activities with status, overdue flag and Gantt bars; filtered by implementer, activity, status, overdue', params: yearParams, querystring: z.object(filterQuery).strict(), response: { 200: planView } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const plan = await planOr404(request, ctx);
      const on = today();
      const [frame, rows, all] = await Promise.all([
        planFrame(deps.db, plan.id),
        planSubactivities(deps.db, plan.id, toFilter(request.query, on)),
        isFiltered(request.query) ? planSubactivities(deps.db, plan.id, {}) : null,
      ]);
      const subs = rows.map((s) => toSubactivityView(s, plan, on));
      const everything = all ? all.map((s) => toSubactivityView(s, plan, on)) : subs;
      return {
        plan: toPlanHead(plan),
        today: on,
        months: periodMonths({ start: plan.period_start, end: plan.period_end }),
        counts: { total: everything.length, shown: subs.length, overdue: everything.filter((s) => s.overdue).length, done: everything.filter((s) => s.status === 'done').length },
        activities: toPlanTree(frame, subs, isFiltered(request.query)),
      };
    },
  });

  app.get('/api/programme/plans/:year/month', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'D-PLAN "what runs this month": sub-activities whose dates overlap the month (default: this month, within the plan period)',
      params: yearParams,
      querystring: z.object({ month: z.string().regex(MONTH).optional(), ...filterQuery }).strict(),
      response: { 200: z.object({ plan: planHeadView, month: z.string(), months: z.array(z.string()), items: z.array(subactivityView) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const plan = await planOr404(request, ctx);
      const on = today();
      const period = { start: plan.period_start, end: plan.period_end };
      const month = request.query.month ?? defaultMonth(on, period);
      const { first, last } = monthBounds(month);
      const rows = await planSubactivities(deps.db, plan.id, { ...toFilter(request.query, on), from: first, to: last });
      return { plan: toPlanHead(plan), month, months: periodMonths(period), items: rows.map((s) => toSubactivityView(s, plan, on)) };
    },
  });

  app.get('/api/programme/plans/:year/export', {
    config: { access: READERS },
    schema: { tags: TAGS, summary: 'X-EXPORT: the plan’s sub-activities with the filters applied, as XLSX or CSV', params: yearParams, querystring: z.object({ ...exportQuery, month: z.string().regex(MONTH).optional(), ...filterQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const plan = await planOr404(request, ctx);
      const on = today();
      const range = request.query.month ? monthBounds(request.query.month) : null;
      const rows = await planSubactivities(deps.db, plan.id, { ...toFilter(request.query, on), from: range?.first, to: range?.last });
      const { format, ...filters } = request.query;
      await appendAudit(deps.db, ctx, [{ action: 'export', recordType: 'programme_plan', recordId: plan.id, changes: [{ field: 'filters', old: null, new: filters }, { field: 'rows', old: null, new: rows.length }] }]);
      return sendExport(reply, format, `tegevuskava-${plan.year}`, planExport, rows.map((s) => toSubactivityView(s, plan, on)));
    },
  });

  app.get('/api/programme/subactivities/:id', {
    config: { access: READERS },
    schema: {
      tags: TAGS,
      summary: 'D-PLAN: a sub-activity with its progress notes, newest first',
      params: idParams,
      response: { 200: z.object({ subactivity: subactivityView, notes: z.array(z.object({ id: z.string(), note: z.string(), status: z.enum(SUBACTIVITY_STATUSES).nullable(), progress: z.number().nullable(), writtenAt: timestamp, writtenBy: z.string().nullable() })) }) },
    },
    handler: async (request) => subactivityOut(request.params.id, contextOf(request)),
  });

  app.patch('/api/programme/subactivities/:id', {
    config: { access: WRITERS },
    schema: {
      tags: TAGS,
      summary: 'D-PLAN: set a sub-activity’s status and progress (with its version) and/or add a progress note',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), status: z.enum(SUBACTIVITY_STATUSES).optional(), progress: z.number().int().min(0).max(100).optional(), note: trimmed(4000).optional() }).strict(),
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      await updateSubactivity(deps.db, ctx, request.params.id, request.body);
      return subactivityOut(request.params.id, ctx);
    },
  });

  async function subactivityOut(id: string, ctx: ReturnType<typeof contextOf>) {
    const found = await findSubactivity(deps.db, ctx.actor, id);
    if (!found) throw notFound();
    const plan = await deps.db.selectFrom('programme_plans').selectAll().where('id', '=', found.plan_id).executeTakeFirstOrThrow();
    const [rows, notes] = await Promise.all([planSubactivities(deps.db, plan.id, { id }), notesOf(deps.db, id)]);
    const row = rows[0]!;
    return {
      subactivity: toSubactivityView(row, plan, today()),
      notes: notes.map((n) => ({ id: n.id, note: n.note, status: n.status, progress: n.progress, writtenAt: new Date(n.written_at).toISOString(), writtenBy: n.written_by_name })),
    };
  }
}
