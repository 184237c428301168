import { PassThrough } from 'node:stream';
import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { register } from '../../../route.ts';
import { XLSX } from '../../../documents/file.ts';
import { writeXlsxTable } from '../../../documents/xlsx/table.ts';
import { todayIso } from '../../../lib/dates.ts';
import { classesTable } from './class.export.ts';
import { createClass, exportClasses, getClass, listClasses, updateClass } from './class.service.ts';
import { classHistoryOf, transitionClass } from './class.transitions.ts';
import { sessionRoutes } from './sessions.routes.ts';

/** Classes, their workflow and history, and (in sessionRoutes) their timetable. */
export async function classRoutes(app: App): Promise<void> {
  const { training } = routes;
  register(app, training.classes, async (req) => listClasses(app.ctx, actorOf(req), req.query));

  register(app, training.exportClasses, async (req, reply) => {
    const rows = exportClasses(app.ctx, actorOf(req), req.query);
    const out = new PassThrough();
    // The response is already under way when a batch fails: the stream is cut, and the log says why.
    writeXlsxTable(out, classesTable(rows)).catch((err: unknown) => req.log.error(err));
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="danh-sach-lop-boi-duong-${todayIso()}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(out);
  });

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
