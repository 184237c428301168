import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type Allocation, type QueryValues } from '@canbo/contract';
import { call } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

/** `mine`: only the allocations the user may nominate into (a unit editor's view of someone else's class). */
export type AllocationQuery = QueryValues<typeof routes.training.allocations>;

export function useAllocations(classId: number, q: AllocationQuery, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.allocations(classId, { ...q }),
    queryFn: () => call(routes.training.allocations, { params: { id: classId }, query: q }),
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
      ? call(routes.training.updateAllocation, {
          params: { id: v.allocation.id },
          body: { version: v.allocation.version, seats: v.seats },
        })
      : call(routes.training.createAllocation, {
          params: { id: classId },
          body: { unitId: v.unitId ?? 0, seats: v.seats },
        }),
  );
}

export function useDeleteAllocation() {
  return useTrainingMutation((id: number) => call(routes.training.deleteAllocation, { params: { id } }));
}
