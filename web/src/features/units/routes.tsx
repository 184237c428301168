// Pages load on first visit, so the first screen (login, shell) downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { readUnitsSearch } from './listSearch';

export function unitsRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/units',
      validateSearch: readUnitsSearch,
      component: lazyRouteComponent(() => import('./UnitsListPage'), 'UnitsListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/units/$id',
      component: lazyRouteComponent(() => import('./UnitPage'), 'UnitPage'),
    }),
  ];
}
