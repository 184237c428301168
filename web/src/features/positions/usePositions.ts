import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const POSITIONS_KEY = ['positions'] as const;

export type PositionFilter = QueryValues<typeof routes.positions.list>;

export function usePositions(filter: PositionFilter) {
  return useQuery({
    queryKey: [...POSITIONS_KEY, filter],
    queryFn: () => call(routes.positions.list, { query: filter }),
  });
}

/** After a position changes, the lists, the people (current titles) and the histories are all stale. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: POSITIONS_KEY });
    void qc.invalidateQueries({ queryKey: ['people'] });
    void qc.invalidateQueries({ queryKey: AUDIT_KEY });
  };
}

export function useCreatePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.positions.create>) => call(routes.positions.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdatePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyIn<typeof routes.positions.update> & { id: number }) =>
      call(routes.positions.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
