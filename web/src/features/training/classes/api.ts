import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ClassAction,
  ClassCreateInput,
  ClassStatus,
  ClassUpdateInput,
  Page,
  TrainingClass,
} from '@canbo/contract';
import { api } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';
import type { ClassSearch } from './classSearch';

export interface ClassHistoryEntry {
  id: number;
  at: string;
  actorName: string | null;
  fromStatus: ClassStatus | null;
  toStatus: ClassStatus;
  note: string | null;
}

/** The list's filters without the pager: what the Excel export sends. */
export function classFilter(s: ClassSearch) {
  const { page: _p, pageSize: _s, ...rest } = s;
  return rest;
}

export function useClasses(search: ClassSearch, page: number, pageSize: number) {
  const q = { ...search, page, pageSize };
  return useQuery({
    queryKey: trainingKeys.classes(q),
    queryFn: () => api.get<Page<TrainingClass>>('/training/classes', q),
    placeholderData: keepPreviousData,
  });
}

export function useClass(id: number) {
  return useQuery({
    queryKey: trainingKeys.class(id),
    queryFn: () => api.get<TrainingClass>(`/training/classes/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useClassHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.history(id),
    queryFn: () => api.get<{ items: ClassHistoryEntry[] }>(`/training/classes/${id}/history`),
    enabled,
  });
}

export function useCreateClass() {
  return useTrainingMutation((body: ClassCreateInput) => api.post<TrainingClass>('/training/classes', body));
}

export function useUpdateClass(id: number) {
  return useTrainingMutation((body: ClassUpdateInput) => api.patch<TrainingClass>(`/training/classes/${id}`, body));
}

export function useTransition(id: number) {
  return useTrainingMutation((body: { action: ClassAction; version: number; note: string | null }) =>
    api.post<TrainingClass>(`/training/classes/${id}/transitions`, body),
  );
}
