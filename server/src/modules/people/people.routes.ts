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
import { sendXlsxTable } from '../../documents/file.ts';
import { peopleTable } from './people.export.ts';
import { createPerson, exportPeople, getPerson, listPeople, updatePerson } from './people.service.ts';

export async function peopleRoutes(app: App): Promise<void> {
  const tags = ['people'];

  app.get('/people', { schema: { tags, querystring: personListQuery, response: { 200: personPage } } }, async (req) =>
    listPeople(app.ctx, actorOf(req), req.query),
  );

  app.get('/people/export.xlsx', { schema: { tags, querystring: personExportQuery } }, async (req, reply) =>
    sendXlsxTable(req, reply, 'danh-sach-can-bo', peopleTable(exportPeople(app.ctx, actorOf(req), req.query))),
  );

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
