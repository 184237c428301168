import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { getDashboard } from './dashboard.service.ts';

export async function dashboardRoutes(app: App): Promise<void> {
  register(app, routes.dashboard.get, async (req) => getDashboard(app.ctx, actorOf(req), req.query));
}
