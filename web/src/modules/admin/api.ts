import { useQuery } from '@tanstack/react-query';
import { get, patch, post, put } from '../../platform/api/client';
import type { Page } from '../../platform/api/pagination';
import type {
  AdminUser,
  MailDetail,
  NewUser,
  Organisation,
  OrganisationFields,
  OrganisationOption,
  UserChanges,
} from './types';

export const USERS_PATH = '/api/admin/users';
export const ORGANISATIONS_PATH = '/api/admin/organisations';
export const MAIL_PATH = '/api/admin/mail';

export const userKeys = { all: ['admin-users'] as const, one: (id: string) => ['admin-users', 'one', id] as const };
export const orgKeys = { all: ['admin-organisations'] as const, one: (id: string) => ['admin-organisations', 'one', id] as const };
export const mailKeys = { all: ['admin-mail'] as const, one: (id: string) => ['admin-mail', 'one', id] as const };

const enc = encodeURIComponent;

// Users
export const fetchUser = (id: string, signal?: AbortSignal) => get<AdminUser>(`${USERS_PATH}/${enc(id)}`, undefined, signal);
export const createUser = (body: NewUser) => post<AdminUser>(USERS_PATH, body);
export const updateUser = (id: string, body: UserChanges) => patch<AdminUser>(`${USERS_PATH}/${enc(id)}`, body);
export const setUserActive = (id: string, version: number, active: boolean) =>
  post<AdminUser>(`${USERS_PATH}/${enc(id)}/${active ? 'activate' : 'deactivate'}`, { version });
export const setUserPassword = (id: string, version: number, password: string) =>
  post<AdminUser>(`${USERS_PATH}/${enc(id)}/password`, { version, password });

// Organisations
export const fetchOrganisation = (id: string, signal?: AbortSignal) =>
  get<Organisation>(`${ORGANISATIONS_PATH}/${enc(id)}`, undefined, signal);
export const createOrganisation = (body: OrganisationFields) => post<Organisation>(ORGANISATIONS_PATH, body);
export const updateOrganisation = (id: string, body: Partial<OrganisationFields> & { version: number }) =>
  patch<Organisation>(`${ORGANISATIONS_PATH}/${enc(id)}`, body);
export const setOrganisationActive = (id: string, version: number, active: boolean) =>
  post<Organisation>(`${ORGANISATIONS_PATH}/${enc(id)}/${active ? 'activate' : 'deactivate'}`, { version });
export const setRegionalSpecialist = (id: string, version: number, userId: string | null) =>
  put<Organisation>(`${ORGANISATIONS_PATH}/${enc(id)}/regional-specialist`, { version, userId });

// Mail
export const fetchMail = (id: string, signal?: AbortSignal) => get<MailDetail>(`${MAIL_PATH}/${enc(id)}`, undefined, signal);

/** Organisations for selects (GET /api/organisations/options). */
export function useOrganisationOptions(kind?: string) {
  return useQuery({
    queryKey: ['organisation-options', kind ?? ''],
    queryFn: ({ signal }) => get<{ items: OrganisationOption[] }>('/api/organisations/options', { kind }, signal),
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}

/** Active SKA chief specialists, for the regional specialist select (rule A-ASSIGN). */
export function useSkaSpecialists() {
  return useQuery({
    queryKey: ['admin-users', 'ska-specialists'],
    queryFn: ({ signal }) =>
      get<Page<AdminUser>>(USERS_PATH, { role: 'ska_specialist', active: true, limit: 200 }, signal),
    select: (data) => data.items,
  });
}
