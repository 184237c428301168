// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  RouterProvider,
  useNavigate,
  useSearch,
} from '@tanstack/react-router';
import { plainSearch } from '../lib/listSearch';
import { SearchInput } from './SearchInput';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A list whose search writes `q` into the address, and a row page that takes a while to load (a lazy page, its data). */
function listAndRow() {
  let loaded: () => void = () => {};
  const rowLoaded = new Promise<void>((resolve) => (loaded = resolve));
  const root = createRootRoute();
  const list = createRoute({
    getParentRoute: () => root,
    path: '/list',
    validateSearch: (raw: Record<string, unknown>) => ({ q: typeof raw.q === 'string' ? raw.q : undefined }),
    component: function List() {
      const { q } = useSearch({ from: '/list' });
      const navigate = useNavigate();
      return (
        <>
          <SearchInput
            value={q}
            onSearch={(next) => void navigate({ to: '/list', search: { q: next }, replace: true })}
            placeholder="Tìm"
          />
          <Link to="/row">Hàng một</Link>
        </>
      );
    },
  });
  const row = createRoute({
    getParentRoute: () => root,
    path: '/row',
    loader: () => rowLoaded,
    component: () => <h1>Trang của hàng</h1>,
  });
  const router = createRouter({
    routeTree: root.addChildren([list, row]),
    history: createMemoryHistory({ initialEntries: ['/list'] }),
    ...plainSearch,
  });
  render(<RouterProvider router={router} />);
  return { router, loaded };
}

describe('the search box of a list', () => {
  it('searches once the user pauses typing', async () => {
    const { router } = listAndRow();
    fireEvent.change(await screen.findByLabelText('Tìm'), { target: { value: 'nam ' } });
    await act(() => sleep(500));
    expect(router.state.location.search).toEqual({ q: 'nam' });
  });

  it('leaves the row a user opened while a search was pending where they went', async () => {
    const { router, loaded } = listAndRow();
    fireEvent.change(await screen.findByLabelText('Tìm'), { target: { value: 'nam' } });
    // the row is clicked before the pause ends, and its page is still loading when it does
    fireEvent.click(screen.getByRole('link', { name: 'Hàng một' }));
    await act(() => sleep(500));
    loaded();
    expect(await screen.findByRole('heading', { name: 'Trang của hàng' })).toBeTruthy();
    await act(() => sleep(100));
    expect(router.state.location.pathname).toBe('/row');
  });
});
