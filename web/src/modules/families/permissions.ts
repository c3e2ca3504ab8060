import type { Role } from '../../platform/auth/roles';
import type { EpisodeDetail, ReferralDetail } from './types';

const PROVIDER: readonly Role[] = ['provider_admin', 'provider_specialist'];
const is = (role: Role, ...roles: Role[]) => roles.includes(role);

/** Who may do what in module B (server routes' `access` lists plus the record's state). */
export const familyCan = {
  create: (role: Role) => is(role, 'kov_worker', 'ska_contact', 'provider_admin'),
  edit: (role: Role) => is(role, 'kov_worker', 'ska_contact', 'provider_admin', 'provider_specialist'),
  addPeople: (role: Role) => is(role, 'kov_worker', 'ska_contact', 'provider_admin'),
  refer: (role: Role) => is(role, 'kov_worker', 'ska_contact', 'provider_admin'),
  priorPeriod: (role: Role) => is(role, 'ska_contact', 'provider_admin'),
  agencyGap: (role: Role) => role === 'ska_contact',
};

export function referralCan(role: Role, r: ReferralDetail) {
  return {
    check: role === 'ska_contact' && r.status === 'submitted',
    withdraw: is(role, 'kov_worker', 'ska_contact', 'provider_admin') && (r.status === 'submitted' || r.status === 'forwarded'),
    firstContact: PROVIDER.includes(role) && (r.status === 'forwarded' || r.status === 'started') && !r.firstContactOn,
    start: role === 'provider_admin' && r.status === 'forwarded',
  };
}

export function episodeCan(role: Role, e: EpisodeDetail) {
  const provider = PROVIDER.includes(role);
  const running = e.status !== 'ended';
  return {
    contact: provider && running && e.status === 'active',
    continuedContact: provider && e.status === 'ended' && e.continuedSupport,
    agreement: provider && running,
    goals: provider && running && e.kind === 'needs_based',
    kovReport: provider && e.kovReporting.involved && Boolean(e.agreement),
    end: provider && running,
    assign: role === 'provider_admin' && running,
    switch: role === 'provider_admin' && running && e.kind === 'needs_based',
    afterEnd: provider && e.status === 'ended',
  };
}

export type EpisodePermissions = ReturnType<typeof episodeCan>;
