import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { register } from '../../route.ts';
import { listEthnicities } from './catalog.repository.ts';
import { reader } from '../../context.ts';
import { kindRoutes } from './kinds.routes.ts';

export async function catalogRoutes(app: App): Promise<void> {
  register(app, routes.catalog.ethnicities, async () => ({ items: await listEthnicities(reader(app.ctx)) }));
  // Training kinds, under /training like the rest of training (programmes are training's own).
  await app.register(kindRoutes);
}
