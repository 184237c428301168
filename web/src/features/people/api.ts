import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const PEOPLE_KEY = ['people'] as const;

/** The list's filters as they travel in the URL and to the API. */
export type PeopleFilter = QueryValues<typeof routes.people.list>;

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', filter],
    queryFn: () => call(routes.people.list, { query: filter }),
    placeholderData: (prev) => prev,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'detail', id],
    queryFn: () => call(routes.people.get, { params: { id } }),
  });
}

export function useEthnicities() {
  return useQuery({
    queryKey: ['catalog', 'ethnicities'],
    queryFn: () => call(routes.catalog.ethnicities),
    staleTime: Infinity,
  });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.people.create>) => call(routes.people.create, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: PEOPLE_KEY }),
  });
}

export function useUpdatePerson(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof routes.people.update>) => call(routes.people.update, { params: { id }, body }),
    onSuccess: (p) => {
      qc.setQueryData([...PEOPLE_KEY, 'detail', id], p);
      void qc.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'list'] });
      void qc.invalidateQueries({ queryKey: AUDIT_KEY });
    },
  });
}
