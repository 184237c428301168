import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  BulkNominateInput,
  Enrolment,
  EnrolmentStatus,
  NominateInput,
  NominationResult,
  Page,
} from '@canbo/contract';
import { api } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

/** The trainee list's filters (the roster export sends the same, without the pager). */
export interface EnrolmentFilter {
  q?: string;
  status?: EnrolmentStatus;
  unitWithin?: number;
  allocationId?: number;
  sort?: 'person' | 'unit' | 'status' | 'nominatedAt';
  order?: 'asc' | 'desc';
}

export function useEnrolments(classId: number, filter: EnrolmentFilter, page: number, pageSize: number) {
  const q = { ...filter, page, pageSize };
  return useQuery({
    queryKey: trainingKeys.enrolments(classId, q),
    queryFn: () => api.get<Page<Enrolment>>(`/training/classes/${classId}/enrolments`, q),
    placeholderData: keepPreviousData,
  });
}

export function useNominate(classId: number) {
  return useTrainingMutation((body: NominateInput) =>
    api.post<NominationResult>(`/training/classes/${classId}/enrolments`, body),
  );
}

/** A dry run only previews: it changes nothing, so it refreshes nothing either. */
export function useBulkNominate(classId: number) {
  return useTrainingMutation(
    (body: BulkNominateInput) => api.post<NominationResult>(`/training/classes/${classId}/enrolments/bulk`, body),
    (body) => !body.dryRun,
  );
}

export function useConfirmEnrolments(classId: number) {
  return useTrainingMutation((enrolmentIds: number[]) =>
    api.post<unknown>(`/training/classes/${classId}/enrolments/confirm`, { enrolmentIds }),
  );
}

export function useWithdraw() {
  return useTrainingMutation((v: { enrolment: Enrolment; reason: string }) =>
    api.post<{ withdrawn: Enrolment; promoted: Enrolment | null }>(`/training/enrolments/${v.enrolment.id}/withdraw`, {
      version: v.enrolment.version,
      reason: v.reason,
    }),
  );
}
