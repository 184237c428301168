import type { App } from '../http.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';

/** Every feature's routes, mounted under /api/v1. */
export async function registerModules(app: App): Promise<void> {
  await app.register(authRoutes);
  await app.register(catalogRoutes);
  app.get('/health', { config: { public: true } }, async () => ({ ok: true }));
}
