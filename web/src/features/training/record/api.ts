import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { enrolmentQr, Page, TrainingRecordItem } from '@canbo/contract';
import { api } from '../../../api/client';
import { TRAINING_KEY } from '../attendance/api';

export function useTrainingRecord(personId: number, query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'record', personId, query],
    queryFn: () => api.get<Page<TrainingRecordItem>>(`/people/${personId}/training`, query),
    placeholderData: keepPreviousData,
  });
}

export function useEnrolmentQr(enrolmentId: number | null) {
  return useQuery({
    queryKey: [...TRAINING_KEY, 'enrolments', enrolmentId, 'qr'],
    queryFn: () => api.get<z.infer<typeof enrolmentQr>>(`/training/enrolments/${enrolmentId}/qr`),
    enabled: enrolmentId !== null,
  });
}
