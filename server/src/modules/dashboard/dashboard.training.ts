import type { FigureGrouping } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import { todayIso } from '../../lib/dates.ts';
import { countFigures } from '../figures/figures.cache.repository.ts';

/** Classes held, participations (lượt) and distinct people trained. */
export interface TrainingCounts {
  classes: number;
  participations: number;
  people: number;
}

export interface TrainingFigures {
  total: TrainingCounts;
  byLevel: Map<string, TrainingCounts>;
  byKind: Map<string, TrainingCounts>;
  byYear: Map<number, TrainingCounts>;
}

type Grouping = 'total' | Extract<FigureGrouping, 'organiserLevel' | 'kind' | 'year'>;
const METRICS = ['classes', 'participations', 'people'] as const;

/**
 * The training figures of a subtree over a period, by the counting engine (cached), with the rules
 * of the training summary report: held classes by their first day, seated trainees and headcount
 * classes' totals, distinct people.
 */
export async function trainingFigures(
  tx: Tx,
  actor: Actor,
  p: { unitId: number; from: string; to: string },
  groupings: readonly Grouping[] = ['total', 'organiserLevel', 'kind'],
): Promise<TrainingFigures> {
  const out: TrainingFigures = {
    total: { classes: 0, participations: 0, people: 0 },
    byLevel: new Map(),
    byKind: new Map(),
    byYear: new Map(),
  };
  const query = {
    fromYear: Number(p.from.slice(0, 4)),
    toYear: Number(p.to.slice(0, 4)),
    days: { from: p.from, to: p.to },
    filters: { unitId: p.unitId },
    asOf: todayIso(),
  };
  for (const by of groupings) {
    for (const metric of METRICS) {
      const figures = await countFigures(tx, actor, { ...query, metric, by: by === 'total' ? null : by });
      for (const f of figures) {
        if (by === 'total') {
          out.total[metric] = f.value;
          continue;
        }
        const map: Map<string | number, TrainingCounts> =
          by === 'year' ? out.byYear : by === 'kind' ? out.byKind : out.byLevel;
        const key = by === 'year' ? Number(f.key) : String(f.key);
        const counts = map.get(key) ?? { classes: 0, participations: 0, people: 0 };
        counts[metric] = f.value;
        map.set(key, counts);
      }
    }
  }
  return out;
}
