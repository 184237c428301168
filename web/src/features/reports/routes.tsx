// Pages load on first visit, so the first screen downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { readReportSearch } from './reportSearch';

export function reportsRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/reports',
      component: lazyRouteComponent(() => import('./ReportsListPage'), 'ReportsListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/reports/$name',
      validateSearch: readReportSearch,
      component: lazyRouteComponent(() => import('./ReportPage'), 'ReportPage'),
    }),
  ];
}
