import { z } from 'zod';
import { isoDate, trimmed } from '../../platform/http/index.js';
import {
  CONTACT_KINDS,
  END_REASONS,
  EPISODE_STATUSES,
  FAMILY_LANGUAGES,
  FAMILY_TYPES,
  GOAL_STATUSES,
  KOV_REPORT_KINDS,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  SPECIALIST_LANGUAGES,
  SPECIALIST_ROLES,
  SUPPORT_KINDS,
} from './tables.js';

/** Request and response shapes of the families API, named once for the OpenAPI document. */

export const FAMILY_ROLES = ['ska_contact', 'ska_manager', 'kov_worker', 'provider_admin', 'provider_specialist'] as const;
export const PROVIDER_ROLES = ['provider_admin', 'provider_specialist'] as const;

export const text = (max: number) => z.string().trim().max(max);
export const optionalText = (max: number) => text(max).nullable().optional();
export const familyType = z.enum(FAMILY_TYPES).describe('hooldus = foster, eestkoste = guardianship, lapsendaja = adoptive');
export const supportKind = z.enum(SUPPORT_KINDS).describe('adaptation (B-ADAPT-1), needs_based (B-NEED-1) or mentoring');
export const familyLanguage = z.enum(FAMILY_LANGUAGES).describe('Service language (003 §2.8.9)');
export const nullableDate = z.string().nullable();
/** A calendar date of the service's own time (1900–2100), so date arithmetic never leaves the calendar. */
export const serviceDate = isoDate.refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'expected a date between 1900 and 2100');

export const personInput = z
  .object({ personalCode: z.string().trim().max(20).nullable().optional(), firstName: trimmed(100), lastName: trimmed(100), birthDate: isoDate.nullable().optional() })
  .strict()
  .describe('A person: with a valid Estonian personal code, or a birth date without one');

export const originInput = z
  .object({ birthName: optionalText(200), birthParents: optionalText(1000), previousPlacement: optionalText(500), notes: optionalText(5000) })
  .strict()
  .describe('The child’s origin data (X-SECRET): encrypted at rest, shown only to the SKA contact and the family’s provider when adoption secrecy is on');

export const childInput = z.object({ person: personInput, arrivedOn: serviceDate, leftOn: serviceDate.nullable().optional(), origin: originInput.nullable().optional() }).strict();

export const familyFields = {
  guardianKovOrganisationId: z.uuid().nullable().optional().describe('The KOV that is the child’s guardian, when not the KOV of residence'),
  district: optionalText(40).describe('Tallinn district (linnaosa), for B-COI'),
  language: familyLanguage.optional(),
  assessed: z.boolean().optional().describe('Assessed as suitable (hinnatud) or not yet'),
  kovInvolvementConsent: z.boolean().optional().describe('Adoptive family only: false = the KOV is not involved and gets nothing (B-KOV)'),
  adoptionSecrecy: z.boolean().optional().describe('Adoptive family only: X-SECRET'),
  crisisOrSpecialFoster: z.boolean().optional().describe('Provides crisis or special foster care under SKA’s other contract: no family support (B-COI §2.1.5.8)'),
  inServiceOn20221031: z.boolean().optional().describe('In family support on 31.10.2022: +2 months of volume (B-CARRY)'),
  address: optionalText(300),
  contactPhone: optionalText(50),
  contactEmail: optionalText(200),
  notes: optionalText(10_000),
};

