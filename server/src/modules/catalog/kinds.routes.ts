import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { createTrainingKind, listTrainingKinds, updateTrainingKind } from './kinds.service.ts';

/** Training kinds: a handful of rows every user picks from; only catalogue managers change them. */
export async function kindRoutes(app: App): Promise<void> {
  const { catalog } = routes;
  register(app, catalog.kinds, async () => listTrainingKinds(app.ctx));
  register(app, catalog.createKind, async (req) => createTrainingKind(app.ctx, actorOf(req), req.body));
  register(app, catalog.updateKind, async (req) =>
    updateTrainingKind(app.ctx, actorOf(req), { ...req.body, code: req.params.code }),
  );
}
