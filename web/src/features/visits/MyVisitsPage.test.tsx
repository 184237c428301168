// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { VisitPersonYear, VisitTrip } from '@canbo/contract';
import '../../i18n';
import { pick, type, typeDate } from '../training/testing/controls';
import { mockApi, page, renderWithApp, reply } from '../training/testing/mockApi';
import { MyVisitsPage } from './MyVisitsPage';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const year = new Date().getFullYear();

const firstTrip: VisitTrip = {
  id: 1,
  personId: 9,
  personName: 'Y Niê',
  hostUnitId: 6,
  hostUnitName: 'Đoàn xã Ea Pô',
  startDate: `${year}-01-05`,
  endDate: `${year}-01-14`,
  days: 10,
  daysInYear: 10,
  purpose: 'Nắm tình hình cơ sở',
  reportText: null,
  reportFiledAt: null,
  reportDueDate: `${year}-01-24`,
  reportOverdue: true,
  reportFile: null,
  version: 1,
  canEdit: true,
};

/** The cadre's own year with a memory: a logged trip adds its days, a filed report marks the trip. */
function server({ registered = true } = {}) {
  const trips: VisitTrip[] = [firstTrip];
  let registration: VisitPersonYear['registration'] = registered
    ? { id: 3, personId: 9, year, hostUnitId: 6, hostUnitName: 'Đoàn xã Ea Pô', notes: null, version: 1 }
    : null;
  const view = (): VisitPersonYear => {
    const days = trips.reduce((s, x) => s + x.daysInYear, 0);
    return {
      personId: 9,
      personName: 'Y Niê',
      unitName: 'Huyện đoàn Cư Jút',
      year,
      requirement: 60,
      days,
      status: days >= 60 ? 'done' : 'behind',
      dayCounting: 'calendar',
      registration,
      trips: [...trips],
      reportsDue: trips.filter((x) => !x.reportFiledAt).length,
      canEdit: true,
    };
  };
  return mockApi(
    (req) => (req.method === 'GET' && req.path === '/visits/me' ? reply(view()) : undefined),
    (req) =>
      req.method === 'GET' && req.path === '/visits/host-units'
        ? reply(page([{ id: 6, name: 'Đoàn xã Ea Pô', parentName: 'Huyện đoàn Cư Jút' }]))
        : undefined,
    (req) => {
      if (req.method !== 'POST' || req.path !== '/visits/registrations') return undefined;
      registration = {
        id: 3,
        personId: 9,
        year,
        hostUnitId: 6,
        hostUnitName: 'Đoàn xã Ea Pô',
        notes: null,
        version: 1,
      };
      return reply(registration, 201);
    },
    (req) => {
      if (req.method !== 'POST' || req.path !== '/visits/trips/1/report-file') return undefined;
      trips[0] = {
        ...trips[0]!,
        reportFile: { name: 'bao-cao.pdf', type: 'application/pdf', size: 9 },
        version: trips[0]!.version + 1,
      };
      return reply(trips[0]);
    },
    (req) => {
      if (req.method !== 'POST' || req.path !== '/visits/trips') return undefined;
      const created = {
        ...firstTrip,
        id: 2,
        startDate: `${year}-02-01`,
        endDate: `${year}-02-05`,
        days: 5,
        daysInYear: 5,
      };
      trips.push(created);
      return reply(created, 201);
    },
    (req) => {
      if (req.method !== 'POST' || req.path !== '/visits/trips/1/report') return undefined;
      trips[0] = {
        ...trips[0]!,
        reportText: String(req.body!.reportText),
        reportFiledAt: `${year}-02-10T00:00:00Z`,
        reportOverdue: false,
        reportFile: null,
        version: trips[0]!.version + 1,
      };
      return reply(trips[0]);
    },
  );
}

describe('my grassroots visits', () => {
  it('shows the year against the requirement, logs a trip and sees the total rise', async () => {
    const sent = server();
    renderWithApp(<MyVisitsPage />);
    expect(await screen.findByText('10/60 ngày')).toBeTruthy();
    expect(screen.getByText('Chậm tiến độ')).toBeTruthy();
    expect(screen.getByText('Quá hạn báo cáo')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi đợt đi cơ sở' }));
    typeDate('visitTrip_startDate', `01/02/${year}`);
    typeDate('visitTrip_endDate', `05/02/${year}`);
    type('visitTrip_purpose', 'Dự sinh hoạt chi đoàn');
    fireEvent.click(screen.getByRole('button', { name: /Lưu|OK/ }));
    expect(await screen.findByText('15/60 ngày')).toBeTruthy();
    const post = sent.find((r) => r.method === 'POST' && r.path === '/visits/trips');
    expect(post?.body).toEqual({
      personId: 9,
      hostUnitId: 6,
      startDate: `${year}-02-01`,
      endDate: `${year}-02-05`,
      purpose: 'Dự sinh hoạt chi đoàn',
    });
  });

  it('files the report of a finished trip with the version it was shown', async () => {
    const sent = server();
    renderWithApp(<MyVisitsPage />);
    fireEvent.click((await screen.findAllByRole('button', { name: 'Nộp báo cáo' }))[0]!);
    type('visitReport_reportText', 'Đã làm việc với 3 chi đoàn.');
    fireEvent.click(screen.getByRole('button', { name: /Lưu|OK/ }));
    await waitFor(() => expect(screen.getByText('Đã nộp báo cáo')).toBeTruthy());
    const post = sent.find((r) => r.path === '/visits/trips/1/report');
    expect(post?.body).toEqual({ version: 1, reportText: 'Đã làm việc với 3 chi đoàn.' });
  });

  it('registers the cadre with a host unit for the year, then offers logging a trip', async () => {
    const sent = server({ registered: false });
    renderWithApp(<MyVisitsPage />);
    expect(await screen.findByText(`Bạn chưa đăng ký đơn vị cơ sở năm ${year}.`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ghi đợt đi cơ sở' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký đơn vị cơ sở' }));
    await pick('visitRegistration_hostUnitId', 'Đoàn xã Ea Pô (Huyện đoàn Cư Jút)');
    fireEvent.click(screen.getByRole('button', { name: /Lưu|OK/ }));
    expect(await screen.findByText(`Đơn vị cơ sở đăng ký năm ${year}: Đoàn xã Ea Pô`)).toBeTruthy();
    expect(sent.find((r) => r.path === '/visits/registrations')?.body).toEqual({ personId: 9, year, hostUnitId: 6 });
    expect(screen.getByRole('button', { name: 'Ghi đợt đi cơ sở' })).toBeTruthy();
  });

  it('sends the report’s attachment after its text, and lists it on the trip', async () => {
    const sent = server();
    renderWithApp(<MyVisitsPage />);
    fireEvent.click((await screen.findAllByRole('button', { name: 'Nộp báo cáo' }))[0]!);
    type('visitReport_reportText', 'Đã làm việc với 3 chi đoàn.');
    const input = document.querySelector<HTMLInputElement>('.ant-modal input[type="file"]')!;
    const file = new File(['%PDF-1.4\n'], 'bao-cao.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText('bao-cao.pdf')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Lưu|OK/ }));
    expect(await screen.findByRole('button', { name: 'Tải tệp bao-cao.pdf' })).toBeTruthy();
    const paths = sent.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(paths).toEqual(['/visits/trips/1/report', '/visits/trips/1/report-file']);
    // the attachment goes with the version the report left (the trip moved from 1 to 2)
    const attached = sent.find((r) => r.path === '/visits/trips/1/report-file');
    expect(attached?.query.get('version')).toBe('2');
  });
});
