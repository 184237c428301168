import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { studiesTable } from './studies.export.ts';
import {
  createStudy,
  exportStudies,
  getStudy,
  listPersonStudies,
  listStudies,
  transitionStudy,
  updateStudy,
} from './studies.service.ts';

export async function studiesRoutes(app: App): Promise<void> {
  const { studies } = routes;
  register(app, studies.list, async (req) => listStudies(app.ctx, actorOf(req), req.query));
  register(app, studies.export, async (req, reply) =>
    sendXlsxTable(req, reply, 'hoc-tap-dai-han', studiesTable(exportStudies(app.ctx, actorOf(req), req.query))),
  );
  register(app, studies.ofPerson, async (req) =>
    listPersonStudies(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
  register(app, studies.get, async (req) => getStudy(app.ctx, actorOf(req), req.params));
  register(app, studies.create, async (req) => createStudy(app.ctx, actorOf(req), req.body));
  register(app, studies.update, async (req) => updateStudy(app.ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, studies.transition, async (req) =>
    transitionStudy(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
