import { describe, expect, it } from 'vitest';
import type { ReportResult } from '@canbo/contract';
import { pageOf, renderDocx } from '../../../test/render.ts';
import { reportDocx } from './report.ts';

/**
 * A report's .docx as LibreOffice prints it: the signature block never stands alone on a page. The
 * form's last row, the notes, the blank line and the signature are kept together (keep-with-next on
 * each, rows that do not split), so when the signature does not fit under the table, the last row
 * and the notes move with it, under the repeated header. The pages are saved as PNGs with the other
 * documents' (e2e/screenshots/documents/).
 */

const SIGNER = 'Nguyễn Văn Hùng';

function longReport(rows: number): ReportResult {
  const columns = ['Tổng số', 'Nữ', 'Dân tộc thiểu số', 'Đảng viên', 'Đại học', 'Thạc sĩ'];
  return {
    name: 'doi-ngu-can-bo',
    title: ['BIỂU THỐNG KÊ ĐỘI NGŨ CÁN BỘ', 'Huyện đoàn Cư Jút, tính đến ngày 30/06/2024'],
    unitId: 1,
    unitName: 'Huyện đoàn Cư Jút',
    at: '2024-06-30',
    from: null,
    to: null,
    tables: [
      {
        caption: null,
        header: [
          [
            { text: 'STT', colSpan: 1, rowSpan: 1 },
            { text: 'Chức danh', colSpan: 1, rowSpan: 1 },
            ...columns.map((text) => ({ text, colSpan: 1, rowSpan: 1 })),
          ],
        ],
        rows: Array.from({ length: rows }, (_, i) => ({
          labels: [String(i + 1), `Chức danh thứ ${i + 1}`],
          values: columns.map((_, j) => ({ value: i * 10 + j, cell: null })),
          strong: false,
        })),
      },
    ],
    notes: ['Số cán bộ giữ chức danh tại ngày thống kê.', 'Độ tuổi tính đến ngày thống kê.'],
  };
}

const print = async (rows: number, name: string) =>
  renderDocx(
    await reportDocx({
      issuer: {
        superior: 'BCH ĐOÀN TỈNH ĐẮK NÔNG',
        body: 'BCH HUYỆN ĐOÀN CƯ JÚT',
        code: 'HĐTN',
        boards: true,
        name: 'Huyện đoàn Cư Jút',
        place: 'Cư Jút',
        motto: 'ĐOÀN TNCS HỒ CHÍ MINH',
      },
      number: 3,
      date: '2024-07-01',
      report: longReport(rows),
      signerTitle: 'BÍ THƯ',
      signerName: SIGNER,
      recipients: ['Ban Tổ chức Tỉnh đoàn', 'Lưu VP'],
    }),
    name,
  );

describe('a report .docx as printed', () => {
  it('fits a short form, its notes and the signature on one page', async () => {
    const printed = await print(8, 'bao-cao-ngan');
    expect(printed.pages.length).toBe(1);
    expect(pageOf(printed, SIGNER)).toBe(0);
  }, 240_000);

  it('moves the last row and the notes with the signature when it does not fit under the table', async () => {
    // 17 rows fill the first landscape page: the signature block alone used to go to the second.
    const printed = await print(17, 'bao-cao-chu-ky-cung-trang');
    expect(printed.pages.length).toBe(2);
    expect(pageOf(printed, 'Chức danh thứ 16')).toBe(0);
    expect(pageOf(printed, 'Chức danh thứ 17')).toBe(1);
    expect(pageOf(printed, 'Ghi chú: Số cán bộ')).toBe(1);
    expect(pageOf(printed, SIGNER)).toBe(1);
    // The header is repeated above the rows carried over.
    expect(printed.pages[1]).toMatch(/STT\s+Chức danh\s+Tổng số/);
  }, 240_000);

  it('keeps a form longer than a page whole to its last row, then the signature with it', async () => {
    const printed = await print(40, 'bao-cao-dai');
    const last = pageOf(printed, 'Chức danh thứ 40');
    expect(printed.pages.length).toBeGreaterThanOrEqual(2);
    expect(last).toBe(printed.pages.length - 1);
    expect(pageOf(printed, SIGNER)).toBe(last);
  }, 240_000);
});
