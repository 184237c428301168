import { reportRangeParams, studyKindLabels, studyKindLevel, studyKinds, type StudyKind } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import {
  countFigureRows,
  countFiguresLive,
  figureRowsWindow,
  type FigureQuery,
} from '../../figures/figures.repository.ts';
import { formHeader, periodOf, type ReportDefinition, type ReportParams } from '../report.ts';

/**
 * Báo cáo đào tạo dài hạn (issue 10 item 4): the studies started and graduated in the period, by
 * kind. Both numbers and the rows behind them are the counting engine's `studies_started` and
 * `studies_graduated` (figures.repository.ts) — the rule a scheme's study targets count by — so the
 * report, the scheme's progress and their drill-downs cannot disagree.
 */

type Metric = 'studies_started' | 'studies_graduated';

const COLUMNS: { key: string; header: string; group: string; metric: Metric; date: string }[] = [
  { key: 'started', header: 'Cử đi học', group: 'Số lượt cán bộ', metric: 'studies_started', date: 'Ngày bắt đầu học' },
  {
    key: 'graduated',
    header: 'Tốt nghiệp',
    group: 'Số lượt cán bộ',
    metric: 'studies_graduated',
    date: 'Ngày tốt nghiệp',
  },
];

const degrees = studyKinds.filter((k) => studyKindLevel[k].qualification);
const theory = studyKinds.filter((k) => studyKindLevel[k].theoryLevel);

/** A row of the report: its key, name and the kinds it counts. */
interface RowDef {
  key: string;
  labels: string[];
  kinds: readonly StudyKind[];
  strong: boolean;
}

const ROWS: RowDef[] = [
  { key: 'total', labels: ['', 'Tổng số'], kinds: studyKinds, strong: true },
  { key: 'degrees', labels: ['I', 'Trình độ chuyên môn (đại học, sau đại học)'], kinds: degrees, strong: true },
  ...degrees.map((k, i) => ({ key: k, labels: [String(i + 1), studyKindLabels[k]], kinds: [k], strong: false })),
  { key: 'theory', labels: ['II', 'Lý luận chính trị'], kinds: theory, strong: true },
  ...theory.map((k, i) => ({ key: k, labels: [String(i + 1), studyKindLabels[k]], kinds: [k], strong: false })),
];

function figureQuery(p: ReportParams, metric: Metric, kinds: readonly StudyKind[] | null): FigureQuery {
  const days = periodOf(p);
  return {
    metric,
    fromYear: Number(days.from.slice(0, 4)),
    toYear: Number(days.to.slice(0, 4)),
    days,
    filters: { unitId: p.unitId, studyKinds: kinds },
    asOf: todayIso(),
  };
}

/** Studies of each kind for a metric, from one aggregate query. */
async function byKind(tx: Tx, actor: Actor, p: ReportParams, metric: Metric): Promise<Map<string, number>> {
  const figures = await countFiguresLive(tx, actor, { ...figureQuery(p, metric, null), by: 'kind' });
  return new Map(figures.map((f) => [String(f.key), f.value]));
}

export const studiesReport: ReportDefinition = {
  name: 'dao-tao-dai-han',
  title: 'Báo cáo đào tạo dài hạn',
  period: 'range',
  params: reportRangeParams,
  titleLines(p) {
    const days = periodOf(p);
    return ['BÁO CÁO ĐÀO TẠO DÀI HẠN', `${p.unitName}, từ ngày ${vnDate(days.from)} đến ngày ${vnDate(days.to)}`];
  },

  async compute(tx, actor, p) {
    const days = periodOf(p);
    const counts = await Promise.all(COLUMNS.map((c) => byKind(tx, actor, p, c.metric)));
    return {
      name: 'dao-tao-dai-han',
      title: studiesReport.titleLines(p),
      unitId: p.unitId,
      unitName: p.unitName,
      at: null,
      from: days.from,
      to: days.to,
      tables: [
        {
          caption: null,
          header: formHeader('Loại hình đào tạo', COLUMNS),
          rows: ROWS.map((r) => ({
            labels: r.labels,
            strong: r.strong,
            values: COLUMNS.map((c, i) => {
              const value = r.kinds.reduce((s, k) => s + (counts[i]!.get(k) ?? 0), 0);
              return { value, cell: value ? `${r.key}:${c.key}` : null };
            }),
          })),
        },
      ],
      notes: [
        'Số lượt cán bộ được cử đi học tính theo ngày bắt đầu học, số lượt tốt nghiệp theo ngày tốt nghiệp, trong khoảng thời gian báo cáo.',
        'Mỗi khóa học được tính cho đơn vị cử cán bộ đi học (đơn vị của cán bộ vào ngày bắt đầu học), kể cả khi cán bộ đã chuyển công tác.',
      ],
    };
  },

  rows(tx, actor, p, cell) {
    const [rowKey, columnKey] = cell.split(':');
    const row = ROWS.find((r) => r.key === rowKey);
    const column = COLUMNS.find((c) => c.key === columnKey);
    if (!row || !column) return Promise.resolve(null);
    const q = figureQuery(p, column.metric, row.kinds);
    return Promise.resolve({
      label: `${row.labels[1]} — ${column.group}: ${column.header}`,
      columns: [
        { key: 'name', header: 'Họ và tên' },
        { key: 'institution', header: 'Cơ sở đào tạo' },
        { key: 'unit', header: 'Đơn vị cử đi học' },
        { key: 'date', header: column.date },
      ],
      count: () => countFigureRows(tx, actor, q),
      read: async (w) =>
        (await figureRowsWindow(tx, actor, q, w)).map((r) => ({
          personId: r.personId,
          values: [r.name, r.detail, r.unitName, vnDate(r.date)],
        })),
    });
  },
};
