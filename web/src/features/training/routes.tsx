// Training pages load on first visit: the shell and the other features download none of them.
import { createRoute, lazyRouteComponent, Navigate, type AnyRoute } from '@tanstack/react-router';
import { readProgrammeSearch } from './catalogue/catalogueSearch';
import { readClassPageSearch, readClassSearch } from './classes/classSearch';

export function trainingRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/training',
      component: () => <Navigate to="/training/classes" replace />,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/training/classes',
      validateSearch: readClassSearch,
      component: lazyRouteComponent(() => import('./classes/ClassListPage'), 'ClassListPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/training/classes/$id',
      validateSearch: readClassPageSearch,
      component: lazyRouteComponent(() => import('./classes/ClassPage'), 'ClassPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/training/catalogue',
      validateSearch: readProgrammeSearch,
      component: lazyRouteComponent(() => import('./catalogue/CataloguePage'), 'CataloguePage'),
    }),
  ];
}
