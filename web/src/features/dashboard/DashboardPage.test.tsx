// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Dashboard, DashboardFigure, ReportName } from '@canbo/contract';
import '../../i18n';
import { openPageAt } from '../training/testing/openPageAt';
import { get, mockApi, unitDetail } from '../training/testing/mockApi';
import { pick } from '../training/testing/controls';
import { DashboardPage } from './DashboardPage';
import { readDashboardSearch } from './dashboardSearch';

// The charts draw on a canvas happy-dom lacks: a stand-in that says what it was given and picks the second point.
vi.mock('./EChart', () => ({
  default: ({ label, onPick }: { label: string; onPick?: (series: number, index: number) => void }) => (
    <button type="button" onClick={() => onPick?.(1, 1)}>
      {`Biểu đồ: ${label}`}
    </button>
  ),
}));

/**
 * The screen's observer, driven by the test: `showAll()` brings every observed box on screen. (happy-dom
 * lays nothing out, so its own observer never reports a box as seen.)
 */
const watched: { box: Element; report: IntersectionObserverCallback; observer: IntersectionObserver }[] = [];
function observeByHand() {
  watched.length = 0;
  class ByHand {
    constructor(private readonly report: IntersectionObserverCallback) {}
    observe(box: Element) {
      watched.push({ box, report: this.report, observer: this as unknown as IntersectionObserver });
    }
    disconnect() {
      for (let i = watched.length - 1; i >= 0; i--)
        if (watched[i]!.observer === (this as unknown)) watched.splice(i, 1);
    }
  }
  vi.stubGlobal('IntersectionObserver', ByHand);
}
function showAll() {
  for (const w of [...watched]) {
    w.report([{ isIntersecting: true, target: w.box } as IntersectionObserverEntry], w.observer);
  }
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const PERIOD = { from: '2009-01-01', to: '2023-12-31' };
const fig = (
  value: number,
  cell: string,
  report: ReportName = 'tong-hop-dao-tao',
  period = PERIOD,
): DashboardFigure => ({
  value,
  link: value ? { report, ...period, cell } : null,
});
const training = (row: string, classes: number, participations: number, people: number) => ({
  classes: fig(classes, `${row}:classes`),
  participations: fig(participations, `${row}:participations`),
  people: fig(people, `${row}:people`),
});

const data: Dashboard = {
  unitId: 1,
  unitName: 'Tỉnh đoàn Đắk Nông',
  ...PERIOD,
  training: training('total', 429, 36460, 0),
  studiesStarted: fig(159, 'total:started', 'dao-tao-dai-han'),
  visitDays: fig(2478, 'total:days', 'di-co-so'),
  trend: {
    ...PERIOD,
    years: [2022, 2023].map((year) => ({
      year,
      classes: fig(20, `year-${year}:classes`),
      participations: fig(1500, `year-${year}:participations`),
    })),
  },
  byLevel: [{ level: 'province', ...training('level-province', 143, 12046, 0) }],
  byKind: [{ code: 'union_work', name: 'Nghiệp vụ công tác Đoàn', ...training('kind-union_work', 429, 36460, 0) }],
  upcoming: {
    items: [
      {
        id: 7,
        name: 'Bồi dưỡng Bí thư Đoàn cơ sở 2027',
        organiserUnitName: 'Tỉnh đoàn Đắk Nông',
        startDate: '2027-03-02',
        endDate: '2027-03-04',
        status: 'planned',
        place: null,
      },
    ],
    total: 1,
  },
  overdue: {
    items: [
      {
        tripId: 3,
        personId: 9,
        personName: 'Y Niê',
        hostUnitName: 'Đoàn xã Ea Pô',
        startDate: '2024-03-01',
        endDate: '2024-03-10',
        reportDueDate: '2024-03-20',
      },
    ],
    total: 4,
  },
  schemes: {
    items: [
      {
        id: 2,
        code: 'KH-2018',
        name: 'Đề án đào tạo cán bộ 2018–2022',
        issuingUnitName: 'Tỉnh đoàn Đắk Nông',
        startYear: 2018,
        endYear: 2022,
        elapsedPercent: 100,
        statuses: { achieved: 2, on_track: 0, behind: 0, not_achieved: 1, not_started: 0 },
        targets: 3,
      },
    ],
    total: 1,
  },
};

const openAt = (url: string) =>
  openPageAt(url, { path: '/dashboard', validateSearch: readDashboardSearch, component: DashboardPage }, [
    '/reports/$name',
    '/training/classes',
    '/training/classes/$id',
    '/people/$id',
    '/visits',
    '/schemes',
    '/schemes/$id',
  ]);

describe('the dashboard', () => {
  it('shows the figures as Vietnamese numbers, each a link to its report’s rows', async () => {
    const sent = mockApi(get('/dashboard', data), get('/units/1', unitDetail(1, 'Tỉnh đoàn Đắk Nông')));
    openAt('/dashboard?from=2009-01-01&to=2023-12-31');
    await screen.findByText('Tỉnh đoàn Đắk Nông — 15 năm, từ 2009 đến 2023', undefined, { timeout: 15_000 });
    expect(sent.find((r) => r.path === '/dashboard')!.query.toString()).toBe('from=2009-01-01&to=2023-12-31');
    const link = screen.getByLabelText('Xem danh sách đứng sau số 36.460: Lượt cán bộ được bồi dưỡng');
    expect(link.getAttribute('href')).toBe(
      '/reports/tong-hop-dao-tao?unitId=1&from=2009-01-01&to=2023-12-31&cell=total%3Aparticipations',
    );
    expect(
      screen.getByLabelText('Xem danh sách đứng sau số 159: Cán bộ được cử đi đào tạo dài hạn').getAttribute('href'),
    ).toContain('/reports/dao-tao-dai-han?');
    expect(
      screen.getByLabelText('Xem danh sách đứng sau số 2.478: Ngày đi cơ sở (1+2)').getAttribute('href'),
    ).toContain('cell=total%3Adays');
    // A zero has nothing behind it: no link.
    expect(screen.queryByLabelText(/đứng sau số 0:/)).toBeNull();
    // The breakdowns' tables: every number a link too.
    expect(
      screen
        .getByLabelText('Xem danh sách đứng sau số 12.046: Cấp tỉnh — Lượt cán bộ được bồi dưỡng')
        .getAttribute('href'),
    ).toContain('cell=level-province%3Aparticipations');
    expect(screen.getByText('Nghiệp vụ công tác Đoàn')).toBeTruthy();
    // The lists, linked to their pages.
    expect(screen.getByText('Bồi dưỡng Bí thư Đoàn cơ sở 2027').closest('a')!.getAttribute('href')).toBe(
      '/training/classes/7',
    );
    expect(screen.getByText('Y Niê').closest('a')!.getAttribute('href')).toBe('/people/9');
    expect(screen.getByText('Tất cả (4)').closest('a')!.getAttribute('href')).toBe('/visits');
    expect(screen.getByText('Đề án đào tạo cán bộ 2018–2022').closest('a')!.getAttribute('href')).toBe('/schemes/2');
    expect(screen.getByText('Giai đoạn 2018–2022, đã qua 100% thời gian')).toBeTruthy();
    expect(screen.getByText('Đạt')).toBeTruthy();
  }, 120_000);

  it('draws a chart only once it comes on screen, so the charts’ code is not fetched before', async () => {
    observeByHand();
    mockApi(get('/dashboard', data), get('/units/1', unitDetail(1, 'Tỉnh đoàn Đắk Nông')));
    openAt('/dashboard?from=2009-01-01&to=2023-12-31');
    await screen.findByText('Tỉnh đoàn Đắk Nông — 15 năm, từ 2009 đến 2023', undefined, { timeout: 15_000 });
    expect(screen.queryByText(/^Biểu đồ:/)).toBeNull();
    // the trend and the two breakdowns wait for their boxes
    await waitFor(() => expect(watched).toHaveLength(3));
    act(() => showAll());
    expect(await screen.findByText('Biểu đồ: Xu hướng qua các năm')).toBeTruthy();
    expect(screen.getAllByText(/^Biểu đồ:/)).toHaveLength(3);
    expect(watched).toHaveLength(0);
  }, 120_000);

  it('a click on the trend’s point opens that year’s rows', async () => {
    observeByHand();
    mockApi(get('/dashboard', data), get('/units/1', unitDetail(1, 'Tỉnh đoàn Đắk Nông')));
    const router = openAt('/dashboard?from=2009-01-01&to=2023-12-31');
    await waitFor(() => expect(watched.length).toBeGreaterThan(0), { timeout: 15_000 });
    act(() => showAll());
    fireEvent.click(await screen.findByText('Biểu đồ: Xu hướng qua các năm', undefined, { timeout: 15_000 }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports/tong-hop-dao-tao'));
    expect(router.state.location.search).toMatchObject({ unitId: 1, cell: 'year-2023:participations' });
  }, 120_000);

  it('asks this year by default; the year and the span pickers write whole years into the address', async () => {
    const sent = mockApi(get('/dashboard', { ...data, from: '2026-01-01', to: '2026-12-31' }));
    const router = openAt('/dashboard');
    await screen.findByText(/Tỉnh đoàn Đắk Nông — Năm/, undefined, { timeout: 15_000 });
    expect(sent.find((r) => r.path === '/dashboard')!.query.toString()).toBe('');
    await pick('dashboard_year', '2023');
    await waitFor(() => expect(router.state.location.search).toEqual({ from: '2023-01-01', to: '2023-12-31' }));
    await pick('dashboard_span', '15 năm');
    await waitFor(() => expect(router.state.location.search).toEqual({ from: '2009-01-01', to: '2023-12-31' }));
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.path === '/dashboard')
          .at(-1)!
          .query.toString(),
      ).toBe('from=2009-01-01&to=2023-12-31'),
    );
  }, 120_000);
});
