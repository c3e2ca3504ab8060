import './locales';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, postFile, put } from '../../platform/api/client';
import { useCursorList } from '../../platform/api/pagination';
import type { Availability, Calendar, DeliveryRow, Mediator, Proceeding, ProceedingListItem, Slot, Thread, ThreadSummary, FileRef, Custody } from './types';

export const PROCEEDINGS_PATH = '/api/mediation/proceedings';
const enc = encodeURIComponent;
const proceeding = (id: string) => `${PROCEEDINGS_PATH}/${enc(id)}`;

export const mediationKeys = {
  all: ['mediation'] as const,
  list: ['mediation', 'list'] as const,
  one: (id: string) => ['mediation', 'one', id] as const,
  slots: (id: string, from: string) => ['mediation', 'slots', id, from] as const,
  threads: (id: string) => ['mediation', 'threads', id] as const,
  thread: (id: string) => ['mediation', 'thread', id] as const,
  mediators: ['mediation', 'mediators'] as const,
  availability: ['mediation', 'availability'] as const,
  calendar: (from: string) => ['mediation', 'calendar', from] as const,
  deliveries: ['mediation', 'deliveries'] as const,
};

export const useProceedings = (filters: Record<string, string | undefined>) => useCursorList<ProceedingListItem>(mediationKeys.list, PROCEEDINGS_PATH, filters);
export const useProceeding = (id: string) => useQuery({ queryKey: mediationKeys.one(id), queryFn: ({ signal }) => get<Proceeding>(proceeding(id), undefined, signal) });
export const useSlots = (id: string, from: string, to: string, enabled: boolean) =>
  useQuery({ queryKey: mediationKeys.slots(id, from), queryFn: ({ signal }) => get<{ mediator: { name: string; sessionMinutes: number } | null; items: Slot[] }>(`${proceeding(id)}/slots`, { from, to }, signal), enabled });
export const useThreads = (id: string) =>
  useQuery({ queryKey: mediationKeys.threads(id), queryFn: ({ signal }) => get<{ items: ThreadSummary[] }>(`${proceeding(id)}/threads`, undefined, signal), select: (d) => d.items });
export const useThread = (id: string | null) =>
  useQuery({ queryKey: mediationKeys.thread(id ?? ''), queryFn: ({ signal }) => get<Thread>(`/api/mediation/threads/${enc(id!)}`, undefined, signal), enabled: Boolean(id) });
export const useMediators = (enabled: boolean) =>
  useQuery({ queryKey: mediationKeys.mediators, queryFn: ({ signal }) => get<{ items: Mediator[] }>('/api/mediation/mediators', undefined, signal), select: (d) => d.items, enabled, staleTime: 5 * 60_000 });
export const useAvailability = () => useQuery({ queryKey: mediationKeys.availability, queryFn: ({ signal }) => get<Availability>('/api/mediation/availability', undefined, signal) });
export const useCalendar = (from: string, to: string) =>
  useQuery({ queryKey: mediationKeys.calendar(from), queryFn: ({ signal }) => get<Calendar>('/api/mediation/calendar', { from, to }, signal) });
export const useDeliveries = (filters: Record<string, string | undefined>) => {
  const list = useCursorList<DeliveryRow>(mediationKeys.deliveries, '/api/mediation/register-deliveries', filters);
  const endpoint = (list.data?.pages[0] as unknown as { endpoint?: { configured: boolean; client: string; service: string } } | undefined)?.endpoint;
  return { ...list, endpoint };
};

type V = { version: number };
export const actions = {
  consent: (id: string, body: { preferredMediatorId?: string | null; partyId?: string }) => post<Proceeding>(`${proceeding(id)}/consent`, body),
  refuse: (id: string, body: { reason?: string | null; partyId?: string }) => post<Proceeding>(`${proceeding(id)}/refuse-mediator`, body),
  assign: (id: string, body: V & { mediatorId?: string }) => post<Proceeding>(`${proceeding(id)}/assign`, body),
  contact: (id: string, partyId: string, body: V & { address?: string | null; phone?: string | null; email?: string | null }) =>
    api<Proceeding>(`${proceeding(id)}/parties/${enc(partyId)}`, { method: 'PATCH', body }),
  book: (id: string, startsAt: string) => post<Proceeding>(`${proceeding(id)}/bookings`, { startsAt }),
  reschedule: (bookingId: string, body: V & { startsAt: string }) => post<Proceeding>(`/api/mediation/bookings/${enc(bookingId)}/reschedule`, body),
  cancel: (bookingId: string, body: V & { reason?: string | null }) => post<Proceeding>(`/api/mediation/bookings/${enc(bookingId)}/cancel`, body),
  outcome: (bookingId: string, body: V & { outcome: 'held' | 'no_show' }) => post<Proceeding>(`/api/mediation/bookings/${enc(bookingId)}/outcome`, body),
  agreement: (id: string, body: { concludedOn: string; custody: Custody; childPersonIds: string[]; summary: string }) => post<Proceeding>(`${proceeding(id)}/agreement`, body),
  end: (id: string, body: V & { reason: string }) => post<Proceeding>(`${proceeding(id)}/end`, body),
  startThread: (id: string, body: { subject: string; body: string; attachmentIds?: string[] }) => post<{ id: string }>(`${proceeding(id)}/threads`, body),
  reply: (threadId: string, body: { body: string; attachmentIds?: string[] }) => post<{ id: string }>(`/api/mediation/threads/${enc(threadId)}/messages`, body),
  markRead: (threadId: string) => post<{ marked: number }>(`/api/mediation/threads/${enc(threadId)}/read`),
  upload: (id: string, file: File) => postFile<FileRef>(`${proceeding(id)}/files`, file, { filename: file.name }),
  decision: (id: string, body: { number: string; title: string; body: string; threadId?: string }) => post<{ threadId: string }>(`${proceeding(id)}/decisions`, body),
  publish: (body: { sessionMinutes: number; bufferMinutes: number; windows: { weekday: number; startsAt: string; endsAt: string }[] }) => put<null>('/api/mediation/availability', body),
  addLeave: (body: { startsOn: string; endsOn: string; note?: string | null }) => post<{ id: string; bookedInLeave: string[] }>('/api/mediation/leave', body),
  removeLeave: (id: string) => api<null>(`/api/mediation/leave/${enc(id)}`, { method: 'DELETE' }),
  retry: (deliveryId: string) => post<null>(`/api/mediation/register-deliveries/${enc(deliveryId)}/retry`),
};
export const fileUrl = (fileId: string) => `/api/mediation/files/${enc(fileId)}`;

/** A write that refreshes module E's queries (and the home page) afterwards. */
export function useMediationWrite<T, R>(send: (input: T) => Promise<R>, onDone?: (result: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: mediationKeys.all });
      void client.invalidateQueries({ queryKey: ['home'] });
      onDone?.(result);
    },
  });
}
