import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { register } from '../../../route.ts';
import { recordClass } from './recorded.service.ts';

/** A class already held, recorded in one step. */
export async function recordedRoutes(app: App): Promise<void> {
  register(app, routes.training.recordClass, async (req) => recordClass(app.ctx, actorOf(req), req.body));
}
