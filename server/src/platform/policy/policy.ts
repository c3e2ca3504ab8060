import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB, Role } from '../db/schema.js';
import type { Actor } from './actor.js';

/**
 * The one access policy (SPEC §1). Two questions, both deny by default:
 *  - `can(actor, resource, action)`: may this role do this kind of thing at all?
 *  - `*Scope(actor)`: which rows? Returned as a WHERE expression that every list
 *    and detail query applies, so a list never fetches a row the user may not
 *    open, and a record outside the scope answers 404.
 */
export type Resource = 'user' | 'organisation' | 'person' | 'audit_log' | 'mail_outbox' | 'own_account' | 'case' | FamiliesResource | FamilyServicesResource | TrainingsResource | ProgrammeGrantsResource | MediationResource;
/** Module B part 1 (foster-family support). */
export type FamiliesResource = 'family' | 'family_referral' | 'family_episode' | 'provider_contract' | 'provider_specialist';
/**
 * Module B part 2: mentoring/counselling sessions (with SKA's extra-session
 * approvals), support groups, monthly reports (with e-invoices) and monitoring
 * reports; `service_confirmation` is a self-service client confirming the
 * services they received (B-REP-1 recipient signature).
 */
export type FamilyServicesResource = 'service_session' | 'support_group' | 'monthly_report' | 'provider_report' | 'service_confirmation';
/**
 * Module C: the training catalogue, groups (merging and cancelling a group is
 * `approve`), registrations, the trainer's attendance and the feedback questionnaire.
 */
export type TrainingsResource = 'training' | 'training_group' | 'training_registration' | 'training_attendance' | 'training_feedback';
export type Action = 'read' | 'create' | 'update' | 'assign' | 'approve';

const R: Action[] = ['read'];
const RCU: Action[] = ['read', 'create', 'update'];
/** SKA staff read every training, group, registration, attendance and feedback summary. */
const TRAININGS_READ = { training: R, training_group: R, training_registration: R, training_attendance: R, training_feedback: R };

const PERMISSIONS: Record<Role, Partial<Record<Resource, Action[]>>> = {
  ska_specialist: { person: RCU, own_account: RCU, case: ['read', 'update'], ...TRAININGS_READ },
  ska_contact: { person: RCU, own_account: RCU, family: RCU, family_referral: [...RCU, 'approve'], family_episode: ['read', 'approve'], provider_contract: RCU, provider_specialist: ['read', 'approve'], service_session: ['read', 'approve'], support_group: ['read', 'approve'], monthly_report: ['read', 'approve'], provider_report: R, ...TRAININGS_READ,
    mediation_proceeding: [...RCU, 'assign'], mediation_booking: R, mediation_availability: R, mediation_message: ['read', 'create'], mediation_agreement: R, register_delivery: ['read', 'update'] },
  ska_manager: { person: R, own_account: RCU, case: ['read', 'assign'], family: R, family_referral: R, family_episode: R, provider_contract: R, provider_specialist: R, service_session: R, support_group: R, monthly_report: R, provider_report: R,
    training: RCU, training_group: [...RCU, 'approve'], training_registration: ['read', 'update'], training_attendance: ['read', 'update'], training_feedback: R,
    programme_plan: R, mediation_proceeding: R, mediation_booking: R, mediation_availability: R, mediation_message: R, mediation_agreement: R, register_delivery: R },
  kov_worker: { person: RCU, own_account: RCU, case: RCU, family: RCU, family_referral: ['read', 'create'], family_episode: R, training: R, training_group: R, training_registration: RCU, training_feedback: ['create'],
    grant_round: R, grant_application: RCU },
  provider_admin: { person: RCU, own_account: RCU, family: RCU, family_referral: RCU, family_episode: [...RCU, 'assign'], provider_contract: R, provider_specialist: RCU, service_session: RCU, support_group: RCU, monthly_report: RCU, provider_report: RCU },
  provider_specialist: { person: RCU, own_account: RCU, family: ['read', 'update'], family_referral: ['read', 'update'], family_episode: ['read', 'update'], provider_specialist: R, service_session: RCU, support_group: ['read', 'update'], monthly_report: ['read', 'update'] },
  ministry_officer: { own_account: RCU, programme_plan: RCU, grant_round: RCU, grant_application: ['read', 'approve'] },
  trainer: { own_account: RCU, training: R, training_group: R, training_registration: R, training_attendance: ['read', 'update'], training_feedback: R },
  mediator: { person: RCU, own_account: RCU, mediation_proceeding: ['read', 'update'], mediation_booking: RCU, mediation_availability: RCU, mediation_message: ['read', 'create'], mediation_agreement: ['read', 'create'] },
  client: { person: R, own_account: RCU, service_confirmation: ['read', 'update'],
    mediation_proceeding: ['read', 'update'], mediation_booking: RCU, mediation_message: ['read', 'create'], mediation_agreement: R },
  admin: { user: RCU, organisation: RCU, mail_outbox: R, own_account: RCU },
  auditor: { audit_log: R, own_account: RCU },
};

