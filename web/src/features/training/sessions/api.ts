import { useQuery } from '@tanstack/react-query';
import type { ClassSession, SessionCreateInput } from '@canbo/contract';
import { api } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

export interface SessionQr {
  token: string;
  url: string;
  windowFrom: string;
  windowTo: string;
}

export function useSessions(classId: number) {
  return useQuery({
    queryKey: trainingKeys.sessions(classId),
    queryFn: () => api.get<{ items: ClassSession[] }>(`/training/classes/${classId}/sessions`),
  });
}

export function useSessionQr(sessionId: number | null) {
  return useQuery({
    queryKey: trainingKeys.sessionQr(sessionId ?? 0),
    queryFn: () => api.get<SessionQr>(`/training/sessions/${sessionId}/qr`),
    enabled: sessionId !== null,
  });
}

export type SessionBody = SessionCreateInput;

export function useSaveSession(classId: number) {
  return useTrainingMutation((v: { session: ClassSession | null; body: SessionBody }) =>
    v.session
      ? api.patch<ClassSession>(`/training/sessions/${v.session.id}`, { ...v.body, version: v.session.version })
      : api.post<ClassSession>(`/training/classes/${classId}/sessions`, v.body),
  );
}

export function useDeleteSession() {
  return useTrainingMutation((id: number) => api.delete<void>(`/training/sessions/${id}`));
}
