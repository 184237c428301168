import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export function visitsRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/visits',
      component: lazyRouteComponent(() => import('./CompliancePage'), 'CompliancePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/visits/me',
      component: lazyRouteComponent(() => import('./MyVisitsPage'), 'MyVisitsPage'),
    }),
  ];
}