export function can(actor: Actor, resource: Resource, action: Action): boolean {
  return PERMISSIONS[actor.role][resource]?.includes(action) ?? false;
}

/** The roles that may do `action` on `resource` at all: a route's guard, from the same table. */
export function rolesWith(resource: Resource, action: Action = 'read'): Role[] {
  return (Object.keys(PERMISSIONS) as Role[]).filter((role) => PERMISSIONS[role][resource]?.includes(action));
}

const NOTHING = sql<SqlBool>`false`;

/** Roles whose person access follows their organisation's links; the others follow their own. */
const ORGANISATION_WIDE: ReadonlySet<Role> = new Set(['ska_specialist', 'ska_contact', 'ska_manager', 'kov_worker', 'provider_admin']);
const PERSONAL: ReadonlySet<Role> = new Set(['provider_specialist', 'mediator']);
/**
 * SKA is one organisation with separate services. A link's reason says which service recorded
 * the person, and a chief specialist (consultation cases) or the support-services contact sees
 * only the people of their own service; the manager sees the whole department. Without this a
 * regional specialist could open every foster parent and every mediation party in the country
 * (found by the authorisation matrix, issue 10).
 */
const SKA_SERVICE_REASONS: Partial<Record<Role, readonly string[]>> = {
  ska_specialist: ['case', 'registered', 'demo'],
  ska_contact: ['family', 'specialist', 'mediation', 'registered', 'demo'],
};

/**
 * People a user may see: those linked to their organisation (or, for a family
 * supporter or mediator, to them personally) by a record Tugi holds; a client
 * sees only themselves. Modules add links when they record a person in a case,
 * family or booking.
 */
export function personScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'people'>): Expression<SqlBool> => {
    if (!can(actor, 'person', action)) return NOTHING;
    if (actor.role === 'client') return actor.personId ? eb('people.id', '=', actor.personId) : NOTHING;
    const links = eb.selectFrom('person_links').select(sql`1`.as('one')).whereRef('person_links.person_id', '=', 'people.id');
    const reasons = SKA_SERVICE_REASONS[actor.role];
    if (reasons) return eb.exists(links.where('person_links.organisation_id', '=', actor.organisationId).where('person_links.reason', 'in', reasons));
    if (ORGANISATION_WIDE.has(actor.role)) return eb.exists(links.where('person_links.organisation_id', '=', actor.organisationId));
    if (PERSONAL.has(actor.role)) return eb.exists(links.where('person_links.user_id', '=', actor.userId));
    return NOTHING;
  };
}

/** Users: an administrator manages all accounts; everyone else reaches only their own. */
export function userScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'users'>): Expression<SqlBool> => {
    if (can(actor, 'user', action)) return sql<SqlBool>`true`;
    return can(actor, 'own_account', action) ? eb('users.id', '=', actor.userId) : NOTHING;
  };
}

/** Organisations' records (not their names, which are public) are an administrator's. */
export function organisationScope(actor: Actor, action: Action = 'read') {
  return (_eb: ExpressionBuilder<DB, 'organisations'>): Expression<SqlBool> =>
    can(actor, 'organisation', action) ? sql<SqlBool>`true` : NOTHING;
}

/** The audit log is the data protection officer's. */
export function auditScope(actor: Actor) {
  return (_eb: ExpressionBuilder<DB, 'audit_log'>): Expression<SqlBool> =>
    can(actor, 'audit_log', 'read') ? sql<SqlBool>`true` : NOTHING;
}

