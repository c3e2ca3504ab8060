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
  /**
   * People through links (decisions, "Access"): a person is visible to the organisations holding a record
   * about them; inside SKA each service sees its own people (a chief specialist those of cases, the contact
   * those of families and mediation) and the manager all; the others only people of their own records (a
   * supporter and a mediator their personal links); a client themselves.
   */
  person: { ska_specialist: 'own', ska_contact: 'all', ska_manager: 'all', kov_worker: 'own', provider_admin: 'own', provider_specialist: 'own', mediator: 'own', client: 'own' },
  /** "Who accessed this family": whoever may open the family. */
  auditFamily: FAMILY_RECORDS,
  /**
   * Consultation cases: a KOV its municipality's, the manager all; a chief specialist their own and their
   * team's: the regional specialists share domestic and KLAT cases nationwide (policy: "so colleagues can
   * stand in"), so their foreign case is another team's (an RV case).
   */
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
export const NOT_REACHABLE_THROUGH_ROUTE: Record<string, { roles: Role[]; why: string }> = {
  'PATCH /api/people/:id': { roles: ['ska_manager', 'client'], why: 'the SKA manager reads and changes nothing; a client reads their registry identity but does not edit it (404)' },
  'POST /api/people': { roles: ['ska_manager', 'client'], why: 'read-only roles of the person registry (403)' },
  'POST /api/trainings/registrations/:id/feedback': { roles: ['kov_worker'], why: 'feedback is given on one’s own registration only; the own record of the matrix is a colleague’s registration in the same KOV (404)' },
  'POST /api/mediation/proceedings/:id/consent': { roles: ['ska_contact'], why: 'SKA records a paper consent for a named party (partyId); without one the act is a parent’s own (403)' },
  'POST /api/mediation/proceedings/:id/refuse-mediator': { roles: ['ska_contact'], why: 'as consent: SKA acts only for a named party (403)' },
};

/**
 * Answers that may name records the principal cannot open, by design: route prefix, principals, the kinds
 * whose strings are allowed there, and why.
 */
export const SCAN_ALLOWED: { prefix: string; principals: Role[]; kinds: string[] | 'all'; why: string }[] = [
  { prefix: '/api/audit', principals: ['auditor'], kinds: 'all', why: 'the audit log is the data protection officer’s: it names every record and person accessed' },
  { prefix: '/api/people', principals: ['ska_manager'], kinds: ['family', 'case', 'proceeding'], why: 'the SKA manager sees the people every SKA service recorded (decisions, "Access")' },
  { prefix: '/api/people', principals: ['ska_contact'], kinds: ['family', 'proceeding'], why: 'the SKA contact sees the people of foster-family support and mediation' },
  { prefix: '/api/people', principals: ['ska_specialist'], kinds: ['case'], why: 'a chief specialist sees the people of consultation cases' },
];

/** Kinds whose ids are public (organisation names and ids are in every organisation picker). */
export const PUBLIC_KINDS: ReadonlySet<string> = new Set(['organisation']);
