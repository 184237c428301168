import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf, sendXlsxTable } from '../../../http.ts';
import { register } from '../../../route.ts';
import { classesTable } from './class.export.ts';
import { createClass, exportClasses, getClass, listClasses, updateClass } from './class.service.ts';
import { classHistoryOf, transitionClass } from './class.transitions.ts';
import { sessionRoutes } from './sessions.routes.ts';

/** Classes, their workflow and history, and (in sessionRoutes) their timetable. */
export async function classRoutes(app: App): Promise<void> {
  const { training } = routes;
  register(app, training.classes, async (req) => listClasses(app.ctx, actorOf(req), req.query));

  register(app, training.exportClasses, async (req, reply) =>
    sendXlsxTable(req, reply, 'danh-sach-lop-boi-duong', classesTable(exportClasses(app.ctx, actorOf(req), req.query))),
  );

  register(app, training.class, async (req) => getClass(app.ctx, actorOf(req), req.params));
  register(app, training.createClass, async (req) => createClass(app.ctx, actorOf(req), req.body));
  register(app, training.updateClass, async (req) =>
    updateClass(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.transition, async (req) =>
    transitionClass(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.history, async (req) => classHistoryOf(app.ctx, actorOf(req), req.params));

  await app.register(sessionRoutes);
}
