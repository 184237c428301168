import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type QueryValues } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

/** Every units query key starts with 'units', so one invalidation refreshes tree, list and pages. */
export const unitKeys = {
  all: ['units'] as const,
  list: (q: Record<string, unknown>) => ['units', 'list', q] as const,
  tree: (parentId: number | null, asOf: string | null, includeEnded: boolean) =>
    ['units', 'tree', { parentId, asOf, includeEnded }] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
  events: (id: number, page: number) => ['units', 'events', id, page] as const,
  lineage: (id: number, page: number) => ['units', 'lineage', id, page] as const,
  headcount: (id: number, date: string) => ['units', 'headcount', id, date] as const,
};

export type UnitListParams = QueryValues<typeof routes.units.list>;

export function fetchUnits(params: UnitListParams) {
  return call(routes.units.list, { query: params });
}

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: unitKeys.list(params as Record<string, unknown>),
    queryFn: () => fetchUnits(params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const TREE_PAGE_SIZE = 500;

export function fetchTreeLevel(parentId: number | null, asOf: string | null, includeEnded: boolean) {
  return call(routes.units.tree, {
    query: {
      parentId: parentId ?? undefined,
      asOf: asOf ?? undefined,
      includeEnded: includeEnded || undefined,
      pageSize: TREE_PAGE_SIZE,
    },
  });
}

export function fetchUnit(id: number) {
  return call(routes.units.get, { params: { id } });
}

export function useUnit(id: number) {
  return useQuery({ queryKey: unitKeys.detail(id), queryFn: () => fetchUnit(id) });
}

/** After a change: the tree, lists, unit pages, events and lineage may all have moved. */
export function useInvalidateUnits() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: unitKeys.all }),
      qc.invalidateQueries({ queryKey: AUDIT_KEY }),
      // a merge or split ends positions and moves people
      qc.invalidateQueries({ queryKey: ['positions'] }),
      qc.invalidateQueries({ queryKey: ['people'] }),
    ]);
}
