import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Allocation, Page } from '@canbo/contract';
import { api } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

export interface AllocationQuery {
  sort?: 'unit' | 'seats';
  order?: 'asc' | 'desc';
  /** Only the allocations the user may nominate into: a unit editor's view of someone else's class. */
  mine?: 'true';
  page: number;
  pageSize: number;
}

export function useAllocations(classId: number, q: AllocationQuery, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.allocations(classId, { ...q }),
    queryFn: () => api.get<Page<Allocation>>(`/training/classes/${classId}/allocations`, { ...q }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The seats a user may fill, for the nomination forms: all of them for the organiser, the unit's own
 * otherwise. 200 is the most a page holds and more than a class ever allocates.
 */
export function useNominatableAllocations(classId: number, canManage: boolean) {
  return useAllocations(classId, { page: 1, pageSize: 200, ...(canManage ? {} : { mine: 'true' }) });
}

export function useSaveAllocation(classId: number) {
  return useTrainingMutation((v: { allocation: Allocation | null; unitId: number | null; seats: number }) =>
    v.allocation
      ? api.patch<Allocation>(`/training/allocations/${v.allocation.id}`, {
          version: v.allocation.version,
          seats: v.seats,
        })
      : api.post<Allocation>(`/training/classes/${classId}/allocations`, { unitId: v.unitId, seats: v.seats }),
  );
}

export function useDeleteAllocation() {
  return useTrainingMutation((id: number) => api.delete<void>(`/training/allocations/${id}`));
}
