import { sql, type RawBuilder, type SqlBool } from 'kysely';
import {
  employmentLabels,
  employments,
  qualificationLabels,
  theoryLevelLabels,
  titleLabels,
  titles,
  type Employment,
  type Title,
} from '@canbo/contract';
import { yearsBefore } from '../../../lib/dates.ts';

/**
 * The columns and rows of the cadre structure form (biểu thống kê đội ngũ cán bộ): each column a
 * condition on the person (`pe`, with their ethnicity `e`), each row a condition on the position
 * held on the date (`pos`). A number is the count of distinct people holding such a position on
 * the date who meet the column's condition; its cell key is `<row>:<column>`.
 */

export interface Column {
  key: string;
  header: string;
  /** The group header above it, for the form's two-row header (null: the column spans both rows). */
  group: string | null;
  when: (at: string) => RawBuilder<SqlBool>;
}

/** Full high-school education as the records write it (12/12; 10/10 in the old system). */
const HIGH_SCHOOL = sql.join(['12/12', '10/10'].map((v) => sql.lit(v)));

/** Born after this day: not yet `age` years old on `at`. */
const youngerThan = (at: string, age: number) => sql<SqlBool>`pe.birth_date > ${yearsBefore(at, age)}`;
const atLeast = (at: string, age: number) => sql<SqlBool>`pe.birth_date <= ${yearsBefore(at, age)}`;

export const COLUMNS: Column[] = [
  { key: 'total', header: 'Tổng số', group: null, when: () => sql<SqlBool>`1 = 1` },
  { key: 'women', header: 'Nữ', group: null, when: () => sql<SqlBool>`pe.gender = 'female'` },
  { key: 'minority', header: 'Dân tộc thiểu số', group: null, when: () => sql<SqlBool>`e.minority = 1` },
  { key: 'party', header: 'Đảng viên', group: null, when: () => sql<SqlBool>`pe.party_member = 1` },
  { key: 'age30', header: 'Từ 30 trở xuống', group: 'Độ tuổi', when: (at) => youngerThan(at, 31) },
  {
    key: 'age35',
    header: 'Từ 31 đến 35',
    group: 'Độ tuổi',
    when: (at) => sql<SqlBool>`${atLeast(at, 31)} and ${youngerThan(at, 36)}`,
  },
  {
    key: 'age40',
    header: 'Từ 36 đến 40',
    group: 'Độ tuổi',
    when: (at) => sql<SqlBool>`${atLeast(at, 36)} and ${youngerThan(at, 41)}`,
  },
  { key: 'age41', header: 'Trên 40', group: 'Độ tuổi', when: (at) => atLeast(at, 41) },
  {
    key: 'school12',
    header: 'Trung học phổ thông',
    group: 'Học vấn',
    when: () => sql<SqlBool>`pe.general_education in (${HIGH_SCHOOL})`,
  },
  {
    key: 'school9',
    header: 'Trung học cơ sở',
    group: 'Học vấn',
    when: () => sql<SqlBool>`pe.general_education is not null and pe.general_education not in (${HIGH_SCHOOL})`,
  },
  ...(['doctorate', 'master', 'university', 'college', 'intermediate'] as const).map((q) => ({
    key: `qual.${q}`,
    header: qualificationLabels[q],
    group: 'Chuyên môn, nghiệp vụ',
    when: () => sql<SqlBool>`pe.qualification = ${q}`,
  })),
  // theory_level is the highest the cadre holds, so each is counted once, at that level.
  ...(['bachelor', 'advanced', 'intermediate', 'basic'] as const).map((t) => ({
    key: `theory.${t}`,
    header: theoryLevelLabels[t],
    group: 'Lý luận chính trị',
    when: () => sql<SqlBool>`pe.theory_level = ${t}`,
  })),
];

export type RowGroup = 'total' | 'title' | 'employment';

export interface RowDef {
  key: string;
  label: string;
  group: RowGroup;
  /** The condition on the position; null for the total (any position). */
  value: Title | Employment | null;
}

export const ROWS: RowDef[] = [
  { key: 'total', label: 'Tổng số', group: 'total', value: null },
  ...titles.map((t): RowDef => ({ key: `title.${t}`, label: titleLabels[t], group: 'title', value: t })),
  ...employments.map((e): RowDef => ({
    key: `employment.${e}`,
    label: employmentLabels[e],
    group: 'employment',
    value: e,
  })),
];

export const rowCondition = (row: RowDef): RawBuilder<SqlBool> =>
  row.group === 'title'
    ? sql<SqlBool>`pos.title = ${row.value}`
    : row.group === 'employment'
      ? sql<SqlBool>`pos.employment = ${row.value}`
      : sql<SqlBool>`1 = 1`;

/** `<row>:<column>` → its row and column, or null for a key the form does not have. */
export function parseCell(cell: string): { row: RowDef; column: Column } | null {
  const [r, c, ...rest] = cell.split(':');
  const row = ROWS.find((x) => x.key === r);
  const column = COLUMNS.find((x) => x.key === c);
  return row && column && !rest.length ? { row, column } : null;
}
