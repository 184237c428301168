import { classSession, idParams, sessionCreate, sessionList, sessionUpdate } from '@canbo/contract';
import { z } from 'zod';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { createSession, listClassSessions, removeSession, updateSession } from './sessions.service.ts';

/** A class's timetable: at most MAX_SESSIONS sessions, so the list is not paged. */
export async function sessionRoutes(app: App): Promise<void> {
  const tags = ['training'];

  app.get(
    '/training/classes/:id/sessions',
    { schema: { tags, params: idParams, response: { 200: sessionList } } },
    async (req) => listClassSessions(app.ctx, actorOf(req), { classId: req.params.id }),
  );

  app.post(
    '/training/classes/:id/sessions',
    { schema: { tags, params: idParams, body: sessionCreate, response: { 201: classSession } } },
    async (req, reply) =>
      reply.code(201).send(await createSession(app.ctx, actorOf(req), { ...req.body, classId: req.params.id })),
  );

  app.patch(
    '/training/sessions/:id',
    { schema: { tags, params: idParams, body: sessionUpdate, response: { 200: classSession } } },
    async (req) => updateSession(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.delete(
    '/training/sessions/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await removeSession(app.ctx, actorOf(req), req.params);
      return reply.code(204).send(null);
    },
  );
}
