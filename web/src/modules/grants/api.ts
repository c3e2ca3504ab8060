import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, postFile, put } from '../../platform/api/client';
import type { Application, ApplicationItem, Evaluation, LineInput, MeasureDef, PerepesaActivity, Ranking, Round } from './types';

export const ROUNDS_PATH = '/api/grants/rounds';
export const APPLICATIONS_PATH = '/api/grants/applications';
const enc = encodeURIComponent;
const appPath = (id: string) => `${APPLICATIONS_PATH}/${enc(id)}`;

export const grantKeys = {
  all: ['grants'] as const,
  measures: ['grants', 'measures'] as const,
  rounds: ['grants', 'rounds'] as const,
  round: (id: string) => ['grants', 'round', id] as const,
  ranking: (id: string) => ['grants', 'ranking', id] as const,
  list: (filters: Record<string, string | undefined>) => ['grants', 'applications', filters] as const,
  one: (id: string) => ['grants', 'application', id] as const,
  check: (roundId: string, body: unknown) => ['grants', 'check', roundId, body] as const,
};

export const useMeasures = () => useQuery({ queryKey: grantKeys.measures, queryFn: ({ signal }) => get<{ items: MeasureDef[] }>('/api/grants/measures', undefined, signal), staleTime: Infinity, select: (d) => d.items });
export const useRounds = () => useQuery({ queryKey: grantKeys.rounds, queryFn: ({ signal }) => get<{ items: Round[] }>(ROUNDS_PATH, undefined, signal), select: (d) => d.items });
export const useRound = (id: string) => useQuery({ queryKey: grantKeys.round(id), queryFn: ({ signal }) => get<Round>(`${ROUNDS_PATH}/${enc(id)}`, undefined, signal) });
export const useRanking = (id: string, enabled: boolean) => useQuery({ queryKey: grantKeys.ranking(id), queryFn: ({ signal }) => get<Ranking>(`${ROUNDS_PATH}/${enc(id)}/ranking`, undefined, signal), enabled });
export const useApplications = (filters: Record<string, string | undefined>) =>
  useQuery({ queryKey: grantKeys.list(filters), queryFn: ({ signal }) => get<{ items: ApplicationItem[] }>(APPLICATIONS_PATH, filters, signal), select: (d) => d.items });
export const useApplication = (id: string) => useQuery({ queryKey: grantKeys.one(id), queryFn: ({ signal }) => get<Application>(appPath(id), undefined, signal) });

/** The live budget check (nothing saved); the previous answer stays while the next is on its way. */
export const useBudgetCheck = (roundId: string, body: { activity: PerepesaActivity | null; plannedStart: string | null; lines: LineInput[] }, enabled: boolean) =>
  useQuery({ queryKey: grantKeys.check(roundId, body), queryFn: ({ signal }) => api<Evaluation>(`${ROUNDS_PATH}/${enc(roundId)}/budget-check`, { method: 'POST', body, signal }), enabled, placeholderData: (previous) => previous });

export interface RoundBody {
  measure?: 'signs_of_safety' | 'perepesa';
  title: string;
  budgetCents: number;
  announcedOn: string;
  opensOn: string;
  closesOn: string | null;
  maxPerApplicationCents: number | null;
  placesPerCategory: number;
  notes: string | null;
}

export interface DraftBody {
  version: number;
  contactName: string;
  contactEmail: string;
  activity: PerepesaActivity | null;
  plannedStart: string | null;
  summary: string;
  explanation: string;
  sustainability: string;
  lines: LineInput[];
}

/** Every write answers with the application; it replaces the cached one and lists are refreshed. */
export function useApplicationWrite<T>(id: string, write: (body: T) => Promise<Application>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (app) => {
      client.setQueryData(grantKeys.one(id), app);
      void client.invalidateQueries({ queryKey: ['grants', 'applications'] });
      void client.invalidateQueries({ queryKey: grantKeys.rounds });
      void client.invalidateQueries({ queryKey: ['grants', 'ranking'] });
    },
  });
}

export const createRound = (body: RoundBody) => post<Round>(ROUNDS_PATH, body);
export const updateRound = (id: string, body: RoundBody & { version: number }) => put<Round>(`${ROUNDS_PATH}/${enc(id)}`, body);
export const startApplication = (roundId: string) => post<Application>(`${ROUNDS_PATH}/${enc(roundId)}/applications`, {});
export const saveDraft = (id: string, body: DraftBody) => put<Application>(appPath(id), body);
export const submit = (id: string, version: number) => post<Application>(`${appPath(id)}/submit`, { version });
export const uploadFile = (id: string, file: File, kind: 'evidence' | 'signed_application', condition?: string) =>
  postFile<unknown>(`${appPath(id)}/files`, file, { kind, condition, filename: file.name });
export const removeFile = (id: string, fileId: string) => api<void>(`${appPath(id)}/files/${enc(fileId)}`, { method: 'DELETE' });
export const checkCondition = (id: string, condition: string, body: { met: boolean; note: string | null }) => put<Application>(`${appPath(id)}/checks/${enc(condition)}`, body);
export const decideEligibility = (id: string, body: { version: number; eligible: boolean; reason: string | null }) => post<Application>(`${appPath(id)}/eligibility`, body);
export const decideFunding = (id: string, body: { version: number; outcome: 'granted' | 'not_funded'; reason: string; grantedCents: number | null; partialFundingNote: string | null }) => post<Application>(`${appPath(id)}/decision`, body);
export const sendContract = (id: string, body: { version: number; projectStart: string | null }) => post<Application>(`${appPath(id)}/contract`, body);
export const signContract = (id: string, file: File) => postFile<Application>(`${appPath(id)}/contract/sign`, file, { filename: file.name });
export const fileUrl = (id: string, fileId: string) => `${appPath(id)}/files/${enc(fileId)}`;
