// Pages load on first visit, so the first screen (login, shell) downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';

export function usersRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/users',
      component: lazyRouteComponent(() => import('./UsersListPage'), 'UsersListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/users/$id',
      component: lazyRouteComponent(() => import('./UserPage'), 'UserPage'),
    }),
  ];
}
