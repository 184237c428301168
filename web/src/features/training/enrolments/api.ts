import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type BulkNominateInput, type Enrolment, type NominateInput, type QueryValues } from '@canbo/contract';
import { call } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

/** The trainee list's filters (the roster export sends the same, without the pager). */
export type EnrolmentFilter = Omit<QueryValues<typeof routes.training.enrolments>, 'page' | 'pageSize'>;

export function useEnrolments(classId: number, filter: EnrolmentFilter, page: number, pageSize: number) {
  const q = { ...filter, page, pageSize };
  return useQuery({
    queryKey: trainingKeys.enrolments(classId, q),
    queryFn: () => call(routes.training.enrolments, { params: { id: classId }, query: q }),
    placeholderData: keepPreviousData,
  });
}

export function useNominate(classId: number) {
  return useTrainingMutation((body: NominateInput) =>
    call(routes.training.nominate, { params: { id: classId }, body }),
  );
}

/** A dry run only previews: it changes nothing, so it refreshes nothing either. */
export function useBulkNominate(classId: number) {
  return useTrainingMutation(
    (body: BulkNominateInput) => call(routes.training.nominateBulk, { params: { id: classId }, body }),
    (body) => !body.dryRun,
  );
}

export function useConfirmEnrolments(classId: number) {
  return useTrainingMutation((enrolmentIds: number[]) =>
    call(routes.training.confirm, { params: { id: classId }, body: { enrolmentIds } }),
  );
}

export function useWithdraw() {
  return useTrainingMutation((v: { enrolment: Enrolment; reason: string }) =>
    call(routes.training.withdraw, {
      params: { id: v.enrolment.id },
      body: { version: v.enrolment.version, reason: v.reason },
    }),
  );
}
