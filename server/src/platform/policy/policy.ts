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
export type Resource = 'user' | 'organisation' | 'person' | 'audit_log' | 'mail_outbox' | 'own_account' | 'case';
export type Action = 'read' | 'create' | 'update' | 'assign';

const R: Action[] = ['read'];
const RCU: Action[] = ['read', 'create', 'update'];

const PERMISSIONS: Record<Role, Partial<Record<Resource, Action[]>>> = {
  ska_specialist: { person: RCU, own_account: RCU, case: ['read', 'update'] },
  ska_contact: { person: RCU, own_account: RCU },
  ska_manager: { person: R, own_account: RCU, case: ['read', 'assign'] },
  kov_worker: { person: RCU, own_account: RCU, case: RCU },
  provider_admin: { person: RCU, own_account: RCU },
  provider_specialist: { person: RCU, own_account: RCU },
  ministry_officer: { own_account: RCU },
  trainer: { own_account: RCU },
  mediator: { person: RCU, own_account: RCU },
  client: { person: R, own_account: RCU },
  admin: { user: RCU, organisation: RCU, mail_outbox: R, own_account: RCU },
  auditor: { audit_log: R, own_account: RCU },
};

export function can(actor: Actor, resource: Resource, action: Action): boolean {
  return PERMISSIONS[actor.role][resource]?.includes(action) ?? false;
}

const NOTHING = sql<SqlBool>`false`;

/** Roles whose person access follows their organisation's links; the others follow their own. */
const ORGANISATION_WIDE: ReadonlySet<Role> = new Set(['ska_specialist', 'ska_contact', 'ska_manager', 'kov_worker', 'provider_admin']);
const PERSONAL: ReadonlySet<Role> = new Set(['provider_specialist', 'mediator']);

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

/** Who may open which record type: used by "who accessed this" to check the record first. */
export type AuditedRecordType = 'person' | 'user' | 'organisation';
