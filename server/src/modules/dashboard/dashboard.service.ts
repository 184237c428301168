import {
  schemeStatuses,
  dashboardQuery,
  type Dashboard,
  type DashboardFigure,
  type DashboardScheme,
  type DashboardTraining,
  type ReportName,
  type SchemeStatus,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { reader, type Ctx, type Tx } from '../../context.ts';
import { todayIso } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { reportCells, reportUnit, trainingSummary } from '../reports/reports.service.ts';
import { countSchemes, findSchemesPage } from '../schemes/schemes.repository.ts';
import { schemeProgress } from '../schemes/schemes.service.ts';
import { countClasses, findClassesPage } from '../training/classes/class.repository.ts';
import { findOverdue } from '../visits/visits.repository.ts';

/**
 * The dashboard (issue 10 item 6): the figures of a unit subtree over a period, each counted by the
 * report whose rows it links to — training by the training summary (`tong-hop-dao-tao`), long-term
 * studies by `dao-tao-dai-han`, "1+2" days by `di-co-so` — so a figure and the report it opens cannot
 * disagree; then the lists a leader looks at next, each in the actor's scope and the subtree.
 */

const TRAINING_REPORT: ReportName = 'tong-hop-dao-tao';
const STUDIES_REPORT: ReportName = 'dao-tao-dai-han';
const VISITS_REPORT: ReportName = 'di-co-so';
/** The reports' cells of the studies started and the "1+2" days in all. */
const STUDIES_CELL = 'total:started';
const VISITS_CELL = 'total:days';

/** How many of each list the dashboard shows (each links to the whole list). */
const LIST = 5;
/** Classes still to come or under way. */
const UPCOMING = ['planned', 'open', 'in_progress'] as const;
/** The trend shows at least this many years, ending with the period's last. */
const TREND_YEARS = 10;

interface Period {
  from: string;
  to: string;
}

/** Classes held, participations (lượt) and distinct people trained. */
type TrainingCounts = Pick<
  Awaited<ReturnType<typeof trainingSummary>>['total'],
  'classes' | 'participations' | 'people'
>;

function figure(report: ReportName, period: Period, cell: string, value: number): DashboardFigure {
  return { value, link: value ? { report, ...period, cell } : null };
}

/** A row's three training figures, linked to the summary's cells `<row>:<column>`. */
function training(period: Period, row: string, c: TrainingCounts): DashboardTraining {
  return {
    classes: figure(TRAINING_REPORT, period, `${row}:classes`, c.classes),
    participations: figure(TRAINING_REPORT, period, `${row}:participations`, c.participations),
    people: figure(TRAINING_REPORT, period, `${row}:people`, c.people),
  };
}

/** The period asked, by default this year; one date alone stands for its year. */
function periodOf(q: z.infer<typeof dashboardQuery>, today: string): Period {
  const year = (q.from ?? q.to ?? today).slice(0, 4);
  const period = { from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` };
  if (period.from > period.to) throw fieldError('to', 'phải từ "Từ ngày" trở đi');
  return period;
}

async function schemesOf(ctx: Ctx, tx: Tx, actor: Actor, unitId: number, period: Period, today: string) {
  const filter = {
    unitId,
    overlaps: { from: Number(period.from.slice(0, 4)), to: Number(period.to.slice(0, 4)) },
  };
  const [rows, total] = await Promise.all([
    findSchemesPage(tx, actor, filter, 'startYear', 'desc', { limit: LIST, offset: 0 }),
    countSchemes(tx, actor, filter),
  ]);
  const items: DashboardScheme[] = [];
  for (const s of rows) {
    const progress = await schemeProgress(ctx, actor, { id: s.id }, today);
    const statuses = Object.fromEntries(schemeStatuses.map((st) => [st, 0])) as Record<SchemeStatus, number>;
    for (const t of progress.targets) if (t.status) statuses[t.status]++;
    items.push({
      id: s.id,
      code: s.code,
      name: s.name,
      issuingUnitName: s.issuing_unit_name,
      startYear: s.start_year,
      endYear: s.end_year,
      elapsedPercent: progress.elapsedPercent,
      statuses,
      targets: progress.targets.length,
    });
  }
  return { items, total };
}

export async function getDashboard(ctx: Ctx, actor: Actor, input: unknown): Promise<Dashboard> {
  const q = parseInput(dashboardQuery, input);
  const today = todayIso();
  const period = periodOf(q, today);
  const tx = reader(ctx);
  const { unitId, unitName } = await reportUnit(tx, actor, q.unitId, period.to < today ? period.to : today);
  const lastYear = Number(period.to.slice(0, 4));
  const trend = {
    from: `${Math.min(Number(period.from.slice(0, 4)), lastYear - TREND_YEARS + 1)}-01-01`,
    to: `${lastYear}-12-31`,
  };

  const params = { unitId, unitName, ...period };
  const [figures, trendFigures, studies, visits, upcoming, upcomingTotal, overdue] = await Promise.all([
    trainingSummary(tx, actor, { unitId, ...period }),
    trainingSummary(tx, actor, { unitId, ...trend }),
    reportCells(tx, actor, STUDIES_REPORT, params),
    reportCells(tx, actor, VISITS_REPORT, params),
    findClassesPage(tx, actor, { organiserWithin: unitId, from: today, statuses: UPCOMING }, 'startDate', 'asc', {
      limit: LIST,
      offset: 0,
    }),
    countClasses(tx, actor, { organiserWithin: unitId, from: today, statuses: UPCOMING }),
    findOverdue(tx, actor, unitId, today, 'asc', { limit: LIST, offset: 0 }),
  ]);
  const schemes = await schemesOf(ctx, tx, actor, unitId, period, today);

  const years = trendFigures.byYear.map((y) => {
    const row = training(trend, `year-${y.year}`, y);
    return { year: y.year, classes: row.classes, participations: row.participations };
  });
  return {
    unitId,
    unitName,
    ...period,
    training: training(period, 'total', figures.total),
    studiesStarted: figure(STUDIES_REPORT, period, STUDIES_CELL, studies.get(STUDIES_CELL) ?? 0),
    visitDays: figure(VISITS_REPORT, period, VISITS_CELL, visits.get(VISITS_CELL) ?? 0),
    trend: { ...trend, years },
    byLevel: figures.byLevel.map((l) => ({ level: l.level, ...training(period, `level-${l.level}`, l) })),
    byKind: figures.byKind.map((k) => ({ code: k.code, name: k.name, ...training(period, `kind-${k.code}`, k) })),
    upcoming: {
      items: upcoming.map((c) => ({
        id: c.id,
        name: c.name,
        organiserUnitName: c.organiser_unit_name,
        startDate: c.start_date,
        endDate: c.end_date,
        status: c.status,
        place: c.place,
      })),
      total: upcomingTotal,
    },
    overdue: {
      items: overdue.rows.map((t) => ({
        tripId: t.id,
        personId: t.person_id,
        personName: t.person_name,
        hostUnitName: t.host_unit_name,
        startDate: t.start_date,
        endDate: t.end_date,
        reportDueDate: t.report_due_date,
      })),
      total: overdue.total,
    },
    schemes,
  };
}
