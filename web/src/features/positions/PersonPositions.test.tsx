// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Position } from '@canbo/contract';
import '../../i18n';
import { pick, typeDate } from '../training/testing/controls';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../training/testing/mockApi';
import { PersonPositions } from './PersonPositions';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const secretary: Position = {
  id: 1,
  personId: 9,
  personName: 'Nguyễn Thị Hoa',
  unitId: 6,
  unitName: 'Đoàn xã Ea Pô',
  title: 'secretary',
  employment: 'part_time',
  method: 'elected',
  term: '2022–2027',
  decision: null,
  startDate: '2022-01-01',
  endDate: null,
  version: 2,
  canEdit: true,
};

/** The positions API with a memory: what is posted or patched is listed afterwards. */
function server() {
  const positions: Position[] = [secretary];
  const sent = mockApi(
    get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút')])),
    (req) => (req.method === 'GET' && req.path === '/positions' ? reply(page([...positions])) : undefined),
    (req) => {
      if (req.method !== 'POST' || req.path !== '/positions') return undefined;
      const body = req.body as Omit<Position, 'id' | 'personName' | 'unitName' | 'version' | 'canEdit'>;
      const created: Position = {
        ...body,
        id: 2,
        personName: 'Nguyễn Thị Hoa',
        unitName: 'Huyện đoàn Cư Jút',
        version: 1,
        canEdit: true,
        endDate: body.endDate ?? null,
      };
      positions.unshift(created);
      return reply(created, 201);
    },
    (req) => {
      if (req.method !== 'PATCH' || req.path !== '/positions/1') return undefined;
      positions[positions.length - 1] = { ...secretary, endDate: req.body!.endDate as string, version: 3 };
      return reply(positions[positions.length - 1]);
    },
  );
  return sent;
}

const sentTo = (sent: Sent[], method: string, path: string) =>
  sent.filter((r) => r.method === method && r.path === path).map((r) => r.body);

/** The table row of the position held in `unitName`. */
const rowOf = (unitName: string) =>
  within(document.querySelector<HTMLElement>('.ant-table')!).getByText(unitName).closest('tr')!;

describe("a cadre's positions", () => {
  it('adds a position in another unit and lists it beside the one held', async () => {
    const sent = server();
    renderWithApp(<PersonPositions personId={9} canEdit />);
    await screen.findByText('Đoàn xã Ea Pô');

    fireEvent.click(screen.getByRole('button', { name: /Thêm chức danh/ }));
    await pick('positionAdd_unitId', 'Huyện đoàn Cư Jút');
    await pick('positionAdd_title', 'Phó Bí thư');
    typeDate(document.getElementById('positionAdd_startDate')!, '01/03/2025');
    fireEvent.change(document.getElementById('positionAdd_decision')!, { target: { value: '15-QĐ/HĐTN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(sentTo(sent, 'POST', '/positions')).toHaveLength(1));
    expect(sentTo(sent, 'POST', '/positions')[0]).toEqual({
      personId: 9,
      unitId: 5,
      title: 'deputy_secretary',
      employment: 'part_time',
      method: 'elected',
      term: null,
      decision: '15-QĐ/HĐTN',
      startDate: '2025-03-01',
      endDate: null,
    });
    // the list is asked again and shows both, the new one with its title and start date
    const row = await waitFor(() => rowOf('Huyện đoàn Cư Jút'));
    expect(within(row).getByText('Phó Bí thư')).toBeTruthy();
    expect(within(row).getByText('01/03/2025')).toBeTruthy();
    expect(within(rowOf('Đoàn xã Ea Pô')).getByText('Bí thư')).toBeTruthy();
  }, 120_000);

  it('ends a position on the chosen date, sending the version it was read at', async () => {
    const sent = server();
    renderWithApp(<PersonPositions personId={9} canEdit />);
    await screen.findByText('Đoàn xã Ea Pô');
    expect(within(rowOf('Đoàn xã Ea Pô')).getByText('Đang giữ')).toBeTruthy();

    fireEvent.click(within(rowOf('Đoàn xã Ea Pô')).getByRole('button', { name: 'Kết thúc' }));
    // the dialog names who, what and where
    const question = await screen.findByText(
      'Kết thúc chức danh Bí thư của Nguyễn Thị Hoa tại Đoàn xã Ea Pô từ ngày đã chọn?',
    );
    const dialog = question.closest<HTMLElement>('[role=dialog]')!;
    typeDate(within(dialog).getByLabelText('Ngày kết thúc'), '30/06/2025');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kết thúc' }));

    await waitFor(() => expect(sentTo(sent, 'PATCH', '/positions/1')).toEqual([{ version: 2, endDate: '2025-06-30' }]));
    await waitFor(() => expect(within(rowOf('Đoàn xã Ea Pô')).getByText('30/06/2025')).toBeTruthy());
    expect(within(rowOf('Đoàn xã Ea Pô')).queryByText('Đang giữ')).toBeNull();
  }, 120_000);
});
