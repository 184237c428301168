import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type BodyIn, type QueryValues, type StandardLevel, type Title } from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

export const STANDARDS_KEY = ['standards'] as const;

/** At most titles × levels cells: the whole catalogue at once. */
export function useTitleStandards() {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'catalogue'],
    queryFn: () => call(routes.standards.list),
  });
}

/** A saved standard changes both lists: everything under the key is read again. */
export function useSaveTitleStandard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { title: Title; level: StandardLevel; body: BodyIn<typeof routes.standards.save> }) =>
      call(routes.standards.save, { params: { title: v.title, level: v.level }, body: v.body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: STANDARDS_KEY });
      void qc.invalidateQueries({ queryKey: AUDIT_KEY });
    },
  });
}

export function useStandardisation(query: QueryValues<typeof routes.standards.standardisation>, enabled: boolean) {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'standardisation', query],
    queryFn: () => call(routes.standards.standardisation, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTitleGaps(query: QueryValues<typeof routes.standards.gaps>, enabled: boolean) {
  return useQuery({
    queryKey: [...STANDARDS_KEY, 'gaps', query],
    queryFn: () => call(routes.standards.gaps, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