const orgRef = z.object({ id: z.string(), name: z.string() });
const compliance = z.object({
  status: z.enum(['green', 'amber', 'red', 'not_started', 'ended', 'not_applicable']),
  phase: z.enum(['weekly', 'twice_monthly']).nullable(),
  weeklyUntil: nullableDate,
  lastContactOn: nullableDate,
  nextContactDue: nullableDate,
  lastHomeVisitOn: nullableDate,
  nextHomeVisitDue: nullableDate,
  nextDue: nullableDate,
  contactGaps: z.number(),
  homeVisitGaps: z.number(),
});
export const complianceStatus = z.enum(['green', 'amber', 'red', 'not_started', 'ended', 'not_applicable']);
const firstContactStateSchema = z.enum(['not_received', 'waiting', 'overdue', 'in_time', 'late']);
const needsBasedVolume = z.object({ limitDays: z.number(), usedDays: z.number(), remainingDays: z.number(), firstStart: nullableDate, bonus: z.boolean(), excludedGapDays: z.number() });

export const familyListItem = z.object({
  id: z.string(),
  reference: z.string(),
  type: familyType,
  language: z.string(),
  parentNames: z.string(),
  childrenInFamily: z.number(),
  kovId: z.string(),
  kovName: z.string(),
  county: z.string().nullable(),
  district: z.string().nullable(),
  assessed: z.boolean(),
  adoptionSecrecy: z.boolean(),
  kovInvolved: z.boolean(),
  runningEpisodes: z.number(),
  createdAt: z.string(),
});

export const familyDetail = z.object({
  id: z.string(),
  reference: z.string(),
  type: familyType,
  version: z.number(),
  kov: orgRef,
  guardianKov: orgRef.nullable(),
  district: z.string().nullable(),
  language: z.string(),
  assessed: z.boolean(),
  kovInvolvementConsent: z.boolean(),
  kovInvolved: z.boolean(),
  adoptionSecrecy: z.boolean(),
  crisisOrSpecialFoster: z.boolean(),
  inServiceOn20221031: z.boolean(),
  intakeProvider: orgRef.nullable(),
  providers: z.array(orgRef),
  address: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  notes: z.string().nullable(),
  parents: z.array(z.object({ personId: z.string(), firstName: z.string(), lastName: z.string(), personalCode: z.string().nullable(), birthDate: z.string(), relation: z.string() })),
  children: z.array(
    z.object({
      placementId: z.string(),
      personId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      personalCode: z.string().nullable(),
      birthDate: z.string(),
      arrivedOn: z.string(),
      leftOn: nullableDate,
      version: z.number(),
      origin: z.object({ birthName: z.string().nullable().optional(), birthParents: z.string().nullable().optional(), previousPlacement: z.string().nullable().optional(), notes: z.string().nullable().optional() }).nullable(),
      originMasked: z.boolean().describe('True when origin data exists but adoption secrecy hides it from this user'),
      adaptation: z
        .object({ windowFrom: z.string(), windowTo: z.string(), regularEnd: z.string(), leaveLimit: nullableDate, usedDays: z.number(), daysLeft: z.number(), open: z.boolean() })
        .nullable()
        .describe('B-ADAPT-1 window with B-CARRY and B-LEAVE applied'),
      needsBasedEligibleFrom: z.string().describe('B-NEED-1: the first day the child has been in the family for over a year'),
    }),
  ),
  householdMembers: z.array(z.object({ personId: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() })),
  volume: z.object({ needsBased: needsBasedVolume.extend({ running: z.boolean() }) }),
  priorPeriods: z.array(z.object({ id: z.string(), kind: z.string(), childPersonId: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), procurement: z.string(), transitionalExtra: z.boolean(), note: z.string().nullable() })),
  agencyGaps: z.array(z.object({ id: z.string(), kind: z.string(), childPersonId: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), reason: z.string() })),
  referrals: z.array(z.object({ id: z.string(), reference: z.string(), kind: supportKind, status: z.string(), submittedOn: z.string(), childPersonId: z.string().nullable(), providerName: z.string().nullable() })),
  episodes: z.array(
    z.object({ id: z.string(), kind: supportKind, status: z.string(), startsOn: z.string(), endsOn: nullableDate, childPersonId: z.string().nullable(), providerName: z.string(), specialistName: z.string().nullable(), compliance: complianceStatus }),
  ),
  timeline: z.array(z.object({ id: z.string(), kind: z.string(), episodeId: z.string().nullable(), referralId: z.string().nullable(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), reason: z.string().nullable(), at: z.string(), author: z.string().nullable() })),
});

