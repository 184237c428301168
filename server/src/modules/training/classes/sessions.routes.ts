import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { register } from '../../../route.ts';
import { createSession, listClassSessions, removeSession, updateSession } from './sessions.service.ts';

/** A class's timetable: at most MAX_SESSIONS sessions, so the list is not paged. */
export async function sessionRoutes(app: App): Promise<void> {
  const { training } = routes;
  register(app, training.sessions, async (req) => listClassSessions(app.ctx, actorOf(req), { classId: req.params.id }));
  register(app, training.createSession, async (req) =>
    createSession(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );
  register(app, training.updateSession, async (req) =>
    updateSession(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.deleteSession, async (req) => {
    await removeSession(app.ctx, actorOf(req), req.params);
    return null;
  });
}
