import { z } from 'zod';
import { booleanQuery, isoDate, trimmed } from '../../platform/http/index.js';
import { ATTENDANCE_STATUSES, FEEDBACK_QUESTIONS, GROUP_STATUSES, REGISTRATION_STATUSES, TRAINING_FORMS, TRAINING_STATUSES } from './tables.js';

/** Request and response shapes of the trainings API (module C). */

const text = (max: number) => z.string().trim().max(max);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
const versioned = { version: z.number().int().min(1) };
export const year = z.coerce.number().int().min(2000).max(2100);
const ref = z.object({ id: z.string(), name: z.string() });

// --- requests ------------------------------------------------------------------------------

const trainingFields = {
  title: trimmed(300),
  curriculum: trimmed(20_000).describe('Goal, learning outcomes and the curriculum the training follows'),
  topics: z.array(trimmed(500)).min(1).max(30),
  targetGroup: trimmed(2000).describe('Who it is for, e.g. KOV child protection or family workers'),
  eligibleOrganisationIds: z.array(z.uuid()).max(100).nullable().optional().describe('C-3: only workers of these municipalities; empty or null = every municipality'),
  academicHours: z.number().int().min(1).max(1000),
  days: z.number().int().min(1).max(60),
  form: z.enum(TRAINING_FORMS),
  providerId: z.uuid().describe('The training organisation that runs it'),
  windowStart: isoDate,
  windowEnd: isoDate,
  status: z.enum(TRAINING_STATUSES).optional().describe('draft: only SKA sees it; published: in the KOV workers’ catalogue'),
};
export const trainingInput = z.object(trainingFields).strict();
export const trainingPatch = z.object({ ...versioned, ...trainingFields }).strict();

const sessionInput = z.object({ day: isoDate, startsAt: time, endsAt: time }).strict();
const groupFields = {
  city: text(100).nullable().optional().describe('Required in person'),
  venue: text(300).nullable().optional().describe('The room or address; may follow later'),
  sessions: z.array(sessionInput).min(1).max(60).describe('C-2: one per training day, inside the window'),
  capacityMin: z.number().int().min(1).max(500),
  capacityMax: z.number().int().min(1).max(500),
  trainerId: z.uuid().nullable().optional().describe('A trainer of the provider'),
  registrationClosesOn: isoDate.optional().describe('C-3 cut-off: the last day to register; default 10 working days before the first day'),
};
export const groupInput = z.object(groupFields).strict();
export const groupPatch = z.object({ ...versioned, ...groupFields }).strict();

export const registerInput = z.object({ userId: z.uuid().optional().describe('A colleague of the same KOV; default: yourself') }).strict();
export const cancelRegistrationInput = z.object({ ...versioned, reason: text(2000).nullable().optional() }).strict();
export const cancelGroupInput = z.object({ ...versioned, reason: trimmed(2000) }).strict();
export const mergeInput = z.object({ ...versioned, intoGroupId: z.uuid() }).strict();
export const attendanceInput = z
  .object({ sessionId: z.uuid(), marks: z.array(z.object({ registrationId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }).strict()).max(500) })
  .strict();
const rating = z.number().int().min(1).max(5);
export const feedbackInput = z
  .object({ overall: rating, content: rating, trainer: rating, usefulness: rating, organisation: rating, recommend: z.boolean(), mostUseful: text(4000).nullable().optional(), improve: text(4000).nullable().optional() })
  .strict();

export const registrationFilter = {
  mine: booleanQuery.optional(),
  groupId: z.uuid().optional(),
  trainingId: z.uuid().optional(),
  kovId: z.uuid().optional(),
  year: year.optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  certified: booleanQuery.optional(),
};

// --- responses -----------------------------------------------------------------------------

export const trainingView = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  curriculum: z.string(),
  topics: z.array(z.string()),
  targetGroup: z.string(),
  eligibleOrganisations: z.array(ref).nullable(),
  academicHours: z.number(),
  days: z.number(),
  form: z.enum(TRAINING_FORMS),
  provider: ref,
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(TRAINING_STATUSES),
  groupCount: z.number(),
  myRegistration: z.object({ id: z.string(), groupId: z.string(), status: z.string() }).nullable(),
  version: z.number(),
});

export const sessionView = z.object({ id: z.string(), day: z.string(), startsAt: z.string(), endsAt: z.string() });

export const groupView = z.object({
  id: z.string(),
  training: z.object({ id: z.string(), reference: z.string(), title: z.string(), form: z.enum(TRAINING_FORMS), academicHours: z.number(), days: z.number(), provider: z.string() }),
  number: z.number(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  sessions: z.array(sessionView),
  capacityMin: z.number(),
  capacityMax: z.number(),
  confirmed: z.number(),
  waitlisted: z.number(),
  freePlaces: z.number(),
  trainer: ref.nullable(),
  registrationClosesOn: z.string(),
  registrationState: z.enum(['open', 'closed', 'started', 'cancelled', 'merged']),
  underfilled: z.boolean().describe('C-4: the cut-off passed with fewer confirmed places than the minimum'),
  attendanceDue: z.boolean().describe('C-5: a session day has come and a confirmed participant has no mark for it'),
  status: z.enum(GROUP_STATUSES),
  cancelReason: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), number: z.number() }).nullable(),
  version: z.number(),
});

export const registrationView = z.object({
  id: z.string(),
  queueNo: z.number(),
  training: z.object({ id: z.string(), reference: z.string(), title: z.string(), academicHours: z.number() }),
  group: z.object({ id: z.string(), number: z.number(), city: z.string().nullable(), venue: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), status: z.enum(GROUP_STATUSES) }),
  participant: ref,
  organisation: ref,
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().nullable(),
  registeredBy: z.string(),
  registeredAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  fullAttendance: z.boolean(),
  attendedAny: z.boolean(),
  feedbackGiven: z.boolean(),
  feedbackOpen: z.boolean().describe('C-5: the participant may answer the questionnaire now'),
  certificateAvailable: z.boolean(),
  own: z.boolean(),
  version: z.number(),
});

export const groupDetail = groupView.extend({
  registrations: z.array(registrationView.extend({ attendance: z.record(z.string(), z.enum(ATTENDANCE_STATUSES)) })),
  canTakeAttendance: z.boolean(),
  myRegistration: z.object({ id: z.string(), groupId: z.string(), status: z.string() }).nullable(),
});

export const feedbackSummaryView = z.object({
  responses: z.number(),
  participants: z.number().describe('Confirmed participants who attended (the questionnaire’s audience)'),
  questions: z.array(z.object({ question: z.enum(FEEDBACK_QUESTIONS), average: z.number().nullable(), counts: z.array(z.number()) })),
  recommendPercent: z.number().nullable(),
  mostUseful: z.array(z.string()),
  improve: z.array(z.string()),
});

export const kovSummaryView = z.object({
  items: z.array(
    z.object({ organisation: ref, county: z.string().nullable(), workers: z.number(), registered: z.number(), waitlisted: z.number(), peopleTrained: z.number(), certificates: z.number() }),
  ),
});

export const calendarView = z.object({
  year: z.number(),
  months: z.array(z.object({ month: z.string(), groups: z.array(groupView) })),
  trainings: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string(), groups: z.number(), cancelled: z.number() })),
});
