import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, postFile, put } from '../../../platform/api/client';
import type { Group, GroupDetail, GroupInput, Participant, Plan, QuarterCount } from './types';

export const PLANS_PATH = '/api/families/group-plans';
export const GROUPS_PATH = '/api/families/groups';
const enc = encodeURIComponent;
const groupPath = (id: string) => `${GROUPS_PATH}/${enc(id)}`;

export const groupKeys = {
  all: ['groups'] as const,
  plans: (month: string) => ['groups', 'plans', month] as const,
  list: (filters: Record<string, string | undefined>) => ['groups', 'list', filters] as const,
  one: (id: string) => ['groups', 'one', id] as const,
  quarter: (quarter: string) => ['groups', 'quarter', quarter] as const,
};

export const usePlans = (month: string) =>
  useQuery({ queryKey: groupKeys.plans(month), queryFn: ({ signal }) => get<{ items: Plan[] }>(PLANS_PATH, { month }, signal), select: (d) => d.items });

export const useGroups = (filters: Record<string, string | undefined>) =>
  useQuery({ queryKey: groupKeys.list(filters), queryFn: ({ signal }) => get<{ items: Group[] }>(GROUPS_PATH, filters, signal), select: (d) => d.items });

export const useGroup = (id: string, enabled = true) =>
  useQuery({ queryKey: groupKeys.one(id), queryFn: ({ signal }) => get<GroupDetail>(groupPath(id), undefined, signal), enabled });

export const useQuarterCounts = (quarter: string) =>
  useQuery({ queryKey: groupKeys.quarter(quarter), queryFn: ({ signal }) => get<{ items: QuarterCount[] }>(`${GROUPS_PATH}/quarter-counts`, { quarter }, signal), select: (d) => d.items });

type V = { version: number };
export const createPlan = (month: string) => post<Plan>(PLANS_PATH, { month });
export const submitPlan = (id: string, body: V) => post<Plan>(`${PLANS_PATH}/${enc(id)}/submit`, body);
export const addGroup = (planId: string, body: GroupInput) => post<GroupDetail>(`${PLANS_PATH}/${enc(planId)}/groups`, body);
export const updateGroup = (id: string, body: GroupInput & V) => api<GroupDetail>(groupPath(id), { method: 'PATCH', body });
export const deleteGroup = (id: string, version: number) => api<void>(groupPath(id), { method: 'DELETE', query: { version } });
export const cancelGroup = (id: string, body: V) => post<GroupDetail>(`${groupPath(id)}/cancel`, body);
export const decideGroup = (id: string, body: V & { decision: 'approve' | 'reject'; reason: string | null }) => post<GroupDetail>(`${groupPath(id)}/decision`, body);
export const approveSmallGroup = (id: string, body: V & { approved: boolean; reason: string | null }) => post<GroupDetail>(`${groupPath(id)}/small-group-approval`, body);
export const recordAttendance = (id: string, body: V & { heldOn: string; actualMinutes: number; leaderSigned: boolean; participants: Participant[] }) =>
  put<GroupDetail>(`${groupPath(id)}/attendance`, body);
export type FileKind = 'attendance-list' | 'screenshot';
export const uploadGroupFile = (id: string, kind: FileKind, file: File) => postFile<GroupDetail>(`${groupPath(id)}/files/${kind}`, file, { filename: file.name });
export const groupFileUrl = (id: string, kind: FileKind) => `${groupPath(id)}/files/${kind}`;

/** A write that refreshes every support-group query afterwards. */
export function useGroupWrite<T, R>(send: (input: T) => Promise<R>, onDone?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: groupKeys.all });
      onDone?.(result);
    },
  });
}
