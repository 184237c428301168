import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ethnicity, Page, Person, PersonCreate, PersonUpdate } from '@canbo/contract';
import { api } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const PEOPLE_KEY = ['people'] as const;

/** The list's filters as they travel in the URL and to the API (strings and numbers only). */
export interface PeopleFilter {
  q?: string;
  unitId?: number;
  title?: string;
  gender?: string;
  ethnicityCode?: string;
  minority?: 'true' | 'false';
  partyMember?: 'true' | 'false';
  theoryLevel?: string;
  ageMin?: number;
  ageMax?: number;
  sort?: 'name' | 'birthDate' | 'unit' | 'updatedAt';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', filter],
    queryFn: () => api.get<Page<Person>>('/people', { ...filter }),
    placeholderData: (prev) => prev,
  });
}

export function usePerson(id: number) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'detail', id],
    queryFn: () => api.get<Person>(`/people/${id}`),
  });
}

export function useEthnicities() {
  return useQuery({
    queryKey: ['catalog', 'ethnicities'],
    queryFn: () => api.get<{ items: Ethnicity[] }>('/catalog/ethnicities'),
    staleTime: Infinity,
  });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PersonCreate>) => api.post<Person>('/people', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: PEOPLE_KEY }),
  });
}

export function useUpdatePerson(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonUpdate) => api.patch<Person>(`/people/${id}`, body),
    onSuccess: (p) => {
      qc.setQueryData([...PEOPLE_KEY, 'detail', id], p);
      void qc.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'list'] });
      void qc.invalidateQueries({ queryKey: AUDIT_KEY });
    },
  });
}
