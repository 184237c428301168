// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../../i18n';
import { AttendanceTab } from './AttendanceTab';
import { makeClass, makeSession } from './fixtures';
import { json, mockApi, renderWithProviders } from './testing';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  void i18n.changeLanguage('vi');
});

/** A 390 px phone as antd's breakpoints ask about it: only "(max-width: …)" queries hold. */
function onAPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width'),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }));
}

const sessions = [makeSession(11, '2025-03-10', 'morning'), makeSession(12, '2025-03-10', 'afternoon')];
const row = (enrolmentId: number, personName: string, marks: (string | null)[]) => ({
  enrolmentId,
  personId: enrolmentId + 100,
  personName,
  unitName: 'Đoàn xã Ea Pô',
  title: 'secretary',
  marks,
  attendancePercent: null,
});
const grid = {
  sessions,
  rows: [row(1, 'Nguyễn Văn An', ['present', null]), row(2, 'Trần Thị Bình', [null, 'absent'])],
  total: 2,
  page: 1,
  pageSize: 100,
};

describe('attendance on a phone', () => {
  it('marks one session at a time with a button per mark, and saves the marks in one PUT', async () => {
    onAPhone();
    const sent = mockApi({
      'GET /training/classes/7/attendance': () => json(grid),
      'PUT /training/classes/7/attendance': () => json({ changed: 2 }),
    });
    renderWithProviders(<AttendanceTab cls={makeClass()} />);
    await screen.findByText('Trần Thị Bình');
    // no grid, no whole-course button made for row selection; the legend says what the letters mean
    expect(document.querySelector('.ant-table')).toBeNull();
    expect(screen.queryByTestId('att-bulk-rows')).toBeNull();
    const legend = screen.getByTestId('att-legend').textContent;
    for (const word of ['CCó mặt', 'MĐi muộn', 'PVắng có phép', 'KVắng không phép']) expect(legend).toContain(word);

    // the first session: An is present already, Bình is marked absent with leave
    const an = screen.getByTestId('att-marks-1');
    expect(within(an).getByRole('radio', { name: 'Nguyễn Văn An: Có mặt' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Trần Thị Bình: Vắng có phép' }));
    // the afternoon: Bình was absent, now late
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Buổi điểm danh' }));
    const afternoon = await screen.findAllByText(/10\/03 Chiều/);
    fireEvent.click(afternoon[afternoon.length - 1]!);
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Trần Thị Bình: Vắng không phép' })).toHaveProperty('checked', true),
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Trần Thị Bình: Đi muộn' }));
    expect(screen.getByTestId('att-unsaved').textContent).toContain('2 ô điểm danh chưa lưu');

    fireEvent.click(screen.getByTestId('att-save'));
    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true));
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({
      marks: [
        { enrolmentId: 2, sessionId: 11, mark: 'excused' },
        { enrolmentId: 2, sessionId: 12, mark: 'late' },
      ],
    });
  }, 60_000);

  it('reads "P" as absent with leave in English too, as on the sheet', async () => {
    onAPhone();
    await i18n.changeLanguage('en');
    mockApi({ 'GET /training/classes/7/attendance': () => json(grid) });
    renderWithProviders(<AttendanceTab cls={makeClass()} />);
    await screen.findByText('Trần Thị Bình');
    expect(screen.getByTestId('att-legend').textContent).toContain('PAbsent with leave');
    expect(screen.getByRole('radio', { name: 'Nguyễn Văn An: Absent with leave' }).closest('label')!.textContent).toBe(
      'P',
    );
  }, 60_000);
});