export function mailScope(actor: Actor) {
  return (_eb: ExpressionBuilder<DB, 'mail_outbox'>): Expression<SqlBool> =>
    can(actor, 'mail_outbox', 'read') ? sql<SqlBool>`true` : NOTHING;
}

/**
 * Consultation cases (module A): a KOV worker sees their municipality's cases;
 * an SKA chief specialist the cases assigned to them and their team's (regional
 * specialists share domestic and KLAT cases, the international and RV teams
 * theirs, so colleagues can stand in); the manager sees the whole department.
 */
export function caseScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    if (!can(actor, 'case', action)) return NOTHING;
    if (actor.role === 'kov_worker') return eb('cases.kov_organisation_id', '=', actor.organisationId);
    if (actor.role === 'ska_manager') return sql<SqlBool>`true`;
    if (actor.role !== 'ska_specialist') return NOTHING;
    const isRegional = eb.exists(eb.selectFrom('organisations').select(sql`1`.as('one')).where('organisations.regional_specialist_id', '=', actor.userId));
    const inTeam = eb.exists(
      eb.selectFrom('case_team_members').select(sql`1`.as('one')).where('case_team_members.user_id', '=', actor.userId).whereRef('case_team_members.case_type', '=', 'cases.type'),
    );
    return eb.or([eb('cases.assigned_specialist_id', '=', actor.userId), eb.and([eb('cases.type', 'in', ['domestic', 'klat_opinion']), isRegional]), inTeam]);
  };
}

// --- Module B part 1: foster-family support ------------------------------------------

type FamiliesEb = ExpressionBuilder<DB, 'families'>;
const TRUE = sql<SqlBool>`true`;

/**
 * A KOV worker sees the families of their municipality (of residence or as
 * guardian) and those their KOV referred, except an adoptive family that
 * declined KOV involvement (B-KOV: nothing goes to the KOV, so nothing is shown).
 */
function kovSeesFamily(eb: FamiliesEb, organisationId: string): Expression<SqlBool> {
  const referred = eb.exists(
    eb.selectFrom('family_referrals as kr').select(sql`1`.as('one')).whereRef('kr.family_id', '=', 'families.id').where('kr.kov_organisation_id', '=', organisationId),
  );
  return eb.and([
    linkedOrganisation(organisationId),
    eb.or([eb('families.kov_organisation_id', '=', organisationId), eb('families.guardian_kov_organisation_id', '=', organisationId), referred]),
    eb.or([eb('families.type', '!=', 'lapsendaja'), eb('families.kov_involvement_consent', '=', true)]),
  ]);
}

/** A provider's families: those that turned to it, were forwarded to it or are served by it. */
function providerSeesFamily(eb: FamiliesEb, organisationId: string): Expression<SqlBool> {
  return eb.and([linkedOrganisation(organisationId), providerPaths(eb, organisationId)]);
}

/**
 * The family's access arrays (migration 0013) name this organisation or user: a GIN index lookup
 * that lets the planner start from the few families in scope. Always ANDed with the full path
 * condition, so it only narrows (a stale array hides, never shows).
 */
function linkedOrganisation(organisationId: string): Expression<SqlBool> {
  return sql<SqlBool>`families.access_org_ids @> array[${organisationId}]::uuid[]`;
}

function linkedUser(userId: string): Expression<SqlBool> {
  return sql<SqlBool>`families.access_user_ids @> array[${userId}]::uuid[]`;
}

function providerPaths(eb: FamiliesEb, organisationId: string): Expression<SqlBool> {
  return eb.or([
    eb('families.intake_provider_id', '=', organisationId),
    eb.exists(eb.selectFrom('family_referrals as pr').select(sql`1`.as('one')).whereRef('pr.family_id', '=', 'families.id').where('pr.provider_organisation_id', '=', organisationId)),
    eb.exists(eb.selectFrom('family_episodes as pe').select(sql`1`.as('one')).whereRef('pe.family_id', '=', 'families.id').where('pe.provider_organisation_id', '=', organisationId)),
  ]);
}

/** A family supporter's families: those with an episode (running or ended) assigned to them. */
function specialistSeesFamily(eb: FamiliesEb, userId: string): Expression<SqlBool> {
  return eb.and([linkedUser(userId), assignedEpisode(eb, userId)]);
}

