import {
  genderLabels,
  qualificationLabels,
  reportAtParams,
  theoryLevelLabels,
  titleLabels,
  type ReportRow,
} from '@canbo/contract';
import { vnDate } from '../../../lib/dates.ts';
import { formHeader, type ReportDefinition } from '../report.ts';
import { COLUMNS, ROWS, parseCell, type RowDef } from './cadreStructure.columns.ts';
import { countBehind, countCadres, pageBehind, positionsHeld } from './cadreStructure.repository.ts';

/** Whole years between a birth date and a day (both yyyy-mm-dd). */
function ageOn(birth: string, at: string): number {
  const years = Number(at.slice(0, 4)) - Number(birth.slice(0, 4));
  return at.slice(5) < birth.slice(5) ? years - 1 : years;
}

const ROMAN = ['I', 'II'];

/**
 * Biểu thống kê đội ngũ cán bộ (issue 10 item 2): the cadres holding a position on the date in the
 * unit's subtree, by title and by employment, with the form's columns. A cadre holding two titles is
 * in both titles' rows and once in the total.
 */
export const cadreStructure: ReportDefinition = {
  name: 'doi-ngu-can-bo',
  title: 'Biểu thống kê đội ngũ cán bộ',
  period: 'date',
  params: reportAtParams,
  titleLines: (p) => ['BIỂU THỐNG KÊ ĐỘI NGŨ CÁN BỘ', `${p.unitName}, tính đến ngày ${vnDate(p.at)}`],

  async compute(tx, actor, p) {
    const at = p.at!;
    const s = { unitId: p.unitId, at };
    const [total, byTitle, byEmployment] = await Promise.all([
      countCadres(tx, actor, s, null),
      countCadres(tx, actor, s, 'title'),
      countCadres(tx, actor, s, 'employment'),
    ]);
    const values = (row: RowDef) => {
      const found =
        row.group === 'total' ? total.get('total') : (row.group === 'title' ? byTitle : byEmployment).get(row.value!);
      return COLUMNS.map((c, i) => {
        const value = found?.[i] ?? 0;
        return { value, cell: value ? `${row.key}:${c.key}` : null };
      });
    };
    const line = (labels: string[], row: RowDef, strong = false): ReportRow => ({
      labels,
      values: values(row),
      strong,
    });
    const section = (group: 'title' | 'employment', n: number, name: string): ReportRow[] => [
      { labels: [ROMAN[n]!, name], values: [], strong: true },
      ...ROWS.filter((r) => r.group === group).map((r, i) => line([String(i + 1), r.label], r)),
    ];
    return {
      name: 'doi-ngu-can-bo',
      title: cadreStructure.titleLines(p),
      unitId: p.unitId,
      unitName: p.unitName,
      at,
      from: null,
      to: null,
      tables: [
        {
          caption: null,
          header: formHeader('Chức danh, hình thức', COLUMNS),
          rows: [
            line(['', 'Tổng số'], ROWS[0]!, true),
            ...section('title', 0, 'Theo chức danh'),
            ...section('employment', 1, 'Theo hình thức'),
          ],
        },
      ],
      notes: [
        'Số cán bộ giữ chức danh tại ngày thống kê, ở các đơn vị thuộc phạm vi báo cáo; một người giữ hai chức danh được tính ở cả hai dòng chức danh và một lần ở dòng tổng số.',
        'Độ tuổi tính đến ngày thống kê; lý luận chính trị tính theo trình độ cao nhất.',
      ],
    };
  },

  rows(tx, actor, p, cell) {
    const parsed = parseCell(cell);
    if (!parsed) return Promise.resolve(null);
    const at = p.at!;
    const s = { unitId: p.unitId, at };
    const label = [
      parsed.row.label,
      parsed.column.group ? `${parsed.column.group}: ${parsed.column.header}` : parsed.column.header,
    ];
    return Promise.resolve({
      label: parsed.column.key === 'total' ? parsed.row.label : label.join(' — '),
      columns: [
        { key: 'name', header: 'Họ và tên' },
        { key: 'birthDate', header: 'Ngày sinh' },
        { key: 'age', header: 'Tuổi' },
        { key: 'gender', header: 'Giới tính' },
        { key: 'ethnicity', header: 'Dân tộc' },
        { key: 'party', header: 'Đảng viên' },
        { key: 'school', header: 'Học vấn' },
        { key: 'qualification', header: 'Chuyên môn, nghiệp vụ' },
        { key: 'theory', header: 'Lý luận chính trị' },
        { key: 'titles', header: 'Chức danh, đơn vị tại ngày thống kê' },
      ],
      count: () => countBehind(tx, actor, s, parsed.row, parsed.column),
      async read(w) {
        const people = await pageBehind(tx, actor, s, parsed.row, parsed.column, w.limit, w.offset);
        const held = await positionsHeld(
          tx,
          actor,
          s,
          people.map((r) => r.id),
        );
        const titlesOf = (id: number) =>
          held
            .filter((h) => h.person_id === id)
            .map((h) => `${titleLabels[h.title]} — ${h.unit_name}`)
            .join('; ');
        return people.map((r) => ({
          personId: r.id,
          values: [
            r.full_name,
            vnDate(r.birth_date),
            r.birth_date ? ageOn(r.birth_date, at) : null,
            genderLabels[r.gender],
            r.ethnicity,
            r.party_member ? 'Có' : 'Không',
            r.general_education,
            qualificationLabels[r.qualification],
            theoryLevelLabels[r.theory_level],
            titlesOf(r.id),
          ],
        }));
      },
    });
  },
};
