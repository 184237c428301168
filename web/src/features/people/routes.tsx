import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { parsePeopleSearch } from './listSearch';
import { PeopleListPage } from './PeopleListPage';
import { PersonPage } from './PersonPage';

export function peopleRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/people',
      component: PeopleListPage,
      validateSearch: (raw: Record<string, unknown>) => parsePeopleSearch(raw),
    }),
    createRoute({ getParentRoute: () => parent, path: '/people/$id', component: PersonPage }),
  ];
}