function assignedEpisode(eb: FamiliesEb, userId: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('family_episodes as se')
      .innerJoin('provider_specialists as ss', 'ss.id', 'se.specialist_id')
      .select(sql`1`.as('one'))
      .whereRef('se.family_id', '=', 'families.id')
      .where('ss.user_id', '=', userId),
  );
}

/**
 * Foster, guardianship and adoptive families (module B): the SKA contact and
 * the manager see all; a KOV worker their municipality's (see kovSeesFamily);
 * a provider its own; a family supporter the families they serve.
 */
export function familyScope(actor: Actor, action: Action = 'read') {
  return (eb: FamiliesEb): Expression<SqlBool> => {
    if (!can(actor, 'family', action)) return NOTHING;
    switch (actor.role) {
      case 'ska_contact':
      case 'ska_manager':
        return TRUE;
      case 'kov_worker':
        return kovSeesFamily(eb, actor.organisationId);
      case 'provider_admin':
        return providerSeesFamily(eb, actor.organisationId);
      case 'provider_specialist':
        return specialistSeesFamily(eb, actor.userId);
      default:
        return NOTHING;
    }
  };
}

/** The family of a referral or episode is in the (read) family scope of the user. */
function familyVisible(eb: ExpressionBuilder<DB, any>, actor: Actor, familyIdColumn: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('families')
      .select(sql`1`.as('one'))
      .whereRef('families.id', '=', sql.ref(familyIdColumn) as never)
      .where((fb) => familyScope(actor)(fb as FamiliesEb)),
  );
}

/**
 * Referrals: the SKA contact and manager see all; a KOV worker those of the
 * families they see; a provider those forwarded to it (or that it recorded);
 * a family supporter those behind their episodes.
 */
export function referralScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'family_referrals'>): Expression<SqlBool> => {
    if (!can(actor, 'family_referral', action)) return NOTHING;
    switch (actor.role) {
      case 'ska_contact':
      case 'ska_manager':
        return TRUE;
      case 'kov_worker':
        return familyVisible(eb, actor, 'family_referrals.family_id');
      case 'provider_admin':
        return eb('family_referrals.provider_organisation_id', '=', actor.organisationId);
      case 'provider_specialist':
        return eb.exists(
          eb
            .selectFrom('family_episodes as re')
            .innerJoin('provider_specialists as rs', 'rs.id', 're.specialist_id')
            .select(sql`1`.as('one'))
            .whereRef('re.referral_id', '=', 'family_referrals.id')
            .where('rs.user_id', '=', actor.userId),
        );
      default:
        return NOTHING;
    }
  };
}

/** Service episodes: a provider its own, a family supporter those assigned to them, a KOV worker those of its families. */
export function episodeScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'family_episodes'>): Expression<SqlBool> => {
    if (!can(actor, 'family_episode', action)) return NOTHING;
    switch (actor.role) {
      case 'ska_contact':
      case 'ska_manager':
        return TRUE;
      case 'kov_worker':
        return familyVisible(eb, actor, 'family_episodes.family_id');
      case 'provider_admin':
        return eb('family_episodes.provider_organisation_id', '=', actor.organisationId);
      case 'provider_specialist':
        return eb.exists(
          eb.selectFrom('provider_specialists as es').select(sql`1`.as('one')).whereRef('es.id', '=', 'family_episodes.specialist_id').where('es.user_id', '=', actor.userId),
        );
      default:
        return NOTHING;
    }
  };
}

