// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory, createRouter, RouterProvider, type AnyRoute } from '@tanstack/react-router';
import type { Me } from '@canbo/contract';
import '../i18n';
import { plainSearch } from '../lib/listSearch';
import { mockApi, page, renderWithApp, reply } from '../features/training/testing/mockApi';
import { canOpen, ROUTE_ACCESS } from './access';
import { appRoute, routeTree } from './router';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

/** The demo's accounts as GET /auth/me describes them. */
const account = (over: Partial<Me>): Me => ({
  id: 1,
  login: 'x',
  displayName: 'Tài khoản',
  personId: null,
  isSuperadmin: false,
  grants: [],
  csrfToken: 'csrf',
  ...over,
});
const roles = {
  admin: account({ login: 'admin', isSuperadmin: true }),
  bantochuc: account({
    login: 'bantochuc',
    grants: [{ id: 1, unitId: 1, unitName: 'Tỉnh đoàn Lâm Đồng', role: 'editor' }],
  }),
  lanhdao: account({
    login: 'lanhdao',
    grants: [{ id: 1, unitId: 1, unitName: 'Tỉnh đoàn Lâm Đồng', role: 'viewer' }],
  }),
  cujut: account({ login: 'cujut', grants: [{ id: 1, unitId: 9, unitName: 'Đoàn xã Cư Jút', role: 'editor' }] }),
  canbo: account({ login: 'canbo', personId: 77 }),
} satisfies Record<string, Me>;

/** Every page route under the signed-in shell, by its path. */
function shellPaths(route: AnyRoute): string[] {
  const children = (route.children ?? []) as AnyRoute[];
  return children.flatMap((c) => [c.fullPath as string, ...shellPaths(c)]);
}

describe('who may open which page', () => {
  it('every page of the shell says who it is for', () => {
    const paths = shellPaths(appRoute);
    expect(paths.length).toBeGreaterThan(25);
    expect(paths.filter((p) => !(p in ROUTE_ACCESS))).toEqual([]);
    // and the table names no page that does not exist
    expect(Object.keys(ROUTE_ACCESS).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it('each demo role opens the pages of its work and no other', () => {
    const open = (me: Me) =>
      Object.keys(ROUTE_ACCESS)
        .filter((p) => !canOpen(me, p))
        .sort();
    expect(open(roles.admin)).toEqual(['/visits/me']);
    expect(open(roles.bantochuc)).toEqual(['/users', '/users/$id', '/visits/me']);
    expect(open(roles.lanhdao)).toEqual(['/imports', '/users', '/users/$id', '/visits/me']);
    expect(open(roles.cujut)).toEqual(['/users', '/users/$id', '/visits/me']);
    expect(open(roles.canbo)).toEqual(
      [
        '/audit',
        '/dashboard',
        '/imports',
        '/reports',
        '/reports/$name',
        '/schemes',
        '/schemes/$id',
        '/schemes/$id/targets/$targetId',
        '/standards',
        '/standards/catalogue',
        '/studies',
        '/studies/overdue',
        '/training',
        '/training/catalogue',
        '/training/classes',
        '/units',
        '/units/$id',
        '/users',
        '/users/$id',
        '/visits',
      ].sort(),
    );
  });

  it('an administrator of a unit manages its accounts', () => {
    const unitAdmin = account({ grants: [{ id: 1, unitId: 9, unitName: 'Đoàn xã Cư Jút', role: 'admin' }] });
    expect(canOpen(unitAdmin, '/users')).toBe(true);
    expect(canOpen(unitAdmin, '/imports')).toBe(true);
    expect(canOpen(unitAdmin, '/nowhere')).toBe(false);
  });
});

/** The app at `url` for `me`, every other request answered with an empty page. */
function openApp(url: string, me: Me) {
  const sent = mockApi((req) => {
    if (req.path === '/auth/me') return reply(me);
    if (req.method === 'GET') return reply(page([]));
    return undefined;
  });
  const router = createRouter({
    routeTree,
    history: createMemoryHistory({ initialEntries: [url] }),
    ...plainSearch,
  });
  renderWithApp(<RouterProvider router={router} />);
  return sent;
}

describe('a page the account may not use', () => {
  it('a viewer typing /users gets "no access" and the way home, and no request is made for the page', async () => {
    const sent = openApp('/users', roles.lanhdao);
    // the shell is its own chunk, loaded after sign-in: the first page of the file waits for it
    const box = await screen.findByTestId('no-access', {}, { timeout: 30_000 });
    expect(within(box).getByText('Không có quyền truy cập')).toBeTruthy();
    expect(within(box).getByRole('button', { name: 'Về trang chủ' })).toBeTruthy();
    // nothing of the accounts page: no add button, no table
    expect(screen.queryByRole('table')).toBeNull();
    expect(sent.some((r) => r.path.startsWith('/users'))).toBe(false);
    // the menu offers no page the account may not open
    const menu = screen.getByRole('menu');
    expect(within(menu).queryByText('Người dùng')).toBeNull();
    expect(within(menu).queryByText('Nhập dữ liệu')).toBeNull();
    expect(within(menu).getByText('Cán bộ')).toBeTruthy();
  }, 60_000);

  it("a cadre's own account typing the units page is refused before any unit is asked for", async () => {
    const sent = openApp('/units', roles.canbo);
    await screen.findByTestId('no-access');
    expect(sent.filter((r) => r.path !== '/auth/me')).toEqual([]);
  });

  it('an account tied to no cadre opening "my grassroots trips" is told why, and nothing is asked for', async () => {
    const sent = openApp('/visits/me', roles.cujut);
    const box = await screen.findByTestId('no-access');
    expect(within(box).getByText('Tài khoản chưa gắn với hồ sơ cán bộ')).toBeTruthy();
    // no grant would open it: the page does not send the user to ask for one
    expect(within(box).queryByText(/cấp quyền/)).toBeNull();
    expect(sent.filter((r) => r.path.startsWith('/visits'))).toEqual([]);
  });

  it('a page the account may use is drawn, not refused', async () => {
    const sent = openApp('/users', roles.admin);
    await waitFor(() => expect(sent.some((r) => r.path === '/users')).toBe(true));
    expect(screen.queryByTestId('no-access')).toBeNull();
  });
});
