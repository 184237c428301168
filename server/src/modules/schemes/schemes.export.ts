import { figureRowKindLabels, type FigureRow, type SchemeListItem } from '@canbo/contract';
import { numbered, type Numbered } from '../../documents/xlsx/numbered.ts';
import type { XlsxColumn, XlsxTable } from '../../documents/xlsx/table.ts';

const SCHEME_COLUMNS: XlsxColumn<Numbered<SchemeListItem>>[] = [
  { header: 'STT', width: 6, type: 'number', value: (s) => s.no },
  { header: 'Mã', width: 14, value: (s) => s.code },
  { header: 'Tên đề án, kế hoạch', width: 60, value: (s) => s.name },
  { header: 'Đơn vị ban hành', width: 30, value: (s) => s.issuingUnitName },
  { header: 'Số văn bản', width: 18, value: (s) => s.decision },
  { header: 'Ngày ban hành', width: 13, type: 'date', value: (s) => s.decisionDate },
  { header: 'Từ năm', width: 9, type: 'number', value: (s) => s.startYear },
  { header: 'Đến năm', width: 9, type: 'number', value: (s) => s.endYear },
  { header: 'Số chỉ tiêu', width: 11, type: 'number', value: (s) => s.targetCount },
];

export function schemesTable(rows: AsyncIterable<SchemeListItem>): XlsxTable<Numbered<SchemeListItem>> {
  return { sheetName: 'Đề án, kế hoạch', columns: SCHEME_COLUMNS, rows: numbered(rows) };
}

const ROW_COLUMNS: XlsxColumn<Numbered<FigureRow>>[] = [
  { header: 'STT', width: 6, type: 'number', value: (r) => r.no },
  { header: 'Loại', width: 16, value: (r) => figureRowKindLabels[r.kind] },
  { header: 'Tên', width: 36, value: (r) => r.name },
  { header: 'Chi tiết', width: 40, value: (r) => r.detail },
  { header: 'Đơn vị', width: 30, value: (r) => r.unitName },
  { header: 'Ngày', width: 13, type: 'date', value: (r) => r.date },
  { header: 'Năm', width: 8, type: 'number', value: (r) => r.year },
  { header: 'Giá trị', width: 10, type: 'number', value: (r) => r.value },
  { header: 'Được tính', width: 10, value: (r) => (r.counted ? 'Có' : 'Không') },
];

export function figureRowsTable(rows: AsyncIterable<FigureRow>): XlsxTable<Numbered<FigureRow>> {
  return { sheetName: 'Số liệu chi tiết', columns: ROW_COLUMNS, rows: numbered(rows) };
}
