import { createContext, useCallback, useContext, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { caseKeys } from './api';
import type { CaseDetail } from './types';

/**
 * X-CONC on a page with several forms: each form keeps the version its edits started
 * from. When this user saves one part (or moves the case on), the version changes by
 * their own hand, so the other forms follow it; a change by someone else still gives 409.
 */
export interface CaseSaves {
  /** The latest version reached from `base` through this user's own saves. */
  follow: (base: number) => number;
  /** Store the server's answer to one of this user's writes that started at `from`. */
  saved: (from: number, next: CaseDetail) => void;
}

export const CaseSavesContext = createContext<CaseSaves | null>(null);

export function useCaseSavesValue(caseId: string): CaseSaves {
  const client = useQueryClient();
  const chain = useRef(new Map<number, number>());
  const follow = useCallback((base: number) => {
    let version = base;
    for (let i = 0; i < 100 && chain.current.has(version); i++) version = chain.current.get(version)!;
    return version;
  }, []);
  const saved = useCallback(
    (from: number, next: CaseDetail) => {
      if (next.version !== from) chain.current.set(from, next.version);
      client.setQueryData(caseKeys.one(caseId), next);
      void client.invalidateQueries({ queryKey: caseKeys.list });
      void client.invalidateQueries({ queryKey: caseKeys.timeline(caseId) });
    },
    [client, caseId],
  );
  return { follow, saved };
}

export function useCaseSaves(): CaseSaves {
  const value = useContext(CaseSavesContext);
  if (!value) throw new Error('useCaseSaves outside the case page');
  return value;
}
