import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes, type QueryValues } from '@canbo/contract';
import { call } from '../../../api/client';
import { TRAINING_KEY } from '../attendance/api';

export function useTrainingRecord(personId: number, query: QueryValues<typeof routes.people.training>) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'record', personId, query],
    queryFn: () => call(routes.people.training, { params: { id: personId }, query }),
    placeholderData: keepPreviousData,
  });
}

export function useEnrolmentQr(enrolmentId: number | null) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'enrolments', enrolmentId, 'qr'],
    queryFn: () => call(routes.training.enrolmentQr, { params: { id: enrolmentId ?? 0 } }),
    enabled: enrolmentId !== null,
  });
}
