import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const VISITS_KEY = ['visits'] as const;

export function useMyYear(year: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'me', year],
    queryFn: () => call(routes.visits.me, { query: { year } }),
    retry: false,
  });
}

/** A cadre's year as staff see it on the record (404 when the cadre is out of the reader's scope). */
export function usePersonYear(personId: number, year: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'person', personId, year],
    queryFn: () => call(routes.visits.personYear, { query: { personId, year } }),
    retry: false,
  });
}

/** Any change to a trip refreshes every year view and the histories: editors see it at once. */
function useVisitsChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: VISITS_KEY });
    void qc.invalidateQueries({ queryKey: AUDIT_KEY });
  };
}

export function useCreateTrip() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.visits.createTrip>) => call(routes.visits.createTrip, { body }),
    onSuccess: changed,
  });
}

export function useFileReport() {
  const changed = useVisitsChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number } & BodyIn<typeof routes.visits.fileReport>) =>
      call(routes.visits.fileReport, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useCompliance(query: QueryValues<typeof routes.visits.compliance>, enabled: boolean) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'compliance', query],
    queryFn: () => call(routes.visits.compliance, { query }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useTotals(unitId: number | undefined, year: number) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'totals', unitId, year],
    queryFn: () => call(routes.visits.totals, { query: { unitId, year } }),
    enabled: unitId !== undefined,
  });
}

export function useOverdue(query: QueryValues<typeof routes.visits.overdue>, enabled: boolean) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'overdue', query],
    queryFn: () => call(routes.visits.overdue, { query }),
    placeholderData: (prev) => prev,
    enabled,
  });
}
