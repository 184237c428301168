// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import '../../../i18n';
import { openPageAt } from '../../training/testing/openPageAt';
import { get, mockApi, page } from '../testing/mockApi';
import { readProgrammeSearch } from './catalogueSearch';
import { CataloguePage } from './CataloguePage';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const admin = {
  id: 1,
  login: 'admin',
  displayName: 'Quản trị',
  personId: null,
  isSuperadmin: true,
  grants: [],
  csrfToken: 't',
};

const openAt = (url: string) =>
  openPageAt(url, { path: '/training/catalogue', validateSearch: readProgrammeSearch, component: CataloguePage });

describe('the catalogue page’s address', () => {
  it('asks the API for what the address holds, without the values the contract refuses', async () => {
    const sent = mockApi(get('/auth/me', admin), get('/training/kinds', []), get('/training/programmes', page([])));
    openAt('/training/catalogue?q=B%C3%AD+th%C6%B0&sort=kind&active=maybe&page=0');
    await waitFor(() => expect(sent.some((r) => r.path === '/training/programmes')).toBe(true));
    const asked = sent.find((r) => r.path === '/training/programmes')!.query;
    expect(asked.get('q')).toBe('Bí thư');
    expect(asked.get('sort')).toBe('kind');
    expect(asked.has('active')).toBe(false);
    expect(asked.get('page')).toBe('1');
  });

  it('writes a new search back to the address, starting again at the first page', async () => {
    const sent = mockApi(get('/auth/me', admin), get('/training/kinds', []), get('/training/programmes', page([])));
    const router = openAt('/training/catalogue?page=3&q=2024');
    const box = await screen.findByPlaceholderText('Tìm theo tên chương trình');
    fireEvent.change(box, { target: { value: 'Đội' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'Đội' }));
    expect(router.state.location.searchStr).toBe('?q=%C4%90%E1%BB%99i');
    await waitFor(() => expect(sent.some((r) => r.query.get('q') === 'Đội')).toBe(true));
  });
});