export const referralListItem = z.object({
  id: z.string(),
  reference: z.string(),
  familyId: z.string(),
  familyReference: z.string(),
  familyType: familyType,
  kind: supportKind,
  source: z.enum(REFERRAL_SOURCES),
  status: z.enum(REFERRAL_STATUSES),
  submittedOn: z.string(),
  childName: z.string().nullable(),
  kovName: z.string(),
  providerName: z.string().nullable(),
  preferredProviderName: z.string().nullable(),
  receivedOn: nullableDate,
  firstContactDue: nullableDate,
  firstContactOn: nullableDate,
  firstContactState: firstContactStateSchema,
});

export const referralDetail = z.object({
  id: z.string(),
  reference: z.string(),
  version: z.number(),
  family: z.object({ id: z.string(), reference: z.string(), type: familyType, language: z.string() }),
  kind: supportKind,
  source: z.enum(REFERRAL_SOURCES),
  status: z.enum(REFERRAL_STATUSES),
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }).nullable(),
  kov: orgRef.nullable(),
  topics: z.string().nullable(),
  problems: z.string().nullable(),
  goals: z.string().nullable(),
  casePlanReference: z.string().nullable(),
  preferredProvider: orgRef.nullable(),
  notes: z.string().nullable(),
  submittedOn: z.string(),
  submittedBy: z.string().nullable(),
  checks: z.object({ targetGroup: z.boolean().nullable(), earlierService: z.boolean().nullable(), justificationAndGoals: z.boolean().nullable(), notes: z.string().nullable(), checkedOn: nullableDate }),
  rejectionReason: z.string().nullable(),
  provider: orgRef.nullable(),
  receivedOn: nullableDate,
  firstContactDue: nullableDate.describe('B-START: 5 working days after receipt (X-CAL)'),
  firstContactOn: nullableDate,
  firstContactChannel: z.string().nullable(),
  firstContactState: firstContactStateSchema,
  episode: z.object({ id: z.string(), status: z.string() }).nullable(),
});

export const episodeListItem = z.object({
  id: z.string(),
  familyId: z.string(),
  familyReference: z.string(),
  familyType: familyType,
  parentNames: z.string(),
  childName: z.string().nullable(),
  kind: supportKind,
  status: z.enum(EPISODE_STATUSES),
  startsOn: z.string(),
  agreementOn: nullableDate,
  endsOn: nullableDate,
  endReason: z.string().nullable(),
  kovName: z.string(),
  providerName: z.string(),
  specialistId: z.string().nullable(),
  specialistName: z.string().nullable(),
  lastContactOn: nullableDate,
  nextContactDue: nullableDate,
  nextHomeVisitDue: nullableDate,
  nextDue: nullableDate,
  compliance: complianceStatus,
  firstContactDue: nullableDate,
  firstContactOn: nullableDate,
  firstContactState: firstContactStateSchema,
  continuedSupport: z.boolean(),
});

