import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttendanceGrid, AttendanceUploadResult, attendanceSaved, checkinResult } from '@canbo/contract';
import { api, download } from '../../../api/client';
import { errorOf } from '../verify/response';
import type { Draft } from './draft';
import { marksBody } from './draft';

export type CheckinResult = z.infer<typeof checkinResult>;
type Saved = z.infer<typeof attendanceSaved>;

/** Every training query starts with this, so a change to attendance refreshes counts shown elsewhere. */
export const TRAINING_KEY = ['training'] as const;

const attendanceKey = (classId: number) => [...TRAINING_KEY, 'classes', classId, 'attendance'] as const;

export function useAttendanceGrid(classId: number, query: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: [...attendanceKey(classId), query],
    queryFn: () => api.get<AttendanceGrid>(`/training/classes/${classId}/attendance`, query),
    placeholderData: keepPreviousData,
  });
}

export function useSaveMarks(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: Draft) => api.put<Saved>(`/training/classes/${classId}/attendance`, marksBody(draft)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: TRAINING_KEY }),
  });
}

export function downloadAttendanceSheet(classId: number): Promise<void> {
  return download(`/training/classes/${classId}/attendance.xlsx`, undefined, `diem-danh-lop-${classId}.xlsx`);
}

/**
 * POST …/attendance/upload as multipart: the shared client speaks JSON only. The CSRF token is the
 * session's, as /auth/me gave it.
 */
export async function uploadAttendance(
  classId: number,
  file: File,
  dryRun: boolean,
  csrfToken: string,
): Promise<AttendanceUploadResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(`/api/v1/training/classes/${classId}/attendance/upload?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
    credentials: 'same-origin',
    body,
  });
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as AttendanceUploadResult;
}

export function useInvalidateTraining() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: TRAINING_KEY });
}

/** Staff scan a trainee's personal code into a session. */
export function staffCheckin(sessionId: number, code: string): Promise<CheckinResult> {
  return api.post<CheckinResult>(`/training/sessions/${sessionId}/checkin`, { code });
}
