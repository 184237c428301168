import { PassThrough } from 'node:stream';
import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { XLSX } from '../../documents/file.ts';
import { writeXlsxTable } from '../../documents/xlsx/table.ts';
import { todayIso } from '../../lib/dates.ts';
import { peopleTable } from './people.export.ts';
import { createPerson, exportPeople, getPerson, listPeople, updatePerson } from './people.service.ts';

export async function peopleRoutes(app: App): Promise<void> {
  const { people } = routes;
  register(app, people.list, async (req) => listPeople(app.ctx, actorOf(req), req.query));

  register(app, people.export, async (req, reply) => {
    const rows = exportPeople(app.ctx, actorOf(req), req.query);
    const out = new PassThrough();
    // The response is already under way when a batch fails: the stream is cut, and the log says why.
    writeXlsxTable(out, peopleTable(rows)).catch((err: unknown) => req.log.error(err));
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="danh-sach-can-bo-${todayIso()}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(out);
  });

  register(app, people.get, async (req) => getPerson(app.ctx, actorOf(req), req.params));
  register(app, people.create, async (req) => createPerson(app.ctx, actorOf(req), req.body));
  register(app, people.update, async (req) =>
    updatePerson(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
