import { ethnicityList } from '@canbo/contract';
import type { App } from '../../http.ts';
import { listEthnicities } from './catalog.repository.ts';
import { reader } from '../../context.ts';
import { kindRoutes } from './kinds.routes.ts';

export async function catalogRoutes(app: App): Promise<void> {
  // 55 rows, fixed by the statistics office: the only list not paged.
  app.get('/catalog/ethnicities', { schema: { tags: ['catalog'], response: { 200: ethnicityList } } }, async () => ({
    items: await listEthnicities(reader(app.ctx)),
  }));
  // Training kinds, under /training like the rest of training (programmes are training's own).
  await app.register(kindRoutes);
}
