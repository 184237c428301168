import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type BodyIn, type ProgrammeCreateInput, type QueryValues } from '@canbo/contract';
import { call } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

/** The programme list's filters as they travel in the address and to the API. */
export type ProgrammeSearch = QueryValues<typeof routes.catalog.programmes>;

/** A handful of rows: the whole list, kept for the session (a form's kind select reads it too). */
export function useKinds() {
  return useQuery({
    queryKey: trainingKeys.kinds,
    queryFn: () => call(routes.catalog.kinds),
    staleTime: 5 * 60_000,
  });
}

export function useProgrammes(search: ProgrammeSearch, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.programmes({ ...search }),
    queryFn: () => call(routes.catalog.programmes, { query: search }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type KindCreateBody = BodyIn<typeof routes.catalog.createKind>;
export type KindUpdateBody = BodyIn<typeof routes.catalog.updateKind>;

export function useSaveKind() {
  return useTrainingMutation((v: { code: null; body: KindCreateBody } | { code: string; body: KindUpdateBody }) =>
    v.code === null
      ? call(routes.catalog.createKind, { body: v.body })
      : call(routes.catalog.updateKind, { params: { code: v.code }, body: v.body }),
  );
}

export type ProgrammeBody = ProgrammeCreateInput & { version?: number; active?: boolean };

export function useSaveProgramme() {
  return useTrainingMutation((v: { id: number | null; body: ProgrammeBody }) =>
    v.id === null
      ? call(routes.catalog.createProgramme, { body: v.body })
      : call(routes.catalog.updateProgramme, {
          params: { id: v.id },
          body: { ...v.body, version: v.body.version ?? 0 },
        }),
  );
}
