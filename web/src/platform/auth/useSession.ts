import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchSession, logout, SESSION_KEY } from './session-api';
import { markSessionEnded, type EndReason } from './session-ended';
import { shareLogout } from './session-sync';
import type { Session } from './types';

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
}

/** The logged-in session; only use below <RequireAuth>. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession used outside an authenticated route');
  return data;
}

/** Drops all cached data and marks the session as gone (RequireAuth then shows /login). */
export function endSessionLocally(client: QueryClient, reason: EndReason): void {
  markSessionEnded(reason);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, null);
}

export function useLogout(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    try {
      await logout();
    } finally {
      shareLogout();
      endSessionLocally(client, 'loggedOut');
    }
  }, [client]);
}

export function useSetSession(): (session: Session) => void {
  const client = useQueryClient();
  return useCallback((session: Session) => client.setQueryData(SESSION_KEY, session), [client]);
}
