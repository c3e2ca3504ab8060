import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** List filters kept in the URL (?q=&role=...), so reload and back keep them. */
export function useUrlFilters<K extends string>(keys: readonly K[]): [Record<K, string>, (key: K, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const key of keys) out[key] = params.get(key) ?? '';
    return out;
  }, [params, keys]);
  const setFilter = useCallback(
    (key: K, value: string | null) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filters, setFilter];
}
