// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../../i18n';
import { formItem, pick, type } from '../training/testing/controls';
import { get, mockApi, page, renderWithApp, reply, unitDetail, type Sent } from '../training/testing/mockApi';
import { SchemeFormModal } from './SchemeFormModal';
import { aScheme, aTarget } from './testing';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const units = [
  get('/units/2', unitDetail(2, 'Tỉnh đoàn Đắk Nông')),
  get('/units/5', unitDetail(5, 'Huyện đoàn Đắk Mil')),
  get('/units/6', unitDetail(6, 'Huyện đoàn Cư Jút')),
  get('/units', page([unitDetail(2, 'Tỉnh đoàn Đắk Nông'), unitDetail(5, 'Huyện đoàn Đắk Mil')])),
];
const kinds = { items: [{ code: 'title', name: 'Bồi dưỡng chức danh', sortOrder: 1, active: true, version: 1 }] };
const writes = (sent: Sent[]) => sent.filter((r) => r.method !== 'GET');
const labels = () => [...document.querySelectorAll('.ant-modal label')].map((l) => l.getAttribute('title'));

describe('the scheme form', () => {
  it('shows only the filters the chosen metric counts by and sends the scheme with its target', async () => {
    const saved = vi.fn();
    const sent = mockApi(...units, get('/training/kinds', kinds), (req) =>
      req.method === 'POST' && req.path === '/schemes' ? reply(aScheme({ id: 9 }), 201) : undefined,
    );
    renderWithApp(<SchemeFormModal open issuingUnitId={2} onClose={() => {}} onSaved={saved} />);
    await screen.findByText('Tỉnh đoàn Đắk Nông');
    type('schemeForm_name', 'Kế hoạch bồi dưỡng cán bộ Đoàn 2024–2025');
    type('schemeForm_code', 'KH-2024');
    type('schemeForm_startYear', '2024');
    type('schemeForm_endYear', '2025');
    fireEvent.click(screen.getByRole('button', { name: /Thêm chỉ tiêu/ }));

    await pick('schemeForm_targets_0_metric', 'Số lượt cán bộ được bồi dưỡng');
    await screen.findByText('Loại hình bồi dưỡng', { selector: 'label' });
    expect(labels()).toContain('Cấp tổ chức lớp');
    expect(labels()).not.toContain('Loại hình học tập');
    expect(labels()).not.toContain('Trong vòng (tháng) kể từ khi bổ nhiệm');

    await pick('schemeForm_targets_0_metric', 'Số cán bộ được cử đi học');
    await screen.findByText('Loại hình học tập', { selector: 'label' });
    expect(labels()).not.toContain('Loại hình bồi dưỡng');
    await pick('schemeForm_targets_0_studyKinds', 'Thạc sĩ');
    type('schemeForm_targets_0_total', '20');
    type('schemeForm_targets_0_yearValues_y2025', '12');
    expect(screen.getByText('Chưa đặt chỉ tiêu riêng cho đơn vị nào.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Thêm đơn vị/ }));
    await pick('schemeForm_targets_0_units_0_unitId', 'Huyện đoàn Đắk Mil');
    type('schemeForm_targets_0_units_0_value', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(writes(sent)).toHaveLength(1);
    expect(writes(sent)[0]!.body).toEqual({
      name: 'Kế hoạch bồi dưỡng cán bộ Đoàn 2024–2025',
      code: 'KH-2024',
      issuingUnitId: 2,
      decision: null,
      decisionDate: null,
      startYear: 2024,
      endYear: 2025,
      description: null,
      targets: [
        {
          metric: 'studies_started',
          label: null,
          kindCode: null,
          title: null,
          organiserLevel: null,
          unitId: null,
          studyKinds: ['master'],
          withinMonths: null,
          linkedOnly: false,
          total: 20,
          years: [{ year: 2025, value: 12 }],
          units: [{ unitId: 5, value: 4 }],
        },
      ],
    });
  }, 120_000);

  it("puts the server's refusals on the fields they name, a target's among them", async () => {
    const sent = mockApi(...units, (req) =>
      req.method === 'PATCH' && req.path === '/schemes/3'
        ? reply(
            {
              code: 'validation',
              message: 'Số hiệu, mã: đã có đề án khác mang mã này',
              details: {
                field: 'code',
                fields: [
                  { field: 'code', message: 'Số hiệu, mã: đã có đề án khác mang mã này' },
                  { field: 'targets.0.total', message: 'Chỉ tiêu cả giai đoạn: quá lớn' },
                ],
              },
            },
            400,
          )
        : undefined,
    );
    renderWithApp(<SchemeFormModal open scheme={aScheme()} onClose={() => {}} />);
    await screen.findByText('Tỉnh đoàn Đắk Nông');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await within(formItem('Số hiệu, mã')).findByText('Số hiệu, mã: đã có đề án khác mang mã này')).toBeTruthy();
    expect(within(formItem('Chỉ tiêu cả giai đoạn')).getByText('Chỉ tiêu cả giai đoạn: quá lớn')).toBeTruthy();
    expect(writes(sent)[0]!.body).toMatchObject({ version: 4, targets: [{ id: 11, total: 60 }] });
  }, 120_000);

  it("shows a target's per-unit values again, sends them back as changed, and puts a refusal on its row", async () => {
    const scheme = aScheme({
      targets: [
        aTarget({
          units: [
            { unitId: 5, unitName: 'Huyện đoàn Đắk Mil', value: 7 },
            { unitId: 6, unitName: 'Huyện đoàn Cư Jút', value: 3 },
          ],
        }),
      ],
    });
    const sent = mockApi(...units, (req) =>
      req.method === 'PATCH' && req.path === '/schemes/3'
        ? reply(
            {
              code: 'validation',
              message: 'Chỉ tiêu của đơn vị: quá lớn',
              details: { field: 'targets.0.units.0.value' },
            },
            400,
          )
        : undefined,
    );
    renderWithApp(<SchemeFormModal open scheme={scheme} onClose={() => {}} />);
    await screen.findByText('Huyện đoàn Đắk Mil');
    await screen.findByText('Huyện đoàn Cư Jút');
    const value = (row: number) =>
      document.getElementById(`schemeForm_targets_0_units_${row}_value`) as HTMLInputElement;
    expect(value(0).value).toBe('7');
    expect(value(1).value).toBe('3');

    // a row goes at once, like a year's value cleared: nothing is lost before the scheme is saved
    fireEvent.click(screen.getAllByRole('button', { name: 'Bỏ đơn vị này' })[1]!);
    await waitFor(() => expect(screen.queryByText('Huyện đoàn Cư Jút')).toBeNull());
    type('schemeForm_targets_0_units_0_value', '9');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const row = () => value(0).closest('.ant-form-item') as HTMLElement;
    expect(await within(row()).findByText('Chỉ tiêu của đơn vị: quá lớn')).toBeTruthy();
    expect(writes(sent)).toHaveLength(1);
    expect(writes(sent)[0]!.body).toMatchObject({
      version: 4,
      targets: [{ id: 11, units: [{ unitId: 5, value: 9 }] }],
    });
  }, 120_000);

  it('asks before removing a target, and sends the scheme without it', async () => {
    const sent = mockApi(...units, (req) =>
      req.method === 'PATCH' && req.path === '/schemes/3' ? reply(aScheme({ targets: [] })) : undefined,
    );
    const closed = vi.fn();
    renderWithApp(<SchemeFormModal open scheme={aScheme()} onClose={closed} />);
    await screen.findByText('Chỉ tiêu 1');
    fireEvent.click(screen.getByRole('button', { name: 'Xóa chỉ tiêu' }));
    const confirm = await screen.findByText('Xóa chỉ tiêu này khỏi đề án?');
    const popup = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popup).getByRole('button', { name: 'Hủy' }));
    expect(screen.getByText('Chỉ tiêu 1')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Xóa chỉ tiêu' }));
    const again = (await screen.findAllByText('Xóa chỉ tiêu này khỏi đề án?'))
      .at(-1)!
      .closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(again).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(screen.queryByText('Chỉ tiêu 1')).toBeNull());
    expect(screen.getByText('Đề án chưa có chỉ tiêu nào.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(closed).toHaveBeenCalled());
    expect(writes(sent)[0]!.body).toMatchObject({ version: 4, targets: [] });
  }, 120_000);
});
