// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReportResult, ReportRowPage } from '@canbo/contract';
import '../../i18n';
import { pick } from '../training/testing/controls';
import { openPageAt } from '../training/testing/openPageAt';
import { get, mockApi } from '../training/testing/mockApi';
import { ReportPage } from './ReportPage';
import { readReportSearch } from './reportSearch';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const openAt = (url: string) =>
  openPageAt(url, { path: '/reports/$name', validateSearch: readReportSearch, component: ReportPage }, [
    '/reports',
    '/people/$id',
  ]);

const result: ReportResult = {
  name: 'doi-ngu-can-bo',
  title: ['BIỂU THỐNG KÊ ĐỘI NGŨ CÁN BỘ', 'Huyện đoàn Cư Jút, tính đến ngày 30/06/2024'],
  unitId: 5,
  unitName: 'Huyện đoàn Cư Jút',
  at: '2024-06-30',
  from: null,
  to: null,
  tables: [
    {
      caption: null,
      header: [
        [
          { text: 'STT', colSpan: 1, rowSpan: 2 },
          { text: 'Chức danh, hình thức', colSpan: 1, rowSpan: 2 },
          { text: 'Tổng số', colSpan: 1, rowSpan: 2 },
          { text: 'Độ tuổi', colSpan: 2, rowSpan: 1 },
        ],
        [
          { text: 'Từ 30 trở xuống', colSpan: 1, rowSpan: 1 },
          { text: 'Trên 40', colSpan: 1, rowSpan: 1 },
        ],
      ],
      rows: [
        {
          labels: ['', 'Tổng số'],
          values: [
            { value: 3, cell: 'total:total' },
            { value: 1, cell: 'total:age30' },
            { value: 0, cell: null },
          ],
          strong: true,
        },
        { labels: ['I', 'Theo chức danh'], values: [], strong: true },
      ],
    },
  ],
  notes: ['Độ tuổi tính đến ngày thống kê.'],
};

const rows: ReportRowPage = {
  label: 'Tổng số — Độ tuổi: Từ 30 trở xuống',
  columns: [
    { key: 'name', header: 'Họ và tên' },
    { key: 'age', header: 'Tuổi' },
  ],
  items: [{ personId: 9, values: ['Nông Thị Anh', 30] }],
  total: 1,
  page: 1,
  pageSize: 50,
};

