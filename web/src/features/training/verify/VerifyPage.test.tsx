// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import type { PublicCertificate } from '@canbo/contract';
import '../../../i18n';
import { setUnauthenticatedHandler } from '../../../api/client';
import { json, mockApi } from '../attendance/testing';
import { verifyRoutes } from './routes';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const CODE = 'Xk3v9QwErTyU12';
const valid: PublicCertificate = {
  number: '012/GCN-2025',
  issuedOn: '2025-03-14',
  personName: 'Nguyễn Văn An',
  className: 'Bồi dưỡng chức danh bí thư đoàn cơ sở 2025',
  startDate: '2025-03-10',
  endDate: '2025-03-12',
  issuerName: 'Huyện đoàn Cư Jút',
  grade: 'good',
  status: 'valid',
  revokedAt: null,
};

/** The app's routes as an anonymous visitor meets them: /login beside the public page. */
function visit(path: string) {
  const onUnauthenticated = vi.fn();
  setUnauthenticatedHandler(onUnauthenticated);
  const root = createRootRoute({ component: Outlet });
  const login = createRoute({ getParentRoute: () => root, path: '/login', component: () => <p>LOGIN PAGE</p> });
  const router = createRouter({
    routeTree: root.addChildren([login, ...verifyRoutes(root)]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
  return { router, onUnauthenticated };
}

describe('VerifyPage', () => {
  it('shows a valid certificate in green to an anonymous visitor, asking only the public endpoint', async () => {
    const sent = mockApi({ [`GET /public/certificates/${CODE}`]: () => json(valid) });
    const { router, onUnauthenticated } = visit(`/verify/${CODE}`);

    const status = await screen.findByTestId('verify-status', {}, { timeout: 15_000 });
    expect(status.getAttribute('data-status')).toBe('valid');
    expect(status.textContent).toContain('Còn hiệu lực');
    expect(status.style.background).toContain('#389e0d');
    expect(screen.getByTestId('verify-number').textContent).toBe('012/GCN-2025');
    expect(screen.getByTestId('verify-issued-on').textContent).toBe('14/03/2025');
    expect(screen.getByText('Nguyễn Văn An')).toBeTruthy();
    expect(screen.getByText('Bồi dưỡng chức danh bí thư đoàn cơ sở 2025')).toBeTruthy();
    expect(screen.getByText('10/03/2025 – 12/03/2025')).toBeTruthy();
    expect(screen.getByText('Huyện đoàn Cư Jút')).toBeTruthy();
    expect(screen.getByText('Giỏi')).toBeTruthy();
    // number, date of issue, name, class, dates, issuer, grade: nothing more
    expect(document.querySelectorAll('.ant-descriptions-item-label')).toHaveLength(7);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /public/certificates/${CODE}`]);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    expect(router.state.location.pathname).toBe(`/verify/${CODE}`);
  }, 60_000);

  it('shows a revoked certificate in red with the date it was revoked', async () => {
    mockApi({
      [`GET /public/certificates/${CODE}`]: () =>
        json({ ...valid, status: 'revoked', revokedAt: '2025-04-15T08:00:00Z' }),
    });
    visit(`/verify/${CODE}`);
    const status = await screen.findByTestId('verify-status', {}, { timeout: 15_000 });
    expect(status.getAttribute('data-status')).toBe('revoked');
    expect(status.textContent).toContain('Đã thu hồi');
    expect(status.textContent).toContain('ngày 15/04/2025');
    expect(status.style.background).toContain('#cf1322');
  }, 60_000);

  it('stays on the page and says so when the code is unknown, even if the server answers 401', async () => {
    mockApi({
      [`GET /public/certificates/${CODE}`]: () =>
        json({ code: 'unauthenticated', message: 'Phiên đăng nhập đã hết hạn hoặc bạn chưa đăng nhập' }, 401),
    });
    const { router, onUnauthenticated } = visit(`/verify/${CODE}`);
    expect(await screen.findByText('Không tìm thấy giấy chứng nhận', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByText('LOGIN PAGE')).toBeNull();
    expect(onUnauthenticated).not.toHaveBeenCalled();
    expect(router.state.location.pathname).toBe(`/verify/${CODE}`);
  }, 60_000);
});
