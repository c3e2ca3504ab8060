import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyKeys } from '../api';
import type { Specialist, SpecialistDetail } from '../types';

/** A write to the specialist at the version on screen (X-CONC); refreshes the record and the lists. */
export function useSpecialistWrite<T>(s: SpecialistDetail, send: (version: number, input: T) => Promise<Specialist | { id: string }>, onDone?: () => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: T) => send(s.version, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: familyKeys.specialist(s.id) });
      void client.invalidateQueries({ queryKey: familyKeys.specialists });
      onDone?.();
    },
  });
  const reload = () => {
    mutation.reset();
    void client.invalidateQueries({ queryKey: familyKeys.specialist(s.id) });
  };
  return { mutation, reload };
}
