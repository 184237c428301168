// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { VisitPersonYear } from '@canbo/contract';
import '../../i18n';
import { mockApi, renderWithApp, reply } from '../training/testing/mockApi';
import { PersonVisits } from './PersonVisits';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const year = new Date().getFullYear();

const withTrip: VisitPersonYear = {
  personId: 9,
  personName: 'Y Niê',
  unitName: 'Huyện đoàn Cư Jút',
  year,
  requirement: 60,
  days: 62,
  status: 'done',
  dayCounting: 'calendar',
  registration: { id: 3, personId: 9, year, hostUnitId: 6, hostUnitName: 'Đoàn xã Ea Pô', notes: null, version: 1 },
  trips: [
    {
      id: 1,
      personId: 9,
      personName: 'Y Niê',
      hostUnitId: 6,
      hostUnitName: 'Đoàn xã Ea Pô',
      startDate: `${year}-01-05`,
      endDate: `${year}-03-07`,
      days: 62,
      daysInYear: 62,
      purpose: 'Nắm tình hình cơ sở',
      reportText: 'Đã làm việc',
      reportFiledAt: `${year}-03-10T00:00:00Z`,
      reportDueDate: `${year}-03-17`,
      reportOverdue: false,
      reportFile: null,
      version: 2,
      canEdit: false,
    },
  ],
  reportsDue: 0,
  canEdit: false,
};

describe("a cadre's visits on their record", () => {
  it('reads the year through /visits/year for that person and shows days against the requirement and the trips', async () => {
    const sent = mockApi((req) => (req.path === '/visits/year' ? reply(withTrip) : undefined));
    renderWithApp(<PersonVisits personId={9} />);
    expect(await screen.findByText('62/60 ngày')).toBeTruthy();
    expect(screen.getByText('Đã đạt')).toBeTruthy();
    expect(screen.getByText(`Đơn vị cơ sở đăng ký năm ${year}: Đoàn xã Ea Pô`)).toBeTruthy();
    // the dates and days, each kept whole, in one title
    expect(screen.getByTestId('trip-dates').textContent).toBe(`05/01/${year} – 07/03/${year} · 62 ngày`);
    expect(screen.getByText('Đã nộp báo cáo')).toBeTruthy();
    // a reader who may not edit is offered neither logging nor filing
    expect(screen.queryByRole('button', { name: 'Ghi đợt đi cơ sở' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nộp báo cáo' })).toBeNull();
    expect(Object.fromEntries(sent[0]!.query)).toEqual({ personId: '9', year: String(year) });
  });

  it('speaks of the cadre, not to them, when they have not registered', async () => {
    mockApi((req) =>
      req.path === '/visits/year'
        ? reply({ ...withTrip, days: 0, status: 'behind', registration: null, trips: [] })
        : undefined,
    );
    renderWithApp(<PersonVisits personId={9} />);
    expect(await screen.findByText(`Cán bộ chưa đăng ký đơn vị cơ sở năm ${year}.`)).toBeTruthy();
    expect(screen.getByText('Chưa có đợt nào trong năm')).toBeTruthy();
  });

  it('says the record is not found when the cadre is out of scope', async () => {
    mockApi();
    renderWithApp(<PersonVisits personId={9} />);
    await waitFor(() => expect(screen.getByText('Không tìm thấy')).toBeTruthy());
  });
});
