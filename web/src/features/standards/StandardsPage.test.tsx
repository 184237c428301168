// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { StandardisationRow, TitleGapRow, TitleStandard } from '@canbo/contract';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import '../../i18n';
import { pick, type } from '../training/testing/controls';
import { get, mockApi, page, renderWithApp, reply } from '../training/testing/mockApi';
import { standardsRoutes } from './routes';

/** The two pages under the router, as the app declares them, opened at `url`. */
async function openAt(url: string) {
  const root = createRootRoute();
  const router = createRouter({
    routeTree: root.addChildren(standardsRoutes(root)),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  renderWithApp(<RouterProvider router={router} />);
  await router.load();
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const me = {
  id: 1,
  login: 'quantri',
  displayName: 'Quản trị tỉnh',
  personId: null,
  isSuperadmin: false,
  grants: [{ id: 4, unitId: 5, unitName: 'Tỉnh đoàn Đắk Nông', role: 'admin' }],
  csrfToken: 'x',
};

const unmet: StandardisationRow = {
  positionId: 1,
  personId: 2,
  personName: 'Nguyễn An',
  birthDate: '1984-06-01',
  unitId: 5,
  unitName: 'Tỉnh đoàn Đắk Nông',
  title: 'secretary',
  level: 'province',
  startDate: '2021-01-01',
  hardshipArea: false,
  shortfalls: [{ kind: 'age_first', text: 'Quá tuổi bổ nhiệm (36 > 35)' }],
};

const gap: TitleGapRow = {
  positionId: 3,
  personId: 4,
  personName: 'Nguyễn Lan',
  unitId: 5,
  unitName: 'Huyện đoàn Đắk Mil',
  title: 'deputy_secretary',
  startDate: '2023-01-10',
  trainedOn: null,
};

const seeded: TitleStandard = {
  title: 'committee_member',
  level: 'district',
  maxAgeFirst: 30,
  maxAgeInPost: 35,
  hardshipMaxAgeFirst: null,
  hardshipMaxAgeInPost: 37,
  minQualification: null,
  minTheoryLevel: null,
  version: 1,
};

describe('cadre standardisation page', () => {
  it('lists what each holder misses in Vietnamese, and asks the gaps for the months chosen', async () => {
    const sent = mockApi(
      get('/auth/me', me),
      get('/standards/standardisation', page([unmet])),
      get('/standards/gaps', page([gap])),
    );
    await openAt('/standards');
    expect(await screen.findByText('Quá tuổi bổ nhiệm (36 > 35)')).toBeTruthy();
    expect(screen.getByText('01/01/2021')).toBeTruthy();
    expect(screen.queryByText('age_first')).toBeNull();
    const first = sent.filter((r) => r.path === '/standards/standardisation').at(-1)!;
    expect(Object.fromEntries(first.query)).toMatchObject({ unitId: '5', sort: 'person' });
    fireEvent.click(screen.getByRole('tab', { name: 'Chưa bồi dưỡng chức danh' }));
    expect(await screen.findByText('Nguyễn Lan')).toBeTruthy();
    expect(screen.getByText('Chưa được bồi dưỡng')).toBeTruthy();
    expect(screen.getByText('Phó Bí thư')).toBeTruthy();
    type('standards_months', '18');
    await waitFor(() =>
      expect(Object.fromEntries(sent.filter((r) => r.path === '/standards/gaps').at(-1)!.query)).toMatchObject({
        unitId: '5',
        months: '18',
        page: '1',
      }),
    );
  });
});

describe('title standards page', () => {
  it('shows the seeded cell in words and saves an edit with its version', async () => {
    const sent = mockApi(get('/auth/me', me), get('/catalog/title-standards', { items: [seeded] }), (req) =>
      req.method === 'PUT' && req.path === '/catalog/title-standards/committee_member/district'
        ? reply({ ...seeded, minTheoryLevel: 'basic', version: 2 })
        : undefined,
    );
    await openAt('/standards/catalogue');
    expect(await screen.findByText('Ủy viên Ban Chấp hành')).toBeTruthy();
    expect(screen.getByText('35 (vùng khó khăn 37)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sửa tiêu chuẩn: Ủy viên Ban Chấp hành cấp huyện' }));
    await pick('standard_minTheoryLevel', 'Sơ cấp');
    fireEvent.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() =>
      expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({
        version: 1,
        maxAgeFirst: 30,
        maxAgeInPost: 35,
        hardshipMaxAgeFirst: null,
        hardshipMaxAgeInPost: 37,
        minQualification: null,
        minTheoryLevel: 'basic',
      }),
    );
  });
});
