import {
  classLevelLabels,
  classModeLabels,
  classStatusLabels,
  gradeLabels,
  titleLabels,
  type TrainingClass,
} from '@canbo/contract';
import type { XlsxColumn, XlsxTable } from '../../../documents/xlsx/table.ts';

type Numbered = TrainingClass & { no: number };

const hc = (c: TrainingClass, part: 'women' | 'minority' | 'doan' | 'hoi' | 'doi') => c.headcount?.[part] ?? null;

/** The class list as the training board keeps it in Excel: every column the screen shows. */
const COLUMNS: XlsxColumn<Numbered>[] = [
  { header: 'STT', width: 6, type: 'number', value: (c) => c.no },
  { header: 'Tên lớp', width: 44, value: (c) => c.name },
  { header: 'Đơn vị tổ chức', width: 28, value: (c) => c.organiserUnitName },
  { header: 'Cấp tổ chức', width: 12, value: (c) => classLevelLabels[c.level] },
  { header: 'Đơn vị phối hợp', width: 28, value: (c) => c.partners.join('; ') },
  { header: 'Loại hình bồi dưỡng', width: 24, value: (c) => c.kindName },
  { header: 'Chương trình', width: 28, value: (c) => c.programmeName },
  { header: 'Chức danh đối tượng', width: 28, value: (c) => c.targetTitles.map((t) => titleLabels[t]).join('; ') },
  { header: 'Ngày bắt đầu', width: 12, type: 'date', value: (c) => c.startDate },
  { header: 'Ngày kết thúc', width: 12, type: 'date', value: (c) => c.endDate },
  { header: 'Địa điểm', width: 24, value: (c) => c.place },
  { header: 'Hình thức học', width: 14, value: (c) => classModeLabels[c.mode] },
  { header: 'Số quyết định', width: 18, value: (c) => c.decision },
  { header: 'Trạng thái', width: 18, value: (c) => classStatusLabels[c.status] },
  { header: 'Số học viên tối đa', width: 10, type: 'number', value: (c) => c.capacity },
  { header: 'Chỉ tiêu đã phân bổ', width: 10, type: 'number', value: (c) => c.seatsAllocated },
  { header: 'Học viên có chỗ', width: 10, type: 'number', value: (c) => c.seated },
  { header: 'Danh sách chờ', width: 10, type: 'number', value: (c) => c.waitlisted },
  { header: 'Số buổi học', width: 8, type: 'number', value: (c) => c.sessionCount },
  { header: 'Số học viên báo cáo', width: 10, type: 'number', value: (c) => c.headcount?.total },
  { header: 'Trong đó nữ', width: 8, type: 'number', value: (c) => hc(c, 'women') },
  { header: 'Dân tộc thiểu số', width: 8, type: 'number', value: (c) => hc(c, 'minority') },
  { header: 'Cán bộ Đoàn', width: 8, type: 'number', value: (c) => hc(c, 'doan') },
  { header: 'Cán bộ Hội', width: 8, type: 'number', value: (c) => hc(c, 'hoi') },
  { header: 'Cán bộ Đội', width: 8, type: 'number', value: (c) => hc(c, 'doi') },
  {
    header: 'Chuyên cần tối thiểu (%)',
    width: 10,
    type: 'number',
    value: (c) => c.completionRule.minAttendancePercent,
  },
  { header: 'Xếp loại tối thiểu', width: 12, value: (c) => gradeLabels[c.completionRule.passGrade] },
];

async function* numbered(classes: AsyncIterable<TrainingClass>): AsyncIterable<Numbered> {
  let no = 0;
  for await (const c of classes) yield { ...c, no: ++no };
}

export function classesTable(classes: AsyncIterable<TrainingClass>): XlsxTable<Numbered> {
  return { sheetName: 'Danh sách lớp bồi dưỡng', columns: COLUMNS, rows: numbered(classes) };
}
