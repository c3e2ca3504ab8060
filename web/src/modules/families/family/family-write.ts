import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyKeys } from '../api';
import type { FamilyDetail } from '../types';

/**
 * A write to the family record at the version on screen (X-CONC). The answer is
 * the new record; `reload` fetches the latest after someone else saved first.
 */
export function useFamilyWrite<T>(family: FamilyDetail, send: (version: number, input: T) => Promise<FamilyDetail>, onDone?: () => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: T) => send(family.version, input),
    onSuccess: (next) => {
      client.setQueryData(familyKeys.one(next.id), next);
      void client.invalidateQueries({ queryKey: familyKeys.list });
      onDone?.();
    },
  });
  const reload = () => {
    mutation.reset();
    void client.invalidateQueries({ queryKey: familyKeys.one(family.id) });
  };
  return { mutation, reload };
}