describe('a report', () => {
  it('shows the form’s header with its spans, and each number opens the people behind it', async () => {
    const sent = mockApi(
      get('/reports', { items: [{ name: 'doi-ngu-can-bo', title: 'Biểu thống kê đội ngũ cán bộ', period: 'date' }] }),
      get('/reports/doi-ngu-can-bo', result),
      get('/reports/doi-ngu-can-bo/rows', rows),
    );
    openAt('/reports/doi-ngu-can-bo?at=2024-06-30');
    await screen.findByText('Huyện đoàn Cư Jút, tính đến ngày 30/06/2024', undefined, { timeout: 15_000 });
    expect(sent.find((r) => r.path === '/reports/doi-ngu-can-bo')!.query.get('at')).toBe('2024-06-30');
    const ages = screen.getByText('Độ tuổi').closest('th')!;
    expect(ages.getAttribute('colspan')).toBe('2');
    expect(screen.getByText('STT').closest('th')!.getAttribute('rowspan')).toBe('2');
    // A zero is no link: nobody is behind it.
    expect(screen.queryByRole('button', { name: 'Xem danh sách của số 0' })).toBeNull();
    fireEvent.click(screen.getByLabelText('Xem danh sách của số 1'));
    await screen.findByText('Nông Thị Anh', undefined, { timeout: 15_000 });
    const asked = sent.filter((r) => r.path === '/reports/doi-ngu-can-bo/rows').at(-1)!.query;
    expect(asked.get('cell')).toBe('total:age30');
    expect(asked.get('at')).toBe('2024-06-30');
    expect(screen.getByText('Danh sách: Tổng số — Độ tuổi: Từ 30 trở xuống')).toBeTruthy();
    expect(screen.getByText('Nông Thị Anh').closest('a')!.getAttribute('href')).toBe('/people/9');
    // The report's own export and the list's.
    expect(screen.getAllByRole('button', { name: /Xuất Excel/ })).toHaveLength(2);
  }, 120_000);

  it('opens on the rows of the number named in the address (a figure of the dashboard)', async () => {
    const sent = mockApi(
      get('/reports', { items: [{ name: 'doi-ngu-can-bo', title: 'Biểu thống kê đội ngũ cán bộ', period: 'date' }] }),
      get('/reports/doi-ngu-can-bo', result),
      get('/reports/doi-ngu-can-bo/rows', rows),
    );
    const router = openAt('/reports/doi-ngu-can-bo?unitId=5&at=2024-06-30&cell=total:age30');
    await screen.findByText('Nông Thị Anh', undefined, { timeout: 15_000 });
    expect(sent.find((r) => r.path === '/reports/doi-ngu-can-bo')!.query.has('cell')).toBe(false);
    const asked = sent.find((r) => r.path === '/reports/doi-ngu-can-bo/rows')!.query;
    expect([asked.get('cell'), asked.get('unitId'), asked.get('at')]).toEqual(['total:age30', '5', '2024-06-30']);
    // Closing the rows takes the number out of the address, keeping the report's parameters.
    fireEvent.click(screen.getByRole('button', { name: /close|Đóng/i }));
    await waitFor(() => expect(router.state.location.search).toEqual({ unitId: 5, at: '2024-06-30' }));
  }, 120_000);

  it('asks the number, signer and recipients before the Word document', async () => {
    mockApi(
      get('/reports', { items: [{ name: 'doi-ngu-can-bo', title: 'Biểu thống kê đội ngũ cán bộ', period: 'date' }] }),
      get('/reports/doi-ngu-can-bo', result),
    );
    openAt('/reports/doi-ngu-can-bo');
    await screen.findByText('BIỂU THỐNG KÊ ĐỘI NGŨ CÁN BỘ', undefined, { timeout: 15_000 });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Xuất văn bản Word/ })).toHaveProperty('disabled', false),
    );
    fireEvent.click(screen.getByRole('button', { name: /Xuất văn bản Word/ }));
    await screen.findByText('Xuất báo cáo dạng văn bản');
    expect(screen.getByLabelText('Số văn bản')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Chức vụ người ký').value).toBe('Bí thư');
    expect(screen.getByLabelText('Họ và tên người ký')).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Nơi nhận (mỗi dòng một nơi)').value).toBe('Lưu VP');
  }, 120_000);

  it('asks a scheme for the scheme-progress report, names it, and shows a status in words and a cell without a target', async () => {
    const list = {
      items: [{ name: 'tien-do-de-an', title: 'Báo cáo tiến độ', period: 'date', asksMonths: false, asksScheme: true }],
    };
    const progress: ReportResult = {
      ...result,
      name: 'tien-do-de-an',
      title: ['BÁO CÁO TIẾN ĐỘ THỰC HIỆN ĐỀ ÁN, KẾ HOẠCH', 'Đề án đào tạo cán bộ 2018–2022'],
      tables: [
        {
          caption: null,
          header: [[{ text: 'STT', colSpan: 1, rowSpan: 1 }]],
          rows: [
            {
              labels: ['1', 'Đào tạo đại học', 'Số cán bộ được cử đi học'],
              values: [
                { value: 60, cell: null },
                { value: 65, cell: 't1:actual' },
                { value: 108.3, cell: null },
                { value: null, cell: null, text: 'Đã đạt' },
              ],
              strong: false,
            },
            { labels: ['', 'Năm 2018', ''], values: [{ value: null, cell: null }], strong: false },
          ],
        },
      ],
    };
    const sent = mockApi(
      get('/reports', list),
      get('/schemes/3', {
        id: 3,
        code: 'ĐA-2018',
        name: 'Đề án đào tạo cán bộ 2018–2022',
        startYear: 2018,
        endYear: 2022,
      }),
      get('/reports/tien-do-de-an', progress),
    );
    openAt('/reports/tien-do-de-an');
    await screen.findByText('Chọn một đề án, kế hoạch để xem tiến độ thực hiện.', undefined, { timeout: 15_000 });
    expect(sent.some((r) => r.path === '/reports/tien-do-de-an')).toBe(false);
    expect(screen.queryByLabelText('Đơn vị')).toBeNull();
    cleanup();
    openAt('/reports/tien-do-de-an?schemeId=3');
    await screen.findByText('Đã đạt', undefined, { timeout: 15_000 });
    expect(
      sent
        .filter((r) => r.path === '/reports/tien-do-de-an')
        .at(-1)!
        .query.get('schemeId'),
    ).toBe('3');
    // The picker names the scheme, never its id.
    await screen.findByText('ĐA-2018 – Đề án đào tạo cán bộ 2018–2022', undefined, { timeout: 15_000 });
    expect(screen.getByText('108,3')).toBeTruthy();
    expect(screen.getByLabelText('Xem danh sách của số 65')).toBeTruthy();
  }, 120_000);

  it('writes the training summary’s paragraph above its table, offers the periods and rounds on request', async () => {
    const summary: ReportResult = {
      ...result,
      name: 'tong-hop-dao-tao',
      title: ['BÁO CÁO TỔNG HỢP CÔNG TÁC TẬP HUẤN, BỒI DƯỠNG CÁN BỘ', 'Tỉnh đoàn Đắk Nông'],
      at: null,
      from: '2009-01-01',
      to: '2023-12-31',
      paragraphs: ['Trong 15 năm qua (2009 – 2023), toàn tỉnh tổ chức 429 lớp tập huấn, bồi dưỡng.'],
    };
    const sent = mockApi(
      get('/reports', {
        items: [
          {
            name: 'tong-hop-dao-tao',
            title: 'Báo cáo tổng hợp công tác tập huấn, bồi dưỡng cán bộ',
            period: 'range',
            asksMonths: false,
            asksRounded: true,
          },
        ],
      }),
      get('/reports/tong-hop-dao-tao', summary),
      get('/reports/tong-hop-dao-tao/rows', { ...rows, label: 'Tổng số: Số lớp', counting: 'classes' }),
    );
    openAt('/reports/tong-hop-dao-tao?from=2009-01-01&to=2023-12-31');
    const paragraph = await screen.findByText(summary.paragraphs![0]!, undefined, { timeout: 15_000 });
    // Above the table.
    expect(paragraph.compareDocumentPosition(screen.getByText('STT')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const preset = screen.getByRole('combobox', { name: 'Chọn nhanh khoảng thời gian' });
    const year = new Date().getFullYear();
    await pick(preset, `Năm ${year - 1}`);
    await waitFor(() => {
      const asked = sent.filter((r) => r.path === '/reports/tong-hop-dao-tao').at(-1)!.query;
      expect([asked.get('from'), asked.get('to')]).toEqual([`${year - 1}-01-01`, `${year - 1}-12-31`]);
    });
    fireEvent.click(screen.getByLabelText('Làm tròn số trong đoạn tóm tắt (hơn 12 ngàn)'));
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.path === '/reports/tong-hop-dao-tao')
          .at(-1)!
          .query.get('rounded'),
      ).toBe('true'),
    );
    fireEvent.click(screen.getByLabelText('Xem danh sách của số 1'));
    await screen.findByText('1 lớp', undefined, { timeout: 15_000 });
  }, 120_000);
});
