// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import '../../i18n';
import { get, mockApi, renderWithApp } from '../training/testing/mockApi';
import { SchemePage } from './SchemePage';
import { aProgress, aScheme } from './testing';

// Outside a router a link is an anchor whose address says where it leads.
vi.mock('@tanstack/react-router', () => ({
  Link: ({
    to,
    params,
    search,
    children,
  }: {
    to: string;
    params?: Record<string, string>;
    search?: Record<string, number>;
    children: ReactNode;
  }) => {
    const path = Object.entries(params ?? {}).reduce((p, [k, v]) => p.replace(`$${k}`, v), to);
    const q = new URLSearchParams(Object.entries(search ?? {}).map(([k, v]) => [k, String(v)])).toString();
    return <a href={q ? `${path}?${q}` : path}>{children}</a>;
  },
  useParams: ({ select }: { select: (p: Record<string, string>) => unknown }) => select({ id: '3' }),
}));

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('a scheme’s page', () => {
  it('shows each target’s progress, with the status in Vietnamese and every figure a link to its rows', async () => {
    mockApi(get('/schemes/3', aScheme()), get('/schemes/3/progress', aProgress()));
    renderWithApp(<SchemePage />);
    await screen.findByText('Đào tạo, bồi dưỡng cán bộ đoàn, hội, đội giai đoạn 2018–2022');
    expect(screen.getByText(/Tỉnh đoàn Đắk Nông · Giai đoạn 2018–2022 · 05-ĐA\/TĐTN, 15\/03\/2018/)).toBeTruthy();
    // The same figures as a report, with its exports.
    expect(screen.getByText('Báo cáo tiến độ').closest('a')!.getAttribute('href')).toBe(
      '/reports/tien-do-de-an?schemeId=3',
    );

    const card = (await screen.findByText('Số cán bộ được cử đi học')).closest('.ant-card') as HTMLElement;
    const overall = within(card).getByText('65 / 60');
    expect(overall.getAttribute('href')).toBe('/schemes/3/targets/11');
    expect(within(card).getAllByText('Đạt').length).toBeGreaterThan(0);
    const y2019 = within(card).getByText('2019').closest('tr') as HTMLElement;
    expect(within(y2019).getByText('Không đạt')).toBeTruthy();
    // A year without a target has no status to show.
    const y2020 = within(card).getByText('2020').closest('tr') as HTMLElement;
    expect(within(y2020).getByTestId('target-status').textContent).toBe('—');
    expect(within(card).getByText('Đại học')).toBeTruthy();
    expect(within(card).getByText('14').getAttribute('href')).toBe('/schemes/3/targets/11?year=2018');
    expect(within(card).getByText('9').getAttribute('href')).toBe('/schemes/3/targets/11?year=2019');
    expect(screen.getByRole('button', { name: /Sửa/ })).toBeTruthy();
  }, 120_000);

  it('shows the per-unit targets a save has set, each figure a link to that unit’s rows', async () => {
    const progress = aProgress();
    progress.elapsedPercent = 60;
    const cell = { numerator: null, denominator: null };
    progress.targets[0]!.units = [
      { unitId: 5, unitName: 'Huyện đoàn Đắk Mil', target: 7, actual: 4, percent: 57.1, status: 'behind', ...cell },
    ];
    mockApi(get('/schemes/3', aScheme()), get('/schemes/3/progress', progress));
    renderWithApp(<SchemePage />);
    const card = (await screen.findByText('Số cán bộ được cử đi học')).closest('.ant-card') as HTMLElement;
    const unitRow = within(card).getByText('Huyện đoàn Đắk Mil').closest('tr') as HTMLElement;
    expect(within(unitRow).getByText('7')).toBeTruthy();
    expect(within(unitRow).getByText('4').getAttribute('href')).toBe('/schemes/3/targets/11?unitId=5');
    expect(within(unitRow).getByText('Chậm tiến độ')).toBeTruthy();
  }, 120_000);

  it('says when the scheme is out of reach', async () => {
    mockApi();
    renderWithApp(<SchemePage />);
    expect(await screen.findByText('Không tìm thấy hoặc bạn không có quyền xem')).toBeTruthy();
  }, 60_000);
});