/** Provider contracts: SKA sees all, a provider's project manager their own. */
export function contractScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'provider_contracts'>): Expression<SqlBool> => {
    if (!can(actor, 'provider_contract', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('provider_contracts.provider_organisation_id', '=', actor.organisationId);
    return TRUE;
  };
}

/** Specialists: SKA sees all, a provider its own team, a specialist their own record. */
export function specialistScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'provider_specialists'>): Expression<SqlBool> => {
    if (!can(actor, 'provider_specialist', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('provider_specialists.provider_organisation_id', '=', actor.organisationId);
    if (actor.role === 'provider_specialist') return eb('provider_specialists.user_id', '=', actor.userId);
    return TRUE;
  };
}

// --- Module B part 2: sessions, groups, reports --------------------------------------

/** The user is the provider specialist with this id (a subquery on provider_specialists). */
function isSpecialist(eb: ExpressionBuilder<DB, any>, actor: Actor, specialistIdColumn: string): Expression<SqlBool> {
  return eb.exists(
    eb.selectFrom('provider_specialists as own').select(sql`1`.as('one')).whereRef('own.id', '=', sql.ref(specialistIdColumn) as never).where('own.user_id', '=', actor.userId),
  );
}

const isSka = (actor: Actor) => actor.role === 'ska_contact' || actor.role === 'ska_manager';

/** Mentoring and counselling sessions: SKA all, a provider its own, a specialist those they held. */
export function sessionScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'service_sessions'>): Expression<SqlBool> => {
    if (!can(actor, 'service_session', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('service_sessions.provider_organisation_id', '=', actor.organisationId);
    if (actor.role === 'provider_specialist') return isSpecialist(eb, actor, 'service_sessions.specialist_id');
    return isSka(actor) ? TRUE : NOTHING;
  };
}

/** SKA's extra-session approvals (B-PSY-1): SKA all, a provider (and its specialists) its own requests. */
export function extraRequestScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'counselling_extra_requests'>): Expression<SqlBool> => {
    if (!can(actor, 'service_session', action)) return NOTHING;
    if (actor.role === 'provider_admin' || actor.role === 'provider_specialist') return eb('counselling_extra_requests.provider_organisation_id', '=', actor.organisationId);
    return isSka(actor) ? TRUE : NOTHING;
  };
}

/** Support groups: a provider its own; its group leaders the groups they lead; SKA those in submitted plans. */
export function supportGroupScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'support_groups'>): Expression<SqlBool> => {
    if (!can(actor, 'support_group', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('support_groups.provider_organisation_id', '=', actor.organisationId);
    if (actor.role === 'provider_specialist') return isSpecialist(eb, actor, 'support_groups.leader_specialist_id');
    if (!isSka(actor)) return NOTHING;
    return eb.exists(eb.selectFrom('support_group_plans as sp').select(sql`1`.as('one')).whereRef('sp.id', '=', 'support_groups.plan_id').where('sp.status', '=', 'submitted'));
  };
}

/** Group plans: a provider its own, SKA the submitted ones. */
export function groupPlanScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'support_group_plans'>): Expression<SqlBool> => {
    if (!can(actor, 'support_group', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('support_group_plans.provider_organisation_id', '=', actor.organisationId);
    return isSka(actor) ? eb('support_group_plans.status', '=', 'submitted') : NOTHING;
  };
}

/**
 * Monthly reports: a provider its own; SKA those submitted at least once (a
 * draft is the provider's work in progress); a specialist the reports that
 * contain their work, of which services show them only their own lines.
 */
export function monthlyReportScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'monthly_reports'>): Expression<SqlBool> => {
    if (!can(actor, 'monthly_report', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('monthly_reports.provider_organisation_id', '=', actor.organisationId);
    if (actor.role === 'provider_specialist') {
      return eb.exists(
        eb
          .selectFrom('monthly_report_lines as sl')
          .innerJoin('provider_specialists as ls', 'ls.id', 'sl.specialist_id')
          .select(sql`1`.as('one'))
          .whereRef('sl.report_id', '=', 'monthly_reports.id')
          .where('ls.user_id', '=', actor.userId),
      );
    }
    return isSka(actor) ? eb('monthly_reports.submitted_on', 'is not', null) : NOTHING;
  };
}

/** Monitoring and final reports (B-REP-3): a provider its own, SKA the submitted ones. */
export function providerReportScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'provider_reports'>): Expression<SqlBool> => {
    if (!can(actor, 'provider_report', action)) return NOTHING;
    if (actor.role === 'provider_admin') return eb('provider_reports.provider_organisation_id', '=', actor.organisationId);
    return isSka(actor) ? eb('provider_reports.status', '=', 'submitted') : NOTHING;
  };
}

/** A self-service client's own families (as a parent), for confirming the services received. */
export function clientFamilyScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'families'>): Expression<SqlBool> => {
    if (!can(actor, 'service_confirmation', action) || !actor.personId) return NOTHING;
    return eb.exists(eb.selectFrom('family_parents as cp').select(sql`1`.as('one')).whereRef('cp.family_id', '=', 'families.id').where('cp.person_id', '=', actor.personId));
  };
}

