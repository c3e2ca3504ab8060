import type { OrganisationKind, Role } from '../../platform/auth/roles';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  active: boolean;
  personalCode: string | null;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  personalCode?: string;
  password: string;
}

export interface UserChanges {
  version: number;
  name?: string;
  email?: string;
  role?: Role;
  organisationId?: string;
  personalCode?: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  registryCode: string | null;
  county: string | null;
  population: number | null;
  island: boolean;
  regionalSpecialistId: string | null;
  regionalSpecialistName: string | null;
  active: boolean;
  version: number;
}

export interface OrganisationFields {
  name: string;
  kind: OrganisationKind;
  registryCode?: string | null;
  county?: string | null;
  population?: number | null;
  island?: boolean;
}

export interface OrganisationOption {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface MailItem {
  id: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface MailDetail extends MailItem {
  bodyText: string;
}
