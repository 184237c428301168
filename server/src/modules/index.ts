import { routes } from '@canbo/contract';
import type { App } from '../http.ts';
import { register } from '../route.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { unitRoutes } from './units/units.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { positionsRoutes } from './positions/positions.routes.ts';
import { movesRoutes } from './moves/moves.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { studiesRoutes } from './studies/studies.routes.ts';
import { visitsRoutes } from './visits/visits.routes.ts';
import { schemesRoutes } from './schemes/schemes.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { reportsRoutes } from './reports/reports.routes.ts';
import { standardsRoutes } from './standards/standards.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';

/** Every feature's routes, mounted under /api/v1. */
export async function registerModules(app: App): Promise<void> {
  await app.register(authRoutes);
  await app.register(catalogRoutes);
  await app.register(unitRoutes);
  await app.register(peopleRoutes);
  await app.register(positionsRoutes);
  await app.register(movesRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(trainingRoutes);
  await app.register(studiesRoutes);
  await app.register(visitsRoutes);
  await app.register(schemesRoutes);
  await app.register(importsRoutes);
  await app.register(reportsRoutes);
  await app.register(standardsRoutes);
  await app.register(dashboardRoutes);
  register(app, routes.health.health, async () => ({ ok: true }));
}
