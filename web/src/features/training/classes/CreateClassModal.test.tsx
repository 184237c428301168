// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../../../i18n';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../testing/mockApi';
import { makeClass } from '../testing/classes';
import { pick } from '../testing/controls';
import { CreateClassModal } from './CreateClassModal';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const kinds = {
  items: [
    { code: 'title', name: 'Bồi dưỡng chức danh', sortOrder: 1, active: true, version: 1 },
    { code: 'old', name: 'Loại đã ngừng dùng', sortOrder: 9, active: false, version: 1 },
  ],
};

function catalogue() {
  return [
    get('/training/kinds', kinds),
    get('/training/programmes', page([])),
    get('/units/5', unitDetail(5, 'Huyện đoàn Cư Jút')),
    get('/units', page([unitDetail(5, 'Huyện đoàn Cư Jút')])),
  ];
}

function open(onCreated = vi.fn()) {
  renderWithApp(<CreateClassModal open organiserUnitId={5} onClose={() => {}} onCreated={onCreated} />);
  return onCreated;
}

/** The form item (label, control, messages) of the field labelled `label`. */
function item(label: string): HTMLElement {
  const el = screen.getByText(label, { selector: 'label' }).closest('.ant-form-item');
  if (!el) throw new Error(`no form item ${label}`);
  return el as HTMLElement;
}

function type(id: string, value: string) {
  const input = document.getElementById(id);
  if (!input) throw new Error(`no input ${id}`);
  fireEvent.change(input, { target: { value } });
}

async function pickKind() {
  fireEvent.mouseDown(within(item('Loại hình bồi dưỡng')).getByRole('combobox'));
  fireEvent.click(await screen.findByText('Bồi dưỡng chức danh', { selector: '.ant-select-item-option-content' }));
}

/** Dates are typed as the user sees them, dd/mm/yyyy, and must reach the API as yyyy-mm-dd. */
function typeDate(id: string, ddmmyyyy: string) {
  const input = document.getElementById(id)!;
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: ddmmyyyy } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

/** The "past class, numbers only" switch (its label names it for screen readers and Playwright). */
const historicalSwitch = () => document.getElementById('classCreate_historical')!;

const posts = (sent: Sent[]) => sent.filter((r) => r.method === 'POST' && r.path === '/training/classes');

