import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { routes, type checkinResult, type QueryValues } from '@canbo/contract';
import { call, download, upload } from '../../../api/client';
import type { Draft } from './draft';
import { marksBody } from './draft';

export type CheckinResult = z.infer<typeof checkinResult>;

/** Every training query starts with this, so a change to attendance refreshes counts shown elsewhere. */
export const TRAINING_KEY = ['training'] as const;

const attendanceKey = (classId: number) => [...TRAINING_KEY, 'classes', classId, 'attendance'] as const;

export function useAttendanceGrid(classId: number, query: QueryValues<typeof routes.training.attendance>) {
  return useQuery({
    queryKey: [...attendanceKey(classId), query],
    queryFn: () => call(routes.training.attendance, { params: { id: classId }, query }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveMarks(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: Draft) =>
      call(routes.training.saveAttendance, { params: { id: classId }, body: marksBody(draft) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

export function downloadAttendanceSheet(classId: number): Promise<void> {
  return download(routes.training.attendanceSheet, { params: { id: classId } });
}

/** The attendance sheet, checked (a dry run) or applied. */
export function uploadAttendance(classId: number, file: File, dryRun: boolean) {
  return upload(
    routes.training.uploadAttendance,
    { params: { id: classId }, query: { dryRun: dryRun ? 'true' : 'false' } },
    file,
  );
}

export function useInvalidateTraining() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: TRAINING_KEY });
}

/** Staff scan a trainee's personal code into a session. */
export function staffCheckin(sessionId: number, code: string): Promise<CheckinResult> {
  return call(routes.training.staffCheckin, { params: { id: sessionId }, body: { code } });
}
