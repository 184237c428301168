/**
 * Every training query key starts with 'training': one invalidation after a change refreshes the
 * class header's seat counters, the lists and the tabs that depend on one another.
 */
export const TRAINING_KEY = ['training'] as const;

export const trainingKeys = {
  kinds: ['training', 'kinds'] as const,
  programmes: (q: Record<string, unknown>) => ['training', 'programmes', q] as const,
  classes: (q: Record<string, unknown>) => ['training', 'classes', 'list', q] as const,
  class: (id: number) => ['training', 'classes', 'detail', id] as const,
  history: (id: number) => ['training', 'classes', 'history', id] as const,
  sessions: (classId: number) => ['training', 'sessions', classId] as const,
  sessionQr: (sessionId: number) => ['training', 'sessionQr', sessionId] as const,
  allocations: (classId: number, q: Record<string, unknown>) => ['training', 'allocations', classId, q] as const,
  enrolments: (classId: number, q: Record<string, unknown>) => ['training', 'enrolments', classId, q] as const,
};
