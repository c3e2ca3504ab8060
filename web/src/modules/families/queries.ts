import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../../platform/api/client';
import { FAMILIES_PATH, SPECIALISTS_PATH, familyKeys, fetchEpisode, fetchFamily, fetchReferral, fetchSpecialist } from './api';
import type { CaseloadRow, ComplianceRow, ContinuedItem, MyFamilyItem, Provider, Specialist } from './types';

export const useFamily = (id: string) => useQuery({ queryKey: familyKeys.one(id), queryFn: ({ signal }) => fetchFamily(id, signal) });
export const useReferral = (id: string) => useQuery({ queryKey: familyKeys.referral(id), queryFn: ({ signal }) => fetchReferral(id, signal) });
export const useEpisode = (id: string) => useQuery({ queryKey: familyKeys.episode(id), queryFn: ({ signal }) => fetchEpisode(id, signal) });
export const useSpecialist = (id: string) => useQuery({ queryKey: familyKeys.specialist(id), queryFn: ({ signal }) => fetchSpecialist(id, signal) });

/** Providers of support services (for the preferred provider and SKA's forwarding). */
export function useProviders(enabled = true) {
  return useQuery({
    queryKey: ['families', 'providers'],
    queryFn: ({ signal }) => get<{ items: Provider[] }>(`${FAMILIES_PATH}/providers`, undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Specialists in the user's scope (a provider: its own team), with filters. */
export function useSpecialists(filters: Record<string, string | boolean | undefined> = {}, enabled = true) {
  return useQuery({
    queryKey: [...familyKeys.specialists, filters],
    queryFn: ({ signal }) => get<{ items: Specialist[] }>(SPECIALISTS_PATH, filters, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useSpecialistCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...familyKeys.specialists, 'candidates'],
    queryFn: ({ signal }) => get<{ items: { id: string; name: string; email: string; role: string }[] }>(`${SPECIALISTS_PATH}/candidates`, undefined, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useMyFamilies() {
  return useQuery({
    queryKey: familyKeys.my,
    queryFn: ({ signal }) => get<{ weekEnds: string; items: MyFamilyItem[] }>(`${FAMILIES_PATH}/my-families`, undefined, signal),
  });
}

export function useCaseload(enabled: boolean, providerId?: string) {
  return useQuery({
    queryKey: ['families', 'caseload', providerId ?? ''],
    queryFn: ({ signal }) => get<{ items: CaseloadRow[] }>(`${FAMILIES_PATH}/caseload`, { providerId }, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useComplianceOverview() {
  return useQuery({
    queryKey: ['families', 'compliance'],
    queryFn: ({ signal }) => get<{ items: ComplianceRow[]; toCheck: number }>(`${FAMILIES_PATH}/compliance`, undefined, signal),
  });
}

export function useContinuedSupport() {
  return useQuery({
    queryKey: ['families', 'continued'],
    queryFn: ({ signal }) => get<{ items: ContinuedItem[] }>(`${FAMILIES_PATH}/continued-support`, undefined, signal),
    select: (data) => data.items,
  });
}

/** After any write: the lists, the dashboards and the records it touched are stale. */
export function useRefreshFamilies() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: familyKeys.all });
}
