import { PassThrough } from 'node:stream';
import {
  idParams,
  person,
  personCreate,
  personExportQuery,
  personListQuery,
  personPage,
  personUpdate,
} from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { writeXlsxTable } from '../../documents/xlsx/table.ts';
import { todayIso } from '../../lib/dates.ts';
import { peopleTable } from './people.export.ts';
import { createPerson, exportPeople, getPerson, listPeople, updatePerson } from './people.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function peopleRoutes(app: App): Promise<void> {
  const tags = ['people'];

  app.get('/people', { schema: { tags, querystring: personListQuery, response: { 200: personPage } } }, async (req) =>
    listPeople(app.ctx, actorOf(req), req.query),
  );

  app.get('/people/export.xlsx', { schema: { tags, querystring: personExportQuery } }, async (req, reply) => {
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

  app.get('/people/:id', { schema: { tags, params: idParams, response: { 200: person } } }, async (req) =>
    getPerson(app.ctx, actorOf(req), req.params),
  );

  app.post('/people', { schema: { tags, body: personCreate, response: { 201: person } } }, async (req, reply) =>
    reply.code(201).send(await createPerson(app.ctx, actorOf(req), req.body)),
  );

  app.patch(
    '/people/:id',
    { schema: { tags, params: idParams, body: personUpdate, response: { 200: person } } },
    async (req) => updatePerson(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
