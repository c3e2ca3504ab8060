import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../../platform/api/client';

/** Sessions (B-MENT-*, B-PSY-*), limits per family and SKA's extra-session approvals. */
export type SessionService = 'mentoring' | 'counselling' | 'supervision';
export type SessionMode = 'in_person' | 'remote';

export interface Session {
  id: string;
  service: SessionService;
  family: { id: string; reference: string };
  episodeId: string | null;
  provider: { id: string; name: string };
  specialist: { id: string; name: string };
  heldOn: string;
  quarter: string;
  minutes: number;
  mode: SessionMode;
  remoteAgreedOn: string | null;
  participants: string | null;
  summary: string | null;
  status: 'held' | 'cancelled';
  version: number;
}

export interface FamilyLimits {
  familyId: string;
  on: string;
  mentoring: { stage: 'with_child' | 'not_assessed' | 'awaiting_child'; quarter: string; quarterFrom: string; quarterTo: string; limit: number; usedThisQuarter: number; usedTotal: number; remaining: number };
  counselling: {
    year: number;
    limit: number;
    used: number;
    remaining: number;
    approvedExtra: number;
    childLeft: boolean;
    notAssessed: boolean;
    pendingExtra: { id: string; requestedSessions: number; requestedOn: string } | null;
    extraAvailable: number;
  };
  runningMentoringEpisodeId: string | null;
}

export interface LimitsRow extends FamilyLimits {
  reference: string;
  type: string;
  parentNames: string | null;
  kovName: string;
}

export interface ExtraRequest {
  id: string;
  family: { id: string; reference: string };
  provider: { id: string; name: string };
  year: number;
  requestedSessions: number;
  justification: string;
  status: 'requested' | 'approved' | 'rejected';
  approvedSessions: number | null;
  decisionReason: string | null;
  requestedBy: string;
  requestedOn: string;
  decidedBy: string | null;
  decidedOn: string | null;
  version: number;
}

export interface NewSession {
  service: SessionService;
  familyId: string;
  episodeId?: string | null;
  specialistId: string;
  heldOn: string;
  minutes: number;
  mode: SessionMode;
  remoteAgreedOn?: string | null;
  participants?: string | null;
  summary?: string | null;
}

type Page<T> = { items: T[]; nextCursor: string | null };

export const SESSIONS_PATH = '/api/families/sessions';
export const EXTRAS_PATH = '/api/families/counselling-extras';
export const SESSION_READERS = ['ska_contact', 'ska_manager', 'provider_admin', 'provider_specialist'] as const;
export const SESSION_WRITERS = ['provider_admin', 'provider_specialist'] as const;

export const sessionKeys = {
  all: ['sessions'] as const,
  list: (filters: Record<string, string | undefined>) => ['sessions', 'list', filters] as const,
  limits: (familyId: string) => ['sessions', 'limits', familyId] as const,
  limitsList: (filters: Record<string, string | undefined>) => ['sessions', 'limits-list', filters] as const,
  extras: (filters: Record<string, string | undefined>) => ['sessions', 'extras', filters] as const,
};

export function useSessions(filters: { familyId?: string; episodeId?: string }, enabled = true) {
  return useQuery({ queryKey: sessionKeys.list(filters), queryFn: ({ signal }) => get<Page<Session>>(SESSIONS_PATH, { ...filters, limit: 100 }, signal), enabled });
}

export function useFamilyLimits(familyId: string, enabled = true) {
  return useQuery({ queryKey: sessionKeys.limits(familyId), queryFn: ({ signal }) => get<FamilyLimits>(`/api/families/${encodeURIComponent(familyId)}/service-limits`, undefined, signal), enabled });
}

export function useLimitsList(filters: { providerId?: string; q?: string }) {
  return useQuery({ queryKey: sessionKeys.limitsList(filters), queryFn: ({ signal }) => get<Page<LimitsRow>>('/api/families/service-limits', { ...filters, limit: 100 }, signal) });
}

export function useExtras(filters: { status?: string; familyId?: string }) {
  return useQuery({ queryKey: sessionKeys.extras(filters), queryFn: ({ signal }) => get<Page<ExtraRequest>>(EXTRAS_PATH, { ...filters, limit: 100 }, signal) });
}

/** A write that refreshes every sessions query (lists, limits, requests) on success. */
export function useSessionWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: sessionKeys.all }) });
}

export const recordSession = (body: NewSession) => post<Session>(SESSIONS_PATH, body);
export const cancelSession = (input: { id: string; version: number; reason: string }) => post<Session>(`${SESSIONS_PATH}/${input.id}/cancel`, { version: input.version, reason: input.reason });
export const correctSession = (input: { id: string; version: number } & Partial<NewSession>) => {
  const { id, ...body } = input;
  return patch<Session>(`${SESSIONS_PATH}/${id}`, body);
};
export const requestExtra = (body: { familyId: string; year: number; requestedSessions: number; justification: string }) => post<ExtraRequest>(EXTRAS_PATH, body);
export const decideExtra = (input: { id: string; version: number; approved: boolean; approvedSessions?: number; reason?: string | null }) => {
  const { id, ...body } = input;
  return post<ExtraRequest>(`${EXTRAS_PATH}/${id}/decision`, body);
};
