import {
  enrolmentStatusLabels,
  genderLabels,
  gradeLabels,
  outcomeLabels,
  titleLabels,
  type Enrolment,
} from '@canbo/contract';
import { vnDate } from '../../../lib/dates.ts';
import type { XlsxColumn, XlsxTable } from '../../../documents/xlsx/table.ts';

/** A class's roster as exported: the rows, and what the sheet's title says of the class. */
export interface Roster {
  className: string;
  organiserName: string;
  startDate: string;
  endDate: string;
  /** Whether any row listed is on the waitlist: only then has the sheet a waitlist column. */
  waitlisted: boolean;
  rows: AsyncIterable<Enrolment>;
}

type Numbered = Enrolment & { no: number };

const WAITLIST = 'Thứ tự chờ';

/** The class roster as the organiser keeps it in Excel: who, from where, in which state, with results. */
const COLUMNS: XlsxColumn<Numbered>[] = [
  { header: 'STT', width: 6, type: 'number', value: (e) => e.no },
  { header: 'Họ và tên', width: 28, value: (e) => e.personName },
  { header: 'Ngày sinh', width: 12, type: 'date', value: (e) => e.birthDate },
  { header: 'Giới tính', width: 9, value: (e) => genderLabels[e.gender] },
  { header: 'Đơn vị', width: 32, value: (e) => e.unitName },
  { header: 'Chức vụ', width: 24, value: (e) => (e.title ? titleLabels[e.title] : '') },
  { header: 'Trạng thái', width: 16, value: (e) => enrolmentStatusLabels[e.status] },
  { header: WAITLIST, width: 10, type: 'number', value: (e) => e.waitlistPosition },
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

/** "DANH SÁCH HỌC VIÊN", the class, its organiser and dates above the table, as official lists begin. */
export function rosterTable(r: Roster): XlsxTable<Numbered> {
  const days =
    r.startDate === r.endDate
      ? `Ngày ${vnDate(r.startDate)}`
      : `Từ ngày ${vnDate(r.startDate)} đến ngày ${vnDate(r.endDate)}`;
  return {
    sheetName: 'Danh sách học viên',
    title: ['DANH SÁCH HỌC VIÊN', r.className, `Đơn vị tổ chức: ${r.organiserName}`, days],
    columns: r.waitlisted ? COLUMNS : COLUMNS.filter((c) => c.header !== WAITLIST),
    rows: numbered(r.rows),
  };
}
