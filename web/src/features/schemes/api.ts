import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  routes,
  type QueryValues,
  type SchemeCreateInput,
  type SchemeUpdateInput,
  type SchemeLinks,
} from '@canbo/contract';
import { call } from '../../api/client';
import { AUDIT_KEY } from '../../lib/queryKeys';

/** Every schemes query starts here: a change to a scheme or to a link refreshes lists, pages and progress. */
export const SCHEMES_KEY = ['schemes'] as const;

export type SchemeFilter = QueryValues<typeof routes.schemes.list>;
export type RowsFilter = QueryValues<typeof routes.schemes.rows>;

export function useSchemes(filter: SchemeFilter, enabled = true) {
  return useQuery({
    queryKey: [...SCHEMES_KEY, 'list', filter],
    queryFn: () => call(routes.schemes.list, { query: filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useScheme(id: number) {
  return useQuery({
    queryKey: [...SCHEMES_KEY, 'detail', id],
    queryFn: () => call(routes.schemes.get, { params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useSchemeProgress(id: number) {
  return useQuery({
    queryKey: [...SCHEMES_KEY, 'progress', id],
    queryFn: () => call(routes.schemes.progress, { params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTargetRows(id: number, targetId: number, filter: RowsFilter) {
  return useQuery({
    queryKey: [...SCHEMES_KEY, 'rows', id, targetId, filter],
    queryFn: () => call(routes.schemes.rows, { params: { id, targetId }, query: filter }),
    placeholderData: keepPreviousData,
    enabled: targetId > 0,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: SCHEMES_KEY }), qc.invalidateQueries({ queryKey: AUDIT_KEY })]);
}

export function useCreateScheme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SchemeCreateInput) => call(routes.schemes.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateScheme(id: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SchemeUpdateInput) => call(routes.schemes.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

/** What a link is made from: a class (by its organiser) or a study (by the cadre's unit). */
export type LinkOwner = 'class' | 'study';

const linkRoutes = {
  class: { get: routes.schemes.classSchemes, set: routes.schemes.setClassSchemes },
  study: { get: routes.schemes.studySchemes, set: routes.schemes.setStudySchemes },
};

export const linksKey = (owner: LinkOwner, id: number) => [...SCHEMES_KEY, 'links', owner, id] as const;

/** The schemes a class or a study serves. */
export function useSchemeLinks(owner: LinkOwner, id: number | null | undefined) {
  return useQuery({
    queryKey: linksKey(owner, id ?? 0),
    queryFn: () => call(linkRoutes[owner].get, { params: { id: id! } }),
    enabled: !!id,
  });
}

/** Sends the whole set of schemes a class or a study serves. */
export function setSchemeLinks(owner: LinkOwner, id: number, schemeIds: number[]): Promise<SchemeLinks> {
  return call(linkRoutes[owner].set, { params: { id }, body: { schemeIds } });
}

/** Replaces the links and refreshes what counts them (progress) and shows them. */
export function useSetSchemeLinks(owner: LinkOwner) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, schemeIds }: { id: number; schemeIds: number[] }) => setSchemeLinks(owner, id, schemeIds),
    onSuccess: invalidate,
  });
}
