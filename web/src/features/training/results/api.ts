import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes, type Enrolment, type Grade, type Outcome, type QueryValues } from '@canbo/contract';
import { call } from '../../../api/client';
import { TRAINING_KEY } from '../attendance/api';

export interface ResultEdit {
  score?: number | null;
  grade?: Grade | null;
}

/** Seated trainees (nominated + confirmed) in name order: the people who get results. */
export function useSeatedEnrolments(classId: number, query: QueryValues<typeof routes.training.enrolments>) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'classes', classId, 'enrolments', 'seated', query],
    queryFn: () =>
      call(routes.training.enrolments, {
        params: { id: classId },
        query: { ...query, seated: 'true', sort: 'person' },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveResults(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (edits: ReadonlyMap<number, ResultEdit>) =>
      call(routes.training.saveResults, {
        params: { id: classId },
        body: { results: [...edits].map(([enrolmentId, e]) => ({ enrolmentId, ...e })) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

export function useOverrideOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ e, outcome, reason }: { e: Enrolment; outcome: Outcome | null; reason: string | null }) =>
      call(routes.training.overrideOutcome, {
        params: { id: e.id },
        body: { version: e.version, outcome, reason },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}
