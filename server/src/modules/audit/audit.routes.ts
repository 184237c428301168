import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { auditHistory } from './audit.service.ts';

export async function auditRoutes(app: App): Promise<void> {
  register(app, routes.audit.list, async (req) => auditHistory(app.ctx, actorOf(req), req.query));
}
