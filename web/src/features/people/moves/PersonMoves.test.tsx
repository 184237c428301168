// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Move } from '@canbo/contract';
import '../../../i18n';
import { pick, typeDate } from '../../training/testing/controls';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../../training/testing/mockApi';
import { PersonMoves } from './PersonMoves';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const UNITS: Record<number, string> = { 5: 'Huyện đoàn Cư Jút', 6: 'Huyện đoàn Đắk Mil' };

const earlier: Move = {
  id: 1,
  personId: 9,
  moveKind: 'rotation',
  fromUnitId: 5,
  fromUnitName: 'Huyện đoàn Cư Jút',
  toUnitId: 6,
  toUnitName: 'Huyện đoàn Đắk Mil',
  moveDate: '2021-03-01',
  decision: '45-QĐ/TĐTN',
  decisionDate: '2021-02-20',
  notes: null,
  version: 1,
  updatedAt: '2021-03-01T00:00:00.000Z',
  canEdit: true,
};

/** The moves API with a memory: what is posted is listed afterwards, what is deleted goes. */
function server() {
  let moves: Move[] = [earlier];
  return mockApi(
    get('/units', page(Object.entries(UNITS).map(([id, name]) => unitDetail(Number(id), name)))),
    (req) => {
      const m = req.method === 'GET' ? /^\/units\/(\d+)$/.exec(req.path) : null;
      return m ? reply(unitDetail(Number(m[1]), UNITS[Number(m[1])] ?? '')) : undefined;
    },
    (req) => (req.method === 'GET' && req.path === '/people/9/moves' ? reply(page([...moves])) : undefined),
    (req) => {
      if (req.method !== 'POST' || req.path !== '/people/9/moves') return undefined;
      const body = req.body as Omit<Move, 'id' | 'personId' | 'fromUnitName' | 'toUnitName' | 'version' | 'canEdit'>;
      const created: Move = {
        ...earlier,
        ...body,
        id: 2,
        fromUnitName: UNITS[body.fromUnitId]!,
        toUnitName: UNITS[body.toUnitId]!,
      };
      moves = [...moves, created];
      return reply(created, 201);
    },
    (req) => {
      if (req.method !== 'DELETE' || req.path !== '/people/9/moves/1') return undefined;
      moves = moves.filter((m) => m.id !== 1);
      return reply(null, 204);
    },
  );
}

const sentTo = (sent: Sent[], method: string, path: string) =>
  sent.filter((r) => r.method === method && r.path === path);
const rowOn = (date: string) =>
  within(document.querySelector<HTMLElement>('.ant-table')!).getByText(date).closest('tr')!;

describe("a cadre's moves (Quá trình công tác)", () => {
  it('lists the moves with their kind and units, and records a new one leaving the unit of today', async () => {
    const sent = server();
    renderWithApp(<PersonMoves personId={9} unitToday={6} canEdit />);
    const row = await waitFor(() => rowOn('01/03/2021'));
    expect(within(row).getByText('Luân chuyển')).toBeTruthy();
    expect(within(row).getByText('45-QĐ/TĐTN – 20/02/2021')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Thêm lần điều chuyển/ }));
    await pick('moveAdd_toUnitId', 'Huyện đoàn Cư Jút');
    await pick('moveAdd_moveKind', 'Biệt phái');
    typeDate(document.getElementById('moveAdd_moveDate')!, '15/07/2024');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(sentTo(sent, 'POST', '/people/9/moves')).toHaveLength(1));
    expect(sentTo(sent, 'POST', '/people/9/moves')[0]!.body).toEqual({
      moveKind: 'secondment',
      fromUnitId: 6,
      toUnitId: 5,
      moveDate: '2024-07-15',
      decision: null,
      decisionDate: null,
      notes: null,
    });
    await waitFor(() => expect(within(rowOn('15/07/2024')).getByText('Biệt phái')).toBeTruthy());
  }, 120_000);

  it('deletes a move only after confirming', async () => {
    const sent = server();
    renderWithApp(<PersonMoves personId={9} unitToday={6} canEdit />);
    const row = await waitFor(() => rowOn('01/03/2021'));
    fireEvent.click(within(row).getByRole('button', { name: 'Xóa' }));
    await screen.findByText('Xóa lần điều chuyển ngày 01/03/2021?');
    expect(sentTo(sent, 'DELETE', '/people/9/moves/1')).toHaveLength(0);
    const confirm = document.querySelector<HTMLElement>('.ant-popconfirm .ant-btn-dangerous')!;
    fireEvent.click(confirm);
    await waitFor(() => expect(sentTo(sent, 'DELETE', '/people/9/moves/1')).toHaveLength(1));
    await waitFor(() => expect(screen.getByText(/Chưa ghi lần điều chuyển nào/)).toBeTruthy());
  }, 120_000);
});
