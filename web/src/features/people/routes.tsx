// Pages load on first visit, so the first screen (login, shell) downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { parsePeopleSearch } from './listSearch';

export function peopleRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/people',
      component: lazyRouteComponent(() => import('./PeopleListPage'), 'PeopleListPage'),
      validateSearch: (raw: Record<string, unknown>) => parsePeopleSearch(raw),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people/$id',
      component: lazyRouteComponent(() => import('./PersonPage'), 'PersonPage'),
    }),
  ];
}
