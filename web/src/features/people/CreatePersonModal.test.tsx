// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '../../i18n';
import { CreatePersonModal } from './CreatePersonModal';

afterEach(() => {
  cleanup();
  // confirm dialogs live in portals outside the rendered tree
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const unit = {
  id: 5,
  code: 'CJ',
  name: 'Huyện đoàn Cư Jút',
  shortName: null,
  kind: 'district',
  organisation: 'doan',
  parentId: 1,
  parentName: 'Tỉnh đoàn Đắk Nông',
  status: 'active',
  validFrom: '2000-01-01',
  validTo: null,
  place: null,
  version: 1,
  updatedAt: '2026-01-01T00:00:00Z',
  path: [{ id: 5, name: 'Huyện đoàn Cư Jút' }],
  childCount: 0,
  canEdit: true,
  canRestructure: true,
};

const created = { id: 99, fullName: 'Nguyễn Văn An', unitId: 5 };

/** The server as the modal sees it: catalog, unit names, and POST /people refusing a duplicate once. */
function mockServer() {
  const posts: Record<string, unknown>[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const path = url.replace('/api/v1', '').split('?')[0];
    if (path === '/catalog/ethnicities') return json({ items: [{ code: '01', name: 'Kinh', minority: false }] });
    if (path === '/units/5') return json(unit);
    if (path === '/units') return json({ items: [unit], total: 1, page: 1, pageSize: 20 });
    if (path === '/people' && init?.method === 'POST') {
      const body = JSON.parse(init.body as string) as Record<string, unknown>;
      posts.push(body);
      if (!body.confirmDuplicate) {
        return json(
          {
            code: 'conflict',
            message: 'Đã có 1 hồ sơ cán bộ Nguyễn Văn An. Kiểm tra lại, hoặc xác nhận để vẫn tạo hồ sơ mới.',
            details: {
              field: 'confirmDuplicate',
              duplicates: [{ id: 12, fullName: 'Nguyễn Văn An', birthDate: null, unitName: 'Đoàn xã Ea Pô' }],
            },
          },
          409,
        );
      }
      return json(created, 201);
    }
    return json({ code: 'not_found', message: 'Không tìm thấy' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return posts;
}

function renderModal(onCreated: (p: unknown) => void) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <AntApp>
        <CreatePersonModal open unitId={5} onClose={() => {}} onCreated={onCreated} />
      </AntApp>
    </QueryClientProvider>,
  );
}

/** Form inputs carry the API field name as their id. */
function fill(field: string, value: string) {
  const input = document.getElementById(field);
  if (!input) throw new Error(`no input ${field}`);
  fireEvent.change(input, { target: { value } });
}

describe('CreatePersonModal', () => {
  it('asks "create anyway?" on a possible duplicate and resends with confirmDuplicate', async () => {
    const posts = mockServer();
    const onCreated = vi.fn();
    renderModal(onCreated);

    await screen.findByText('Huyện đoàn Cư Jút');
    fill('familyName', 'Nguyễn');
    fill('middleName', 'Văn');
    fill('givenName', 'An');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    // the server refuses once and the user is shown who already exists
    // antd renders a confirm's title twice (visible and for screen readers)
    expect((await screen.findAllByText('Có thể trùng hồ sơ')).length).toBeGreaterThan(0);
    expect(screen.getByText(/Đoàn xã Ea Pô/)).toBeTruthy();
    expect(screen.getByText('Vẫn tạo hồ sơ mới?')).toBeTruthy();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
      unitId: 5,
      confirmDuplicate: false,
    });
    expect(onCreated).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Vẫn tạo mới' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ familyName: 'Nguyễn', givenName: 'An', confirmDuplicate: true });
  }, 60_000);

  it('creates nothing when the user cancels the duplicate question', async () => {
    const posts = mockServer();
    const onCreated = vi.fn();
    renderModal(onCreated);

    await screen.findByText('Huyện đoàn Cư Jút');
    fill('familyName', 'Nguyễn');
    fill('givenName', 'An');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findAllByText('Có thể trùng hồ sơ');
    const cancels = screen.getAllByRole('button', { name: 'Hủy' });
    fireEvent.click(cancels[cancels.length - 1]!);
    // give a wrongly wired cancel the time to send a second request
    await new Promise((r) => setTimeout(r, 300));
    expect(posts).toHaveLength(1);
    expect(onCreated).not.toHaveBeenCalled();
  }, 60_000);
});

describe('CreatePersonModal labels', () => {
  it('marks the required fields and no label says "(Tùy chọn)"', async () => {
    mockServer();
    renderModal(() => {});
    await screen.findByText('Huyện đoàn Cư Jút');
    expect(document.body.textContent).not.toContain('Tùy chọn');
    expect(document.querySelectorAll('.ant-form-item-optional')).toHaveLength(0);
    // antd's required mark sits on the label of each field the form requires
    const required = [...document.querySelectorAll('label.ant-form-item-required')].map((l) => l.getAttribute('for'));
    expect(required.sort()).toEqual(['ethnicityCode', 'familyName', 'gender', 'givenName', 'unitId']);
  }, 60_000);
});
