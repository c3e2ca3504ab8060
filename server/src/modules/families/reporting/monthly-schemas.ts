import { z } from 'zod';
import { MONTHLY_REPORT_STATUSES, REPORT_LINE_SERVICES } from '../service-tables.js';

export const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export const reportStatus = z.enum(MONTHLY_REPORT_STATUSES);
export const lineService = z.enum(REPORT_LINE_SERVICES);
export const REPORT_READERS = ['provider_admin', 'provider_specialist', 'ska_contact', 'ska_manager'] as const;

const named = z.object({ id: z.string(), name: z.string() });

export const reportSummary = z.object({
  id: z.string(),
  reference: z.string(),
  month: z.string(),
  status: reportStatus,
  revision: z.number(),
  version: z.number(),
  provider: named,
  contract: z.object({ id: z.string(), reference: z.string() }).nullable(),
  dueOn: z.string(),
  late: z.boolean(),
  overdue: z.boolean(),
  totalCents: z.number(),
  excludedCents: z.number(),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
});

export const lineFamily = z.object({ id: z.string(), reference: z.string(), parentNames: z.string().nullable(), adoptionSecrecy: z.boolean() }).nullable();

export const reportLine = z.object({
  id: z.string(),
  position: z.number(),
  revision: z.number(),
  service: lineService,
  family: lineFamily,
  specialist: named.nullable(),
  episodeId: z.string().nullable(),
  sessionId: z.string().nullable(),
  groupId: z.string().nullable(),
  occurredOn: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  unitCents: z.number(),
  amountCents: z.number(),
  valueCents: z.number(),
  billable: z.boolean(),
  excludedReason: z.string().nullable(),
  excludedReasonText: z.string().nullable(),
  skaComment: z.string().nullable(),
});

const sums = { lines: z.number(), billableCents: z.number(), excludedCents: z.number() };

export const reportDetail = reportSummary.extend({
  viewRevision: z.number(),
  providerNote: z.string().nullable(),
  returnComment: z.string().nullable(),
  draftedAt: z.string(),
  lines: z.array(reportLine),
  byService: z.array(z.object({ service: lineService, ...sums })),
  bySpecialist: z.array(z.object({ specialistId: z.string().nullable(), name: z.string().nullable(), ...sums })),
  signatures: z.array(
    z.object({
      signer: z.enum(['specialist', 'recipient']),
      specialistId: z.string(),
      specialistName: z.string(),
      familyId: z.string().nullable(),
      familyLabel: z.string().nullable(),
      signed: z.object({ method: z.enum(['signed_pdf', 'in_app']), confirmedAt: z.string(), confirmedByName: z.string(), fileId: z.string().nullable(), filename: z.string().nullable() }).nullable(),
    }),
  ),
  missingSignatures: z.number(),
  endings: z.array(
    z.object({
      episodeId: z.string(),
      kind: z.string(),
      endsOn: z.string(),
      endReason: z.string().nullable(),
      sentToKovOn: z.string().nullable(),
      family: lineFamily.unwrap(),
      specialistName: z.string().nullable(),
    }),
  ),
  actions: z.object({ redraft: z.boolean(), edit: z.boolean(), submit: z.boolean(), decide: z.boolean(), confirm: z.boolean() }),
});

export const historyResponse = z.object({
  revisions: z.array(z.number()),
  events: z.array(z.object({ id: z.string(), revision: z.number(), kind: z.string(), comment: z.string().nullable(), totalCents: z.number().nullable(), at: z.string(), actorName: z.string().nullable() })),
});

export const currentMonthResponse = z.object({
  month: z.string(),
  asOf: z.string(),
  contract: z.object({ id: z.string(), reference: z.string() }).nullable(),
  totalCents: z.number(),
  excludedCents: z.number(),
  lines: z.array(reportLine.omit({ id: true, revision: true, skaComment: true })),
  byService: z.array(z.object({ service: lineService, ...sums })),
});

export const confirmationItem = z.object({
  reportId: z.string(),
  reportReference: z.string(),
  revision: z.number(),
  month: z.string(),
  provider: z.string(),
  specialistId: z.string(),
  specialistName: z.string(),
  family: z.object({ id: z.string(), reference: z.string() }),
  confirmed: z.boolean(),
  lines: z.array(z.object({ service: lineService, occurredOn: z.string().nullable(), description: z.string(), quantity: z.number() })),
});
