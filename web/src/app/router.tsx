import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  Outlet,
} from '@tanstack/react-router';
import { plainSearch } from '../lib/listSearch';
import { unitsRoutes } from '../features/units/routes';
import { peopleRoutes } from '../features/people/routes';
import { usersRoutes } from '../features/users/routes';
import { auditRoutes } from '../features/audit/routes';
import { checkinRoutes } from '../features/training/checkin/routes';
import { verifyRoutes } from '../features/training/verify/routes';
import { trainingRoutes } from '../features/training/routes';
import { studiesRoutes } from '../features/studies/routes';
import { visitsRoutes } from '../features/visits/routes';
import { schemesRoutes } from '../features/schemes/routes';
import { reportsRoutes } from '../features/reports/routes';
import { importsRoutes } from '../features/imports/routes';
import { standardsRoutes } from '../features/standards/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { useMe } from '../features/auth/useMe';

const rootRoute = createRootRoute({ component: Outlet });
/** The login page when a session ends inside the app (a visit to /login loads `LoginApp` alone). */
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  component: lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage'),
});
/**
 * Everything behind the login: the shell with the navigator (its unit tree, date pickers, drawer),
 * loaded after sign-in, so the login page downloads none of it on a weak connection.
 */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: lazyRouteComponent(() => import('./Layout'), 'Layout'),
});
/** Home: the dashboard; a cadre's own account (no grant) has their record instead. */
function Home() {
  const me = useMe();
  const self = me.data && !me.data.isSuperadmin && me.data.grants.length === 0;
  return <Navigate to={self ? '/people' : '/dashboard'} />;
}
const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: Home });

export const routeTree = rootRoute.addChildren([
  loginRoute,
  ...verifyRoutes(rootRoute),
  appRoute.addChildren([
    homeRoute,
    ...dashboardRoutes(appRoute),
    ...unitsRoutes(appRoute),
    ...peopleRoutes(appRoute),
    ...usersRoutes(appRoute),
    ...auditRoutes(appRoute),
    ...checkinRoutes(appRoute),
    ...trainingRoutes(appRoute),
    ...studiesRoutes(appRoute),
    ...visitsRoutes(appRoute),
    ...schemesRoutes(appRoute),
    ...reportsRoutes(appRoute),
    ...importsRoutes(appRoute),
    ...standardsRoutes(appRoute),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', ...plainSearch });
