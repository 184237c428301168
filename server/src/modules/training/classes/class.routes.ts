import {
  classCreate,
  classExportQuery,
  classHistory,
  classListQuery,
  classPage,
  classTransition,
  classUpdate,
  idParams,
  trainingClass,
} from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { sendXlsxTable } from '../../../documents/file.ts';
import { classesTable } from './class.export.ts';
import { createClass, exportClasses, getClass, listClasses, updateClass } from './class.service.ts';
import { classHistoryOf, transitionClass } from './class.transitions.ts';
import { sessionRoutes } from './sessions.routes.ts';

/** Classes, their workflow and history, and (in sessionRoutes) their timetable. */
export async function classRoutes(app: App): Promise<void> {
  const tags = ['training'];

  app.get(
    '/training/classes',
    { schema: { tags, querystring: classListQuery, response: { 200: classPage } } },
    async (req) => listClasses(app.ctx, actorOf(req), req.query),
  );

  app.get('/training/classes.xlsx', { schema: { tags, querystring: classExportQuery } }, async (req, reply) =>
    sendXlsxTable(req, reply, 'danh-sach-lop-boi-duong', classesTable(exportClasses(app.ctx, actorOf(req), req.query))),
  );

  app.get(
    '/training/classes/:id',
    { schema: { tags, params: idParams, response: { 200: trainingClass } } },
    async (req) => getClass(app.ctx, actorOf(req), req.params),
  );

  app.post(
    '/training/classes',
    { schema: { tags, body: classCreate, response: { 201: trainingClass } } },
    async (req, reply) => reply.code(201).send(await createClass(app.ctx, actorOf(req), req.body)),
  );

  app.patch(
    '/training/classes/:id',
    { schema: { tags, params: idParams, body: classUpdate, response: { 200: trainingClass } } },
    async (req) => updateClass(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/training/classes/:id/transitions',
    { schema: { tags, params: idParams, body: classTransition, response: { 200: trainingClass } } },
    async (req) => transitionClass(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.get(
    '/training/classes/:id/history',
    { schema: { tags, params: idParams, response: { 200: classHistory } } },
    async (req) => classHistoryOf(app.ctx, actorOf(req), req.params),
  );

  await app.register(sessionRoutes);
}
