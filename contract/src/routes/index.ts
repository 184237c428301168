import { audit } from './audit.ts';
import { auth, health } from './auth.ts';
import { catalog } from './catalog.ts';
import { flattenRoutes, type RouteSpec } from './define.ts';
import { people } from './people.ts';
import { positions } from './positions.ts';
import { moves } from './moves.ts';
import { training } from './training/index.ts';
import { units } from './units.ts';
import { users } from './users.ts';
import { studies } from './studies.ts';
import { visits } from './visits.ts';
import { schemes } from './schemes.ts';
import { imports } from './imports.ts';
import { reports } from './reports.ts';
import { standards } from './standards.ts';
import { dashboard } from './dashboard.ts';

export * from './define.ts';
export * from './limits.ts';
export { exampleNewUnit } from './units.ts';

/**
 * Every route of the API under /api/v1, by feature: the server registers from it, the web calls
 * through it, and the walks read it. Adding a route is adding an entry here.
 */
export const routes = {
  health,
  auth,
  catalog,
  units,
  people,
  positions,
  moves,
  users,
  audit,
  training,
  studies,
  visits,
  schemes,
  imports,
  reports,
  standards,
  dashboard,
};

/** The table as a list, for the walks and the server's check that it registered all of it. */
export const routeList: readonly RouteSpec[] = flattenRoutes(routes);
