import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { createPosition, getPosition, listPositions, updatePosition } from './positions.service.ts';

export async function positionsRoutes(app: App): Promise<void> {
  const { positions } = routes;
  register(app, positions.list, async (req) => listPositions(app.ctx, actorOf(req), req.query));
  register(app, positions.get, async (req) => getPosition(app.ctx, actorOf(req), req.params));
  register(app, positions.create, async (req) => createPosition(app.ctx, actorOf(req), req.body));
  register(app, positions.update, async (req) =>
    updatePosition(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
