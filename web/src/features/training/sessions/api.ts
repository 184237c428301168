import { useQuery } from '@tanstack/react-query';
import { routes, type ClassSession, type ReplyOut, type SessionCreateInput } from '@canbo/contract';
import { call } from '../../../api/client';
import { trainingKeys } from '../keys';
import { useTrainingMutation } from '../useTrainingMutation';

export type SessionQr = ReplyOut<typeof routes.training.sessionQr>;

export function useSessions(classId: number) {
  return useQuery({
    queryKey: trainingKeys.sessions(classId),
    queryFn: () => call(routes.training.sessions, { params: { id: classId } }),
  });
}

export function useSessionQr(sessionId: number | null) {
  return useQuery({
    queryKey: trainingKeys.sessionQr(sessionId ?? 0),
    queryFn: () => call(routes.training.sessionQr, { params: { id: sessionId ?? 0 } }),
    enabled: sessionId !== null,
  });
}

export type SessionBody = SessionCreateInput;

export function useSaveSession(classId: number) {
  return useTrainingMutation((v: { session: ClassSession | null; body: SessionBody }) =>
    v.session
      ? call(routes.training.updateSession, {
          params: { id: v.session.id },
          body: { ...v.body, version: v.session.version },
        })
      : call(routes.training.createSession, { params: { id: classId }, body: v.body }),
  );
}

export function useDeleteSession() {
  return useTrainingMutation((id: number) => call(routes.training.deleteSession, { params: { id } }));
}
