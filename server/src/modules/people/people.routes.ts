import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { peopleTable } from './people.export.ts';
import { createPerson, exportPeople, getPerson, listPeople, updatePerson } from './people.service.ts';

export async function peopleRoutes(app: App): Promise<void> {
  const { people } = routes;
  register(app, people.list, async (req) => listPeople(app.ctx, actorOf(req), req.query));

  register(app, people.export, async (req, reply) =>
    sendXlsxTable(req, reply, 'danh-sach-can-bo', peopleTable(exportPeople(app.ctx, actorOf(req), req.query))),
  );

  register(app, people.get, async (req) => getPerson(app.ctx, actorOf(req), req.params));
  register(app, people.create, async (req) => createPerson(app.ctx, actorOf(req), req.body));
  register(app, people.update, async (req) => updatePerson(app.ctx, actorOf(req), { ...req.body, id: req.params.id }));
}
