import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export function standardsRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/standards',
      component: lazyRouteComponent(() => import('./StandardsPage'), 'StandardsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/standards/catalogue',
      component: lazyRouteComponent(() => import('./TitleStandardsPage'), 'TitleStandardsPage'),
    }),
  ];
}
