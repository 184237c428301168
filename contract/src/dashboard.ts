import { z } from 'zod';
import { id, isoDate } from './common.ts';
import { classLevel, classStatus, schemeStatus } from './enums.ts';
import { reportName } from './reports.ts';

/**
 * The dashboard (issue 10 item 6): a unit subtree the user reads and a period, its key figures,
 * trends and breakdowns, each a link to the rows behind it in a report of the frame; the next
 * classes, the visit reports overdue and the schemes' progress, each linked to its page.
 */
export const dashboardQuery = z.object({
  /** The subtree's root; by default the user's first unit. */
  unitId: id.optional(),
  /** The period, by default this year (Vietnam time). */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/** Where a figure's rows are: a report of the frame over a period, and the cell of the number. */
export const dashboardLink = z.object({
  report: reportName,
  from: z.string(),
  to: z.string(),
  cell: z.string(),
});
export type DashboardLink = z.infer<typeof dashboardLink>;

/** A number and the link to its rows (null when there is nothing behind it: a zero). */
export const dashboardFigure = z.object({ value: z.number(), link: dashboardLink.nullable() });
export type DashboardFigure = z.infer<typeof dashboardFigure>;

/** Classes, participations (lượt) and distinct people trained. */
export const dashboardTraining = z.object({
  classes: dashboardFigure,
  participations: dashboardFigure,
  people: dashboardFigure,
});
export type DashboardTraining = z.infer<typeof dashboardTraining>;

export const dashboardClass = z.object({
  id: z.number().int(),
  name: z.string(),
  organiserUnitName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: classStatus,
  place: z.string().nullable(),
});

export const dashboardOverdueReport = z.object({
  tripId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  hostUnitName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  reportDueDate: z.string(),
});

export const dashboardScheme = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  issuingUnitName: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  elapsedPercent: z.number(),
  /** How many of its targets stand at each status (targets without a status are not counted). */
  statuses: z.record(schemeStatus, z.number().int()),
  targets: z.number().int(),
});
export type DashboardScheme = z.infer<typeof dashboardScheme>;

export const dashboard = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  /** The period's figures. */
  training: dashboardTraining,
  studiesStarted: dashboardFigure,
  visitDays: dashboardFigure,
  /** Classes and participations per year over the trend's years (the last ten, or the period if longer). */
  trend: z.object({
    from: z.string(),
    to: z.string(),
    years: z.array(z.object({ year: z.number().int(), classes: dashboardFigure, participations: dashboardFigure })),
  }),
  /** The period's figures by the organiser's level and by training kind (those with classes or trainees). */
  byLevel: z.array(dashboardTraining.extend({ level: classLevel })),
  byKind: z.array(dashboardTraining.extend({ code: z.string(), name: z.string() })),
  /** The next classes of the subtree (not yet over, planned, open or under way), soonest first. */
  upcoming: z.object({ items: z.array(dashboardClass), total: z.number().int() }),
  /** Grassroots visits whose report is past due, the longest overdue first. */
  overdue: z.object({ items: z.array(dashboardOverdueReport), total: z.number().int() }),
  /** Schemes issued in the subtree running in the period, the latest first. */
  schemes: z.object({ items: z.array(dashboardScheme), total: z.number().int() }),
});
export type Dashboard = z.infer<typeof dashboard>;
