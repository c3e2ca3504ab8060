import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, postFile } from '../../../platform/api/client';

/** B-REP-1 monthly reports: the API the pages use. */
export const MONTHLY_PATH = '/api/families/monthly-reports';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type LineService = 'family_support' | 'mentoring' | 'counselling' | 'supervision' | 'support_group';

export interface ReportSummary {
  id: string;
  reference: string;
  month: string;
  status: ReportStatus;
  revision: number;
  version: number;
  provider: { id: string; name: string };
  dueOn: string;
  late: boolean;
  overdue: boolean;
  totalCents: number;
  excludedCents: number;
  submittedOn: string | null;
  decidedOn: string | null;
}

export interface ReportLine {
  id?: string;
  position: number;
  service: LineService;
  family: { id: string; reference: string; parentNames: string | null; adoptionSecrecy: boolean } | null;
  specialist: { id: string; name: string } | null;
  occurredOn: string | null;
  description: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
  valueCents: number;
  billable: boolean;
  excludedReason: string | null;
  excludedReasonText: string | null;
  skaComment?: string | null;
}

export interface Signature {
  signer: 'specialist' | 'recipient';
  specialistId: string;
  specialistName: string;
  familyId: string | null;
  familyLabel: string | null;
  signed: { method: 'signed_pdf' | 'in_app'; confirmedAt: string; confirmedByName: string; fileId: string | null; filename: string | null } | null;
}

export interface ReportDetail extends ReportSummary {
  viewRevision: number;
  providerNote: string | null;
  returnComment: string | null;
  lines: ReportLine[];
  byService: { service: LineService; lines: number; billableCents: number; excludedCents: number }[];
  bySpecialist: { specialistId: string | null; name: string | null; lines: number; billableCents: number; excludedCents: number }[];
  signatures: Signature[];
  missingSignatures: number;
  endings: { episodeId: string; kind: string; endsOn: string; endReason: string | null; sentToKovOn: string | null; family: { reference: string; parentNames: string | null }; specialistName: string | null }[];
  actions: { redraft: boolean; edit: boolean; submit: boolean; decide: boolean; confirm: boolean };
}

export interface HistoryEvent {
  id: string;
  revision: number;
  kind: string;
  comment: string | null;
  totalCents: number | null;
  at: string;
  actorName: string | null;
}

export interface Confirmation {
  reportId: string;
  reportReference: string;
  revision: number;
  month: string;
  provider: string;
  specialistId: string;
  specialistName: string;
  family: { id: string; reference: string };
  confirmed: boolean;
  lines: { service: LineService; occurredOn: string | null; description: string; quantity: number }[];
}

const keys = {
  all: ['monthly-reports'] as const,
  list: (status?: string) => ['monthly-reports', 'list', status ?? ''] as const,
  one: (id: string, revision?: number) => ['monthly-reports', 'one', id, revision ?? 0] as const,
  history: (id: string) => ['monthly-reports', 'history', id] as const,
  current: ['monthly-reports', 'current'] as const,
  confirmations: ['monthly-reports', 'confirmations'] as const,
};

export const useMonthlyReports = (status?: string) => useQuery({ queryKey: keys.list(status), queryFn: () => get<{ items: ReportSummary[] }>(MONTHLY_PATH, { status }) });
export const useMonthlyReport = (id: string, revision?: number) => useQuery({ queryKey: keys.one(id, revision), queryFn: () => get<ReportDetail>(`${MONTHLY_PATH}/${id}`, { revision }) });
export const useMonthlyHistory = (id: string) => useQuery({ queryKey: keys.history(id), queryFn: () => get<{ revisions: number[]; events: HistoryEvent[] }>(`${MONTHLY_PATH}/${id}/history`) });
export const useCurrentMonth = () =>
  useQuery({ queryKey: keys.current, queryFn: () => get<{ month: string; asOf: string; totalCents: number; excludedCents: number; lines: ReportLine[]; byService: ReportDetail['byService'] }>(`${MONTHLY_PATH}/current-month`) });
export const useConfirmations = () => useQuery({ queryKey: keys.confirmations, queryFn: () => get<{ items: Confirmation[] }>('/api/me/service-confirmations') });

/** One mutation hook for the report's actions; every success refreshes the report data. */
export function useReportAction<TInput>(run: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const reportActions = {
  create: (month: string) => post<ReportDetail>(MONTHLY_PATH, { month }),
  note: (id: string, version: number, note: string | null) => patch<ReportDetail>(`${MONTHLY_PATH}/${id}`, { version, note }),
  redraft: (id: string, version: number) => post<ReportDetail>(`${MONTHLY_PATH}/${id}/redraft`, { version }),
  submit: (id: string, version: number) => post<ReportDetail>(`${MONTHLY_PATH}/${id}/submit`, { version }),
  decide: (id: string, body: { version: number; decision: 'approve' | 'return'; comment?: string | null; lineComments?: { lineId: string; comment: string }[] }) => post<ReportDetail>(`${MONTHLY_PATH}/${id}/decision`, body),
  confirm: (id: string, revision: number) => post<ReportDetail>(`${MONTHLY_PATH}/${id}/signatures/confirm`, { revision }),
  upload: (id: string, file: File, q: { revision: number; signer: 'specialist' | 'recipient'; specialistId: string; familyId?: string | null }) =>
    postFile<ReportDetail>(`${MONTHLY_PATH}/${id}/signatures/upload`, file, { ...q, familyId: q.familyId ?? undefined, filename: file.name }),
  clientConfirm: (c: Confirmation) => post('/api/me/service-confirmations/confirm', { reportId: c.reportId, revision: c.revision, specialistId: c.specialistId, familyId: c.family.id }),
};

/** Euros from integer cents, in the user's language (the one platform formatter). */
export { formatEuros as euros } from '../../../platform/format';
