import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { booleanQuery, contextOf, idParams, isoDate, notFound, pageOf, pageQuery, trimmed } from '../../platform/http/index.js';
import { appendAudit, listEntries } from '../../platform/audit/audit.js';
import { registerRecordType } from '../../platform/audit/record-access.js';
import { todayInTallinn } from '../../platform/calendar/working-days.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { caseParties, documentsOf, exportCases, findCase, listCases, riskAssessmentsOf, timelineOf, type CaseListRow, type CaseRecord } from './queries.js';
import { transitionInput } from './transition-input.js';
import { checkTransition, currentDeadline, deadlineSeverity, earliestReassessment, isOverdue, WORKFLOWS } from './rules.js';
import { activeSpecialists } from './assignment.js';
import { addActivity, addRiskAssessment, fileApplication, openLinkedDomestic, reassignCase, transitionCase, updateCase } from './service.js';
import { CASE_TYPES, CLOSING_ASSESSMENTS, INTERNATIONAL_SUBTYPES, RISK_LEVELS } from './tables.js';
import { auditReads } from '../../platform/audit/reads.js';

/** Every state of every workflow: a transition names one of them (anything else is a 400, not a rule to evaluate). */
const CASE_STATUSES = [...new Set(Object.values(WORKFLOWS).flatMap((w) => [w.initial, ...Object.keys(w.next), ...Object.values(w.next).flat()]))] as [string, ...string[]];

const CASE_ROLES = ['ska_specialist', 'ska_manager', 'kov_worker'] as const;
const ACTIVITY_KINDS = [
  'case_discussion',
  'network_meeting',
  'information_exchange',
  'star_monitoring',
  'continuous_overview',
  'foreign_correspondence',
  'rv_training_day',
  'rv_network_meeting',
  'rv_youth_family_meeting',
  'rv_trusted_person_meeting',
  'rv_follow_up_check',
  'other',
] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const caseType = z.enum(CASE_TYPES);
const today = () => todayInTallinn(new Date());

const listItem = z.object({
  id: z.string(),
  reference: z.string(),
  type: caseType,
  internationalSubtype: z.string().nullable(),
  status: z.string(),
  receivedOn: z.string(),
  childName: z.string(),
  childBirthDate: z.string(),
  kovName: z.string(),
  county: z.string().nullable(),
  specialistName: z.string().nullable(),
  deadline: z.object({ kind: z.string(), due: z.string(), severity: z.string().nullable() }).nullable(),
  overdue: z.boolean(),
  closedOn: z.string().nullable(),
});

function deadlineOf(row: { type: CaseListRow['type']; status: string; first_contact_due: string | null; opinion_due: string | null }, riskDates: string[] = []) {
  const deadline = currentDeadline({ type: row.type, status: row.status, firstContactDue: row.first_contact_due, opinionDue: row.opinion_due, riskAssessmentDates: riskDates });
  const on = today();
  return { deadline: deadline ? { ...deadline, severity: deadlineSeverity(deadline, on) } : null, overdue: isOverdue(deadline, on) };
}

function toListItem(row: CaseListRow) {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    internationalSubtype: row.international_subtype,
    status: row.status,
    receivedOn: row.received_on,
    childName: `${row.child_first_name} ${row.child_last_name}`,
    childBirthDate: row.child_birth_date,
    kovName: row.kov_name,
    county: row.kov_county,
    specialistName: row.specialist_name,
    closedOn: row.closed_on,
    ...deadlineOf(row),
  };
}

