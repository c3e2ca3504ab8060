import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../platform/api/client';
import type { MonthList, Note, Plan, PlanFilters, PlanList, Subactivity, SubactivityStatus } from './types';

export const PLANS_PATH = '/api/programme/plans';
const planPath = (year: number) => `${PLANS_PATH}/${year}`;

export const programmeKeys = {
  all: ['programme'] as const,
  plans: ['programme', 'plans'] as const,
  plan: (year: number, filters: PlanFilters) => ['programme', 'plan', year, filters] as const,
  month: (year: number, month: string, filters: PlanFilters) => ['programme', 'month', year, month, filters] as const,
  sub: (id: string) => ['programme', 'sub', id] as const,
};

export const usePlans = () => useQuery({ queryKey: programmeKeys.plans, queryFn: ({ signal }) => get<PlanList>(PLANS_PATH, undefined, signal) });

export const usePlan = (year: number | null, filters: PlanFilters) =>
  useQuery({ queryKey: programmeKeys.plan(year ?? 0, filters), queryFn: ({ signal }) => get<Plan>(planPath(year!), { ...filters }, signal), enabled: year !== null });

export const useMonth = (year: number | null, month: string, filters: PlanFilters) =>
  useQuery({ queryKey: programmeKeys.month(year ?? 0, month, filters), queryFn: ({ signal }) => get<MonthList>(`${planPath(year!)}/month`, { ...filters, month: month || undefined }, signal), enabled: year !== null });

export const useSubactivity = (id: string | null) =>
  useQuery({ queryKey: programmeKeys.sub(id ?? ''), queryFn: ({ signal }) => get<{ subactivity: Subactivity; notes: Note[] }>(`/api/programme/subactivities/${encodeURIComponent(id!)}`, undefined, signal), enabled: id !== null });

export function useImportBundled() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => post<{ year: number }>(PLANS_PATH, { bundledYear: year }),
    onSuccess: () => client.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

export function useUpdateSubactivity(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; status?: SubactivityStatus; progress?: number; note?: string }) => patch<{ subactivity: Subactivity; notes: Note[] }>(`/api/programme/subactivities/${encodeURIComponent(id)}`, body),
    onSuccess: (data) => {
      client.setQueryData(programmeKeys.sub(id), data);
      return client.invalidateQueries({ queryKey: ['programme', 'plan'] }).then(() => client.invalidateQueries({ queryKey: ['programme', 'month'] }));
    },
  });
}