// --- Module C: trainings ----------------------------------------------------------------

const isSkaStaff = (actor: Actor) => actor.role === 'ska_specialist' || actor.role === 'ska_contact' || actor.role === 'ska_manager';

/** The group (by its id column) is led by this trainer. */
function leadsGroup(eb: ExpressionBuilder<DB, any>, actor: Actor, groupIdColumn: string): Expression<SqlBool> {
  return eb.exists(
    eb.selectFrom('training_groups as led').select(sql`1`.as('one')).whereRef('led.id', '=', sql.ref(groupIdColumn) as never).where('led.trainer_user_id', '=', actor.userId),
  );
}

/**
 * The catalogue (C-1): SKA sees every training; a KOV worker the published
 * ones; a trainer the trainings in which they lead a group.
 */
export function trainingScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'trainings'>): Expression<SqlBool> => {
    if (!can(actor, 'training', action)) return NOTHING;
    if (isSkaStaff(actor)) return TRUE;
    if (actor.role === 'kov_worker') return eb('trainings.status', '=', 'published');
    if (actor.role === 'trainer') {
      return eb.exists(eb.selectFrom('training_groups as tg').select(sql`1`.as('one')).whereRef('tg.training_id', '=', 'trainings.id').where('tg.trainer_user_id', '=', actor.userId));
    }
    return NOTHING;
  };
}

/** Groups (C-2): SKA all; a KOV worker those of published trainings; a trainer only the groups they lead. */
export function trainingGroupScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'training_groups'>): Expression<SqlBool> => {
    if (!can(actor, 'training_group', action)) return NOTHING;
    if (isSkaStaff(actor)) return TRUE;
    if (actor.role === 'trainer') return eb('training_groups.trainer_user_id', '=', actor.userId);
    if (actor.role === 'kov_worker') {
      return eb.exists(eb.selectFrom('trainings as pt').select(sql`1`.as('one')).whereRef('pt.id', '=', 'training_groups.training_id').where('pt.status', '=', 'published'));
    }
    return NOTHING;
  };
}

/**
 * Attendance (C-5) is taken by the group's trainer; the SKA manager may
 * correct it; other SKA staff read it. A scope on groups.
 */
export function trainingAttendanceScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'training_groups'>): Expression<SqlBool> => {
    if (!can(actor, 'training_attendance', action)) return NOTHING;
    if (isSkaStaff(actor)) return TRUE;
    return actor.role === 'trainer' ? eb('training_groups.trainer_user_id', '=', actor.userId) : NOTHING;
  };
}

/**
 * Registrations (C-3): SKA all; a KOV worker those of their municipality
 * (their own and the colleagues' they may register); a trainer those of the
 * groups they lead.
 */
export function trainingRegistrationScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'training_registrations'>): Expression<SqlBool> => {
    if (!can(actor, 'training_registration', action)) return NOTHING;
    if (isSkaStaff(actor)) return TRUE;
    if (actor.role === 'kov_worker') return eb('training_registrations.organisation_id', '=', actor.organisationId);
    if (actor.role === 'trainer') return leadsGroup(eb, actor, 'training_registrations.group_id');
    return NOTHING;
  };
}

/** Feedback answers (C-5), only ever summarised: SKA all, a trainer their groups'. A KOV worker only gives their own. */
export function trainingFeedbackScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'training_feedback'>): Expression<SqlBool> => {
    if (!can(actor, 'training_feedback', action)) return NOTHING;
    if (isSkaStaff(actor)) return TRUE;
    return actor.role === 'trainer' ? leadsGroup(eb, actor, 'training_feedback.group_id') : NOTHING;
  };
}

/** Who may open which record type: used by "who accessed this" to check the record first. */
export type AuditedRecordType = 'person' | 'user' | 'organisation';

// --- Module E: family mediation --------------------------------------------------------

/**
 * Module E (SPEC §8): proceedings with their parties' profile, bookings,
 * mediators' availability, correspondence with decisions, parenting agreements
 * and their delivery to the population register; the SKA contact is the
 * service's coordinator.
 */
export type MediationResource = 'mediation_proceeding' | 'mediation_booking' | 'mediation_availability' | 'mediation_message' | 'mediation_agreement' | 'register_delivery';

