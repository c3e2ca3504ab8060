import type { OrganisationKind, Role } from '../db/schema.js';

/** The logged-in user as the policy sees them: built once per request from the session. */
export interface Actor {
  userId: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** The person record of a self-service client (their own data). */
  personId: string | null;
}
