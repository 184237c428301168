import { visitStatusLabels, type VisitComplianceRow } from '@canbo/contract';
import type { XlsxColumn, XlsxTable } from '../../documents/xlsx/table.ts';

type Numbered = VisitComplianceRow & { no: number };

/** The compliance list as the board reports it: every column the page shows. */
const COLUMNS: XlsxColumn<Numbered>[] = [
  { header: 'STT', width: 6, type: 'number', value: (r) => r.no },
  { header: 'Họ và tên', width: 30, value: (r) => r.personName },
  { header: 'Đơn vị', width: 32, value: (r) => r.unitName },
  { header: 'Số ngày phải đi', width: 12, type: 'number', value: (r) => r.requirement },
  { header: 'Số ngày đã đi', width: 12, type: 'number', value: (r) => r.days },
  { header: 'Số chuyến', width: 10, type: 'number', value: (r) => r.trips },
  { header: 'Tình trạng', width: 16, value: (r) => visitStatusLabels[r.status] },
];

async function* numbered(rows: AsyncIterable<VisitComplianceRow>): AsyncIterable<Numbered> {
  let no = 0;
  for await (const r of rows) yield { ...r, no: ++no };
}

export function complianceTable(year: number, rows: AsyncIterable<VisitComplianceRow>): XlsxTable<Numbered> {
  return { sheetName: `Đi cơ sở năm ${year}`, columns: COLUMNS, rows: numbered(rows) };
}
