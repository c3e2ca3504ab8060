import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { get, type QueryParams } from './client';

/** Keyset page as answered by every list endpoint. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

/** A cursor-paginated list: `items` holds all pages loaded so far; `fetchNextPage` loads more. */
export function useCursorList<T>(
  key: readonly unknown[],
  path: string,
  filters: QueryParams,
  limit = DEFAULT_PAGE_SIZE,
) {
  const query = useInfiniteQuery({
    queryKey: [...key, filters],
    queryFn: ({ pageParam, signal }) =>
      get<Page<T>>(path, { ...filters, limit, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, items };
}
