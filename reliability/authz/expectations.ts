import { ROLES, type Role } from '../../server/src/platform/db/schema.js';

/**
 * The authorisation matrix's expected answers, DECLARED from SPEC §1 and
 * docs/decisions.md, not computed from policy.ts: for each kind of record a
 * route parameter can name, which roles reach the own record and which reach
 * the foreign one as well.
 *  - 'all': the role reaches every record of the kind (own and foreign);
 *  - 'own': only the own record; the foreign one answers 404 (or 403);
 *  - absent: neither (404, or 403 from the route's guard).
 * A role outside a route's guard always gets 403, anonymous 401.
 */
export type Reach = 'all' | 'own';
type Table = Partial<Record<Role, Reach>>;

const everyone = (reach: Reach): Table => Object.fromEntries(ROLES.map((r) => [r, reach]));
/** Foster-family support records: SKA's contact and manager all, a KOV its families, a provider its own, a family supporter the families they serve. */
const FAMILY_RECORDS: Table = { ska_contact: 'all', ska_manager: 'all', kov_worker: 'own', provider_admin: 'own', provider_specialist: 'own' };
/** Mediation records: SKA all; a mediator their proceedings; a client those where they are a parent. */
const MEDIATION_RECORDS: Table = { ska_contact: 'all', ska_manager: 'all', mediator: 'own', client: 'own' };
const SKA_STAFF_ALL: Table = { ska_specialist: 'all', ska_contact: 'all', ska_manager: 'all' };

export const REACH: Record<string, Table> = {
  /** Each user their own notifications and saved filters (the foreign one is another user's). */
  notification: everyone('own'),
  savedFilter: everyone('own'),
  /** The administrator manages users, organisations and the mail outbox. */
  user: { admin: 'all' },
  organisation: { admin: 'all' },
  mail: { admin: 'all' },
  /** People through links: SKA's contact and manager read all linked to SKA; the others only people of their own records; a client themselves. */
  person: { ska_specialist: 'own', ska_contact: 'all', ska_manager: 'all', kov_worker: 'own', provider_admin: 'own', provider_specialist: 'own', mediator: 'own', client: 'own' },
  /** "Who accessed this family": whoever may open the family. */
  auditFamily: FAMILY_RECORDS,
  /** Consultation cases: a KOV its municipality's, a chief specialist their region's, the manager all. */
  case: { ska_specialist: 'own', ska_manager: 'all', kov_worker: 'own' },
  contract: { ska_contact: 'all', ska_manager: 'all', provider_admin: 'own' },
  /** Specialists: SKA all, a provider its team, a specialist their own record. */
  specialist: { ska_contact: 'all', ska_manager: 'all', provider_admin: 'own', provider_specialist: 'own' },
  family: FAMILY_RECORDS,
  referral: FAMILY_RECORDS,
  episode: FAMILY_RECORDS,
  /** Sessions: a provider its own, a specialist those they held. */
  session: { ska_contact: 'all', ska_manager: 'all', provider_admin: 'own', provider_specialist: 'own' },
  /** Extra counselling requests: a provider's (and its specialists') own. */
  extraRequest: { ska_contact: 'all', ska_manager: 'all', provider_admin: 'own', provider_specialist: 'own' },
  /** Group plans, groups, monthly and provider reports: SKA only submitted ones (the foreign record for SKA is a draft). */
  groupPlan: { ska_contact: 'own', ska_manager: 'own', provider_admin: 'own' },
  supportGroup: { ska_contact: 'own', ska_manager: 'own', provider_admin: 'own', provider_specialist: 'own' },
  monthlyReport: { ska_contact: 'own', ska_manager: 'own', provider_admin: 'own', provider_specialist: 'own' },
  providerReport: { ska_contact: 'own', ska_manager: 'own', provider_admin: 'own' },
  /** Trainings: SKA staff all; a KOV worker published ones (foreign: a draft); a trainer those they teach. */
  training: { ...SKA_STAFF_ALL, kov_worker: 'own', trainer: 'own' },
  trainingGroup: { ...SKA_STAFF_ALL, kov_worker: 'own', trainer: 'own' },
  /** Registrations: a KOV its municipality's, a trainer those of their groups. */
  registration: { ...SKA_STAFF_ALL, kov_worker: 'own', trainer: 'own' },
  proceeding: MEDIATION_RECORDS,
  booking: MEDIATION_RECORDS,
  thread: MEDIATION_RECORDS,
  mediationFile: MEDIATION_RECORDS,
  leave: { mediator: 'own' },
  delivery: { ska_contact: 'all', ska_manager: 'all' },
  /** The programme plan is one for all who may read it. */
  plan: { ska_manager: 'all', ministry_officer: 'all' },
  subactivity: { ska_manager: 'all', ministry_officer: 'all' },
  /** Grant rounds: the ministry all, a KOV announced ones (foreign: an unannounced round). */
  round: { kov_worker: 'own', ministry_officer: 'all' },
  /** Applications: a KOV its municipality's, the ministry submitted ones (foreign: a draft). */
  application: { kov_worker: 'own', ministry_officer: 'own' },
};

