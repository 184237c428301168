import {
  enrolmentStatusLabels,
  genderLabels,
  gradeLabels,
  outcomeLabels,
  titleLabels,
  type Enrolment,
} from '@canbo/contract';
import type { XlsxColumn, XlsxTable } from '../../../documents/xlsx/table.ts';

type Numbered = Enrolment & { no: number };

/** The class roster as the organiser keeps it in Excel: who, from where, in which state, with results. */
const COLUMNS: XlsxColumn<Numbered>[] = [
  { header: 'STT', width: 6, type: 'number', value: (e) => e.no },
  { header: 'Họ và tên', width: 28, value: (e) => e.personName },
  { header: 'Ngày sinh', width: 12, type: 'date', value: (e) => e.birthDate },
  { header: 'Giới tính', width: 9, value: (e) => genderLabels[e.gender] },
  { header: 'Đơn vị', width: 32, value: (e) => e.unitName },
  { header: 'Chức vụ', width: 24, value: (e) => (e.title ? titleLabels[e.title] : '') },
  { header: 'Trạng thái', width: 16, value: (e) => enrolmentStatusLabels[e.status] },
  { header: 'Thứ tự chờ', width: 10, type: 'number', value: (e) => e.waitlistPosition },
  { header: 'Số buổi có mặt', width: 10, type: 'number', value: (e) => e.attendedSessions },
  { header: 'Chuyên cần (%)', width: 10, type: 'number', value: (e) => e.attendancePercent },
  { header: 'Điểm', width: 8, type: 'number', value: (e) => e.score },
  { header: 'Xếp loại', width: 12, value: (e) => (e.grade ? gradeLabels[e.grade] : '') },
  { header: 'Kết quả', width: 16, value: (e) => (e.outcome ? outcomeLabels[e.outcome] : '') },
  { header: 'Số giấy chứng nhận', width: 18, value: (e) => e.certificateNumber },
];

async function* numbered(rows: AsyncIterable<Enrolment>): AsyncIterable<Numbered> {
  let no = 0;
  for await (const e of rows) yield { ...e, no: ++no };
}

export function rosterTable(rows: AsyncIterable<Enrolment>): XlsxTable<Numbered> {
  return { sheetName: 'Danh sách học viên', columns: COLUMNS, rows: numbered(rows) };
}
