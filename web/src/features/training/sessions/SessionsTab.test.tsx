// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClassSession } from '@canbo/contract';
import '../../../i18n';
import { makeClass } from '../testing/classes';
import { pick, type, typeDate } from '../testing/controls';
import { get, mockApi, renderWithApp, reply, type Sent } from '../testing/mockApi';
import { SessionsTab } from './SessionsTab';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const cls = makeClass({ status: 'open', startDate: '2025-05-12', endDate: '2025-05-14' });

const opening: ClassSession = {
  id: 1,
  classId: 42,
  date: '2025-05-12',
  part: 'morning',
  startsAt: '07:30',
  endsAt: '11:30',
  topic: 'Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc',
  lecturer: null,
  version: 1,
};

/** The class's sessions with a memory: an added session is listed afterwards, in date order. */
function server() {
  const sessions: ClassSession[] = [opening];
  return mockApi(
    (req) =>
      req.method === 'GET' && req.path === '/training/classes/42/sessions'
        ? reply({ items: [...sessions] })
        : undefined,
    get('/training/sessions/1/sign-in.pdf', {}),
    (req) => {
      if (req.method !== 'POST' || req.path !== '/training/classes/42/sessions') return undefined;
      const created = {
        ...(req.body as Omit<ClassSession, 'id' | 'classId' | 'version'>),
        id: 2,
        classId: 42,
        version: 1,
      };
      sessions.push(created);
      sessions.sort((a, b) => a.date.localeCompare(b.date));
      return reply(created, 201);
    },
  );
}

const posts = (sent: Sent[]) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/training/classes/42/sessions').map((r) => r.body);

/** The row of the session about `topic`. */
const rowOf = (topic: string) =>
  within(document.querySelector<HTMLElement>('.ant-table')!).getByText(topic).closest('tr')!;

describe("a class's sessions", () => {
  it('proposes the afternoon after the morning, with its hours, and lists the session added', async () => {
    const sent = server();
    renderTab();
    await screen.findByText('Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc');

    fireEvent.click(screen.getByRole('button', { name: /Thêm buổi học/ }));
    type('session_topic', 'Kỹ năng tổ chức sinh hoạt chi đoàn');
    type('session_lecturer', 'Đ/c Trần Văn Bình');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]).toEqual({
      date: '2025-05-12',
      part: 'afternoon',
      startsAt: '13:30',
      endsAt: '17:00',
      topic: 'Kỹ năng tổ chức sinh hoạt chi đoàn',
      lecturer: 'Đ/c Trần Văn Bình',
    });
    const row = await waitFor(() => rowOf('Kỹ năng tổ chức sinh hoạt chi đoàn'));
    expect(within(row).getByText('12/05/2025')).toBeTruthy();
    expect(within(row).getByText('Chiều')).toBeTruthy();
    expect(within(row).getByText('13:30–17:00')).toBeTruthy();
    expect(within(row).getByText('Đ/c Trần Văn Bình')).toBeTruthy();
  }, 120_000);

  it('an evening on another day takes the evening hours', async () => {
    const sent = server();
    renderTab();
    await screen.findByText('Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc');

    fireEvent.click(screen.getByRole('button', { name: /Thêm buổi học/ }));
    typeDate('session_date', '13/05/2025');
    await pick('session_part', 'Tối');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]).toMatchObject({ date: '2025-05-13', part: 'evening', startsAt: '19:00', endsAt: '21:30' });
    await waitFor(() => expect(screen.getByText('19:00–21:30')).toBeTruthy());
  }, 120_000);

  it('a reader of the organiser takes each session’s sign-in sheet, and changes nothing', async () => {
    const sent = server();
    renderWithApp(<SessionsTab cls={{ ...cls, canManage: false, readsAll: true }} />);
    await screen.findByText('Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc');
    const row = rowOf('Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc');
    expect(within(row).queryByRole('button', { name: /Mã QR điểm danh/ })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Sửa' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Thêm buổi học/ })).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Danh sách ký tên (PDF)' }));
    await waitFor(() => expect(sent.some((r) => r.path === '/training/sessions/1/sign-in.pdf')).toBe(true));
  }, 120_000);

  it('a unit that only sent trainees gets no sign-in sheet: it is the organiser’s', async () => {
    server();
    renderWithApp(<SessionsTab cls={{ ...cls, canManage: false, readsAll: false }} />);
    await screen.findByText('Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc');
    const row = rowOf('Khai mạc; Nghị quyết Đại hội Đoàn toàn quốc');
    expect(within(row).queryByRole('button', { name: /Danh sách ký tên/ })).toBeNull();
  }, 120_000);
});

function renderTab() {
  return renderWithApp(<SessionsTab cls={cls} />);
}
