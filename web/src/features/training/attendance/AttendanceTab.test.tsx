// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../../../i18n';
import { AttendanceTab } from './AttendanceTab';
import { makeClass, makeSession } from './fixtures';
import { json, mockApi, renderWithProviders } from './testing';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

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
  rows: [
    row(1, 'Nguyễn Văn An', ['present', null]),
    row(2, 'Trần Thị Bình', ['absent', null]),
    row(3, 'Lê Văn Cường', [null, 'absent']),
  ],
  total: 3,
  page: 1,
  pageSize: 100,
};

/** Open a dropdown and pick one of its entries (the last one shown: earlier menus stay in the DOM). */
async function choose(trigger: HTMLElement, entry: string) {
  fireEvent.click(trigger);
  const items = await screen.findAllByText(entry);
  fireEvent.click(items[items.length - 1]!);
}

function rowOf(name: string): HTMLElement {
  return screen.getByText(name).closest('tr')!;
}

describe('AttendanceTab', () => {
  it('sends every bulk and single change in one PUT, leaving cells that end as they were', async () => {
    const sent = mockApi({
      'GET /training/classes/7/attendance': () => json(grid),
      'PUT /training/classes/7/attendance': () => json({ changed: 5 }),
    });
    renderWithProviders(<AttendanceTab cls={makeClass()} />);
    await screen.findByText('Lê Văn Cường');

    // a whole session for everyone shown (no row selected)
    // antd copies column titles into a hidden measure row: the header's is the one in <thead>
    await choose(within(document.querySelector('thead')!).getByTestId('att-session-12'), 'Cả buổi vắng có phép');
    // one cell
    await choose(screen.getByTestId('att-cell-3-11'), 'Đi muộn');
    // the whole course for the selected trainees; An's morning was already "present"
    fireEvent.click(within(rowOf('Nguyễn Văn An')).getByRole('checkbox'));
    fireEvent.click(within(rowOf('Trần Thị Bình')).getByRole('checkbox'));
    await choose(screen.getByTestId('att-bulk-rows'), 'Cả khóa có mặt');

    expect(screen.getByTestId('att-unsaved').textContent).toContain('5 ô điểm danh chưa lưu');
    expect(screen.getByTestId('att-cell-2-11').getAttribute('data-mark')).toBe('present');
    expect(screen.getByTestId('att-percent-2').textContent).toBe('100%');
    expect(screen.getByTestId('att-percent-3').textContent).toBe('50%');
    expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('att-save'));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PUT')).toHaveLength(1));
    const put = sent.find((r) => r.method === 'PUT')!;
    const marks = (put.body as { marks: { enrolmentId: number; sessionId: number; mark: string | null }[] }).marks;
    const byCell = (a: { enrolmentId: number; sessionId: number }, b: { enrolmentId: number; sessionId: number }) =>
      a.enrolmentId - b.enrolmentId || a.sessionId - b.sessionId;
    expect([...marks].sort(byCell)).toEqual([
      { enrolmentId: 1, sessionId: 12, mark: 'present' },
      { enrolmentId: 2, sessionId: 11, mark: 'present' },
      { enrolmentId: 2, sessionId: 12, mark: 'present' },
      { enrolmentId: 3, sessionId: 11, mark: 'late' },
      { enrolmentId: 3, sessionId: 12, mark: 'excused' },
    ]);
    expect(put.headers['x-csrf-token']).toBeDefined();
    await waitFor(() => expect(screen.queryByTestId('att-unsaved')).toBeNull());
  }, 60_000);

  it('sends a cell cleared back to empty as null, and forgets a cell set back to what it was', async () => {
    const sent = mockApi({
      'GET /training/classes/7/attendance': () => json(grid),
      'PUT /training/classes/7/attendance': () => json({ changed: 1 }),
    });
    renderWithProviders(<AttendanceTab cls={makeClass()} />);
    await screen.findByText('Lê Văn Cường');

    await choose(screen.getByTestId('att-cell-1-11'), 'Đi muộn');
    await choose(screen.getByTestId('att-cell-1-11'), 'Có mặt');
    expect(screen.queryByTestId('att-unsaved')).toBeNull();
    await choose(screen.getByTestId('att-cell-3-12'), 'Để trống');
    expect(screen.getByTestId('att-unsaved').textContent).toContain('1 ô');

    fireEvent.click(screen.getByTestId('att-save'));
    await waitFor(() => expect(sent.some((r) => r.method === 'PUT')).toBe(true));
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({
      marks: [{ enrolmentId: 3, sessionId: 12, mark: null }],
    });
  }, 60_000);

  it('shows a read-only grid without marking controls to someone who cannot manage the class', async () => {
    mockApi({ 'GET /training/classes/7/attendance': () => json(grid) });
    renderWithProviders(<AttendanceTab cls={makeClass({ canManage: false })} />);
    await screen.findByText('Lê Văn Cường');
    expect(screen.queryByTestId('att-session-11')).toBeNull();
    expect(screen.queryByTestId('att-bulk-rows')).toBeNull();
    expect(screen.queryByText('Nhập bảng điểm danh')).toBeNull();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByTestId('att-cell-2-11').tagName).not.toBe('BUTTON');
  }, 60_000);
});
