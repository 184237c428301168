import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AUDIT_KEY } from '../../lib/queryKeys';
import { TRAINING_KEY } from './keys';

/**
 * A change to anything of a class: afterwards every training query is refetched (a nomination moves
 * the allocation's counters and the class header too), and so are the change histories.
 * `changes` tells a request that only previews (a dry run) from one that saves.
 */
export function useTrainingMutation<V, R>(
  send: (values: V) => Promise<R>,
  changes: (values: V) => boolean = () => true,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_r, values) =>
      changes(values)
        ? Promise.all([qc.invalidateQueries({ queryKey: TRAINING_KEY }), qc.invalidateQueries({ queryKey: AUDIT_KEY })])
        : undefined,
  });
}
