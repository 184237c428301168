import {
  diplomaGradeLabels,
  studyFundingLabels,
  studyKindLabels,
  studyModeLabels,
  studyStatusLabels,
  type Study,
} from '@canbo/contract';
import type { XlsxColumn, XlsxTable } from '../../documents/xlsx/table.ts';

type Numbered = Study & { no: number };

const COLUMNS: XlsxColumn<Numbered>[] = [
  { header: 'STT', width: 6, type: 'number', value: (s) => s.no },
  { header: 'Họ và tên', width: 28, value: (s) => s.personName },
  { header: 'Đơn vị', width: 30, value: (s) => s.unitName },
  { header: 'Loại hình', width: 26, value: (s) => studyKindLabels[s.studyKind] },
  { header: 'Trạng thái', width: 14, value: (s) => studyStatusLabels[s.studyStatus] },
  { header: 'Số quyết định', width: 16, value: (s) => s.decision },
  { header: 'Ngày quyết định', width: 13, type: 'date', value: (s) => s.decisionDate },
  { header: 'Cơ sở đào tạo', width: 30, value: (s) => s.institution },
  { header: 'Chuyên ngành', width: 24, value: (s) => s.major },
  { header: 'Hình thức', width: 18, value: (s) => studyModeLabels[s.studyMode] },
  { header: 'Ngày bắt đầu', width: 13, type: 'date', value: (s) => s.startDate },
  { header: 'Dự kiến kết thúc', width: 13, type: 'date', value: (s) => s.expectedEndDate },
  { header: 'Ngày kết thúc', width: 13, type: 'date', value: (s) => s.endDate },
  { header: 'Kinh phí', width: 18, value: (s) => studyFundingLabels[s.funding] },
  { header: 'Số văn bằng', width: 16, value: (s) => s.diplomaNumber },
  { header: 'Xếp loại', width: 14, value: (s) => (s.diplomaGrade ? diplomaGradeLabels[s.diplomaGrade] : '') },
  { header: 'Lý do', width: 30, value: (s) => s.reason },
  { header: 'Ghi chú', width: 30, value: (s) => s.notes },
];

async function* numbered(studies: AsyncIterable<Study>): AsyncIterable<Numbered> {
  let no = 0;
  for await (const s of studies) yield { ...s, no: ++no };
}

export function studiesTable(studies: AsyncIterable<Study>): XlsxTable<Numbered> {
  return { sheetName: 'Học tập dài hạn', columns: COLUMNS, rows: numbered(studies) };
}
