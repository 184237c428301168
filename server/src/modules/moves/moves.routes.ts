import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { createMove, listMoves, removeMove, updateMove } from './moves.service.ts';

export async function movesRoutes(app: App): Promise<void> {
  const { moves } = routes;
  register(app, moves.list, async (req) => listMoves(app.ctx, actorOf(req), { ...req.query, id: req.params.id }));
  register(app, moves.create, async (req) => createMove(app.ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, moves.update, async (req) =>
    updateMove(app.ctx, actorOf(req), { ...req.body, id: req.params.id, moveId: req.params.moveId }),
  );
  register(app, moves.delete, async (req) => {
    await removeMove(app.ctx, actorOf(req), req.params);
    return null;
  });
}
