import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Enrolment, Grade, Outcome, OverrideResult, Page, resultsSaved } from '@canbo/contract';
import { api } from '../../../api/client';
import { TRAINING_KEY } from '../attendance/api';

export interface ResultEdit {
  score?: number | null;
  grade?: Grade | null;
}

/** Seated trainees (nominated + confirmed) in name order: the people who get results. */
export function useSeatedEnrolments(classId: number, query: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'classes', classId, 'enrolments', 'seated', query],
    queryFn: () =>
      api.get<Page<Enrolment>>(`/training/classes/${classId}/enrolments`, { ...query, seated: 'true', sort: 'person' }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveResults(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (edits: ReadonlyMap<number, ResultEdit>) =>
      api.put<z.infer<typeof resultsSaved>>(`/training/classes/${classId}/results`, {
        results: [...edits].map(([enrolmentId, e]) => ({ enrolmentId, ...e })),
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

export function useOverrideOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ e, outcome, reason }: { e: Enrolment; outcome: Outcome | null; reason: string | null }) =>
      api.post<OverrideResult>(`/training/enrolments/${e.id}/override`, { version: e.version, outcome, reason }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}
