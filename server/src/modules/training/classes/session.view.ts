import type { ClassSession } from '@canbo/contract';
import type { SessionRow } from './sessions.repository.ts';

/** The contract's view of a session row, for the sessions list and the attendance grid alike. */
export function toClassSession(s: SessionRow): ClassSession {
  return {
    id: s.id,
    classId: s.class_id,
    date: s.session_date,
    part: s.part,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    topic: s.topic,
    lecturer: s.lecturer,
    version: s.version,
  };
}
