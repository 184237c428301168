import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page, Position, PositionCreate, PositionUpdate } from '@canbo/contract';
import { api } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const POSITIONS_KEY = ['positions'] as const;

export interface PositionFilter {
  unitId?: number;
  personId?: number;
  activeOn?: string;
  page?: number;
  pageSize?: number;
  sort?: 'startDate' | 'title' | 'person';
  order?: 'asc' | 'desc';
}

export function usePositions(filter: PositionFilter) {
  return useQuery({
    queryKey: [...POSITIONS_KEY, filter],
    queryFn: () => api.get<Page<Position>>('/positions', { ...filter }),
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
    mutationFn: (body: PositionCreate) => api.post<Position>('/positions', body),
    onSuccess: invalidate,
  });
}

export function useUpdatePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: PositionUpdate & { id: number }) => api.patch<Position>(`/positions/${id}`, body),
    onSuccess: invalidate,
  });
}