/**
 * Proceedings: SKA sees all; a mediator those assigned to them now (a refused
 * mediator loses them); a self-service client those where they are a parent.
 */
export function mediationProceedingScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'mediation_proceedings'>): Expression<SqlBool> => {
    if (!can(actor, 'mediation_proceeding', action)) return NOTHING;
    switch (actor.role) {
      case 'ska_contact':
      case 'ska_manager':
        return TRUE;
      case 'mediator':
        return eb('mediation_proceedings.mediator_id', '=', actor.userId);
      case 'client':
        if (!actor.personId) return NOTHING;
        return eb.exists(
          eb
            .selectFrom('mediation_parties as own')
            .select(sql`1`.as('one'))
            .whereRef('own.proceeding_id', '=', 'mediation_proceedings.id')
            .where('own.role', '=', 'parent')
            .where('own.person_id', '=', actor.personId),
        );
      default:
        return NOTHING;
    }
  };
}

/** A row of another mediation table whose proceeding (by its id column) the user may read. */
export function mediationProceedingVisible(eb: ExpressionBuilder<DB, any>, actor: Actor, proceedingIdColumn: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('mediation_proceedings')
      .select(sql`1`.as('one'))
      .whereRef('mediation_proceedings.id', '=', sql.ref(proceedingIdColumn) as never)
      .where((pb) => mediationProceedingScope(actor)(pb as ExpressionBuilder<DB, 'mediation_proceedings'>)),
  );
}

/** Bookings: those of the proceedings in scope; a mediator also sees every booking in their own calendar. */
export function mediationBookingScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'mediation_bookings'>): Expression<SqlBool> => {
    if (!can(actor, 'mediation_booking', action)) return NOTHING;
    if (actor.role === 'mediator') return eb('mediation_bookings.mediator_id', '=', actor.userId);
    return mediationProceedingVisible(eb, actor, 'mediation_bookings.proceeding_id');
  };
}

/** Messages and threads (E-MSG): those of the proceedings in scope. */
export function mediationMessageScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'mediation_threads'>): Expression<SqlBool> => {
    if (!can(actor, 'mediation_message', action)) return NOTHING;
    return mediationProceedingVisible(eb, actor, 'mediation_threads.proceeding_id');
  };
}

/** Register deliveries (E-REG) are SKA's. */
export function registerDeliveryScope(actor: Actor, action: Action = 'read') {
  return (_eb: ExpressionBuilder<DB, 'mediation_register_outbox'>): Expression<SqlBool> => (can(actor, 'register_delivery', action) ? TRUE : NOTHING);
}

// --- Module D: programme plan and grant rounds -----------------------------------------

/**
 * Module D (SPEC §7): the programme plan (D-PLAN), grant rounds (D-GRANT-1) and
 * the KOVs' applications (D-GRANT-2..3, D-SOS-ORDER, D-CONTRACT). Checking,
 * deciding and sending the contract is `approve`; a KOV worker writes their
 * municipality's applications.
 */
export type ProgrammeGrantsResource = 'programme_plan' | 'grant_round' | 'grant_application';

/** Grant rounds: the ministry sees all; a KOV worker those announced by `today` (an unannounced round answers 404). */
export function grantRoundScope(actor: Actor, today: string, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'grant_rounds'>): Expression<SqlBool> => {
    if (!can(actor, 'grant_round', action)) return NOTHING;
    if (actor.role === 'ministry_officer') return TRUE;
    return actor.role === 'kov_worker' ? eb('grant_rounds.announced_on', '<=', today) : NOTHING;
  };
}

/**
 * Applications: a KOV worker those of their municipality (drafts included); the
 * ministry the submitted ones (a draft is the KOV's own work until it is sent).
 */
export function grantApplicationScope(actor: Actor, action: Action = 'read') {
  return (eb: ExpressionBuilder<DB, 'grant_applications'>): Expression<SqlBool> => {
    if (!can(actor, 'grant_application', action)) return NOTHING;
    if (actor.role === 'kov_worker') return eb('grant_applications.kov_organisation_id', '=', actor.organisationId);
    return actor.role === 'ministry_officer' ? eb('grant_applications.status', '!=', 'draft') : NOTHING;
  };
}
