import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type BodyIn, type ClassCreateInput, type ClassUpdateInput, type ReplyOut } from '@canbo/contract';
import { call } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';
import type { ClassSearch } from './classSearch';

export type ClassHistoryEntry = ReplyOut<typeof routes.training.history>['items'][number];

/** The list's filters without the pager: what the Excel export sends. */
export function classFilter(s: ClassSearch) {
  const { page: _p, pageSize: _s, ...rest } = s;
  return rest;
}

export function useClasses(search: ClassSearch, page: number, pageSize: number) {
  const q = { ...search, page, pageSize };
  return useQuery({
    queryKey: trainingKeys.classes(q),
    queryFn: () => call(routes.training.classes, { query: q }),
    placeholderData: keepPreviousData,
  });
}

export function useClass(id: number) {
  return useQuery({
    queryKey: trainingKeys.class(id),
    queryFn: () => call(routes.training.class, { params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useClassHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.history(id),
    queryFn: () => call(routes.training.history, { params: { id } }),
    enabled,
  });
}

export function useCreateClass() {
  return useTrainingMutation((body: ClassCreateInput) => call(routes.training.createClass, { body }));
}

export function useUpdateClass(id: number) {
  return useTrainingMutation((body: ClassUpdateInput) => call(routes.training.updateClass, { params: { id }, body }));
}

export function useTransition(id: number) {
  return useTrainingMutation((body: BodyIn<typeof routes.training.transition>) =>
    call(routes.training.transition, { params: { id }, body }),
  );
}
