import { get, patch, post } from '../../../platform/api/client';

/** B-REP-3: monitoring and final reports (server reporting/provider-report-routes.ts). */
export type ProviderReportKind = 'monitoring' | 'final';

export interface ScheduleItem {
  kind: ProviderReportKind;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  contractId: string;
  contractReference: string;
  providerId: string;
  providerName: string;
  report: { id: string; status: 'draft' | 'submitted'; version: number; submittedOn: string | null } | null;
  overdue: boolean;
}

export interface ProviderReport {
  id: string;
  kind: ProviderReportKind;
  status: 'draft' | 'submitted';
  providerId: string;
  providerName: string;
  contractId: string;
  contractReference: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  figures: Record<string, number | string>;
  overview: string | null;
  assessment: string | null;
  bestPractices: string | null;
  problems: string | null;
  measures: string | null;
  submittedOn: string | null;
  submittedBy: string | null;
  version: number;
  canEdit: boolean;
}

export const TEXT_PARTS = ['overview', 'assessment', 'bestPractices', 'problems', 'measures'] as const;
export type TextPart = (typeof TEXT_PARTS)[number];
export type TextInput = Partial<Record<TextPart, string | null>>;

/** The figures in the order of the Lisa 12 form (server provider-report-service.ts FIGURE_LABELS). */
export const FIGURE_KEYS = [
  'familiesAdaptation', 'familiesNeedsBased', 'familiesMentoring', 'episodesStarted', 'episodesEnded', 'sessionsMentoring', 'sessionsCounselling',
  'sessionsSupervision', 'sessionHours', 'groupsHeld', 'groupsPaid', 'groupParticipants', 'approvedReports', 'approvedCents',
] as const;

export const PROVIDER_REPORTS_PATH = '/api/families/provider-reports';
const one = (id: string) => `${PROVIDER_REPORTS_PATH}/${encodeURIComponent(id)}`;

export const providerReportKeys = {
  all: ['providerReports'] as const,
  list: (status: string) => ['providerReports', 'list', status] as const,
  one: (id: string) => ['providerReports', 'one', id] as const,
};

export const fetchSchedule = (status: 'open' | 'submitted' | '', signal?: AbortSignal) => get<{ items: ScheduleItem[] }>(PROVIDER_REPORTS_PATH, { status: status || undefined }, signal);
export const fetchProviderReport = (id: string, signal?: AbortSignal) => get<ProviderReport>(one(id), undefined, signal);
export const createProviderReport = (body: { contractId: string; kind: ProviderReportKind; periodEnd: string }) => post<ProviderReport>(PROVIDER_REPORTS_PATH, body);
export const updateProviderReport = (id: string, body: { version: number; refreshFigures?: boolean } & TextInput) => patch<ProviderReport>(one(id), body);
export const submitProviderReport = (id: string, version: number) => post<ProviderReport>(`${one(id)}/submit`, { version });
export const providerReportFileUrl = (id: string, format: 'pdf' | 'docx') => `${one(id)}/document.${format}`;
