import { useQuery } from '@tanstack/react-query';
import { get } from '../../platform/api/client';

/** One use of the client's own data by an organisation (GET /api/me/data-tracker). */
export interface DataUse {
  at: string;
  organisationName: string | null;
  actorRole: string | null;
  action: string;
  recordType: string;
}

export function useDataTracker() {
  return useQuery({
    queryKey: ['me', 'data-tracker'],
    queryFn: ({ signal }) => get<{ items: DataUse[] }>('/api/me/data-tracker', undefined, signal),
    select: (data) => data.items,
  });
}
