import { useMutation, useQueryClient } from '@tanstack/react-query';
import { familyKeys } from '../api';
import type { EpisodeDetail } from '../types';

/**
 * A write to the episode at the version on screen (X-CONC): the answer replaces the
 * cached episode and the lists and dashboards refresh; `reload` after a conflict.
 */
export function useEpisodeWrite<T>(e: EpisodeDetail, send: (version: number, input: T) => Promise<EpisodeDetail>, onDone?: (next: EpisodeDetail) => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: T) => send(e.version, input),
    onSuccess: (next) => {
      client.setQueryData(familyKeys.episode(next.id), next);
      void client.invalidateQueries({ queryKey: familyKeys.all, predicate: (q) => !(q.queryKey[1] === 'episode' && q.queryKey[2] === next.id) });
      onDone?.(next);
    },
  });
  const reload = () => {
    mutation.reset();
    void client.invalidateQueries({ queryKey: familyKeys.episode(e.id) });
  };
  return { mutation, reload };
}