const detail = z.object({
  id: z.string(),
  reference: z.string(),
  type: caseType,
  internationalSubtype: z.string().nullable(),
  status: z.string(),
  language: z.string(),
  version: z.number(),
  receivedOn: z.string(),
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), personalCode: z.string().nullable(), birthDate: z.string() }),
  childResidence: z.string().nullable(),
  kov: z.object({ id: z.string(), name: z.string(), county: z.string().nullable(), workerId: z.string(), workerName: z.string() }),
  specialist: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  question: z.string(),
  starReference: z.string().nullable(),
  courtDate: z.string().nullable(),
  opinionDue: z.string().nullable(),
  firstContactDue: z.string().nullable(),
  opinion: z.string().nullable(),
  opinionRecommendations: z.string().nullable(),
  alternativeMeasures: z.string().nullable(),
  opinionIssuedOn: z.string().nullable(),
  linkedCaseId: z.string().nullable(),
  linkedDomesticCaseId: z.string().nullable(),
  actionPlan: z.string().nullable(),
  assessments: z.record(z.string(), z.string()),
  summary: z.string().nullable(),
  recommendations: z.string().nullable(),
  kovFeedback: z.string().nullable(),
  rv: z
    .object({
      ageNote: z.string().nullable(),
      consentOver18: z.boolean(),
      activeStartedOn: z.string().nullable(),
      earlyCloseReason: z.string().nullable(),
      followUpStartedOn: z.string().nullable(),
      nextAssessmentFrom: z.string().nullable(),
      riskAssessments: z.array(z.object({ id: z.string(), assessedOn: z.string(), level: z.string(), notes: z.string().nullable() })),
    })
    .nullable(),
  closedOn: z.string().nullable(),
  deadline: z.object({ kind: z.string(), due: z.string(), severity: z.string().nullable() }).nullable(),
  overdue: z.boolean(),
  transitions: z.array(z.object({ to: z.string(), ok: z.boolean(), problem: z.string().nullable(), missing: z.array(z.string()) })),
});

async function toDetail(deps: AppDeps, c: CaseRecord) {
  const [parties, linkedDomestic, risks] = await Promise.all([
    caseParties(deps.db, c),
    c.type === 'klat_opinion' ? deps.db.selectFrom('cases').select('id').where('linked_case_id', '=', c.id).executeTakeFirst() : Promise.resolve(undefined),
    riskAssessmentsOf(deps.db, c.id),
  ]);
  const riskDates = risks.map((r) => r.assessed_on);
  const on = today();
  const transitions = (WORKFLOWS[c.type].next[c.status] ?? []).map((to) => {
    const check = checkTransition(transitionInput(c, risks, null), to, on);
    return check.ok ? { to, ok: true, problem: null, missing: [] } : { to, ok: false, problem: check.problem, missing: check.missing };
  });
  return {
    id: c.id,
    reference: c.reference,
    type: c.type,
    internationalSubtype: c.international_subtype,
    status: c.status,
    language: c.language,
    version: c.version,
    receivedOn: c.received_on,
    child: { id: parties.child_id, firstName: parties.first_name, lastName: parties.last_name, personalCode: parties.personal_code, birthDate: parties.birth_date },
    childResidence: c.child_residence,
    kov: { id: c.kov_organisation_id, name: parties.kov_name, county: parties.kov_county, workerId: c.kov_worker_id, workerName: parties.kov_worker_name },
    specialist: c.assigned_specialist_id ? { id: c.assigned_specialist_id, name: parties.specialist_name } : null,
    question: c.question,
    starReference: c.star_reference,
    courtDate: c.court_date,
    opinionDue: c.opinion_due,
    firstContactDue: c.first_contact_due,
    opinion: c.opinion,
    opinionRecommendations: c.opinion_recommendations,
    alternativeMeasures: c.alternative_measures,
    opinionIssuedOn: c.opinion_issued_on,
    linkedCaseId: c.linked_case_id,
    linkedDomesticCaseId: linkedDomestic?.id ?? null,
    actionPlan: c.action_plan,
    assessments: c.assessments as Record<string, string>,
    summary: c.summary,
    recommendations: c.recommendations,
    kovFeedback: c.kov_feedback,
    rv:
      c.type === 'rv'
        ? {
            ageNote: c.rv_age_note,
            consentOver18: c.rv_consent_over_18,
            activeStartedOn: c.rv_active_started_on,
            earlyCloseReason: c.rv_early_close_reason,
            followUpStartedOn: c.rv_follow_up_started_on,
            nextAssessmentFrom: earliestReassessment(riskDates),
            riskAssessments: risks.map((r) => ({ id: r.id, assessedOn: r.assessed_on, level: r.level, notes: r.notes })),
          }
        : null,
    closedOn: c.closed_on,
    ...deadlineOf(c, riskDates),
    transitions,
  };
}

