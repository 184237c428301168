// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { UnitDetail } from '@canbo/contract';
import '../../i18n';
import { MoveModal } from './actions/MoveModal';
import { RenameModal } from './actions/RenameModal';
import { splitProblem } from './actions/SplitModal';
import { EditUnitModal } from './actions/EditUnitModal';
import { UnitActions } from './UnitActions';

const unit: UnitDetail = {
  id: 7,
  code: 'DNO-CJ',
  name: 'Huyện đoàn Cư Jút',
  shortName: null,
  kind: 'district',
  organisation: 'doan',
  parentId: 1,
  parentName: 'Tỉnh đoàn Đắk Nông',
  status: 'active',
  validFrom: '2004-01-01',
  validTo: null,
  place: null,
  version: 3,
  updatedAt: '2025-01-01T00:00:00Z',
  path: [
    { id: 1, name: 'Tỉnh đoàn Đắk Nông' },
    { id: 7, name: 'Huyện đoàn Cư Jút' },
  ],
  childCount: 0,
  canEdit: true,
  canRestructure: true,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
let fetchMock: ReturnType<typeof vi.fn<Fetch>>;
beforeEach(() => {
  fetchMock = vi.fn<Fetch>(async () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function wrap(node: React.ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AntApp>
      <QueryClientProvider client={qc}>{node}</QueryClientProvider>
    </AntApp>,
  );
}
const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');

describe('restructure forms', () => {
  it('does not send a move without a new parent, and names the missing field', async () => {
    wrap(<MoveModal unit={unit} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: /Lưu/ }));
    expect(await screen.findByText('Hãy chọn đơn vị cấp trên mới')).toBeTruthy();
    expect(posts()).toHaveLength(0);
  });

  it('does not send a rename with an empty name', async () => {
    wrap(<RenameModal unit={unit} onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText('Tên mới'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu/ }));
    expect(await screen.findByText('Hãy nhập tên mới')).toBeTruthy();
    expect(posts()).toHaveLength(0);
  });

  it('sends the rename with the version and puts the server error on the named field', async () => {
    fetchMock.mockImplementation(async (_url, init) =>
      init?.method === 'POST'
        ? json(400, { code: 'validation', message: 'Tên: đã có đơn vị cùng tên', details: { field: 'name' } })
        : json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    );
    const onClose = vi.fn();
    wrap(<RenameModal unit={unit} onClose={onClose} />);
    fireEvent.change(await screen.findByLabelText('Tên mới'), { target: { value: 'Đoàn xã Cư Jút' } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu/ }));
    expect(await screen.findByText('Tên: đã có đơn vị cùng tên')).toBeTruthy();
    const [url, init] = posts()[0]!;
    expect(url).toBe('/api/v1/units/7/rename');
    const body = JSON.parse(init!.body as string);
    expect(body).toMatchObject({ version: 3, name: 'Đoàn xã Cư Jút', decision: null });
    expect(body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says someone else changed the unit on a stale version', async () => {
    fetchMock.mockImplementation(async (_url, init) =>
      init?.method === 'POST'
        ? json(409, { code: 'stale', message: 'stale', details: {} })
        : json(200, { items: [], total: 0, page: 1, pageSize: 20 }),
    );
    wrap(<RenameModal unit={unit} onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText('Tên mới'), { target: { value: 'Đoàn xã Cư Jút' } });
    fireEvent.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(screen.getByText(/Bản ghi đã được người khác sửa/)).toBeTruthy());
  });
});

describe('who restructures', () => {
  const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);

  it('shows the unit’s own editor only what is its own: adding a sub-unit, not restructuring itself', () => {
    wrap(<UnitActions unit={{ ...unit, canRestructure: false }} />);
    expect(buttons()).toEqual(['Thêm đơn vị trực thuộc']);
  });

  it('shows the parent’s editor every restructuring action', () => {
    wrap(<UnitActions unit={unit} />);
    expect(buttons()).toEqual(
      expect.arrayContaining(['Thêm đơn vị trực thuộc', 'Đổi tên', 'Chuyển trực thuộc', 'Giải thể']),
    );
  });

  it('lets the unit’s own editor correct the place but not the code, kind or organisation', async () => {
    wrap(<EditUnitModal unit={{ ...unit, canRestructure: false }} onClose={() => {}} />);
    expect((await screen.findByLabelText('Địa danh')).hasAttribute('disabled')).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Mã đơn vị').disabled).toBe(true);
    expect(screen.getByText(/do cấp trên quyết định/)).toBeTruthy();
  });
});

describe('split validation', () => {
  const t = (k: string, o?: Record<string, unknown>) => `${k}${o ? JSON.stringify(o) : ''}`;
  const part = (children: number[]) => ({
    name: 'A',
    code: 'A',
    kind: 'branch' as const,
    organisation: 'doan' as const,
    children,
  });
  const kids = [
    { id: 1, name: 'Chi đoàn 1' },
    { id: 2, name: 'Chi đoàn 2' },
  ];
  it('needs two parts', () => expect(splitProblem([part([1, 2])], kids, t)).toContain('form.atLeastTwo'));
  it('needs every sub-unit placed once', () => {
    expect(splitProblem([part([1]), part([])], kids, t)).toContain('Chi đoàn 2');
    expect(splitProblem([part([1, 2]), part([2])], kids, t)).toContain('form.childTwice');
    expect(splitProblem([part([1]), part([2])], kids, t)).toBeUndefined();
  });
});
