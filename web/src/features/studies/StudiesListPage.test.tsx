// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import '../../i18n';
import { pick } from '../training/testing/controls';
import { get, mockApi, page, renderWithApp, type Sent } from '../training/testing/mockApi';
import { OverdueStudiesPage, StudiesListPage } from './StudiesListPage';
import { aStudy } from './testing';

// The page links to other pages; outside a router a link is a plain anchor.
vi.mock('@tanstack/react-router', () => ({
  Link: ({ children }: { children: ReactNode }) => <a>{children}</a>,
}));

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const me = {
  id: 1,
  login: 'bientap',
  displayName: 'Biên tập Cư Jút',
  personId: null,
  isSuperadmin: false,
  grants: [{ id: 4, unitId: 5, unitName: 'Huyện đoàn Cư Jút', role: 'editor' }],
  csrfToken: 'x',
};

const lastQuery = (sent: Sent[], path: string) => sent.filter((r) => r.path === path).at(-1)!.query;

describe('the long-term study list', () => {
  it('filters by kind and status on the server and shows the rows in Vietnamese', async () => {
    const sent = mockApi(get('/auth/me', me), get('/studies', page([aStudy()])));
    renderWithApp(<StudiesListPage />);
    await screen.findByText('Y Ngông Niê Kdăm');
    expect(screen.getByText('Trung cấp lý luận chính trị')).toBeTruthy();
    expect(screen.getByText('01/09/2019')).toBeTruthy();
    expect(lastQuery(sent, '/studies').get('sort')).toBe('startDate');
    expect(lastQuery(sent, '/studies').get('order')).toBe('desc');

    await pick('studies-kind', 'Thạc sĩ');
    await waitFor(() => expect(lastQuery(sent, '/studies').get('studyKind')).toBe('master'));
    await pick('studies-status', 'Gia hạn');
    await waitFor(() => expect(lastQuery(sent, '/studies').get('studyStatus')).toBe('extended'));
    expect(screen.getByRole('button', { name: /Xuất Excel/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Cử đi học/ })).toBeTruthy();
  }, 120_000);

  it('lists the overdue studies, oldest expected end first', async () => {
    const sent = mockApi(
      get('/auth/me', me),
      get('/studies', page([aStudy({ studyStatus: 'extended', expectedEndDate: '2021-06-30' })])),
    );
    renderWithApp(<OverdueStudiesPage />);
    await screen.findByText('Quá hạn chưa có kết quả');
    await screen.findByText('30/06/2021');
    expect(screen.getByText('Gia hạn')).toBeTruthy();
    expect(lastQuery(sent, '/studies').get('overdue')).toBe('true');
    expect(lastQuery(sent, '/studies').get('sort')).toBe('expectedEndDate');
    expect(lastQuery(sent, '/studies').get('order')).toBe('asc');
    // The overdue list exports as shown.
    expect(screen.getByRole('button', { name: /Xuất Excel/ })).toBeTruthy();
  }, 120_000);
});
