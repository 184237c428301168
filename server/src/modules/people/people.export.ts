import {
  formatPhone,
  genderLabels,
  qualificationLabels,
  theoryLevelLabels,
  titleLabels,
  type Person,
} from '@canbo/contract';
import type { XlsxColumn, XlsxTable } from '../../documents/xlsx/table.ts';

type Numbered = Person & { no: number };

const yes = (v: boolean) => (v ? 'x' : '');

/** The cadre list as the organisation board keeps it in Excel (national ID masked as on screen). */
const COLUMNS: XlsxColumn<Numbered>[] = [
  { header: 'STT', width: 6, type: 'number', value: (p) => p.no },
  { header: 'Họ và tên', width: 28, value: (p) => p.fullName },
  { header: 'Ngày sinh', width: 12, type: 'date', value: (p) => p.birthDate },
  { header: 'Giới tính', width: 9, value: (p) => genderLabels[p.gender] },
  { header: 'Dân tộc', width: 12, value: (p) => p.ethnicityName },
  { header: 'Tôn giáo', width: 12, value: (p) => p.religion },
  { header: 'Số CCCD', width: 15, value: (p) => p.nationalId },
  { header: 'Điện thoại', width: 14, value: (p) => (p.phone === null ? null : formatPhone(p.phone)) },
  { header: 'Thư điện tử', width: 24, value: (p) => p.email },
  { header: 'Đơn vị', width: 30, value: (p) => p.unitName },
  {
    header: 'Chức vụ hiện nay',
    width: 36,
    value: (p) => p.currentTitles.map((t) => `${titleLabels[t.title]} ${t.unitName}`).join('; '),
  },
  { header: 'Đảng viên', width: 10, value: (p) => yes(p.partyMember) },
  { header: 'Ngày vào Đảng', width: 13, type: 'date', value: (p) => p.partyJoinDate },
  { header: 'Giáo dục phổ thông', width: 10, value: (p) => p.generalEducation },
  { header: 'Trình độ chuyên môn', width: 16, value: (p) => qualificationLabels[p.qualification] },
  { header: 'Lý luận chính trị', width: 14, value: (p) => theoryLevelLabels[p.theoryLevel] },
  { header: 'Tin học', width: 14, value: (p) => p.itLevel },
  { header: 'Ngoại ngữ', width: 14, value: (p) => p.languageLevel },
  { header: 'Vùng khó khăn', width: 10, value: (p) => yes(p.hardshipArea) },
  { header: 'Ghi chú', width: 30, value: (p) => p.notes },
];

async function* numbered(people: AsyncIterable<Person>): AsyncIterable<Numbered> {
  let no = 0;
  for await (const p of people) yield { ...p, no: ++no };
}

export function peopleTable(people: AsyncIterable<Person>): XlsxTable<Numbered> {
  return { sheetName: 'Danh sách cán bộ', columns: COLUMNS, rows: numbered(people) };
}
