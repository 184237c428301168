import {
  reportAtMonthsParams,
  reportAtParams,
  titleLabels,
  titles,
  type ReportName,
  type ReportResult,
  type ReportRow,
  type StandardisationRow,
  type TitleGapRow,
  type Title,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { vnDate } from '../../../lib/dates.ts';
import { standardisation, titleTrainingGaps, type StandardsFilter } from '../../standards/standardisation.service.ts';
import { offsetBatches, type OffsetWindow } from '../../../db/keyset.ts';
import { formHeader, listBehind, type ReportDefinition, type ReportParams, type RowsBehind } from '../report.ts';

/**
 * The standardisation and title-training gap lists (server/src/modules/standards) as reports of the
 * frame: the lists are read whole (a batch at a time) and counted by title and by column here, so a
 * number and the rows behind it come from the same list and cannot disagree. The rows behind a
 * number read the list once, whatever the pages or batches asked of them.
 */

const BATCH = 1000;

/** Every row of a list, read a batch at a time. */
async function allRows<R>(read: (w: OffsetWindow) => Promise<{ rows: R[] }>): Promise<R[]> {
  const out: R[] = [];
  for await (const rows of offsetBatches(async (w) => (await read(w)).rows, BATCH)) out.push(...rows);
  return out;
}

/** A column of a list report: its header and which of the list's rows it counts. */
interface Column<R> {
  key: string;
  header: string;
  group: string | null;
  counts: (r: R) => boolean;
}

/** A list report's shape: the columns, how a row reads in the drill-down, the list itself. */
interface ListReport<R extends { title: Title }> {
  rowHeader: string;
  columns: Column<R>[];
  detail: { key: string; header: string }[];
  values: (r: R) => (string | number | null)[];
  personId: (r: R) => number;
  read: (tx: Tx, actor: Actor, f: StandardsFilter & { months: number }) => Promise<R[]>;
}

const MONTHS_DEFAULT = 12;
const filterOf = (p: ReportParams) => ({ unitId: p.unitId, at: p.at!, months: p.months ?? MONTHS_DEFAULT });

/** Counts by title (the titles anyone holds short of the standard, in the catalogue's order) and in total. */
async function computeList<R extends { title: Title }>(
  spec: ListReport<R>,
  tx: Tx,
  actor: Actor,
  p: ReportParams,
): Promise<ReportRow[]> {
  const rows = await spec.read(tx, actor, filterOf(p));
  const line = (labels: string[], key: string, of: R[], strong = false): ReportRow => ({
    labels,
    strong,
    values: spec.columns.map((c) => {
      const value = of.filter(c.counts).length;
      return { value, cell: value ? `${key}:${c.key}` : null };
    }),
  });
  const held = titles.filter((t) => rows.some((r) => r.title === t));
  return [
    line(['', 'Tổng số'], 'total', rows, true),
    ...held.map((t, i) =>
      line(
        [String(i + 1), titleLabels[t]],
        t,
        rows.filter((r) => r.title === t),
      ),
    ),
  ];
}

/** The rows behind `<title | total>:<column>`; null for a key the report does not have. */
async function rowsOfList<R extends { title: Title }>(
  spec: ListReport<R>,
  tx: Tx,
  actor: Actor,
  p: ReportParams,
  cell: string,
): Promise<RowsBehind | null> {
  const [rowKey, columnKey] = cell.split(':');
  const column = spec.columns.find((c) => c.key === columnKey);
  const title = titles.find((t) => t === rowKey);
  if (!column || (rowKey !== 'total' && !title)) return null;
  const rows = (await spec.read(tx, actor, { ...filterOf(p), title: title ?? null })).filter(column.counts);
  const name = title ? titleLabels[title] : 'Tổng số';
  return listBehind(
    [name, column.group ? `${column.group}: ${column.header}` : column.header].join(' — '),
    spec.detail,
    rows,
    (r) => ({ personId: spec.personId(r), values: spec.values(r) }),
  );
}

/** A list report's title lines: its heading, then the unit and the day. */
const titleAt = (heading: string, p: ReportParams) => [heading, `${p.unitName}, tính đến ngày ${vnDate(p.at)}`];

function result<R extends { title: Title }>(
  name: ReportName,
  spec: ListReport<R>,
  p: ReportParams,
  heading: string,
  rows: ReportRow[],
  notes: string[],
): ReportResult {
  return {
    name,
    title: titleAt(heading, p),
    unitId: p.unitId,
    unitName: p.unitName,
    at: p.at!,
    from: null,
    to: null,
    tables: [{ caption: null, header: formHeader(spec.rowHeader, spec.columns), rows }],
    notes,
  };
}

const has = (kind: StandardisationRow['shortfalls'][number]['kind']) => (r: StandardisationRow) =>
  r.shortfalls.some((s) => s.kind === kind);

const standardisationSpec: ListReport<StandardisationRow> = {
  rowHeader: 'Chức danh',
  columns: [
    { key: 'total', header: 'Số cán bộ chưa đạt chuẩn', group: null, counts: () => true },
    { key: 'age_first', header: 'Tuổi bổ nhiệm', group: 'Trong đó, chưa đạt về', counts: has('age_first') },
    { key: 'age_in_post', header: 'Tuổi đương nhiệm', group: 'Trong đó, chưa đạt về', counts: has('age_in_post') },
    {
      key: 'qualification',
      header: 'Trình độ chuyên môn',
      group: 'Trong đó, chưa đạt về',
      counts: has('qualification'),
    },
    { key: 'theory', header: 'Lý luận chính trị', group: 'Trong đó, chưa đạt về', counts: has('theory') },
  ],
  detail: [
    { key: 'name', header: 'Họ và tên' },
    { key: 'birthDate', header: 'Ngày sinh' },
    { key: 'title', header: 'Chức danh' },
    { key: 'unit', header: 'Đơn vị' },
    { key: 'startDate', header: 'Ngày bổ nhiệm' },
    { key: 'shortfalls', header: 'Chưa đạt' },
  ],
  values: (r) => [
    r.personName,
    vnDate(r.birthDate),
    titleLabels[r.title],
    r.unitName,
    vnDate(r.startDate),
    r.shortfalls.map((s) => s.text).join('; '),
  ],
  personId: (r) => r.personId,
  read: (tx, actor, f) => allRows((w) => standardisation(tx, actor, f, w)),
};

const gapsSpec: ListReport<TitleGapRow> = {
  rowHeader: 'Chức danh',
  columns: [
    { key: 'total', header: 'Số cán bộ chưa được bồi dưỡng đúng hạn', group: null, counts: () => true },
    { key: 'never', header: 'Chưa được bồi dưỡng', group: 'Trong đó', counts: (r) => r.trainedOn === null },
    { key: 'late', header: 'Bồi dưỡng quá hạn', group: 'Trong đó', counts: (r) => r.trainedOn !== null },
  ],
  detail: [
    { key: 'name', header: 'Họ và tên' },
    { key: 'title', header: 'Chức danh' },
    { key: 'unit', header: 'Đơn vị' },
    { key: 'startDate', header: 'Ngày bổ nhiệm' },
    { key: 'trainedOn', header: 'Ngày hoàn thành bồi dưỡng' },
  ],
  values: (r) => [r.personName, titleLabels[r.title], r.unitName, vnDate(r.startDate), vnDate(r.trainedOn)],
  personId: (r) => r.personId,
  read: (tx, actor, f) => allRows((w) => titleTrainingGaps(tx, actor, f, w)),
};

const STANDARDISATION_HEADING = 'BÁO CÁO CHUẨN HÓA CÁN BỘ';
const GAPS_HEADING = 'BÁO CÁO CHỨC DANH CHƯA ĐƯỢC BỒI DƯỠNG';

/** Chuẩn hóa cán bộ (issue 10 item 3): holders on the day short of their title's standard, by title and shortfall. */
export const standardisationReport: ReportDefinition = {
  name: 'chuan-hoa-can-bo',
  title: 'Báo cáo chuẩn hóa cán bộ',
  period: 'date',
  params: reportAtParams,
  titleLines: (p) => titleAt(STANDARDISATION_HEADING, p),
  async compute(tx, actor, p) {
    return result(
      'chuan-hoa-can-bo',
      standardisationSpec,
      p,
      STANDARDISATION_HEADING,
      await computeList(standardisationSpec, tx, actor, p),
      [
        'Cán bộ giữ chức danh tại ngày báo cáo chưa đạt tiêu chuẩn của chức danh theo cấp của đơn vị (tuổi bổ nhiệm, tuổi đương nhiệm, trình độ chuyên môn, lý luận chính trị).',
        'Một người chưa đạt nhiều tiêu chuẩn được tính ở mỗi cột tương ứng và một lần ở cột số cán bộ chưa đạt chuẩn.',
      ],
    );
  },
  rows: (tx, actor, p, cell) => rowsOfList(standardisationSpec, tx, actor, p, cell),
};

/** Chức danh chưa được bồi dưỡng (issue 10 item 3): holders without their title training in time, by title. */
export const titleGapsReport: ReportDefinition = {
  name: 'chuc-danh-chua-boi-duong',
  title: 'Báo cáo chức danh chưa được bồi dưỡng',
  period: 'date',
  params: reportAtMonthsParams,
  asksMonths: true,
  titleLines: (p) => titleAt(GAPS_HEADING, p),
  async compute(tx, actor, p) {
    const months = p.months ?? MONTHS_DEFAULT;
    return result('chuc-danh-chua-boi-duong', gapsSpec, p, GAPS_HEADING, await computeList(gapsSpec, tx, actor, p), [
      `Cán bộ giữ chức danh tại ngày báo cáo chưa hoàn thành bồi dưỡng chức danh trong ${months} tháng kể từ ngày bổ nhiệm.`,
    ]);
  },
  rows: (tx, actor, p, cell) => rowsOfList(gapsSpec, tx, actor, p, cell),
};
