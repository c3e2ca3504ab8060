import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Patch<K extends string> = Partial<Record<K, string | null>>;

/** List filters kept in the URL (?q=&role=...), so reload, back and shared links keep them. */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (key: K, value: string | null) => void, (patch: Patch<K>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = params.get(key) ?? '';
    return out;
  }, [params, keys]);
  const setFilters = useCallback(
    (patch: Patch<K>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(patch) as [K, string | null | undefined][]) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      setParams(next, { replace: true });
    },
    [params, setParams],
  );
  const setFilter = useCallback((key: K, value: string | null) => setFilters({ [key]: value } as Patch<K>), [setFilters]);
  return [filters, setFilter, setFilters];
}

/** A saved filter as a patch of all of the page's keys: keys it does not set are cleared, others ignored. */
export function pickFilters<K extends string>(keys: readonly K[], query: Record<string, string>): Patch<K> {
  const patch: Patch<K> = {};
  for (const key of keys) patch[key] = typeof query[key] === 'string' && query[key] ? query[key] : null;
  return patch;
}
