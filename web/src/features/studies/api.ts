import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const STUDIES_KEY = ['studies'] as const;

export type StudyFilter = QueryValues<typeof routes.studies.list>;

/** The list (`overdue: 'true'`: past the expected end, still in progress). */
export function useStudies(filter: StudyFilter) {
  return useQuery({
    queryKey: [...STUDIES_KEY, 'all', filter],
    queryFn: () => call(routes.studies.list, { query: filter }),
  });
}

export function useStudy(id: number) {
  return useQuery({
    queryKey: [...STUDIES_KEY, 'detail', id],
    queryFn: () => call(routes.studies.get, { params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function usePersonStudies(personId: number, filter: StudyFilter) {
  return useQuery({
    queryKey: [...STUDIES_KEY, 'person', personId, filter],
    queryFn: () => call(routes.studies.ofPerson, { params: { id: personId }, query: filter }),
  });
}

/** A study's change can raise the person's level: the person and the histories are stale too. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: STUDIES_KEY });
    void qc.invalidateQueries({ queryKey: ['people'] });
    void qc.invalidateQueries({ queryKey: AUDIT_KEY });
  };
}

export function useCreateStudy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.studies.create>) => call(routes.studies.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateStudy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyIn<typeof routes.studies.update> & { id: number }) =>
      call(routes.studies.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useTransitionStudy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyIn<typeof routes.studies.transition> }) =>
      call(routes.studies.transition, { params: { id }, body }),
    onSuccess: invalidate,
  });
}
