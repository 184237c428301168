import {
  classLevelLabels,
  figureRowKindLabels,
  reportSchemeParams,
  schemeMetricLabels,
  schemeStatusLabels,
  studyKindLabels,
  titleLabels,
  type ProgressCell,
  type ReportRow,
  type ReportValue,
  type Scheme,
} from '@canbo/contract';
import { vnDate } from '../../../lib/dates.ts';
import { countFigureRows, figureRowsWindow } from '../../figures/figures.repository.ts';
import {
  progressDay,
  readSchemeIn,
  schemeProgressIn,
  targetRowsQuery,
  type ProgressDay,
} from '../../schemes/schemes.service.ts';
import { head, type ReportDefinition, type ReportParams } from '../report.ts';

/**
 * Báo cáo tiến độ thực hiện đề án, kế hoạch (issue 10 item 4): each target of a scheme — what it
 * counts, its value, what the records give, the share and the status — and its per-year and
 * per-unit values where the scheme sets them. The figures are the schemes service's own progress
 * (`schemeProgressIn`) and the rows behind them its target rows (`targetRowsQuery` + `figureRows`),
 * so the report and the scheme's page cannot disagree. "Tính đến ngày" a past day counts only the
 * records dated by then, statuses judged on that day (`progressDay`).
 */

type Target = Scheme['targets'][number];

/** What a target counts, in words: the metric and its filters. */
function metricWords(t: Target): string {
  const filters = [
    t.kindName,
    t.title && titleLabels[t.title],
    t.organiserLevel && `lớp ${classLevelLabels[t.organiserLevel].toLocaleLowerCase('vi')}`,
    t.unitName,
    (t.studyKinds ?? []).map((k) => studyKindLabels[k]).join(', '),
    t.withinMonths !== null && `bồi dưỡng trong ${t.withinMonths} tháng kể từ khi bổ nhiệm`,
    t.linkedOnly && 'chỉ tính lớp, khóa học gắn với đề án',
  ].filter((x): x is string => typeof x === 'string' && x !== '');
  const metric = `${schemeMetricLabels[t.metric]}${t.metric === 'title_training_share' ? ' (%)' : ''}`;
  return filters.length ? `${metric} (${filters.join('; ')})` : metric;
}

/** The key of the rows behind a target's achieved figure, for the period, a year or a unit. */
const cellKey = (targetId: number, part: string) => `t${targetId}${part}:actual`;
const CELL = /^t(\d+)(?:\.(y|u)(\d+))?:actual$/;

/** A progress cell as the report's numbers: target, achieved (its rows), %, status in words. */
function values(c: ProgressCell, key: string): ReportValue[] {
  return [
    { value: c.target, cell: null },
    { value: c.actual, cell: c.actual ? key : null },
    { value: c.percent, cell: null },
    c.status === null ? { value: null, cell: null } : { value: null, cell: null, text: schemeStatusLabels[c.status] },
  ];
}

const dayOf = (p: ReportParams): ProgressDay => progressDay(p.at);

