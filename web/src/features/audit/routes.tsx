// Pages load on first visit, so the first screen (login, shell) downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export function auditRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/audit',
      component: lazyRouteComponent(() => import('./AuditPage'), 'AuditPage'),
    }),
  ];
}
