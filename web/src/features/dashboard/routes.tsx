// The dashboard loads on first visit, and its charts after it: the login page downloads neither.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { readDashboardSearch } from './dashboardSearch';

export function dashboardRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/dashboard',
      validateSearch: readDashboardSearch,
      component: lazyRouteComponent(() => import('./DashboardPage'), 'DashboardPage'),
    }),
  ];
}