export const schemeReport: ReportDefinition = {
  name: 'tien-do-de-an',
  title: 'Báo cáo tiến độ thực hiện đề án, kế hoạch',
  period: 'date',
  params: reportSchemeParams,
  asksScheme: true,

  // The rows behind a number are exported under these, the scheme named in the rows' own label.
  titleLines: (p) => [
    'BÁO CÁO TIẾN ĐỘ THỰC HIỆN ĐỀ ÁN, KẾ HOẠCH',
    `${p.unitName}, tính đến ngày ${vnDate(dayOf(p).asOf)}`,
  ],

  async defaultUnit(tx, actor, p) {
    return p.schemeId === undefined ? null : (await readSchemeIn(tx, actor, p.schemeId)).issuingUnitId;
  },

  async compute(tx, actor, p) {
    const scheme = await readSchemeIn(tx, actor, p.schemeId!);
    const day = dayOf(p);
    const progress = await schemeProgressIn(tx, actor, scheme.id, day);
    const rows: ReportRow[] = [];
    progress.targets.forEach((tp, i) => {
      const target = scheme.targets.find((t) => t.id === tp.targetId)!;
      const years = tp.years.filter((y) => target.years.some((v) => v.year === y.year));
      rows.push({
        labels: [String(i + 1), tp.displayLabel, metricWords(target)],
        values: values(tp, cellKey(tp.targetId, '')),
        strong: years.length > 0 || tp.units.length > 0,
      });
      for (const y of years) {
        rows.push({
          labels: ['', `Năm ${y.year}`, ''],
          values: values(y, cellKey(tp.targetId, `.y${y.year}`)),
          strong: false,
        });
      }
      for (const u of tp.units) {
        rows.push({
          labels: ['', u.unitName, ''],
          values: values(u, cellKey(tp.targetId, `.u${u.unitId}`)),
          strong: false,
        });
      }
    });
    const elapsed = progress.elapsedPercent.toLocaleString('vi-VN');
    return {
      name: 'tien-do-de-an',
      title: [
        'BÁO CÁO TIẾN ĐỘ THỰC HIỆN ĐỀ ÁN, KẾ HOẠCH',
        scheme.decision ? `${scheme.name} (${scheme.decision})` : scheme.name,
        `Giai đoạn ${scheme.startYear}–${scheme.endYear}, tính đến ngày ${vnDate(day.asOf)}`,
      ],
      unitId: p.unitId,
      unitName: p.unitName,
      at: day.asOf,
      from: null,
      to: null,
      tables: [
        {
          caption: null,
          header: [
            [
              head('STT', 1, 2),
              head('Chỉ tiêu', 1, 2),
              head('Nội dung tính', 1, 2),
              head('Kết quả thực hiện', 3),
              head('Đánh giá', 1, 2),
            ],
            [head('Chỉ tiêu giao'), head('Đã thực hiện'), head('Tỷ lệ (%)')],
            Array.from({ length: 7 }, (_, i) => head(`(${i + 1})`)),
          ],
          rows,
        },
      ],
      notes: [
        `Đề án, kế hoạch do ${scheme.issuingUnitName} ban hành; đã qua ${elapsed}% thời gian thực hiện.`,
        'Số liệu được tính từ hồ sơ trên Canbo trong phạm vi đơn vị lập báo cáo, như trang tiến độ của đề án, kế hoạch. Đánh giá "Đúng tiến độ" khi số đã thực hiện không thấp hơn chỉ tiêu nhân với phần thời gian đã qua; chỉ tiêu tỷ lệ (%) được so trực tiếp với chỉ tiêu giao.',
        ...(day.upTo
          ? [
              `Chỉ tính lớp, lượt bồi dưỡng và khóa học có ngày bắt đầu (lượt tốt nghiệp: ngày tốt nghiệp) đến hết ngày ${vnDate(day.upTo)}; ngày đi cơ sở tính các đợt bắt đầu đến ngày đó.`,
            ]
          : []),
      ],
    };
  },

  async rows(tx, actor, p, cell) {
    const m = CELL.exec(cell);
    if (!m) return null;
    const scheme = await readSchemeIn(tx, actor, p.schemeId!);
    const target = scheme.targets.find((t) => t.id === Number(m[1]));
    if (!target) return null;
    const year = m[2] === 'y' ? Number(m[3]) : undefined;
    const unitId = m[2] === 'u' ? Number(m[3]) : undefined;
    const unit = unitId === undefined ? undefined : target.units.find((u) => u.unitId === unitId);
    if (unitId !== undefined && !unit) return null;
    if (year !== undefined && (year < scheme.startYear || year > scheme.endYear)) return null;
    const q = await targetRowsQuery(tx, actor, { id: scheme.id, targetId: target.id, year, unitId }, dayOf(p));
    const share = target.metric === 'title_training_share';
    const where = year !== undefined ? ` — Năm ${year}` : unit ? ` — ${unit.unitName}` : '';
    return {
      label: `${target.displayLabel}${where}`,
      columns: [
        { key: 'name', header: 'Tên' },
        { key: 'kind', header: 'Loại' },
        { key: 'detail', header: 'Chi tiết' },
        { key: 'unit', header: 'Đơn vị' },
        { key: 'date', header: 'Ngày' },
        share ? { key: 'counted', header: 'Được bồi dưỡng đúng hạn' } : { key: 'value', header: 'Giá trị' },
      ],
      count: () => countFigureRows(tx, actor, q),
      read: async (w) =>
        (await figureRowsWindow(tx, actor, q, w)).map((r) => ({
          personId: r.personId,
          values: [
            r.name,
            figureRowKindLabels[r.kind],
            r.detail,
            r.unitName,
            vnDate(r.date),
            share ? (r.counted ? 'Có' : 'Không') : r.value,
          ],
        })),
    };
  },
};
