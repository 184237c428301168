// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Allocation } from '@canbo/contract';
import '../../../i18n';
import { makeClass } from '../testing/classes';
import { pick, type } from '../testing/controls';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../testing/mockApi';
import { AllocationsTab } from './AllocationsTab';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

// capacity 60, 40 seats allocated already: the organiser keeps 20
const cls = makeClass({ status: 'open', capacity: 60, seatsAllocated: 40 });

const eaPo: Allocation = {
  id: 7,
  classId: 42,
  unitId: 6,
  unitName: 'Đoàn xã Ea Pô',
  seats: 8,
  used: 5,
  waitlisted: 2,
  version: 1,
  canNominate: true,
};

/** The class's allocations with a memory: a posted allocation is listed afterwards. */
function server() {
  const allocations: Allocation[] = [eaPo];
  return mockApi(
    get('/units', page([unitDetail(9, 'Đoàn xã Nam Dong')])),
    get('/training/classes/42/summons.docx', {}),
    (req) =>
      req.method === 'GET' && req.path === '/training/classes/42/allocations'
        ? reply(page([...allocations]))
        : undefined,
    (req) => {
      if (req.method !== 'POST' || req.path !== '/training/classes/42/allocations') return undefined;
      const body = req.body as { unitId: number; seats: number };
      const created: Allocation = {
        ...body,
        id: 8,
        classId: 42,
        unitName: 'Đoàn xã Nam Dong',
        used: 0,
        waitlisted: 0,
        version: 1,
        canNominate: false,
      };
      allocations.push(created);
      return reply(created, 201);
    },
  );
}

const posts = (sent: Sent[]) =>
  sent.filter((r) => r.method === 'POST' && r.path === '/training/classes/42/allocations').map((r) => r.body);

/** The row of a unit's seats, as its cells' texts: unit, seats, nominated, waiting, free. */
const cellsOf = (unitName: string) => {
  const row = within(document.querySelector<HTMLElement>('.ant-table')!).getByText(unitName).closest('tr')!;
  return [...row.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent);
};

describe("a class's seats", () => {
  it('the organiser gives a unit seats under its own subtree and sees them listed, all still free', async () => {
    const sent = server();
    renderWithApp(<AllocationsTab cls={cls} />);
    await screen.findByText('Đoàn xã Ea Pô');
    expect(screen.getByText('Đơn vị tổ chức còn 20 chỗ chưa phân bổ (tối đa 60 học viên)')).toBeTruthy();
    expect(cellsOf('Đoàn xã Ea Pô')).toEqual(['Đoàn xã Ea Pô', '8', '5', '2', '3']);

    fireEvent.click(screen.getByRole('button', { name: /Phân bổ chỉ tiêu/ }));
    await pick('allocation_unitId', 'Đoàn xã Nam Dong');
    type('allocation_seats', '10');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(posts(sent)).toEqual([{ unitId: 9, seats: 10 }]));
    await waitFor(() => expect(cellsOf('Đoàn xã Nam Dong')).toEqual(['Đoàn xã Nam Dong', '10', '0', '0', '10']));
    // the unit picker looked only inside the organiser's subtree, among active units
    const unitSearch = sent.find((r) => r.method === 'GET' && r.path === '/units')!;
    expect(unitSearch.query.get('within')).toBe('5');
    expect(unitSearch.query.get('status')).toBe('active');
  }, 120_000);

  it('a unit editor of someone else’s class sees only its own seats, without changing them, with their summons', async () => {
    const sent = server();
    renderWithApp(<AllocationsTab cls={{ ...cls, canManage: false, readsAll: false }} />);
    await screen.findByText('Đoàn xã Ea Pô');
    const list = sent.find((r) => r.path === '/training/classes/42/allocations')!;
    expect(list.query.get('mine')).toBe('true');
    expect(screen.queryByRole('button', { name: /Phân bổ chỉ tiêu/ })).toBeNull();
    expect(screen.queryByText(/Đơn vị tổ chức còn/)).toBeNull();
    expect(screen.queryByRole('button', { name: /Sửa chỉ tiêu/ })).toBeNull();
    // the summons of its own seats, not the organiser's own list
    expect(screen.getAllByRole('button', { name: /Giấy triệu tập/ }).map((b) => b.textContent)).toEqual([
      'Giấy triệu tập',
    ]);
  }, 120_000);

  it("a reader of the organiser unit sees every unit's seats and what the organiser keeps, and takes the summons", async () => {
    const sent = server();
    renderWithApp(<AllocationsTab cls={{ ...cls, canManage: false, readsAll: true }} />);
    await screen.findByText('Đoàn xã Ea Pô');
    const list = sent.find((r) => r.path === '/training/classes/42/allocations')!;
    expect(list.query.get('mine')).toBeNull();
    expect(screen.getByTestId('organiser-seats').textContent).toContain('Đơn vị tổ chức còn 20 chỗ');
    expect(screen.queryByRole('button', { name: /Phân bổ chỉ tiêu/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Sửa chỉ tiêu/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Giấy triệu tập \(đơn vị tổ chức cử\)/ })).toBeTruthy();

    fireEvent.click(screen.getByTestId('allocation-summons'));
    fireEvent.click(await screen.findByRole('button', { name: 'Tải giấy triệu tập' }));
    await waitFor(() =>
      expect(sent.find((r) => r.path === '/training/classes/42/summons.docx')?.query.get('allocationId')).toBe('7'),
    );
  }, 120_000);
});
