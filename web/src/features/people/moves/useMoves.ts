import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn } from '@canbo/contract';
import { call } from '../../../api/client';
import { AUDIT_KEY } from '../../../lib/queryKeys';
import { PEOPLE_KEY } from '../api';

const MOVES_KEY = ['moves'] as const;

/** A cadre's moves, oldest first (a few dozen at most: one page of 200). */
export function useMoves(personId: number) {
  return useQuery({
    queryKey: [...MOVES_KEY, personId],
    queryFn: () => call(routes.moves.list, { params: { id: personId }, query: { pageSize: 200 } }),
  });
}

/**
 * After a move changes, the person (unit of today), the lists, the training record (credited units)
 * and the histories are stale.
 */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: MOVES_KEY });
    void qc.invalidateQueries({ queryKey: PEOPLE_KEY });
    void qc.invalidateQueries({ queryKey: ['training'] });
    void qc.invalidateQueries({ queryKey: AUDIT_KEY });
  };
}

export function useCreateMove(personId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.moves.create>) =>
      call(routes.moves.create, { params: { id: personId }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateMove(personId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ moveId, ...body }: BodyIn<typeof routes.moves.update> & { moveId: number }) =>
      call(routes.moves.update, { params: { id: personId, moveId }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteMove(personId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (moveId: number) => call(routes.moves.delete, { params: { id: personId, moveId } }),
    onSuccess: invalidate,
  });
}
