/**
 * Training summary benchmark on a generated database (bench/generate.ts with training), not part
 * of `npm test`:
 *   npm run bench:summary -- --db ./data/bench.db [--runs 10] [--rebuild]
 *   npm run bench:summary -- --db postgres://postgres@127.0.0.1:5432/canbo_bench
 * Six cases — the whole tree (the top unit, read by its viewer) and one district (its viewer) × one
 * calendar month, one year, fifteen years —: classes, participations and distinct people by
 * organiser level through the counting engine (`countFigures`, which takes the tallies' fast path),
 * beside ONE hand-written SQL query computing the same figures from the raw rows
 * (bench/summary.baseline.ts), interleaved; the median of the runs and its ratio to the query's.
 * The bench refuses to time when any figure differs. The tallies are rebuilt first when marked
 * (the migration), or always with --rebuild; the rebuild time is printed.
 */
import { parseArgs } from 'node:util';
import type { SchemeMetric } from '@canbo/contract';
import { reader } from '../server/src/context.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { countFigures } from '../server/src/modules/figures/figures.cache.repository.ts';
import type { Figure } from '../server/src/modules/figures/figures.repository.ts';
import { fastFigures } from '../server/src/modules/figures/tallies.read.ts';
import { prepareTallies, rebuildAllTallies } from '../server/src/modules/figures/tallies.service.ts';
import { benchContext, unitByCode, viewerOn } from './bench.context.ts';
import { interleaved, machine, time } from './measure.ts';
import { baselineSummary, type SummaryRow } from './summary.baseline.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    national: { type: 'string', default: 'TW' },
    district: { type: 'string', default: 'P01-D01' },
    month: { type: 'string', default: '2025-03' },
    year: { type: 'string', default: '2025' },
    rebuild: { type: 'boolean', default: false },
  },
});
if (!values.db) throw new Error('Cần --db <đường dẫn SQLite hoặc postgres://…>');
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const year = Number(values.year);

const ctx = benchContext(values.db);
const METRICS: SchemeMetric[] = ['classes', 'participations', 'people'];

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

const periods: { name: string; from: string; to: string }[] = [
  { name: `tháng ${values.month}`, from: `${values.month}-01`, to: lastDay(values.month) },
  { name: `năm ${year}`, from: `${year}-01-01`, to: `${year}-12-31` },
  { name: `15 năm ${year - 14}–${year}`, from: `${year - 14}-01-01`, to: `${year}-12-31` },
];

/** The three figures by organiser level, as one table (levels with nothing left out). */
function summaryOf(figures: Figure[][]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  figures.forEach((list, i) => {
    for (const f of list) {
      const level = String(f.key);
      const row = rows.get(level) ?? { level, classes: 0, participations: 0, people: 0 };
      row[(['classes', 'participations', 'people'] as const)[i]!] = f.value;
      rows.set(level, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.level.localeCompare(b.level));
}

const same = (a: SummaryRow[], b: SummaryRow[]) => JSON.stringify(a) === JSON.stringify(b);

async function main(): Promise<void> {
  await migrateToLatest(ctx.db);
  const rebuild = await time(async () => {
    if (values.rebuild) await rebuildAllTallies(ctx, (line) => console.log(`  ${line}`));
    else await prepareTallies(ctx, (line) => console.log(`  ${line}`));
  });
  console.log(
    `Tallies ready in ${(rebuild / 1000).toFixed(1)} s (${values.rebuild ? 'rebuilt' : 'rebuilt if marked'})`,
  );
  console.log(machine());
  console.log(`engine ${ctx.db.engine}, ${runs} runs after ${warmup} warm-up; medians`);
  const units = [
    { name: 'whole tree', unit: await unitByCode(ctx.db.kysely, values.national) },
    { name: 'one district', unit: await unitByCode(ctx.db.kysely, values.district) },
  ];
  const tx = reader(ctx);
  for (const { name, unit } of units) {
    const actor = viewerOn(unit);
    for (const p of periods) {
      const query = (metric: SchemeMetric) => ({
        metric,
        fromYear: Number(p.from.slice(0, 4)),
        toYear: Number(p.to.slice(0, 4)),
        days: { from: p.from, to: p.to },
        filters: { unitId: unit.id },
        by: 'organiserLevel' as const,
        asOf: p.to,
      });
      const service = async () => summaryOf(await Promise.all(METRICS.map((m) => countFigures(tx, actor, query(m)))));
      const baseline = () => baselineSummary(ctx.db.kysely, unit.id, p.from, p.to);
      for (const m of METRICS) {
        if (!(await fastFigures(tx, actor, query(m)))) throw new Error(`${name}, ${p.name}: ${m} not on the fast path`);
      }
      const [mine, theirs] = [await service(), await baseline()];
      if (!same(mine, theirs)) {
        console.error(`${name}, ${p.name}: the figures differ`, mine, theirs);
        process.exitCode = 1;
        return;
      }
      const r = await interleaved(service, baseline, { runs, warmup });
      const totals = mine.reduce(
        (s, row) => [s[0]! + row.classes, s[1]! + row.participations, s[2]! + row.people],
        [0, 0, 0],
      );
      const line = `${name.padEnd(12)} ${p.name.padEnd(20)} ${r.s50.toFixed(1).padStart(8)} ms  raw SQL ${r.h50
        .toFixed(1)
        .padStart(9)} ms  ×${(r.h50 / r.s50).toFixed(1).padStart(6)}  (${totals[0]} lớp, ${totals[1]} lượt, ${
        totals[2]
      } người by level: ${mine.map((row) => `${row.level} ${row.classes}/${row.participations}/${row.people}`).join(', ')})`;
      console.log(line);
    }
  }
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await ctx.heavy.close();
    await ctx.db.destroy();
  });
