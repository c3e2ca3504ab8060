import type { OrganisationKind, Role } from '../../platform/db/schema.js';

/**
 * Which organisations a role can belong to (SPEC §1): an SKA specialist works
 * for SKA, a KOV worker for a municipality, and so on.
 */
const ROLE_ORGANISATIONS: Record<Role, readonly OrganisationKind[]> = {
  ska_specialist: ['ska'],
  ska_contact: ['ska'],
  ska_manager: ['ska'],
  kov_worker: ['kov'],
  provider_admin: ['provider'],
  provider_specialist: ['provider'],
  ministry_officer: ['ministry'],
  trainer: ['training_provider', 'provider'],
  mediator: ['mediation', 'provider', 'ska'],
  client: ['other'],
  admin: ['ska', 'other'],
  auditor: ['ska', 'ministry', 'other'],
};

export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  return ROLE_ORGANISATIONS[role].includes(kind);
}

export function allowedOrganisationKinds(role: Role): readonly OrganisationKind[] {
  return ROLE_ORGANISATIONS[role];
}
