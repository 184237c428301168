// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../i18n';
import { ChangeHistory } from './ChangeHistory';
import { renderInRouter } from './testing/inRouter';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function mockAudit(body: unknown) {
  const fetchMock = vi.fn(
    async (_url: string) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderIt() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderInRouter(
    <QueryClientProvider client={qc}>
      <AntApp>
        <ChangeHistory entity="person" entityId={7} />
      </AntApp>
    </QueryClientProvider>,
  );
}

const at = '2026-03-05T08:09:00.000Z';
const entry = {
  id: 1,
  at,
  actorName: 'Trần Thị Bình',
  entity: 'person',
  entityId: 7,
  action: 'update',
  record: { name: 'Nguyễn Văn An', page: { kind: 'person', id: 7, name: 'Nguyễn Văn An' } },
  names: [],
  changes: [
    { field: 'phone', before: '0901234567', after: '0912345678' },
    { field: 'gender', before: 'male', after: 'female' },
    { field: 'birthDate', before: '1995-01-02', after: null },
    { field: 'partyMember', before: false, after: true },
    { field: 'version', before: 1, after: 2 },
  ],
};

describe('ChangeHistory', () => {
  it('shows who, when, the action and each field before → after in Vietnamese', async () => {
    await i18n.changeLanguage('vi');
    const fetchMock = mockAudit({ items: [entry], total: 1, page: 1, pageSize: 10 });
    await renderIt();

    await screen.findByText('Trần Thị Bình');
    const url = String(fetchMock.mock.calls[0]![0]);
    expect(url).toContain('/api/v1/audit?');
    expect(url).toContain('entity=person');
    expect(url).toContain('entityId=7');

    // the moment as Vietnam's clock read it (UTC+7), whatever the browser's zone
    expect(screen.getByText('05/03/2026 15:09')).toBeTruthy();
    expect(screen.getByText('Cập nhật')).toBeTruthy();

    const phone = document.querySelector('[data-field="phone"]') as HTMLElement;
    expect(within(phone).getByText('Điện thoại')).toBeTruthy();
    expect(within(phone).getByText('0901234567')).toBeTruthy();
    expect(within(phone).getByText('0912345678')).toBeTruthy();

    const gender = document.querySelector('[data-field="gender"]') as HTMLElement;
    expect(within(gender).getByText('Giới tính')).toBeTruthy();
    expect(within(gender).getByText('Nam')).toBeTruthy();
    expect(within(gender).getByText('Nữ')).toBeTruthy();

    const birth = document.querySelector('[data-field="birthDate"]') as HTMLElement;
    expect(within(birth).getByText('02/01/1995')).toBeTruthy();
    expect(within(birth).getByText('—')).toBeTruthy();

    const party = document.querySelector('[data-field="partyMember"]') as HTMLElement;
    expect(party.textContent).toContain('Không');
    expect(party.textContent).toContain('Có');

    // bookkeeping is not a change a user made
    expect(document.querySelector('[data-field="version"]')).toBeNull();
  });

  it('uses English labels when the language is English', async () => {
    await i18n.changeLanguage('en');
    mockAudit({ items: [entry], total: 1, page: 1, pageSize: 10 });
    await renderIt();
    await screen.findByText('Trần Thị Bình');
    expect(screen.getByText('Updated')).toBeTruthy();
    const phone = document.querySelector('[data-field="phone"]') as HTMLElement;
    expect(within(phone).getByText('Phone')).toBeTruthy();
    await i18n.changeLanguage('vi');
  });

  it('says so when there is no history', async () => {
    await i18n.changeLanguage('vi');
    mockAudit({ items: [], total: 0, page: 1, pageSize: 10 });
    await renderIt();
    expect(await screen.findByText('Chưa có thay đổi nào')).toBeTruthy();
  });
});

describe('ChangeHistory of moves', () => {
  it('names a cadre’s move and a credit recomputed in Vietnamese, with units by name, never codes or ids', async () => {
    await i18n.changeLanguage('vi');
    mockAudit({
      items: [
        {
          ...entry,
          id: 2,
          action: 'move',
          changes: [
            { field: 'unitId', before: 11, after: 12 },
            { field: 'unitName', before: 'Đoàn xã Nam Dong', after: 'Đoàn xã Cư Jút' },
          ],
        },
        {
          ...entry,
          id: 3,
          entity: 'move',
          action: 'create',
          changes: [
            { field: 'moveKind', before: null, after: 'transfer' },
            { field: 'fromUnitId', before: null, after: 11 },
            { field: 'fromUnitName', before: null, after: 'Đoàn xã Nam Dong' },
            { field: 'toUnitId', before: null, after: 12 },
            { field: 'toUnitName', before: null, after: 'Đoàn xã Cư Jút' },
          ],
        },
        {
          ...entry,
          id: 4,
          entity: 'visit_trip',
          action: 'recredit',
          changes: [{ field: 'unitName', before: 'Đoàn xã Cư Jút', after: 'Đoàn xã Nam Dong' }],
        },
      ],
      total: 3,
      page: 1,
      pageSize: 10,
    });
    await renderIt();
    await screen.findByText('Điều chuyển công tác');
    expect(screen.queryByText('Chuyển trực thuộc')).toBeNull();
    expect(screen.getByText('Tính lại đơn vị ghi nhận')).toBeTruthy();
    expect(screen.getByText('Điều động')).toBeTruthy();
    expect(screen.getByText('Từ đơn vị')).toBeTruthy();
    expect(screen.getByText('Đến đơn vị')).toBeTruthy();
    const text = document.body.textContent ?? '';
    for (const code of ['transfer', 'recredit', 'fromUnitName', 'toUnitName', 'fromUnitId', 'toUnitId']) {
      expect(text).not.toContain(code);
    }
    expect(document.querySelector('[data-field="fromUnitId"]')).toBeNull();
  });
});
