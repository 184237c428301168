import { classLevels, organisations, type ClassLevel, type Organisation } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { todayIso } from '../../../lib/dates.ts';
import { listKinds } from '../../catalog/kinds.repository.ts';
import { countFigures } from '../../figures/figures.cache.repository.ts';
import type { Figure, FigureQuery } from '../../figures/figures.repository.ts';
import type { Counts } from './narrative.ts';
import { childUnits } from './trainingSummary.repository.ts';

/**
 * The training summary's figures (issue 10 item 1) for a unit subtree over a period: classes held,
 * participations (lượt) and distinct people, in total and by organiser level, training kind, year,
 * organisation (Đoàn, Hội, Đội) and the units directly under the unit. All of them are the counting
 * engine's `classes` / `participations` / `people` (figures.repository.ts), through its cache
 * (`countFigures`), so the report, the dashboard and the schemes count by one rule: a class by its
 * first day, credited to its organiser; a trainee to the unit they belonged to on that day; a
 * headcount-only class's total to its organiser, counted in classes and participations but never in
 * people (it names no one).
 *
 * The caller has checked that the actor reads `unitId`; the actor's scope is inside every count.
 */

export type Metric = keyof Counts;
export const METRICS: readonly Metric[] = ['classes', 'participations', 'people'];

export interface TrainingSummary {
  from: string;
  to: string;
  total: Counts;
  /** The organiser levels with any figure, in the contract's order. */
  byLevel: ({ level: ClassLevel } & Counts)[];
  /** The training kinds with any figure, in the catalogue's order (kinds are never deleted, only set inactive). */
  byKind: ({ code: string; name: string } & Counts)[];
  /** Every year of the period, zeros included (a trend). */
  byYear: ({ year: number } & Counts)[];
  /** Đoàn, Hội, Đội: the organisation of the unit credited. */
  byOrganisation: ({ organisation: Organisation } & Counts)[];
  /** The units directly under the unit, in being in the period or with figures, in Vietnamese order. */
  byUnit: ({ unitId: number; name: string } & Counts)[];
}

type Grouping = FigureQuery['by'];
const GROUPINGS: Grouping[] = [null, 'organiserLevel', 'kind', 'year', 'organisation', 'unit'];

/** The engine's query for a metric over the period's days, in the unit's subtree. */
export function summaryQuery(
  metric: Metric,
  p: { unitId: number; from: string; to: string },
  filters: FigureQuery['filters'] = {},
): FigureQuery {
  return {
    metric,
    fromYear: Number(p.from.slice(0, 4)),
    toYear: Number(p.to.slice(0, 4)),
    days: { from: p.from, to: p.to },
    filters: { unitId: p.unitId, ...filters },
    asOf: todayIso(),
  };
}

const zero = (): Counts => ({ classes: 0, participations: 0, people: 0 });

export async function trainingSummary(
  tx: Tx,
  actor: Actor,
  p: { unitId: number; from: string; to: string },
): Promise<TrainingSummary> {
  // Every metric × grouping: 18 aggregate queries, each cached by the engine until its records change.
  const counted = await Promise.all(
    METRICS.flatMap((metric) => GROUPINGS.map((by) => countFigures(tx, actor, { ...summaryQuery(metric, p), by }))),
  );
  const figures = (metric: Metric, by: Grouping): Figure[] =>
    counted[METRICS.indexOf(metric) * GROUPINGS.length + GROUPINGS.indexOf(by)]!;
  /** The counts of each key of a grouping. */
  const grouped = (by: Grouping): Map<string, Counts> => {
    const out = new Map<string, Counts>();
    for (const metric of METRICS) {
      for (const f of figures(metric, by)) {
        const key = String(f.key);
        const counts = out.get(key) ?? zero();
        counts[metric] = f.value;
        out.set(key, counts);
      }
    }
    return out;
  };
  const total = grouped(null).get('null') ?? zero();
  const levels = grouped('organiserLevel');
  const kinds = grouped('kind');
  const years = grouped('year');
  const orgs = grouped('organisation');
  const units = grouped('unit');

  const catalogue = await listKinds(tx);
  const children = await childUnits(
    tx,
    p.unitId,
    p,
    [...units.keys()].map((k) => Number(k)),
  );
  const firstYear = Number(p.from.slice(0, 4));
  return {
    from: p.from,
    to: p.to,
    total,
    byLevel: classLevels.filter((l) => levels.has(l)).map((level) => ({ level, ...levels.get(level)! })),
    byKind: catalogue
      .filter((k) => kinds.has(k.code))
      .map((k) => ({ code: k.code, name: k.name, ...kinds.get(k.code)! })),
    byYear: Array.from({ length: Number(p.to.slice(0, 4)) - firstYear + 1 }, (_, i) => ({
      year: firstYear + i,
      ...(years.get(String(firstYear + i)) ?? zero()),
    })),
    byOrganisation: organisations.map((organisation) => ({ organisation, ...(orgs.get(organisation) ?? zero()) })),
    byUnit: children.map((u) => ({ unitId: u.id, name: u.name, ...(units.get(String(u.id)) ?? zero()) })),
  };
}
