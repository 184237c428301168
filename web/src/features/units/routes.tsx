import { createRoute } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';
import { parseUnitsSearch } from './listSearch';
import { UnitPage } from './UnitPage';
import { UnitsListPage } from './UnitsListPage';

export function unitsRoutes(parent: AnyRoute) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/units',
      validateSearch: (s: Record<string, unknown>) => parseUnitsSearch(s),
      component: UnitsListPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/units/$id', component: UnitPage }),
  ];
}
