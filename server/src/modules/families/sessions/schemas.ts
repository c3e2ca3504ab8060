import { z } from 'zod';
import { EXTRA_REQUEST_STATUSES, SESSION_MODES, SESSION_SERVICES } from '../service-tables.js';
import { optionalText, serviceDate } from '../schemas.js';

/** Request and response shapes of the sessions API (B-MENT-*, B-PSY-*), named once for the OpenAPI document. */

export const SESSION_READ_ROLES = ['ska_contact', 'ska_manager', 'provider_admin', 'provider_specialist'] as const;
export const SESSION_WRITE_ROLES = ['provider_admin', 'provider_specialist'] as const;

export const sessionService = z.enum(SESSION_SERVICES).describe('mentoring (B-MENT-*), counselling or supervision (B-PSY-*, one shared yearly limit)');
export const sessionMode = z.enum(SESSION_MODES).describe('remote only by prior agreement with the client (§2.8.11)');
export const extraStatus = z.enum(EXTRA_REQUEST_STATUSES);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const sessionBody = z
  .object({
    service: sessionService,
    familyId: z.uuid(),
    episodeId: z.uuid().nullable().optional().describe('Required for mentoring: a mentoring episode of this family at this provider'),
    specialistId: z.uuid().describe('Who held it; a provider specialist records only their own sessions'),
    heldOn: serviceDate,
    minutes: z.number().int().min(1).max(600),
    mode: sessionMode,
    remoteAgreedOn: serviceDate.nullable().optional().describe('The day the client agreed to remote sessions: on or before the session day'),
    participants: optionalText(1000),
    summary: optionalText(20_000),
  })
  .strict();

export const sessionPatch = z
  .object({
    version: z.number().int().min(1),
    specialistId: z.uuid().optional(),
    heldOn: serviceDate.optional(),
    minutes: z.number().int().min(1).max(600).optional(),
    mode: sessionMode.optional(),
    remoteAgreedOn: serviceDate.nullable().optional(),
    participants: optionalText(1000),
    summary: optionalText(20_000),
  })
  .strict();

const ref = z.object({ id: z.string(), name: z.string() });

export const sessionSchema = z.object({
  id: z.string(),
  service: sessionService,
  family: z.object({ id: z.string(), reference: z.string() }),
  episodeId: z.string().nullable(),
  provider: ref,
  specialist: ref,
  heldOn: z.string(),
  quarter: z.string(),
  minutes: z.number(),
  mode: sessionMode,
  remoteAgreedOn: z.string().nullable(),
  participants: z.string().nullable(),
  summary: z.string().nullable(),
  status: z.enum(['held', 'cancelled']),
  version: z.number(),
  createdAt: z.string(),
});

export const mentoringLimits = z.object({
  stage: z.enum(['with_child', 'not_assessed', 'awaiting_child']),
  quarter: z.string(),
  quarterFrom: z.string(),
  quarterTo: z.string(),
  limit: z.number(),
  usedThisQuarter: z.number(),
  usedTotal: z.number(),
  remaining: z.number(),
});

export const counsellingLimits = z.object({
  year: z.number(),
  limit: z.number(),
  used: z.number(),
  remaining: z.number(),
  approvedExtra: z.number(),
  childLeft: z.boolean(),
  notAssessed: z.boolean(),
  pendingExtra: z.object({ id: z.string(), requestedSessions: z.number(), requestedOn: z.string() }).nullable(),
  extraAvailable: z.number(),
});

export const familyLimitsSchema = z.object({ familyId: z.string(), on: z.string(), mentoring: mentoringLimits, counselling: counsellingLimits });

export const limitsListItem = familyLimitsSchema.extend({
  reference: z.string(),
  type: z.string(),
  parentNames: z.string().nullable(),
  kovName: z.string(),
  runningMentoringEpisodeId: z.string().nullable(),
});

export const extraSchema = z.object({
  id: z.string(),
  family: z.object({ id: z.string(), reference: z.string() }),
  provider: ref,
  year: z.number(),
  requestedSessions: z.number(),
  justification: z.string(),
  status: extraStatus,
  approvedSessions: z.number().nullable(),
  decisionReason: z.string().nullable(),
  requestedBy: z.string(),
  requestedOn: z.string(),
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  version: z.number(),
});
