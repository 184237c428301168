// Pages load on first visit, so the first screen downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export function importsRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/imports',
      component: lazyRouteComponent(() => import('./ImportsPage'), 'ImportsPage'),
    }),
  ];
}