const filterQuery = {
  view: z.enum(['mine', 'team', 'all']).optional(),
  type: caseType.optional(),
  status: z.string().max(30).optional(),
  kovId: z.uuid().optional(),
  county: z.string().max(60).optional(),
  specialistId: z.uuid().optional(),
  overdue: booleanQuery.optional(),
  unassigned: booleanQuery.optional(),
  q: z.string().trim().max(200).optional(),
};

const exportColumns: ExportColumn<CaseListRow>[] = [
  { key: 'reference', header: 'Viide / Reference', value: (r) => r.reference },
  { key: 'type', header: 'Liik / Type', value: (r) => r.type },
  { key: 'status', header: 'Olek / Status', value: (r) => r.status },
  { key: 'receivedOn', header: 'Saabunud / Received', value: (r) => r.received_on, kind: 'date' },
  { key: 'child', header: 'Laps / Child', value: (r) => `${r.child_first_name} ${r.child_last_name}` },
  { key: 'kov', header: 'KOV', value: (r) => r.kov_name },
  { key: 'county', header: 'Maakond / County', value: (r) => r.kov_county },
  { key: 'specialist', header: 'Peaspetsialist / Specialist', value: (r) => r.specialist_name },
  { key: 'closedOn', header: 'Lõpetatud / Closed', value: (r) => r.closed_on, kind: 'date' },
];

const childInput = z
  .object({ personalCode: z.string().trim().max(20).nullable().optional(), firstName: trimmed(100), lastName: trimmed(100), birthDate: isoDate.nullable().optional() })
  .strict();

