import {
  idParams,
  programme,
  programmeCreate,
  programmeListQuery,
  programmePage,
  programmeUpdate,
} from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programmes.service.ts';

/** Programmes: the catalogue's standard curricula a class may follow. */
export async function programmeRoutes(app: App): Promise<void> {
  const tags = ['catalog'];

  app.get(
    '/training/programmes',
    { schema: { tags, querystring: programmeListQuery, response: { 200: programmePage } } },
    async (req) => listProgrammes(app.ctx, actorOf(req), req.query),
  );

  app.get(
    '/training/programmes/:id',
    { schema: { tags, params: idParams, response: { 200: programme } } },
    async (req) => getProgramme(app.ctx, actorOf(req), req.params),
  );

  app.post(
    '/training/programmes',
    { schema: { tags, body: programmeCreate, response: { 201: programme } } },
    async (req, reply) => reply.code(201).send(await createProgramme(app.ctx, actorOf(req), req.body)),
  );

  // Retiring a programme is an update (active: false): classes that followed it keep it.
  app.patch(
    '/training/programmes/:id',
    { schema: { tags, params: idParams, body: programmeUpdate, response: { 200: programme } } },
    async (req) => updateProgramme(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
