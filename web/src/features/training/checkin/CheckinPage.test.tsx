// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import '../../../i18n';
import { json, mockApi } from '../attendance/testing';
import { checkinRoutes } from './routes';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const TOKEN = 'sessToken1234567890';

function open() {
  const root = createRootRoute({ component: Outlet });
  const router = createRouter({
    routeTree: root.addChildren(checkinRoutes(root)),
    history: createMemoryHistory({ initialEntries: [`/checkin/${TOKEN}`] }),
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('CheckinPage', () => {
  it('checks the signed-in trainee in with the token and says so in large words with the class and session', async () => {
    const sent = mockApi({
      'POST /training/checkin': () =>
        json({
          sessionId: 11,
          className: 'Bồi dưỡng bí thư chi đoàn',
          personName: 'Nguyễn Văn An',
          mark: 'present',
          changed: true,
          sessionDate: '2025-03-12',
          sessionPart: 'morning',
        }),
    });
    open();
    const done = await screen.findByTestId('checkin-success', {}, { timeout: 15_000 });
    expect(done.textContent).toBe('Đã điểm danh: Có mặt');
    expect(screen.getByText('Bồi dưỡng bí thư chi đoàn, buổi sáng 12/03/2025')).toBeTruthy();
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([['POST', '/training/checkin', { token: TOKEN }]]);
  }, 60_000);

  it("shows the server's Vietnamese reason when the check-in is refused", async () => {
    mockApi({
      'POST /training/checkin': () =>
        json({ code: 'conflict', message: 'Ngoài giờ điểm danh của buổi học (07:00–11:30)' }, 409),
    });
    open();
    const err = await screen.findByTestId('checkin-error', {}, { timeout: 15_000 });
    expect(err.textContent).toBe('Ngoài giờ điểm danh của buổi học (07:00–11:30)');
    expect(screen.getByText('Chưa điểm danh được')).toBeTruthy();
  }, 60_000);
});
