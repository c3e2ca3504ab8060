export const ROLES = [
  'ska_specialist',
  'ska_contact',
  'ska_manager',
  'kov_worker',
  'provider_admin',
  'provider_specialist',
  'ministry_officer',
  'trainer',
  'mediator',
  'client',
  'admin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that work with people records (children, parents). */
export const PEOPLE_ROLES: readonly Role[] = [
  'ska_specialist',
  'ska_contact',
  'ska_manager',
  'kov_worker',
  'provider_admin',
  'provider_specialist',
  'mediator',
];

/** Roles that work with module B's foster-family support (families, referrals, episodes). */
export const FAMILY_ROLES: readonly Role[] = ['ska_contact', 'ska_manager', 'kov_worker', 'provider_admin', 'provider_specialist'];

/** Roles that work with module C's trainings (catalogue, calendar, groups). */
export const TRAINING_ROLES: readonly Role[] = ['ska_manager', 'ska_specialist', 'ska_contact', 'kov_worker', 'trainer'];

/** Roles that work with module A's consultation cases. */
export const CASE_ROLES: readonly Role[] = ['kov_worker', 'ska_specialist', 'ska_manager'];

export const ORGANISATION_KINDS = [
  'ska',
  'ministry',
  'kov',
  'provider',
  'training_provider',
  'mediation',
  'other',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
