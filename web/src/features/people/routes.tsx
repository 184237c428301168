// Pages load on first visit, so the first screen (login, shell) downloads less on a weak connection.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { readPeopleSearch } from './listSearch';

export function peopleRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/people',
      component: lazyRouteComponent(() => import('./PeopleListPage'), 'PeopleListPage'),
      validateSearch: readPeopleSearch,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/people/$id',
      component: lazyRouteComponent(() => import('./PersonPage'), 'PersonPage'),
    }),
  ];
}
