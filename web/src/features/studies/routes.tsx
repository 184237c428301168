// Pages load on first visit, so the first screen downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export function studiesRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/studies',
      component: lazyRouteComponent(() => import('./StudiesListPage'), 'StudiesListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/studies/overdue',
      component: lazyRouteComponent(() => import('./StudiesListPage'), 'OverdueStudiesPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/studies/$id',
      component: lazyRouteComponent(() => import('./StudyPage'), 'StudyPage'),
    }),
  ];
}
