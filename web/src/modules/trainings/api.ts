import './locales';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, put } from '../../platform/api/client';
import { useCursorList } from '../../platform/api/pagination';
import type { AttendanceStatus, Calendar, FeedbackInput, FeedbackSummary, Group, GroupDetail, GroupInput, KovSummaryRow, Registration, Training, TrainingInput, TrainingOptions } from './types';

export const TRAININGS_PATH = '/api/trainings';
export const GROUPS_PATH = '/api/trainings/groups';
export const REGISTRATIONS_PATH = '/api/trainings/registrations';
export const KOV_SUMMARY_PATH = '/api/trainings/kov-summary';
const enc = encodeURIComponent;
type Filters = Record<string, string | undefined>;

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (f: Filters) => ['trainings', 'list', f] as const,
  one: (id: string) => ['trainings', 'one', id] as const,
  groups: (f: Filters) => ['trainings', 'groups', f] as const,
  group: (id: string) => ['trainings', 'group', id] as const,
  calendar: (year: number) => ['trainings', 'calendar', year] as const,
  registrations: ['trainings', 'registrations'] as const,
  kovSummary: (f: Filters) => ['trainings', 'kov-summary', f] as const,
  feedback: (kind: 'group' | 'training', id: string) => ['trainings', 'feedback', kind, id] as const,
  options: ['trainings', 'options'] as const,
  colleagues: (trainingId: string) => ['trainings', 'colleagues', trainingId] as const,
};

export const useTrainings = (f: Filters) =>
  useQuery({ queryKey: trainingKeys.list(f), queryFn: ({ signal }) => get<{ items: Training[] }>(TRAININGS_PATH, f, signal), select: (d) => d.items });
export const useTraining = (id: string) => useQuery({ queryKey: trainingKeys.one(id), queryFn: ({ signal }) => get<Training>(`${TRAININGS_PATH}/${enc(id)}`, undefined, signal) });
export const useGroups = (f: Filters) =>
  useQuery({ queryKey: trainingKeys.groups(f), queryFn: ({ signal }) => get<{ items: Group[] }>(GROUPS_PATH, f, signal), select: (d) => d.items });
export const useGroup = (id: string) => useQuery({ queryKey: trainingKeys.group(id), queryFn: ({ signal }) => get<GroupDetail>(`${GROUPS_PATH}/${enc(id)}`, undefined, signal) });
export const useCalendar = (year: number) => useQuery({ queryKey: trainingKeys.calendar(year), queryFn: ({ signal }) => get<Calendar>(`${TRAININGS_PATH}/calendar`, { year }, signal) });
export const useRegistrations = (f: Filters) => useCursorList<Registration>(trainingKeys.registrations, REGISTRATIONS_PATH, f);
export const useKovSummary = (f: Filters) =>
  useQuery({ queryKey: trainingKeys.kovSummary(f), queryFn: ({ signal }) => get<{ items: KovSummaryRow[] }>(KOV_SUMMARY_PATH, f, signal), select: (d) => d.items });
export const useFeedbackSummary = (kind: 'group' | 'training', id: string) =>
  useQuery({
    queryKey: trainingKeys.feedback(kind, id),
    queryFn: ({ signal }) => get<FeedbackSummary>(kind === 'group' ? `${GROUPS_PATH}/${enc(id)}/feedback` : `${TRAININGS_PATH}/${enc(id)}/feedback`, undefined, signal),
  });
export const useTrainingOptions = (enabled = true) =>
  useQuery({ queryKey: trainingKeys.options, queryFn: ({ signal }) => get<TrainingOptions>(`${TRAININGS_PATH}/options`, undefined, signal), enabled, staleTime: 5 * 60_000 });
export const useColleagues = (trainingId: string) =>
  useQuery({
    queryKey: trainingKeys.colleagues(trainingId),
    queryFn: ({ signal }) => get<{ items: { id: string; name: string; registration: { groupNumber: number; status: string } | null }[] }>(`${TRAININGS_PATH}/colleagues`, { trainingId }, signal),
    select: (d) => d.items,
  });

type V = { version: number };
export const createTraining = (body: TrainingInput) => post<Training>(TRAININGS_PATH, body);
export const updateTraining = (id: string, body: TrainingInput & V) => api<Training>(`${TRAININGS_PATH}/${enc(id)}`, { method: 'PATCH', body });
export const createGroup = (trainingId: string, body: GroupInput) => post<GroupDetail>(`${TRAININGS_PATH}/${enc(trainingId)}/groups`, body);
export const updateGroup = (id: string, body: GroupInput & V) => api<GroupDetail>(`${GROUPS_PATH}/${enc(id)}`, { method: 'PATCH', body });
export const cancelGroup = (id: string, body: V & { reason: string }) => post<GroupDetail>(`${GROUPS_PATH}/${enc(id)}/cancel`, body);
export const mergeGroup = (id: string, body: V & { intoGroupId: string }) => post<{ moved: number; waitlisted: number; promoted: number; group: GroupDetail }>(`${GROUPS_PATH}/${enc(id)}/merge`, body);
export const registerFor = (groupId: string, userId?: string) => post<Registration>(`${GROUPS_PATH}/${enc(groupId)}/registrations`, userId ? { userId } : {});
export const cancelRegistration = (id: string, body: V & { reason: string | null }) => post<Registration & { promoted: number }>(`${REGISTRATIONS_PATH}/${enc(id)}/cancel`, body);
export const recordAttendance = (groupId: string, body: { sessionId: string; marks: { registrationId: string; status: AttendanceStatus }[] }) =>
  put<GroupDetail>(`${GROUPS_PATH}/${enc(groupId)}/attendance`, body);
export const submitFeedback = (registrationId: string, body: FeedbackInput) => post<{ id: string }>(`${REGISTRATIONS_PATH}/${enc(registrationId)}/feedback`, body);
export const certificateUrl = (registrationId: string) => `${REGISTRATIONS_PATH}/${enc(registrationId)}/certificate`;

/** A write that refreshes every training query afterwards. */
export function useTrainingWrite<T, R>(send: (input: T) => Promise<R>, onDone?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: trainingKeys.all });
      void client.invalidateQueries({ queryKey: ['home'] });
      onDone?.(result);
    },
  });
}
