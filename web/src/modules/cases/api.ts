import { useQuery } from '@tanstack/react-query';
import { get, patch, post, postFile, withQuery } from '../../platform/api/client';
import type {
  CaseChanges,
  CaseDetail,
  CaseDocument,
  NewActivity,
  NewCase,
  RiskLevel,
  SpecialistOption,
  StatsAnswer,
  StatsGroup,
  TimelineEntry,
} from './types';

export const CASES_PATH = '/api/cases';
export const STATS_PATH = '/api/cases/stats';

export const caseKeys = {
  all: ['cases'] as const,
  list: ['cases', 'list'] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
  documents: (id: string) => ['cases', 'documents', id] as const,
  stats: (year: number, groupBy: StatsGroup) => ['cases', 'stats', year, groupBy] as const,
};

const enc = encodeURIComponent;
const one = (id: string) => `${CASES_PATH}/${enc(id)}`;

export const fetchCase = (id: string, signal?: AbortSignal) => get<CaseDetail>(one(id), undefined, signal);
export const createCase = (body: NewCase) => post<CaseDetail>(CASES_PATH, body);
export const updateCase = (id: string, body: CaseChanges) => patch<CaseDetail>(one(id), body);
export const transitionCase = (id: string, body: { version: number; to: string; reason?: string }) =>
  post<CaseDetail>(`${one(id)}/transitions`, body);
export const assignCase = (id: string, body: { version: number; specialistId: string; reason: string }) =>
  post<CaseDetail>(`${one(id)}/assign`, body);
export const openLinkedDomestic = (id: string) => post<CaseDetail>(`${one(id)}/linked-domestic`);
export const addActivity = (id: string, body: NewActivity) => post<{ id: string }>(`${one(id)}/activities`, body);
export const addRiskAssessment = (id: string, body: { assessedOn: string; level: RiskLevel; notes?: string }) =>
  post<{ id: string }>(`${one(id)}/risk-assessments`, body);
export const uploadDocument = (id: string, file: File) =>
  postFile<CaseDocument>(`${one(id)}/documents`, file, { filename: file.name });

export const documentUrl = (caseId: string, documentId: string) => `${one(caseId)}/documents/${enc(documentId)}`;
export type PdfKind = 'action_plan' | 'summary' | 'klat_opinion';
export const pdfUrl = (caseId: string, kind: PdfKind) => `${one(caseId)}/pdf/${kind}`;
export const statsExportUrl = (year: number, groupBy: StatsGroup, format: 'csv' | 'xlsx') =>
  withQuery(`${STATS_PATH}/export`, { year, groupBy, format });

export function useCaseTimeline(id: string) {
  return useQuery({
    queryKey: caseKeys.timeline(id),
    queryFn: ({ signal }) => get<{ items: TimelineEntry[] }>(`${one(id)}/timeline`, undefined, signal),
    select: (data) => data.items,
  });
}

export function useCaseDocuments(id: string) {
  return useQuery({
    queryKey: caseKeys.documents(id),
    queryFn: ({ signal }) => get<{ items: CaseDocument[] }>(`${one(id)}/documents`, undefined, signal),
    select: (data) => data.items,
  });
}

/** Active SKA chief specialists, for the list filter and the manager's reassignment. */
export function useSpecialists(enabled = true) {
  return useQuery({
    queryKey: ['cases', 'specialists'],
    queryFn: ({ signal }) => get<{ items: SpecialistOption[] }>(`${CASES_PATH}/specialists`, undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCaseStats(year: number, groupBy: StatsGroup) {
  return useQuery({
    queryKey: caseKeys.stats(year, groupBy),
    queryFn: ({ signal }) => get<StatsAnswer>(STATS_PATH, { year, groupBy }, signal),
  });
}
