import { classLevelLabels, reportRangeParams, type ReportRow } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { findTripsInPeriod, LEVEL_ORDER, totalsByLevel, type PeriodTrip } from '../../visits/period.repository.ts';
import { formHeader, listBehind, type ReportDefinition, type ReportParams } from '../report.ts';

/**
 * Đi cơ sở "1+2" (issue 10 item 4): the subtree's trips touching the period and their days inside it,
 * by the level of the cadre's unit on the trip's first day — the list the visits page's totals count
 * (`findTripsInPeriod`), so the report and the page give the same numbers for a year.
 */

const COLUMNS = [
  { key: 'trips', header: 'Số lượt đi cơ sở', group: null },
  { key: 'days', header: 'Số ngày đi cơ sở', group: null },
] as const;

/** The period asked, else the whole year of the one date given, else this year. */
function periodOf(p: ReportParams): { from: string; to: string } {
  const year = (p.from ?? p.to ?? todayIso()).slice(0, 4);
  return { from: p.from ?? `${year}-01-01`, to: p.to ?? `${year}-12-31` };
}

const read = (tx: Tx, actor: Actor, p: ReportParams) => findTripsInPeriod(tx, actor, p.unitId, periodOf(p));

const DETAIL = [
  { key: 'name', header: 'Họ và tên' },
  { key: 'unit', header: 'Đơn vị' },
  { key: 'level', header: 'Cấp' },
  { key: 'host', header: 'Nơi đến' },
  { key: 'startDate', header: 'Từ ngày' },
  { key: 'endDate', header: 'Đến ngày' },
  { key: 'days', header: 'Số ngày trong kỳ' },
];

/** The trips behind a column: all for the trips, those with days inside the period for the days. */
const behind = (column: string, trips: PeriodTrip[]) => (column === 'days' ? trips.filter((t) => t.days > 0) : trips);

export const visitsReport: ReportDefinition = {
  name: 'di-co-so',
  title: 'Báo cáo đi cơ sở (1+2)',
  period: 'range',
  params: reportRangeParams,
  titleLines(p) {
    const { from, to } = periodOf(p);
    return ['BÁO CÁO KẾT QUẢ ĐI CƠ SỞ (1+2)', `${p.unitName}, từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`];
  },
  async compute(tx, actor, p) {
    const { from, to } = periodOf(p);
    const totals = totalsByLevel(await read(tx, actor, p));
    const line = (labels: string[], key: string, n: { trips: number; days: number }, strong = false): ReportRow => ({
      labels,
      strong,
      values: COLUMNS.map((c) => ({ value: n[c.key], cell: n[c.key] ? `${key}:${c.key}` : null })),
    });
    const sum = totals.reduce((s, l) => ({ trips: s.trips + l.trips, days: s.days + l.days }), { trips: 0, days: 0 });
    return {
      name: 'di-co-so',
      title: visitsReport.titleLines(p),
      unitId: p.unitId,
      unitName: p.unitName,
      at: null,
      from,
      to,
      tables: [
        {
          caption: null,
          header: formHeader('Cấp của cán bộ', COLUMNS),
          rows: [
            line(['', 'Tổng số'], 'total', sum, true),
            ...totals.map((l, i) => line([String(i + 1), classLevelLabels[l.level]], l.level, l)),
          ],
        },
      ],
      notes: [
        'Cấp của cán bộ theo đơn vị của cán bộ tại ngày bắt đầu chuyến đi.',
        'Chuyến đi có một phần trong kỳ được tính một lượt; số ngày chỉ tính những ngày trong kỳ, theo cách tính ngày (ngày lịch hoặc ngày làm việc) khi ghi nhận chuyến đi.',
      ],
    };
  },
  async rows(tx, actor, p, cell) {
    const [rowKey, columnKey] = cell.split(':');
    const column = COLUMNS.find((c) => c.key === columnKey);
    const level = LEVEL_ORDER.find((l) => l === rowKey);
    if (!column || (rowKey !== 'total' && !level)) return null;
    const trips = behind(
      column.key,
      (await read(tx, actor, p)).filter((t) => !level || t.level === level),
    );
    return listBehind(`${level ? classLevelLabels[level] : 'Tổng số'} — ${column.header}`, DETAIL, trips, (t) => ({
      personId: t.personId,
      values: [
        t.personName,
        t.unitName,
        classLevelLabels[t.level],
        t.hostUnitName,
        vnDate(t.startDate),
        vnDate(t.endDate),
        t.days,
      ],
    }));
  },
};
