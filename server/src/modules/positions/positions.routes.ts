import { idParams, position, positionCreate, positionListQuery, positionPage, positionUpdate } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { createPosition, getPosition, listPositions, updatePosition } from './positions.service.ts';

/** A unit's committee is `?unitId=X&activeOn=<today>`; a cadre's history is `?personId=X`. */
export async function positionsRoutes(app: App): Promise<void> {
  const tags = ['positions'];

  app.get(
    '/positions',
    { schema: { tags, querystring: positionListQuery, response: { 200: positionPage } } },
    async (req) => listPositions(app.ctx, actorOf(req), req.query),
  );

  app.get('/positions/:id', { schema: { tags, params: idParams, response: { 200: position } } }, async (req) =>
    getPosition(app.ctx, actorOf(req), req.params),
  );

  app.post('/positions', { schema: { tags, body: positionCreate, response: { 201: position } } }, async (req, reply) =>
    reply.code(201).send(await createPosition(app.ctx, actorOf(req), req.body)),
  );

  // Ending a position is an update that sets its end date.
  app.patch(
    '/positions/:id',
    { schema: { tags, params: idParams, body: positionUpdate, response: { 200: position } } },
    async (req) => updatePosition(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
