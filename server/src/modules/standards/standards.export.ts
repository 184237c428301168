import { titleLabels, type StandardisationRow, type TitleGapRow } from '@canbo/contract';
import { numbered, type Numbered } from '../../documents/xlsx/numbered.ts';
import type { XlsxColumn, XlsxTable } from '../../documents/xlsx/table.ts';
import { vnDate } from '../../lib/dates.ts';

/** The standardisation list as the page shows it, one line per position held. */
const STANDARDISATION: XlsxColumn<Numbered<StandardisationRow>>[] = [
  { header: 'STT', width: 6, type: 'number', value: (r) => r.no },
  { header: 'Họ và tên', width: 30, value: (r) => r.personName },
  { header: 'Ngày sinh', width: 12, type: 'date', value: (r) => r.birthDate },
  { header: 'Đơn vị', width: 32, value: (r) => r.unitName },
  { header: 'Chức danh', width: 24, value: (r) => titleLabels[r.title] },
  { header: 'Ngày bổ nhiệm', width: 14, type: 'date', value: (r) => r.startDate },
  { header: 'Vùng khó khăn', width: 10, value: (r) => (r.hardshipArea ? 'Có' : '') },
  { header: 'Tiêu chuẩn chưa đạt', width: 60, value: (r) => r.shortfalls.map((s) => s.text).join('; ') },
];

export function standardisationTable(
  at: string,
  rows: AsyncIterable<StandardisationRow>,
): XlsxTable<Numbered<StandardisationRow>> {
  return {
    sheetName: 'Chuẩn hóa cán bộ',
    title: ['DANH SÁCH CÁN BỘ CHƯA ĐẠT TIÊU CHUẨN CHỨC DANH', `Tính đến ngày ${vnDate(at)}`],
    columns: STANDARDISATION,
    rows: numbered(rows),
  };
}

const GAPS: XlsxColumn<Numbered<TitleGapRow>>[] = [
  { header: 'STT', width: 6, type: 'number', value: (r) => r.no },
  { header: 'Họ và tên', width: 30, value: (r) => r.personName },
  { header: 'Đơn vị', width: 32, value: (r) => r.unitName },
  { header: 'Chức danh', width: 24, value: (r) => titleLabels[r.title] },
  { header: 'Ngày bổ nhiệm', width: 14, type: 'date', value: (r) => r.startDate },
  { header: 'Hoàn thành bồi dưỡng chức danh', width: 16, type: 'date', value: (r) => r.trainedOn },
];

export function gapsTable(
  at: string,
  months: number,
  rows: AsyncIterable<TitleGapRow>,
): XlsxTable<Numbered<TitleGapRow>> {
  return {
    sheetName: 'Chưa bồi dưỡng chức danh',
    title: [
      'DANH SÁCH CÁN BỘ CHƯA ĐƯỢC BỒI DƯỠNG CHỨC DANH',
      `Trong ${months} tháng kể từ khi bổ nhiệm, tính đến ngày ${vnDate(at)}`,
    ],
    columns: GAPS,
    rows: numbered(rows),
  };
}
