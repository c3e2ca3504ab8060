import { z } from 'zod';
import { isoDate, trimmed } from '../../platform/http/index.js';
import { isWallTime } from '../../platform/calendar/tallinn-time.js';
import { BOOKING_STATUSES, CUSTODY_OUTCOMES, DELIVERY_STATUSES, MEDIATION_LANGUAGES, MEDIATION_STATUSES, MEDIATION_TOPICS, REFERRERS } from './tables.js';

/** Request and response shapes of /api/mediation (the OpenAPI document is made from these). */

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const wallTime = z.string().refine(isWallTime, 'expected HH:mm');
export const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const version = z.number().int().min(1);

export const personInput = z
  .object({ personalCode: z.string().trim().max(20).nullable().optional(), firstName: trimmed(100), lastName: trimmed(100), birthDate: isoDate.nullable().optional() })
  .strict();

const contactFields = {
  address: optionalText(300),
  kovOrganisationId: z.uuid().nullable().optional(),
  phone: optionalText(40),
  email: z.email().max(200).nullable().optional(),
};

export const proceedingBody = z
  .object({
    referredBy: z.enum(REFERRERS),
    referrerName: optionalText(200),
    referredOn: isoDate,
    topics: z.array(z.enum(MEDIATION_TOPICS)).min(1).max(MEDIATION_TOPICS.length),
    description: trimmed(5000),
    language: z.enum(MEDIATION_LANGUAGES),
    notes: optionalText(5000),
    parents: z
      .array(z.object({ person: personInput, ...contactFields, consented: z.boolean().optional(), preferredMediatorId: z.uuid().nullable().optional() }).strict())
      .length(2),
    children: z.array(personInput).min(1).max(10),
  })
  .strict();

export const contactBody = z.object({ version, ...contactFields }).strict();

export const listItem = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(MEDIATION_STATUSES),
  referredBy: z.enum(REFERRERS),
  referredOn: z.string(),
  language: z.string(),
  topics: z.array(z.string()),
  mediator: z.object({ id: z.string(), name: z.string() }).nullable(),
  nextSessionAt: z.string().nullable(),
  parents: z.array(z.string()),
  children: z.array(z.string()),
});

const partyView = z.object({
  partyId: z.string(),
  personId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  personalCode: z.string().nullable(),
  birthDate: z.string(),
  isMe: z.boolean(),
  version: z.number(),
  consentedAt: z.string().nullable(),
  preferredMediatorId: z.string().nullable(),
  /** Residence and contact data; null where the viewer may not see it (the other parent, for a client). */
  contact: z
    .object({ address: z.string().nullable(), kovOrganisationId: z.string().nullable(), kovName: z.string().nullable(), county: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
});

export const bookingView = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(BOOKING_STATUSES),
  version: z.number(),
  mediatorName: z.string(),
  cancelReason: z.string().nullable(),
  /** Before the cut-off: the client may still move or cancel it. */
  changeable: z.boolean(),
});

export const deliveryView = z.object({
  id: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  registerReference: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

export const proceedingDetail = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(MEDIATION_STATUSES),
  version: z.number(),
  referredBy: z.enum(REFERRERS),
  referrerName: z.string().nullable(),
  referredOn: z.string(),
  topics: z.array(z.string()),
  description: z.string(),
  language: z.enum(MEDIATION_LANGUAGES),
  notes: z.string().nullable(),
  mediator: z.object({ id: z.string(), name: z.string() }).nullable(),
  assignedAt: z.string().nullable(),
  assignmentReason: z.string().nullable(),
  refusedMediators: z.number(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  parents: z.array(partyView),
  children: z.array(partyView.omit({ contact: true, consentedAt: true, preferredMediatorId: true })),
  bookings: z.array(bookingView),
  agreement: z
    .object({ id: z.string(), concludedOn: z.string(), custody: z.enum(CUSTODY_OUTCOMES), childPersonIds: z.array(z.string()), summary: z.string(), delivery: deliveryView.nullable() })
    .nullable(),
  can: z.object({
    consent: z.boolean(),
    refuse: z.boolean(),
    assign: z.boolean(),
    book: z.boolean(),
    write: z.boolean(),
    decide: z.boolean(),
    recordOutcome: z.boolean(),
    end: z.boolean(),
  }),
});

export const availabilityBody = z
  .object({
    sessionMinutes: z.number().int().min(30).max(240),
    bufferMinutes: z.number().int().min(0).max(120),
    validFrom: isoDate.optional(),
    windows: z.array(z.object({ weekday: z.number().int().min(1).max(7), startsAt: wallTime, endsAt: wallTime }).strict()).max(50),
  })
  .strict();

export const availabilityView = z.object({
  sessionMinutes: z.number(),
  bufferMinutes: z.number(),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  windows: z.array(z.object({ id: z.string(), weekday: z.number(), startsAt: z.string(), endsAt: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  leave: z.array(z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string(), note: z.string().nullable() })),
});

export const slot = z.object({ startsAt: z.string(), endsAt: z.string() });

export const agreementBody = z
  .object({ concludedOn: isoDate, custody: z.enum(CUSTODY_OUTCOMES), childPersonIds: z.array(z.uuid()).min(1).max(10), summary: trimmed(10_000) })
  .strict();

export const threadSummary = z.object({ id: z.string(), subject: z.string(), createdAt: z.string(), lastMessageAt: z.string(), messages: z.number(), unread: z.number(), hasDecision: z.boolean() });

export const fileView = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() });

export const threadView = z.object({
  id: z.string(),
  proceedingId: z.string(),
  subject: z.string(),
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['message', 'decision']),
      body: z.string(),
      decisionNumber: z.string().nullable(),
      author: z.object({ id: z.string(), name: z.string(), role: z.string() }),
      createdAt: z.string(),
      files: z.array(fileView),
      /** Read receipts: who has read it and when (the author's own included). */
      readBy: z.array(z.object({ userId: z.string(), name: z.string(), readAt: z.string() })),
    }),
  ),
});

export const messageBody = z.object({ body: trimmed(10_000), attachmentIds: z.array(z.uuid()).max(10).optional() }).strict();
