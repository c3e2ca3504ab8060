import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from './client';

/** X-FIND: a user's saved filter of a list (the list page's query string). */
export interface SavedFilter {
  id: string;
  list: string;
  name: string;
  query: Record<string, string>;
}

const PATH = '/api/me/saved-filters';
/** Allowed list names (server rule): `people`, `admin-users`, ... */
export const LIST_NAME = /^[a-z][a-z0-9-]{1,40}$/;
export const SAVED_FILTER_NAME_MAX = 80;

export const savedFilterKeys = { list: (list: string) => ['saved-filters', list] as const };

export function useSavedFilters(list: string, enabled: boolean) {
  return useQuery({
    queryKey: savedFilterKeys.list(list),
    queryFn: ({ signal }) => get<{ items: SavedFilter[] }>(PATH, { list }, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useSaveFilter(list: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: Record<string, string> }) => post<SavedFilter>(PATH, { list, ...body }),
    onSuccess: () => client.invalidateQueries({ queryKey: savedFilterKeys.list(list) }),
  });
}

export function useDeleteFilter(list: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: savedFilterKeys.list(list) }),
  });
}

/** The filter values that are set (empty ones left out), as saved and compared. */
export function compactQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}

export function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const x = compactQuery(a);
  const y = compactQuery(b);
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}
