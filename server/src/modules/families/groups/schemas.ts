import { z } from 'zod';
import { trimmed } from '../../../platform/http/index.js';
import { serviceDate, text } from '../schemas.js';
import { GROUP_FAMILY_TYPES, GROUP_STATUSES, PARTICIPANT_SIGNATURES } from '../service-tables.js';
import { MONTH_PATTERN, QUARTER_PATTERN } from './rules.js';

/** Request and response shapes of the support-group API (B-GRP-1..5). */

export const month = z.string().regex(MONTH_PATTERN, 'expected a month as YYYY-MM').refine((m) => m >= '2000-01' && m <= '2100-12', 'expected a month between 2000 and 2100');
export const quarter = z.string().regex(QUARTER_PATTERN, 'expected a quarter as YYYY-Qn').refine((q) => q >= '2000' && q <= '2100-Q4', 'expected a quarter between 2000 and 2100');
export const startsAt = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
export const groupFamilyType = z.enum(GROUP_FAMILY_TYPES).describe('hooldus = foster, eestkoste = guardianship, lapsendaja = adoptive, mixed');
export const groupStatus = z.enum(GROUP_STATUSES);
export const signature = z.enum(PARTICIPANT_SIGNATURES).describe('signed: on the paper list; digital: digitally signed; screenshot: seen on the online screenshot; none: did not sign (not counted)');
const versioned = { version: z.number().int().min(1) };

export const groupFields = {
  plannedOn: serviceDate.describe('A day in the plan’s month'),
  startsAt,
  plannedMinutes: z.number().int().min(15).max(600),
  online: z.boolean(),
  place: text(300).nullable().optional().describe('Required in person (address or venue)'),
  municipalityId: z.uuid().nullable().optional().describe('The KOV where it takes place (required in person); its island flag gives the ×1.5 (B-GRP-3)'),
  topic: trimmed(300),
  leaderName: trimmed(200),
  leaderSpecialistId: z.uuid().nullable().optional().describe('The provider’s specialist who leads it (sees and records the group)'),
  familyType: groupFamilyType,
  publicInfo: text(2000).nullable().optional().describe('Shown on the public list: how to join, registration'),
};

export const groupInput = z.object(groupFields).strict();
export const groupPatch = z.object({ ...versioned, ...groupFields }).strict();

export const participantInput = z.object({ name: trimmed(200), familyId: z.uuid().nullable().optional(), signature }).strict();

export const attendanceInput = z
  .object({
    ...versioned,
    heldOn: serviceDate,
    actualMinutes: z.number().int().min(1).max(600),
    leaderSigned: z.boolean().describe('The leader signed the attendance list (B-GRP-5)'),
    participants: z.array(participantInput).max(200),
  })
  .strict();

export const decisionInput = z
  .object({ ...versioned, decision: z.enum(['approve', 'reject']), reason: text(2000).nullable().optional().describe('Required when rejecting') })
  .strict();

export const smallGroupInput = z.object({ ...versioned, approved: z.boolean(), reason: text(2000).nullable().optional().describe('Required when approving') }).strict();

const ref = z.object({ id: z.string(), name: z.string() });
const fileRef = z.object({ id: z.string(), filename: z.string() }).nullable();

export const payView = z.object({
  units: z.number(),
  unitCents: z.number(),
  amountCents: z.number(),
  paidCents: z.number(),
  billable: z.boolean(),
  excludedReason: z.string().nullable(),
  problems: z.array(z.string()),
  participants: z.number(),
  quarterPosition: z.number().nullable(),
});

export const groupView = z.object({
  id: z.string(),
  planId: z.string(),
  month: z.string(),
  planStatus: z.string(),
  provider: ref,
  plannedOn: z.string(),
  startsAt: z.string(),
  plannedMinutes: z.number(),
  online: z.boolean(),
  place: z.string().nullable(),
  municipality: ref.nullable(),
  island: z.boolean(),
  topic: z.string(),
  leaderName: z.string(),
  leaderSpecialistId: z.string().nullable(),
  familyType: z.string(),
  publicInfo: z.string().nullable(),
  status: groupStatus,
  decisionReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  smallGroupApproved: z.boolean(),
  smallGroupReason: z.string().nullable(),
  smallGroupApprovedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  actualMinutes: z.number().nullable(),
  leaderSigned: z.boolean(),
  attendanceFile: fileRef,
  screenshotFile: fileRef,
  participantCount: z.number(),
  pay: payView.nullable().describe('For held groups: units, price and whether it is paid (B-GRP-2..5), with the quarter cap applied'),
  version: z.number(),
});

export const groupDetail = groupView.extend({
  participants: z.array(z.object({ id: z.string(), name: z.string(), familyId: z.string().nullable(), signature })),
});

export const planView = z.object({
  id: z.string(),
  provider: ref,
  month: z.string(),
  status: z.enum(['draft', 'submitted']),
  deadline: z.string(),
  deadlineState: z.enum(['open', 'due_soon', 'late']),
  daysLeft: z.number(),
  submittedOn: z.string().nullable(),
  late: z.boolean(),
  version: z.number(),
  groups: z.array(groupView),
});

export const quarterCountsView = z.object({
  quarter: z.string(),
  items: z.array(
    z.object({
      provider: ref,
      planned: z.number(),
      approved: z.number(),
      held: z.number(),
      paid: z.number(),
      overCap: z.number(),
      notPayable: z.number(),
      belowMinimum: z.boolean(),
      minimumAtRisk: z.boolean(),
    }),
  ),
});

export const publicGroup = z.object({
  id: z.string(),
  date: z.string(),
  startsAt: z.string(),
  minutes: z.number(),
  online: z.boolean(),
  place: z.string().nullable(),
  municipality: z.string().nullable(),
  topic: z.string(),
  familyType: z.string(),
  leaderName: z.string(),
  publicInfo: z.string().nullable(),
  provider: z.string(),
});
