import { foldVietnamese, vietnameseTextKey } from '@canbo/contract';
import { openWriter } from './bulk.ts';
import type { Row } from './population.ts';
import { planClasses, programmes } from './training.plan.ts';
import { COLUMNS, RowMaker, type TrainingCounts, type TrainingTable } from './training.rows.ts';
import { ID_TABLES, readWorld } from './training.world.ts';

/**
 * Adds fifteen years of training to a generated database (bench/generate.ts): classes at every
 * level, a share of them historical with a headcount only, the rest with sessions, allocations,
 * enrolments, attendance, results and certificates. Secondary indexes of the training tables are
 * dropped during the load and rebuilt at the end, as for people.
 */
export interface TrainingOptions {
  classes: number;
  participations: number;
  seed: number;
  today: string;
  log: (line: string) => void;
}

const BATCH = 10_000;
/** Rows between SQLite commits. */
const FLUSH_EVERY = 2_000_000;
/** Insert order: parents before children, though foreign keys are not checked during the load. */
const ORDER: TrainingTable[] = [
  'training_classes',
  'class_status_history',
  'class_sessions',
  'seat_allocations',
  'enrolments',
  'attendance',
  'certificates',
];

export async function addTraining(url: string, o: TrainingOptions): Promise<TrainingCounts> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const world = await readWorld(url);
  o.log(`training: read ${world.unitIds.length} units, ${world.personId.length} people (${elapsed()})`);
  // The catalogue once: a second run adds classes, not another copy of the programmes.
  const catalogue = world.maxId.programmes ? [] : programmes(world);
  const plans = planClasses(world, o, catalogue);
  o.log(`training: ${plans.length} classes planned (${elapsed()})`);

  const w = await openWriter(url);
  const rebuild = await w.dropIndexes([...ORDER]);
  const stamp = `${o.today}T00:00:00.000Z`;
  await w.insert(
    'programmes',
    COLUMNS.programmes,
    catalogue.map((p) => [
      p.id,
      p.name,
      p.kind,
      JSON.stringify(p.titles),
      JSON.stringify(p.topics),
      p.days,
      null,
      1,
      foldVietnamese(p.name),
      vietnameseTextKey(p.name),
      stamp,
      stamp,
      1,
    ]),
  );

  const buffers = new Map<TrainingTable, Row[]>(ORDER.map((t) => [t, []]));
  let pending = 0;
  let sinceFlush = 0;
  const write = async () => {
    for (const t of ORDER) {
      const rows = buffers.get(t)!;
      for (let i = 0; i < rows.length; i += BATCH) await w.insert(t, COLUMNS[t], rows.slice(i, i + BATCH));
      rows.length = 0;
    }
    sinceFlush += pending;
    pending = 0;
    if (sinceFlush >= FLUSH_EVERY) {
      await w.flush();
      sinceFlush = 0;
    }
  };
  const maker = new RowMaker(world, o.today, catalogue, o.seed + 1);
  const sink = (t: TrainingTable, row: Row) => {
    buffers.get(t)!.push(row);
    pending++;
  };
  const step = Math.max(1, Math.ceil(plans.length / 10));
  for (const [i, p] of plans.entries()) {
    maker.classRows(p, sink);
    if (pending >= BATCH * 4) await write();
    if ((i + 1) % step === 0 || i + 1 === plans.length) {
      const c = maker.counts;
      const enrolled = Object.values(c.enrolments).reduce((s, n) => s + n, 0);
      o.log(
        `  ${i + 1} classes, ${enrolled} enrolments, ${c.attendance} attendance marks, ${c.certificates} certificates (${elapsed()})`,
      );
    }
  }
  await write();
  o.log(`training: building ${rebuild.length} indexes… (${elapsed()})`);
  await w.exec(rebuild);
  await w.commit();
  o.log(`training: indexes built (${elapsed()}); analysing…`);
  await w.finish([...ID_TABLES]);
  o.log(`training: done in ${elapsed()}`);
  return maker.counts;
}

export function describeCounts(c: TrainingCounts): string[] {
  const enrolled = Object.values(c.enrolments).reduce((s, n) => s + n, 0);
  const statuses = Object.entries(c.enrolments)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return [
    `classes ${c.classes} (${c.headcountClasses} headcount-only), status history ${c.history}`,
    `sessions ${c.sessions}, seat allocations ${c.allocations}`,
    `enrolments ${enrolled} (${statuses})`,
    `headcounts ${c.headcountTotal}; participations (enrolments + headcounts) ${enrolled + c.headcountTotal}`,
    `attendance marks ${c.attendance}, certificates ${c.certificates}`,
  ];
}
