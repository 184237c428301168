import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
  type RouteComponent,
} from '@tanstack/react-router';
import { plainSearch } from '../../../lib/listSearch';
import { renderWithApp } from './mockApi';

/**
 * A page under the router, opened at `url`, its route declared as the app declares it (path, search
 * reader), beside empty pages at `others` (the paths its links lead to, so a click lands somewhere).
 */
export function openPageAt<S>(
  url: string,
  page: { path: string; component: RouteComponent; validateSearch?: (raw: Record<string, unknown>) => S },
  others: readonly string[] = [],
) {
  const root = createRootRoute();
  const route = createRoute({ getParentRoute: () => root, ...page });
  const router = createRouter({
    routeTree: root.addChildren([
      route,
      ...others.map((path) => createRoute({ getParentRoute: () => root, path, component: () => null })),
    ]),
    history: createMemoryHistory({ initialEntries: [url] }),
    ...plainSearch,
  });
  renderWithApp(<RouterProvider router={router} />);
  return router;
}
