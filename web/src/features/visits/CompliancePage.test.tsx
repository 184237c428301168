// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { VisitComplianceRow, VisitSettings, VisitTotals } from '@canbo/contract';
import '../../i18n';
import { pick, type } from '../training/testing/controls';
import { get, mockApi, page, renderWithApp, reply, unitDetail } from '../training/testing/mockApi';
import { CompliancePage } from './CompliancePage';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const year = new Date().getFullYear();

const rows: VisitComplianceRow[] = [
  { personId: 1, personName: 'Trần An', unitName: 'Tỉnh đoàn', requirement: 60, days: 70, trips: 3, status: 'done' },
  {
    personId: 2,
    personName: 'Lê Tâm',
    unitName: 'Huyện đoàn Cư Jút',
    requirement: 60,
    days: 30,
    trips: 2,
    status: 'on_track',
  },
  { personId: 3, personName: 'Y Niê', unitName: 'Đoàn xã Ea Pô', requirement: 60, days: 0, trips: 0, status: 'behind' },
];

const totals: VisitTotals = { year, levels: [{ level: 'district', trips: 5, days: 100 }] };

const me = {
  id: 1,
  login: 'quantri',
  displayName: 'Quản trị Cư Jút',
  personId: null,
  isSuperadmin: false,
  grants: [{ id: 4, unitId: 5, unitName: 'Huyện đoàn Cư Jút', role: 'admin' }],
  csrfToken: 'x',
};

const settings: VisitSettings = {
  unitId: 1,
  dayCounting: 'calendar',
  reportDueDays: 10,
  annualDays: 60,
  requirements: [{ id: 7, level: 'district', title: null, annualDays: 45, version: 1 }],
  version: 1,
  canEdit: true,
};

/** The compliance list answering by the status asked for, as the server filters it. */
function server(...extra: Parameters<typeof mockApi>) {
  return mockApi(
    ...extra,
    get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút')])),
    get('/units/5', unitDetail(5, 'Huyện đoàn Cư Jút')),
    get('/visits/totals', totals),
    get('/visits/overdue', page([])),
    (req) => {
      if (req.method !== 'GET' || req.path !== '/visits/compliance') return undefined;
      const status = req.query.get('status');
      return reply(page(status ? rows.filter((r) => r.status === status) : rows));
    },
  );
}

const complianceCalls = (sent: ReturnType<typeof server>) => sent.filter((r) => r.path === '/visits/compliance');

describe('grassroots visits compliance page', () => {
  it('asks for nothing until a unit is chosen, then lists its cadres with statuses in Vietnamese', async () => {
    const sent = server();
    renderWithApp(<CompliancePage />);
    expect(screen.getByText('Chọn đơn vị để xem cán bộ đi cơ sở trong năm.')).toBeTruthy();
    expect(complianceCalls(sent)).toEqual([]);
    await pick('compliance_unitId', 'Huyện đoàn Cư Jút');
    expect(await screen.findByText('Trần An')).toBeTruthy();
    expect(screen.getByText('Đã đạt')).toBeTruthy();
    expect(screen.getByText('Đúng tiến độ')).toBeTruthy();
    expect(screen.getByText('Chậm tiến độ')).toBeTruthy();
    expect(screen.queryByText('on_track')).toBeNull();
    expect(screen.getByText('Cấp huyện: 5 đợt, 100 ngày')).toBeTruthy();
    const first = complianceCalls(sent).at(-1)!;
    expect(Object.fromEntries(first.query)).toMatchObject({ unitId: '5', year: String(year), sort: 'person' });
    expect(first.query.has('status')).toBe(false);
  });

  it('sends the year and status chosen, from the first page', async () => {
    const sent = server();
    renderWithApp(<CompliancePage />);
    await pick('compliance_unitId', 'Huyện đoàn Cư Jút');
    await screen.findByText('Trần An');
    await pick('compliance_status', 'Chậm tiến độ');
    await waitFor(() => expect(screen.queryByText('Trần An')).toBeNull());
    expect(screen.getByText('Y Niê')).toBeTruthy();
    await pick('compliance_year', String(year - 1));
    await waitFor(() =>
      expect(Object.fromEntries(complianceCalls(sent).at(-1)!.query)).toMatchObject({
        unitId: '5',
        year: String(year - 1),
        status: 'behind',
        page: '1',
      }),
    );
  });

  it('opens on the unit of the account’s grant, with no unit to pick first', async () => {
    const sent = server(get('/auth/me', me));
    renderWithApp(<CompliancePage />);
    expect(await screen.findByText('Trần An')).toBeTruthy();
    expect(Object.fromEntries(complianceCalls(sent).at(-1)!.query)).toMatchObject({ unitId: '5' });
    expect(screen.queryByText('Chọn đơn vị để xem cán bộ đi cơ sở trong năm.')).toBeNull();
  });

  it('shows the organisation’s requirements and sets one for a title', async () => {
    const sent = server(get('/auth/me', me), get('/visits/settings', settings), (req) =>
      req.method === 'POST' && req.path === '/visits/settings/1/requirements'
        ? reply({ id: 8, level: null, title: 'secretary', annualDays: 30, version: 1 })
        : undefined,
    );
    renderWithApp(<CompliancePage />);
    await screen.findByText('Trần An');
    fireEvent.click(screen.getByRole('button', { name: /Cấu hình đi cơ sở/ }));
    expect(await screen.findByText('Cấp huyện')).toBeTruthy();
    expect(screen.getByText('45')).toBeTruthy();
    await pick('visitRequirement_key', 'Bí thư');
    type('visitRequirement_annualDays', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Đặt yêu cầu' }));
    await waitFor(() =>
      expect(sent.find((r) => r.path === '/visits/settings/1/requirements')?.body).toEqual({
        annualDays: 30,
        title: 'secretary',
      }),
    );
  });
});