export function registerCaseRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerRecordType('case', async (db, actor, id) => z.uuid().safeParse(id).success && Boolean(await findCase(db, actor, id)));

  app.get('/api/cases', {
    config: { access: CASE_ROLES },
    schema: { tags: ['cases'], summary: 'Cases in scope: mine, team or all, with filters (keyset pages)', querystring: z.object({ ...filterQuery, ...pageQuery }).strict(), response: { 200: pageOf(listItem) } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, ...filter } = request.query;
      const page = await listCases(deps.db, ctx.actor, filter, { limit, cursor }, today());
      await auditReads(deps.db, ctx, listEntries('case', page.items.map((r) => ({ id: r.id, personId: r.child_id }))));
      return { items: page.items.map(toListItem), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/cases/export', {
    config: { access: CASE_ROLES },
    schema: { tags: ['cases'], summary: 'Export the filtered cases as CSV or XLSX (X-EXPORT)', querystring: z.object({ ...filterQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const { format, ...filter } = request.query;
      const rows = await deps.db.transaction().execute(async (trx) => {
        const found = await exportCases(trx, ctx.actor, filter, EXPORT_ROW_LIMIT, today());
        await appendAudit(trx, ctx, found.map((r) => ({ action: 'export' as const, recordType: 'case', recordId: r.id, personId: r.child_id })));
        return found;
      });
      return sendExport(reply, format, 'juhtumid', exportColumns, rows);
    },
  });

  app.post('/api/cases', {
    config: { access: ['kov_worker'] },
    schema: {
      tags: ['cases'],
      summary: "File an application for the user's municipality (assigned per A-ASSIGN)",
      body: z
        .object({
          type: caseType,
          internationalSubtype: z.enum(INTERNATIONAL_SUBTYPES).optional(),
          child: childInput,
          childResidence: optionalText(300),
          question: trimmed(10_000),
          starReference: optionalText(100),
          courtDate: isoDate.nullable().optional(),
          language: z.enum(['et', 'en', 'ru']).optional(),
          rvAgeNote: optionalText(2000),
          rvConsentOver18: z.boolean().optional(),
        })
        .strict(),
      response: { 201: detail },
    },
    handler: async (request, reply) => reply.status(201).send(await toDetail(deps, await fileApplication(deps, contextOf(request), request.body))),
  });

  app.get('/api/cases/specialists', {
    config: { access: CASE_ROLES },
    schema: { tags: ['cases'], summary: 'Active SKA chief specialists (for filters and reassignment)', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    handler: async () => ({ items: await activeSpecialists(deps.db) }),
  });

  app.get('/api/cases/:id', {
    config: { access: CASE_ROLES },
    schema: { tags: ['cases'], summary: 'One case with its state, deadline and possible next steps', params: idParams, response: { 200: detail } },
    handler: async (request) => {
      const ctx = contextOf(request);
      const c = await findCase(deps.db, ctx.actor, request.params.id);
      if (!c) throw notFound();
      await auditReads(deps.db, ctx, [{ action: 'read', recordType: 'case', recordId: c.id, personId: c.child_person_id }]);
      return toDetail(deps, c);
    },
  });

  app.patch('/api/cases/:id', {
    config: { access: ['ska_specialist', 'kov_worker'] },
    schema: {
      tags: ['cases'],
      summary: 'Change case fields (each side its own; 409 when the version is stale)',
      params: idParams,
      body: z
        .object({
          version: z.number().int().min(1),
          question: trimmed(10_000).optional(),
          starReference: optionalText(100),
          courtDate: isoDate.nullable().optional(),
          childResidence: optionalText(300),
          language: z.enum(['et', 'en', 'ru']).optional(),
          internationalSubtype: z.enum(INTERNATIONAL_SUBTYPES).optional(),
          actionPlan: optionalText(20_000),
          assessments: z.object(Object.fromEntries(CLOSING_ASSESSMENTS.map((k) => [k, text(5000).optional()]))).strict().optional(),
          summary: optionalText(20_000),
          recommendations: optionalText(20_000),
          opinion: z.enum(['supporting', 'not_supporting']).nullable().optional(),
          opinionRecommendations: optionalText(20_000),
          alternativeMeasures: optionalText(20_000),
          kovFeedback: optionalText(10_000),
          rvAgeNote: optionalText(2000),
          rvConsentOver18: z.boolean().optional(),
        })
        .strict(),
      response: { 200: detail },
    },
    handler: async (request) => {
      const { version, ...changes } = request.body;
      return toDetail(deps, await updateCase(deps, contextOf(request), request.params.id, version, changes as never));
    },
  });

  app.post('/api/cases/:id/transitions', {
    config: { access: ['ska_specialist'] },
    schema: {
      tags: ['cases'],
      summary: 'Move the case to its next state (409 names what is missing)',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), to: z.enum(CASE_STATUSES), reason: optionalText(2000) }).strict(),
      response: { 200: detail },
    },
    handler: async (request) => toDetail(deps, await transitionCase(deps, contextOf(request), request.params.id, request.body)),
  });

  app.post('/api/cases/:id/assign', {
    config: { access: ['ska_manager'] },
    schema: {
      tags: ['cases'],
      summary: 'Reassign the case to another chief specialist, with a reason (A-ASSIGN)',
      params: idParams,
      body: z.object({ version: z.number().int().min(1), specialistId: z.uuid(), reason: trimmed(2000) }).strict(),
      response: { 200: detail },
    },
    handler: async (request) => toDetail(deps, await reassignCase(deps, contextOf(request), request.params.id, request.body)),
  });

  app.post('/api/cases/:id/linked-domestic', {
    config: { access: ['kov_worker'] },
    schema: { tags: ['cases'], summary: 'Open the consultation case that a KLAT application includes (A-KLAT)', params: idParams, response: { 201: detail } },
    handler: async (request, reply) => reply.status(201).send(await toDetail(deps, await openLinkedDomestic(deps, contextOf(request), request.params.id))),
  });

  app.get('/api/cases/:id/timeline', {
    config: { access: CASE_ROLES },
    schema: {
      tags: ['cases'],
      summary: 'Activities and events of the case, in date order',
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              source: z.enum(['activity', 'event']),
              kind: z.string(),
              date: z.string(),
              at: z.string(),
              author: z.string().nullable(),
              participants: z.string().nullable(),
              notes: z.string().nullable(),
              country: z.string().nullable(),
              authority: z.string().nullable(),
              foreignReference: z.string().nullable(),
              fromStatus: z.string().nullable(),
              toStatus: z.string().nullable(),
              fromUser: z.string().nullable(),
              toUser: z.string().nullable(),
              reason: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const c = await findCase(deps.db, contextOf(request).actor, request.params.id);
      if (!c) throw notFound();
      const { activities, events } = await timelineOf(deps.db, c.id);
      const none = { participants: null, notes: null, country: null, authority: null, foreignReference: null, fromStatus: null, toStatus: null, fromUser: null, toUser: null, reason: null };
      const items = [
        ...activities.map((a) => ({ ...none, id: a.id, source: 'activity' as const, kind: a.kind, date: a.occurred_on, at: a.created_at.toISOString(), author: a.author, participants: a.participants, notes: a.notes, country: a.country, authority: a.authority, foreignReference: a.foreign_reference })),
        ...events.map((e) => ({ ...none, id: String(e.id), source: 'event' as const, kind: e.kind, date: todayInTallinn(e.at), at: e.at.toISOString(), author: e.author, fromStatus: e.from_status, toStatus: e.to_status, fromUser: e.from_user_name, toUser: e.to_user_name, reason: e.reason })),
      ].sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at));
      return { items };
    },
  });

  app.post('/api/cases/:id/activities', {
    config: { access: ['ska_specialist', 'kov_worker'] },
    schema: {
      tags: ['cases'],
      summary: 'Record an activity (case discussion, network meeting, correspondence with a foreign authority...)',
      params: idParams,
      body: z
        .object({
          kind: z.enum(ACTIVITY_KINDS),
          occurredOn: isoDate,
          participants: optionalText(2000),
          notes: optionalText(20_000),
          country: optionalText(100),
          authority: optionalText(300),
          foreignReference: optionalText(100),
        })
        .strict(),
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => {
      const row = await addActivity(deps, contextOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  });

  app.post('/api/cases/:id/risk-assessments', {
    config: { access: ['ska_specialist', 'kov_worker'] },
    schema: {
      tags: ['cases'],
      summary: 'Record a PACT risk assessment (A-RV: not before 6 months after the previous one)',
      params: idParams,
      body: z.object({ assessedOn: isoDate, level: z.enum(RISK_LEVELS), notes: optionalText(5000) }).strict(),
      response: { 201: z.object({ id: z.string() }) },
    },
    handler: async (request, reply) => {
      const row = await addRiskAssessment(deps, contextOf(request), request.params.id, request.body);
      return reply.status(201).send({ id: row.id });
    },
  });

  app.get('/api/cases/:id/documents', {
    config: { access: CASE_ROLES },
    schema: {
      tags: ['cases'],
      summary: 'Attachments and signed containers of the case',
      params: idParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({ id: z.string(), kind: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), signers: z.array(z.unknown()).nullable(), validation: z.record(z.string(), z.unknown()).nullable(), uploadedBy: z.string(), createdAt: z.string() }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const c = await findCase(deps.db, contextOf(request).actor, request.params.id);
      if (!c) throw notFound();
      const rows = await documentsOf(deps.db, c.id);
      return {
        items: rows.map((d) => ({ id: d.id, kind: d.kind, filename: d.filename, contentType: d.content_type, size: d.size, signers: d.signers, validation: d.validation, uploadedBy: d.uploaded_by_name, createdAt: d.created_at.toISOString() })),
      };
    },
  });
}
