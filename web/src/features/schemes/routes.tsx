// Pages load on first visit, so the first screen downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { readRowsSearch, readSchemeSearch } from './schemeSearch';

export function schemesRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/schemes',
      validateSearch: readSchemeSearch,
      component: lazyRouteComponent(() => import('./SchemesListPage'), 'SchemesListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/schemes/$id',
      component: lazyRouteComponent(() => import('./SchemePage'), 'SchemePage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/schemes/$id/targets/$targetId',
      validateSearch: readRowsSearch,
      component: lazyRouteComponent(() => import('./TargetRowsPage'), 'TargetRowsPage'),
    }),
  ];
}
