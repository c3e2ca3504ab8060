import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyKeys } from '../api';
import type { ReferralDetail } from '../types';

/** A write to the referral at the version on screen (X-CONC); the answer replaces the cached record. */
export function useReferralWrite<T>(r: ReferralDetail, send: (version: number, input: T) => Promise<ReferralDetail>, onDone?: () => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: T) => send(r.version, input),
    onSuccess: (next) => {
      client.setQueryData(familyKeys.referral(next.id), next);
      void client.invalidateQueries({ queryKey: familyKeys.all, predicate: (q) => q.queryKey[1] !== 'referral' });
      onDone?.();
    },
  });
  const reload = () => {
    mutation.reset();
    void client.invalidateQueries({ queryKey: familyKeys.referral(r.id) });
  };
  return { mutation, reload };
}
