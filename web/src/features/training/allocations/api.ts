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
 * The class's allocations the trainees list names and the nomination forms offer: all of them for
 * readers of the organiser unit (`readsAll`), the unit's own otherwise. 200 is the most a page holds
 * and more than a class ever allocates.
 */
export function useNominatableAllocations(classId: number, readsAll: boolean) {
  return useAllocations(classId, { page: 1, pageSize: 200, ...(readsAll ? {} : { mine: 'true' }) });
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
