// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { FigureRow } from '@canbo/contract';
import '../../i18n';
import { openPageAt } from '../training/testing/openPageAt';
import { get, mockApi, type Sent } from '../training/testing/mockApi';
import { readRowsSearch } from './schemeSearch';
import { TargetRowsPage } from './TargetRowsPage';
import { aScheme, aTarget } from './testing';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const openAt = (url: string) =>
  openPageAt(
    url,
    { path: '/schemes/$id/targets/$targetId', validateSearch: readRowsSearch, component: TargetRowsPage },
    ['/schemes/$id', '/studies/$id', '/people/$id', '/training/classes/$id'],
  );

const row = (over: Partial<FigureRow>): FigureRow => ({
  kind: 'study',
  id: 1,
  name: 'H’Nga H’Nga',
  detail: 'Học viện Thanh thiếu niên Việt Nam',
  unitId: 5,
  unitName: 'Chi đoàn 11A',
  date: '2019-10-07',
  year: 2019,
  value: 1,
  counted: true,
  classId: null,
  personId: 9,
  studyId: 41,
  tripId: null,
  ...over,
});

const participations = aScheme({
  targets: [aTarget({ id: 12, metric: 'participations', label: null, studyKinds: null })],
});

const rowsQuery = (sent: Sent[]) => sent.filter((r) => r.path === '/schemes/3/targets/12/rows').at(-1)!.query;

describe('the rows behind a figure', () => {
  it('lists the rows of the year asked, each linking to its page, with the figure they make up', async () => {
    const sent = mockApi(
      get('/schemes/3', participations),
      get('/schemes/3/targets/12/rows', {
        items: [
          row({ kind: 'enrolment', id: 7, name: 'Y Ngông Niê Kdăm', detail: 'Lớp bồi dưỡng Bí thư', classId: 30 }),
          row({ kind: 'class', id: 31, name: 'Lớp lịch sử', detail: null, personId: null, classId: 31, value: 40 }),
        ],
        total: 2,
        page: 1,
        pageSize: 50,
        figure: 41,
      }),
    );
    openAt('/schemes/3/targets/12?year=2019');
    await screen.findByText('Y Ngông Niê Kdăm', undefined, { timeout: 15_000 });
    expect(rowsQuery(sent).get('year')).toBe('2019');
    expect(screen.getByRole('heading', { name: 'Số lượt cán bộ được bồi dưỡng' })).toBeTruthy();
    expect(screen.getByText('Năm 2019')).toBeTruthy();
    expect(screen.getByTestId('rows-figure').textContent).toBe('Kết quả: 41');
    expect(screen.getByText('Y Ngông Niê Kdăm').closest('a')!.getAttribute('href')).toBe('/people/9');
    expect(screen.getByText('Lớp bồi dưỡng Bí thư').closest('a')!.getAttribute('href')).toBe('/training/classes/30');
    expect(screen.getByText('Lớp lịch sử').closest('a')!.getAttribute('href')).toBe('/training/classes/31');
    expect(screen.getByText('40')).toBeTruthy();
    expect(screen.getByText('Tổng 2 bản ghi')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Xuất Excel/ })).toBeTruthy();
  }, 120_000);

  it('links a study row to the study’s page', async () => {
    mockApi(
      get('/schemes/3', aScheme()),
      get('/schemes/3/targets/11/rows', { items: [row({})], total: 1, page: 1, pageSize: 50, figure: 1 }),
    );
    const router = openAt('/schemes/3/targets/11');
    await screen.findByText('H’Nga H’Nga', undefined, { timeout: 15_000 });
    expect(screen.getByText('H’Nga H’Nga').closest('a')!.getAttribute('href')).toBe('/studies/41');
    expect(screen.getByText('Cả giai đoạn 2018–2022')).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe('/schemes/3/targets/11'));
  }, 120_000);
});
