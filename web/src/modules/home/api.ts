import { useQuery } from '@tanstack/react-query';
import { get } from '../../platform/api/client';

export type Severity = 'info' | 'warning' | 'overdue';

export interface HomeItem {
  id: string;
  module: string;
  titleKey: string;
  params?: Record<string, unknown>;
  count?: number;
  dueDate?: string;
  severity: Severity;
  link?: string;
}

export function useHomeItems() {
  return useQuery({
    queryKey: ['home'],
    queryFn: ({ signal }) => get<{ items: HomeItem[] }>('/api/home', undefined, signal),
  });
}
