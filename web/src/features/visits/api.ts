import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn } from '@canbo/contract';
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