describe('CreateClassModal', () => {
  it('shows the headcount fields only for a past class with numbers only, and hides the roster settings', async () => {
    mockApi(...catalogue());
    open();
    await screen.findByText('Huyện đoàn Cư Jút');
    expect(screen.queryByText('Tổng số học viên', { selector: 'label' })).toBeNull();
    expect(screen.getByText('Số học viên tối đa', { selector: 'label' })).toBeTruthy();
    expect(screen.getByText('Điều kiện hoàn thành')).toBeTruthy();
    expect(screen.getByText('Lớp đã tổ chức, chỉ có số liệu', { selector: 'label' }).getAttribute('for')).toBe(
      'classCreate_historical',
    );

    fireEvent.click(historicalSwitch());

    expect(await screen.findByText('Tổng số học viên', { selector: 'label' })).toBeTruthy();
    for (const label of ['Số nữ', 'Số người dân tộc thiểu số', 'Số cán bộ Đoàn', 'Số cán bộ Hội', 'Số cán bộ Đội']) {
      expect(screen.getByText(label, { selector: 'label' })).toBeTruthy();
    }
    expect(screen.queryByText('Số học viên tối đa', { selector: 'label' })).toBeNull();
    expect(screen.queryByText('Điều kiện hoàn thành')).toBeNull();

    fireEvent.click(historicalSwitch());
    await waitFor(() => expect(screen.queryByText('Tổng số học viên', { selector: 'label' })).toBeNull());
  }, 60_000);

  it('does not send a class without its required fields, and says which are missing', async () => {
    const sent = mockApi(...catalogue());
    open();
    await screen.findByText('Huyện đoàn Cư Jút');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo lớp' }));
    expect(await screen.findByText('Hãy nhập tên lớp')).toBeTruthy();
    expect(screen.getByText('Hãy chọn loại hình bồi dưỡng')).toBeTruthy();
    expect(screen.getByText('Hãy chọn ngày bắt đầu')).toBeTruthy();
    expect(posts(sent)).toHaveLength(0);
  }, 60_000);

  it("sends a past class's headcount and puts the server's refusals on the fields they name", async () => {
    const sent = mockApi(...catalogue(), (req) =>
      req.method === 'POST' && req.path === '/training/classes'
        ? reply(
            {
              code: 'validation',
              message: 'Ngày kết thúc: lớp đã tổ chức phải kết thúc trước hôm nay',
              details: {
                field: 'endDate',
                fields: [
                  { field: 'endDate', message: 'Ngày kết thúc: lớp đã tổ chức phải kết thúc trước hôm nay' },
                  { field: 'headcount.total', message: 'Tổng số học viên: phải từ 1 đến 100000' },
                ],
              },
            },
            400,
          )
        : undefined,
    );
    const onCreated = open();
    await screen.findByText('Huyện đoàn Cư Jút');
    type('classCreate_name', 'Lớp bồi dưỡng nghiệp vụ công tác Đoàn 2015');
    await pickKind();
    typeDate('classCreate_startDate', '10/03/2015');
    typeDate('classCreate_endDate', '12/03/2015');
    fireEvent.click(historicalSwitch());
    await screen.findByText('Tổng số học viên', { selector: 'label' });
    type('classCreate_headcount_total', '120');
    type('classCreate_headcount_women', '54');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo lớp' }));

    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]!.body).toMatchObject({
      name: 'Lớp bồi dưỡng nghiệp vụ công tác Đoàn 2015',
      organiserUnitId: 5,
      kindCode: 'title',
      startDate: '2015-03-10',
      endDate: '2015-03-12',
      mode: 'in_person',
      headcount: { total: 120, women: 54, minority: null, doan: null, hoi: null, doi: null },
    });
    expect(
      await within(item('Ngày kết thúc')).findByText('Ngày kết thúc: lớp đã tổ chức phải kết thúc trước hôm nay'),
    ).toBeTruthy();
    expect(within(item('Tổng số học viên')).getByText('Tổng số học viên: phải từ 1 đến 100000')).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
  }, 60_000);

  it('sends a planned class without a headcount and hands the created class over', async () => {
    const created = makeClass({ id: 77 });
    const sent = mockApi(...catalogue(), (req) =>
      req.method === 'POST' && req.path === '/training/classes' ? reply(created, 201) : undefined,
    );
    const onCreated = open();
    await screen.findByText('Huyện đoàn Cư Jút');
    type('classCreate_name', 'Lớp bồi dưỡng bí thư đoàn cơ sở 2025');
    await pickKind();
    typeDate('classCreate_startDate', '12/05/2025');
    typeDate('classCreate_endDate', '14/05/2025');
    type('classCreate_capacity', '60');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo lớp' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    const body = posts(sent)[0]!.body!;
    expect(body).toMatchObject({ capacity: 60, minAttendancePercent: 80, passGrade: 'average', endDate: '2025-05-14' });
    expect(body).not.toHaveProperty('headcount');
  }, 60_000);

  it('links the new class to the schemes picked in its scheme field', async () => {
    const created = makeClass({ id: 77 });
    const scheme = {
      id: 3,
      name: 'Đào tạo, bồi dưỡng cán bộ Đoàn giai đoạn 2023–2027',
      code: 'ĐA-2023',
      issuingUnitId: 2,
      issuingUnitName: 'Tỉnh đoàn Đắk Nông',
      decision: null,
      decisionDate: null,
      startYear: 2023,
      endYear: 2027,
      targetCount: 3,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const sent = mockApi(
      ...catalogue(),
      get('/schemes', page([scheme])),
      (req) => (req.method === 'POST' && req.path === '/training/classes' ? reply(created, 201) : undefined),
      (req) =>
        req.method === 'PUT' && req.path === '/training/classes/77/schemes'
          ? reply({ items: [{ id: 3, code: 'ĐA-2023', name: scheme.name, startYear: 2023, endYear: 2027 }] })
          : undefined,
    );
    const onCreated = open();
    await screen.findByText('Huyện đoàn Cư Jút');
    type('classCreate_name', 'Lớp bồi dưỡng bí thư đoàn cơ sở 2025');
    await pickKind();
    typeDate('classCreate_startDate', '12/05/2025');
    typeDate('classCreate_endDate', '14/05/2025');
    await pick('classCreate_schemeIds', `ĐA-2023 – ${scheme.name}`);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo lớp' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(posts(sent)[0]!.body).not.toHaveProperty('schemeIds');
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/training/classes/77/schemes');
    expect(put.body).toEqual({ schemeIds: [3] });
  }, 60_000);
});
