import {
  classLevelLabels,
  classLevels,
  organisationLabels,
  organisations,
  reportRangeRoundedParams,
  type ReportRow,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { listKinds } from '../../catalog/kinds.repository.ts';
import {
  countFigureRows,
  figureRowsWindow,
  type FigureFilters,
  type FigureRowData,
} from '../../figures/figures.repository.ts';
import { formHeader, periodOf, type ReportDefinition, type ReportParams } from '../report.ts';
import { unitName } from '../reports.repository.ts';
import { trainingNarrative, type Counts } from './narrative.ts';
import { summaryQuery, trainingSummary, type Metric } from './trainingSummary.ts';
import { unitKindOf } from './trainingSummary.repository.ts';

/**
 * Báo cáo tổng hợp công tác tập huấn, bồi dưỡng cán bộ (issue 10 items 1 and 8): classes,
 * participations and people over a period for a unit subtree, in total and by organiser level, kind,
 * year, organisation and the units under it (`trainingSummary`), with a paragraph in the article's
 * style (`trainingNarrative`). Every number's rows are the counting engine's `figureRows` for the
 * same query narrowed to the row (cell keys `total:`, `level-<level>:`, `kind-<code>:`,
 * `year-<yyyy>:`, `org-<organisation>:`, `unit-<id>:` × classes | participations | people — the
 * dashboard links to them).
 */

const COLUMNS: { key: Metric; header: string; group: null }[] = [
  { key: 'classes', header: 'Số lớp', group: null },
  { key: 'participations', header: 'Số lượt cán bộ', group: null },
  { key: 'people', header: 'Số người', group: null },
];

const SECTIONS = {
  level: 'Theo cấp tổ chức lớp',
  kind: 'Theo loại hình bồi dưỡng',
  year: 'Theo năm',
  org: 'Theo tổ chức (Đoàn, Hội, Đội) của đơn vị được tính',
  unit: 'Theo đơn vị (đơn vị của cán bộ vào ngày khai giảng)',
} as const;
type Section = keyof typeof SECTIONS;

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

function figureRow(key: string, labels: string[], c: Counts, strong = false): ReportRow {
  return {
    labels,
    strong,
    values: COLUMNS.map((col) => ({ value: c[col.key], cell: c[col.key] ? `${key}:${col.key}` : null })),
  };
}

/** A row key's engine filters and its name, or null when the key is none of the report's. */
async function rowOf(
  tx: Tx,
  p: ReportParams,
  key: string,
): Promise<{ name: string; filters: FigureFilters; days?: { from: string; to: string } } | null> {
  if (key === 'total') return { name: 'Tổng số', filters: {} };
  const dash = key.indexOf('-');
  const section = key.slice(0, dash) as Section;
  const value = key.slice(dash + 1);
  if (dash < 0 || !Object.hasOwn(SECTIONS, section)) return null;
  const heading = SECTIONS[section];
  switch (section) {
    case 'level': {
      const level = classLevels.find((l) => l === value);
      return level ? { name: `${heading} — ${classLevelLabels[level]}`, filters: { organiserLevel: level } } : null;
    }
    case 'kind': {
      const kind = (await listKinds(tx)).find((k) => k.code === value);
      return kind ? { name: `${heading} — ${kind.name}`, filters: { kindCode: kind.code } } : null;
    }
    case 'year': {
      const days = periodOf(p);
      if (!/^\d{4}$/.test(value) || value < days.from.slice(0, 4) || value > days.to.slice(0, 4)) return null;
      const from = `${value}-01-01` > days.from ? `${value}-01-01` : days.from;
      const to = `${value}-12-31` < days.to ? `${value}-12-31` : days.to;
      return { name: `${heading} — Năm ${value}`, filters: {}, days: { from, to } };
    }
    case 'org': {
      const org = organisations.find((o) => o === value);
      return org ? { name: `${heading} — ${organisationLabels[org]}`, filters: { organisation: org } } : null;
    }
    case 'unit': {
      const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
      const name = id <= 2_147_483_647 ? await unitName(tx, id, periodOf(p).to) : null;
      return name ? { name: `${heading} — ${name}`, filters: { alsoWithin: id } } : null;
    }
  }
}

/** The columns and cells of the rows behind a number, by metric. */
const ROW_SHAPES: Record<
  Metric,
  {
    counting?: 'classes' | 'entries';
    columns: string[];
    values: (r: FigureRowData) => (string | number | null)[];
  }
> = {
  classes: {
    counting: 'classes',
    columns: ['Tên lớp', 'Đơn vị tổ chức', 'Ngày khai giảng'],
    values: (r) => [r.name, r.unitName, vnDate(r.date)],
  },
  participations: {
    counting: 'entries',
    columns: ['Học viên', 'Lớp', 'Đơn vị được tính', 'Ngày khai giảng', 'Số lượt'],
    values: (r) =>
      r.kind === 'class'
        ? ['(Lớp chỉ ghi số lượng học viên)', r.name, r.unitName, vnDate(r.date), r.value]
        : [r.name, r.detail, r.unitName, vnDate(r.date), r.value],
  },
  people: {
    columns: ['Họ và tên', 'Số lớp đã học', 'Đơn vị hiện nay', 'Ngày khai giảng lớp đầu tiên'],
    values: (r) => [r.name, r.detail, r.unitName, vnDate(r.date)],
  },
};

export const trainingReport: ReportDefinition = {
  name: 'tong-hop-dao-tao',
  title: 'Báo cáo tổng hợp công tác tập huấn, bồi dưỡng cán bộ',
  period: 'range',
  params: reportRangeRoundedParams,
  asksRounded: true,
  titleLines(p) {
    const days = periodOf(p);
    return [
      'BÁO CÁO TỔNG HỢP CÔNG TÁC TẬP HUẤN, BỒI DƯỠNG CÁN BỘ',
      `${p.unitName}, từ ngày ${vnDate(days.from)} đến ngày ${vnDate(days.to)}`,
    ];
  },

  async compute(tx, actor: Actor, p) {
    const days = periodOf(p);
    const [s, kind] = await Promise.all([
      trainingSummary(tx, actor, { unitId: p.unitId, ...days }),
      unitKindOf(tx, p.unitId),
    ]);
    const sections: [Section, ReportRow[]][] = [
      ['level', s.byLevel.map((l) => figureRow(`level-${l.level}`, [classLevelLabels[l.level]], l))],
      ['kind', s.byKind.map((k) => figureRow(`kind-${k.code}`, [k.name], k))],
      ['year', s.byYear.map((y) => figureRow(`year-${y.year}`, [`Năm ${y.year}`], y))],
      ['org', s.byOrganisation.map((o) => figureRow(`org-${o.organisation}`, [organisationLabels[o.organisation]], o))],
      ['unit', s.byUnit.map((u) => figureRow(`unit-${u.unitId}`, [u.name], u))],
    ];
    // Each section under its heading (I, II, …), its rows numbered 1, 2, … as official forms do.
    const rows: ReportRow[] = [
      figureRow('total', ['', 'Tổng số'], s.total, true),
      ...sections.flatMap(([key, members], i) => [
        { labels: [ROMAN[i]!, SECTIONS[key]], values: [], strong: true },
        ...members.map((r, j) => ({ ...r, labels: [String(j + 1), r.labels[0]!] })),
      ]),
    ];
    return {
      name: 'tong-hop-dao-tao',
      title: trainingReport.titleLines(p),
      unitId: p.unitId,
      unitName: p.unitName,
      at: null,
      from: days.from,
      to: days.to,
      paragraphs: trainingNarrative({
        ...days,
        today: todayIso(),
        unit: { name: p.unitName, kind: kind ?? 'grassroots' },
        total: s.total,
        byLevel: s.byLevel,
        byKind: s.byKind,
        byOrganisation: s.byOrganisation,
        rounded: p.rounded === 'true',
      }),
      tables: [{ caption: null, header: formHeader('Nội dung', COLUMNS), rows }],
      notes: [
        'Lớp được tính theo ngày khai giảng trong khoảng thời gian báo cáo (lớp đang hoặc đã tổ chức), cho đơn vị tổ chức lớp.',
        'Mỗi học viên của một lớp là một lượt, tính cho đơn vị của học viên vào ngày khai giảng, kể cả khi đã chuyển công tác; lượt cán bộ của đơn vị học các lớp do cấp trên tổ chức cũng được tính.',
        'Lớp chỉ ghi số lượng học viên (không có danh sách) được tính vào số lớp và số lượt của đơn vị tổ chức, không tính vào số người.',
        'Số người là số cán bộ khác nhau có tên trong danh sách học viên: một người học nhiều lớp chỉ tính một lần, nên số người của các dòng cộng lại có thể lớn hơn tổng số.',
      ],
    };
  },

  async rows(tx, actor, p, cell) {
    const [rowKey = '', metric] = cell.split(':');
    const column = COLUMNS.find((c) => c.key === metric);
    const row = column ? await rowOf(tx, p, rowKey) : null;
    if (!row || !column) return null;
    const shape = ROW_SHAPES[column.key];
    const q = summaryQuery(column.key, { unitId: p.unitId, ...(row.days ?? periodOf(p)) }, row.filters);
    return {
      label: `${row.name}: ${column.header}`,
      ...(shape.counting ? { counting: shape.counting } : {}),
      columns: shape.columns.map((header, i) => ({ key: `c${i + 1}`, header })),
      count: () => countFigureRows(tx, actor, q),
      read: async (w) =>
        (await figureRowsWindow(tx, actor, q, w)).map((r) => ({ personId: r.personId, values: shape.values(r) })),
    };
  },
};