export const episodeDetail = z.object({
  id: z.string(),
  version: z.number(),
  kind: supportKind,
  status: z.enum(EPISODE_STATUSES),
  family: z.object({ id: z.string(), reference: z.string(), type: familyType, language: z.string(), kovName: z.string(), kovInvolved: z.boolean(), parentNames: z.string() }),
  child: z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), birthDate: z.string() }).nullable(),
  provider: orgRef,
  specialist: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  referral: z.object({ id: z.string(), reference: z.string(), receivedOn: nullableDate, firstContactDue: nullableDate, firstContactOn: nullableDate, firstContactState: firstContactStateSchema }).nullable(),
  startsOn: z.string(),
  agreement: z.object({ agreedOn: z.string(), goals: z.string().nullable(), activities: z.string().nullable(), familyActivities: z.string().nullable() }).nullable(),
  compliance: compliance.describe('B-FREQ traffic light with the next due dates'),
  limit: z.object({ lastAllowedDay: nullableDate, limitKind: z.enum(['adaptation_window', 'needs_based_volume', 'child_left']).nullable(), remainingDays: z.number().nullable() }).describe('The last day service may be given and the days left'),
  familyNeedsBased: needsBasedVolume.nullable(),
  kovReporting: z.object({ involved: z.boolean(), lastOverviewOn: nullableDate, nextOverviewDue: nullableDate }).describe('B-KOV'),
  goals: z.array(z.object({ id: z.string(), text: z.string(), origin: z.enum(['start', 'added']), addedOn: z.string(), status: z.enum(GOAL_STATUSES), version: z.number() })),
  contacts: z.array(
    z.object({ id: z.string(), kind: z.enum(CONTACT_KINDS), occurredOn: z.string(), durationMinutes: z.number(), notes: z.string().nullable(), goalNotes: z.array(z.object({ goalId: z.string(), note: z.string() })), author: z.string(), createdAt: z.string() }),
  ),
  kovReports: z.array(
    z.object({ id: z.string(), kind: z.enum(KOV_REPORT_KINDS), periodStart: nullableDate, periodEnd: nullableDate, progress: z.string().nullable(), difficulties: z.string().nullable(), includesPlan: z.boolean(), sentOn: z.string(), kovName: z.string(), author: z.string() }),
  ),
  termination: z
    .object({ endsOn: z.string(), reason: z.enum(END_REASONS).nullable(), activities: z.string().nullable(), goalsReached: z.string().nullable(), furtherNeeds: z.string().nullable(), kovRecommendations: z.string().nullable(), sentToKovOn: nullableDate })
    .nullable(),
  continuedSupport: z.boolean(),
  switchedToEpisodeId: z.string().nullable(),
});

export const specialistItem = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  personId: z.string(),
  roles: z.array(z.enum(SPECIALIST_ROLES)),
  languages: z.array(z.enum(SPECIALIST_LANGUAGES)),
  officialPosts: z.array(z.object({ kovOrganisationId: z.string(), district: z.string().nullable() })),
  skaApprovedOn: nullableDate.describe('§2.8.6: no service before this date'),
  skaApprovalReference: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  runningEpisodes: z.number(),
  version: z.number(),
});

export const contractItem = z.object({
  id: z.string(),
  reference: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  prices: z
    .object({ familySupportMonthCents: z.number(), mentoringSessionCents: z.number(), supportGroupMeetingCents: z.number(), counsellingSessionCents: z.number() })
    .describe('Unit prices in euro cents: family support per family per month; mentoring and counselling/supervision per session; a support group per meeting (2 hours)'),
  notes: z.string().nullable(),
  version: z.number(),
});

export const pricesInput = z
  .object({
    familySupportMonthCents: z.number().int().min(0).max(100_000_000),
    mentoringSessionCents: z.number().int().min(0).max(100_000_000),
    supportGroupMeetingCents: z.number().int().min(0).max(100_000_000),
    counsellingSessionCents: z.number().int().min(0).max(100_000_000),
  })
  .strict();

export const officialPosts = z.array(z.object({ kovOrganisationId: z.uuid(), district: optionalText(40).transform((d) => d ?? null) }).strict()).max(10);
export const specialistRoles = z.array(z.enum(SPECIALIST_ROLES)).min(1).max(5);
export const specialistLanguages = z.array(z.enum(SPECIALIST_LANGUAGES)).min(1).max(3);
export const contactKind = z.enum(CONTACT_KINDS);
export const endReason = z.enum(END_REASONS);
export const goalStatus = z.enum(GOAL_STATUSES);
export const referralStatus = z.enum(REFERRAL_STATUSES);
export const episodeStatus = z.enum(EPISODE_STATUSES);
