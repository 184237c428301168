import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { register } from '../../../route.ts';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from './programmes.service.ts';

/** Programmes: the catalogue's standard curricula a class may follow. */
export async function programmeRoutes(app: App): Promise<void> {
  const { catalog } = routes;
  register(app, catalog.programmes, async (req) => listProgrammes(app.ctx, actorOf(req), req.query));
  register(app, catalog.programme, async (req) => getProgramme(app.ctx, actorOf(req), req.params));
  register(app, catalog.createProgramme, async (req) => createProgramme(app.ctx, actorOf(req), req.body));
  register(app, catalog.updateProgramme, async (req) =>
    updateProgramme(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
