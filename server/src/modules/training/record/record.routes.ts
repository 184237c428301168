import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { register } from '../../../route.ts';
import { personTrainingRecord } from './record.service.ts';

/** A person's training record, on the person's page. */
export async function recordRoutes(app: App): Promise<void> {
  register(app, routes.people.training, async (req) =>
    personTrainingRecord(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
}
