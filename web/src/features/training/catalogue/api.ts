import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page, Programme, ProgrammeCreateInput, TrainingKind } from '@canbo/contract';
import { api } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

/** The programme list's filters as they travel in the address and to the API. */
export interface ProgrammeSearch {
  q?: string;
  kindCode?: string;
  active?: 'true' | 'false';
  sort?: 'name' | 'kind';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** A handful of rows: the whole list, kept for the session (a form's kind select reads it too). */
export function useKinds() {
  return useQuery({
    queryKey: trainingKeys.kinds,
    queryFn: () => api.get<{ items: TrainingKind[] }>('/training/kinds'),
    staleTime: 5 * 60_000,
  });
}

export function useProgrammes(search: ProgrammeSearch, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.programmes({ ...search }),
    queryFn: () => api.get<Page<Programme>>('/training/programmes', { ...search }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type KindCreateBody = { code: string; name: string; sortOrder: number };
export type KindUpdateBody = { version: number; name?: string; sortOrder?: number; active?: boolean };

export function useSaveKind() {
  return useTrainingMutation((v: { code: string | null; body: KindCreateBody | KindUpdateBody }) =>
    v.code === null
      ? api.post<TrainingKind>('/training/kinds', v.body)
      : api.patch<TrainingKind>(`/training/kinds/${encodeURIComponent(v.code)}`, v.body),
  );
}

export type ProgrammeBody = ProgrammeCreateInput & { version?: number; active?: boolean };

export function useSaveProgramme() {
  return useTrainingMutation((v: { id: number | null; body: ProgrammeBody }) =>
    v.id === null
      ? api.post<Programme>('/training/programmes', v.body)
      : api.patch<Programme>(`/training/programmes/${v.id}`, v.body),
  );
}
