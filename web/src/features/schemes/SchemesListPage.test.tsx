// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import '../../i18n';
import { openPageAt } from '../training/testing/openPageAt';
import { get, mockApi, page, type Sent } from '../training/testing/mockApi';
import { readSchemeSearch } from './schemeSearch';
import { SchemesListPage } from './SchemesListPage';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const me = {
  id: 1,
  login: 'bantochuc',
  displayName: 'Ban Tổ chức Tỉnh đoàn',
  personId: null,
  isSuperadmin: false,
  grants: [{ id: 4, unitId: 2, unitName: 'Tỉnh đoàn Lâm Đồng', role: 'editor' }],
  csrfToken: 'x',
};

const row = {
  id: 3,
  name: 'Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022',
  code: 'ĐA-2018',
  issuingUnitId: 2,
  issuingUnitName: 'Tỉnh đoàn Đắk Nông',
  decision: '05-ĐA/TĐTN',
  decisionDate: '2018-03-15',
  startYear: 2018,
  endYear: 2022,
  targetCount: 2,
  updatedAt: '2026-01-01T00:00:00Z',
};

const openAt = (url: string) =>
  openPageAt(url, { path: '/schemes', validateSearch: readSchemeSearch, component: SchemesListPage });

const lastQuery = (sent: Sent[]) => sent.filter((r) => r.path === '/schemes').at(-1)!.query;

describe('the scheme list', () => {
  it('lists the schemes newest first, with their period and decision', async () => {
    const sent = mockApi(get('/auth/me', me), get('/schemes', page([row])));
    openAt('/schemes');
    await screen.findByText(row.name, undefined, { timeout: 15_000 });
    expect(screen.getByText('2018–2022')).toBeTruthy();
    expect(screen.getByText('05-ĐA/TĐTN · 15/03/2018')).toBeTruthy();
    expect(lastQuery(sent).get('sort')).toBe('startYear');
    expect(lastQuery(sent).get('order')).toBe('desc');
    expect(screen.getByRole('button', { name: /Xuất Excel/ })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /Thêm đề án/ })).toBeTruthy();
  }, 120_000);

  it('searches and filters by year on the server, keeping both in the address from the first page', async () => {
    const sent = mockApi(get('/auth/me', me), get('/schemes', page([row])));
    const router = openAt('/schemes?page=2&year=2020');
    await screen.findByText(row.name, undefined, { timeout: 15_000 });
    expect(lastQuery(sent).get('year')).toBe('2020');
    const box = screen.getByPlaceholderText('Tìm theo tên, mã đề án');
    fireEvent.change(box, { target: { value: 'dao tao' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'dao tao', year: 2020 }));
    await waitFor(() => expect(lastQuery(sent).get('q')).toBe('dao tao'));
    expect(lastQuery(sent).get('page')).toBe('1');
  }, 120_000);
});