/** Which kind of record a route's path parameters name: the first pattern that matches the route's URL. */
export const ROUTE_KINDS: [RegExp, string][] = [
  [/^\/api\/me\/notifications\/:id/, 'notification'],
  [/^\/api\/me\/saved-filters\/:id/, 'savedFilter'],
  [/^\/api\/admin\/users\/:id/, 'user'],
  [/^\/api\/admin\/organisations\/:id/, 'organisation'],
  [/^\/api\/admin\/mail\/:id/, 'mail'],
  [/^\/api\/audit\/access\/:recordType\/:recordId/, 'auditFamily'],
  [/^\/api\/people\/:id/, 'person'],
  [/^\/api\/cases\/:id/, 'case'],
  [/^\/api\/families\/contracts\/:id/, 'contract'],
  [/^\/api\/families\/specialists\/:id/, 'specialist'],
  [/^\/api\/families\/referrals\/:id/, 'referral'],
  [/^\/api\/families\/episodes\/:id/, 'episode'],
  [/^\/api\/families\/sessions\/:id/, 'session'],
  [/^\/api\/families\/counselling-extras\/:id/, 'extraRequest'],
  [/^\/api\/families\/group-plans\/:id/, 'groupPlan'],
  [/^\/api\/families\/groups\/:id/, 'supportGroup'],
  [/^\/api\/families\/monthly-reports\/:id/, 'monthlyReport'],
  [/^\/api\/families\/provider-reports\/:id/, 'providerReport'],
  [/^\/api\/families\/:id/, 'family'],
  [/^\/api\/trainings\/groups\/:id/, 'trainingGroup'],
  [/^\/api\/trainings\/registrations\/:id/, 'registration'],
  [/^\/api\/trainings\/:id/, 'training'],
  [/^\/api\/mediation\/proceedings\/:id/, 'proceeding'],
  [/^\/api\/mediation\/bookings\/:id/, 'booking'],
  [/^\/api\/mediation\/leave\/:id/, 'leave'],
  [/^\/api\/mediation\/threads\/:id/, 'thread'],
  [/^\/api\/mediation\/files\/:id/, 'mediationFile'],
  [/^\/api\/mediation\/register-deliveries\/:id/, 'delivery'],
  [/^\/api\/programme\/plans\/:year/, 'plan'],
  [/^\/api\/programme\/subactivities\/:id/, 'subactivity'],
  [/^\/api\/grants\/rounds\/:id/, 'round'],
  [/^\/api\/grants\/applications\/:id/, 'application'],
];

/**
 * Routes whose answer differs from the kind's table for a documented reason,
 * keyed `METHOD url`: the roles for which the own record is not reachable
 * through this route although they reach the record.
 */
export const NOT_REACHABLE_THROUGH_ROUTE: Record<string, { roles: Role[]; why: string }> = {};
