/**
 * Schemes benchmark on a generated database (bench/generate.ts with training, studies and visits),
 * not part of `npm test`:
 *   npm run bench:schemes -- --db ./data/bench.db [--runs 10] [--district P01-D01]
 *   npm run bench:schemes -- --db postgres://postgres@127.0.0.1:5432/canbo_bench
 * The progress of a scheme with 10 targets (every metric, filters, per-year values, per-unit values
 * on one target) over the whole data set — issued by the Central Committee, read by its viewer —
 * and of the same scheme issued by one district, read by that district's viewer: the schemes
 * service as GET /schemes/:id/progress calls it, beside the hand-written SQL for the same figures
 * (bench/schemes.baseline.ts), interleaved on the same database: "cold" with the figures' cache emptied
 * before each run (what the first read after a change costs), "cached" read again while nothing
 * changed (the cache's fingerprints checked, figures compared again). The bench refuses to time when
 * any figure differs. The two schemes are created (or their targets reset) through the service.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { SchemeProgress, SchemeTargetInput } from '@canbo/contract';
import type { Actor } from '../server/src/auth/actor.ts';
import { reader } from '../server/src/context.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { countFiguresLive, type FigureQuery } from '../server/src/modules/figures/figures.repository.ts';
import { todayIso } from '../server/src/lib/dates.ts';
import {
  createScheme,
  getScheme,
  listSchemes,
  schemeProgress,
  updateScheme,
} from '../server/src/modules/schemes/schemes.service.ts';
import { benchContext, unitByCode, viewerOn } from './bench.context.ts';
import { interleaved, machine, percentile, time } from './measure.ts';
import { baselineProgress, type BaselineProgress, type BaselineTarget } from './schemes.baseline.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    /** Cold runs (nothing cached) of the whole data set; a national count takes minutes, so fewer. */
    'national-runs': { type: 'string' },
    national: { type: 'string', default: 'TW' },
    district: { type: 'string', default: 'P01-D01' },
    from: { type: 'string', default: '2012' },
    to: { type: 'string', default: '2027' },
    /** Also time each target once: the engine's queries for it (as the service asks them) and its SQL. */
    breakdown: { type: 'boolean', default: false },
  },
});
if (!values.db) throw new Error('Cần --db <đường dẫn SQLite hoặc postgres://…>');
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const startYear = Number(values.from);
const endYear = Number(values.to);

const ctx = benchContext(values.db);
const db = ctx.db;
const q = db.kysely;

const admin: Actor = {
  userId: 0,
  login: 'bench',
  displayName: 'Benchmark',
  personId: null,
  isSuperadmin: true,
  grants: [],
};

type BenchTarget = Partial<Omit<BaselineTarget, 'units'>> &
  Pick<BaselineTarget, 'metric'> & {
    total: number;
    years?: { year: number; value: number }[];
    units?: { unitId: number; value: number }[];
  };

/** The ten targets: every metric, with the filters a province office would set. */
function targets(perUnit: number[]): BenchTarget[] {
  const years = (each: number) =>
    Array.from({ length: endYear - startYear + 1 }, (_, i) => ({ year: startYear + i, value: each }));
  return [
    { metric: 'classes', total: 1000, years: years(60) },
    {
      metric: 'participations',
      total: 100000,
      years: years(6000),
      units: perUnit.map((unitId) => ({ unitId, value: 1000 })),
    },
    { metric: 'people', total: 50000, years: years(3000) },
    { metric: 'participations', organiserLevel: 'district', total: 30000, years: years(2000) },
    { metric: 'people', kindCode: 'theory_basic', total: 10000 },
    { metric: 'title_training_share', title: 'secretary', withinMonths: 12, total: 90, years: years(80) },
    { metric: 'studies_started', studyKinds: ['university', 'master', 'doctorate'], total: 65 },
    { metric: 'studies_started', studyKinds: ['theory_intermediate', 'theory_advanced'], total: 94 },
    {
      metric: 'studies_graduated',
      studyKinds: ['theory_intermediate', 'theory_advanced', 'theory_bachelor'],
      total: 80,
    },
    { metric: 'visit_days', total: 100000, years: years(6000) },
  ];
}

function asBaseline(t: BenchTarget): BaselineTarget {
  return {
    metric: t.metric,
    unitId: t.unitId ?? null,
    kindCode: t.kindCode ?? null,
    organiserLevel: t.organiserLevel ?? null,
    title: t.title ?? null,
    studyKinds: t.studyKinds ?? null,
    withinMonths: t.withinMonths ?? null,
    units: (t.units ?? []).map((u) => u.unitId),
  };
}

/** The scheme by its code, created or with its targets put back to `list` through the service. */
async function benchScheme(code: string, issuing: { id: number; name: string }, list: BenchTarget[]) {
  const found = (await listSchemes(ctx, admin, { q: code, page: 1, pageSize: 10 })).items.find((s) => s.code === code);
  const body = {
    name: `Đề án đo hiệu năng ${code}`,
    code,
    issuingUnitId: issuing.id,
    startYear,
    endYear,
    targets: list satisfies SchemeTargetInput[],
  };
  if (!found) return createScheme(ctx, admin, body);
  const before = await getScheme(ctx, admin, { id: found.id });
  return updateScheme(ctx, admin, { id: found.id, version: before.version, ...body });
}

async function childUnits(id: number, n: number): Promise<number[]> {
  const rows = await q.selectFrom('units').select('id').where('parent_id', '=', id).orderBy('id').limit(n).execute();
  return rows.map((r) => r.id);
}

/** Every figure of the progress equals the baseline's, or the bench stops. */
function compare(name: string, p: SchemeProgress, b: BaselineProgress[]): string[] {
  const diffs: string[] = [];
  const same = (
    where: string,
    a: { actual: number; numerator: number | null; denominator: number | null },
    x: BaselineProgress['overall'] | undefined,
  ) => {
    const want = x ?? { value: 0, numerator: null, denominator: null };
    if (
      a.actual !== want.value ||
      (want.numerator !== null && ((a.numerator ?? 0) !== want.numerator || (a.denominator ?? 0) !== want.denominator))
    ) {
      diffs.push(
        `${name} ${where}: service ${a.actual} (${a.numerator}/${a.denominator}) ≠ SQL ${want.value} (${want.numerator}/${want.denominator})`,
      );
    }
  };
  p.targets.forEach((t, i) => {
    const base = b[i]!;
    same(`target ${i + 1} ${t.metric} overall`, t, base.overall);
    for (const y of t.years) same(`target ${i + 1} ${t.metric} ${y.year}`, y, base.years.get(y.year));
    for (const y of base.years.keys()) {
      if (!t.years.some((x) => x.year === y)) diffs.push(`${name} target ${i + 1}: year ${y} missing from the service`);
    }
    for (const u of t.units) same(`target ${i + 1} ${t.metric} unit ${u.unitId}`, u, base.units.get(u.unitId));
  });
  return diffs;
}

/**
 * One target's engine queries as the service asks them (by year; overall for people and the
 * share; by unit when it has per-unit values) beside its hand-written SQL, timed once each.
 */
async function breakdown(
  actor: Actor,
  issuing: number,
  list: BenchTarget[],
  asOf: string,
): Promise<{ name: string; engine: number; sql: number }[]> {
  const out: { name: string; engine: number; sql: number }[] = [];
  for (const t of list) {
    const fq: FigureQuery = {
      metric: t.metric,
      fromYear: startYear,
      toYear: endYear,
      asOf,
      filters: {
        kindCode: t.kindCode ?? null,
        title: t.title ?? null,
        organiserLevel: t.organiserLevel ?? null,
        unitId: t.unitId ?? issuing,
        studyKinds: t.studyKinds ?? null,
        withinMonths: t.withinMonths ?? null,
      },
    };
    const tx = reader(ctx);
    const engine = await time(async () => {
      await countFiguresLive(tx, actor, { ...fq, by: 'year' });
      if (t.metric === 'people' || t.metric === 'title_training_share') await countFiguresLive(tx, actor, fq);
      if (t.units?.length)
        await countFiguresLive(tx, actor, { ...fq, by: 'unit', groupUnits: t.units.map((u) => u.unitId) });
    });
    const bare = await time(() =>
      baselineProgress(q, { issuingUnitId: issuing, startYear, endYear }, [asBaseline(t)], asOf),
    );
    const filters = [
      t.kindCode,
      t.organiserLevel,
      t.title,
      t.studyKinds?.join('+'),
      t.units?.length ? 'per unit' : null,
    ]
      .filter(Boolean)
      .join(', ');
    out.push({ name: `${t.metric}${filters ? ` (${filters})` : ''}`, engine, sql: bare });
  }
  return out;
}

async function count(table: 'people' | 'enrolments' | 'training_classes' | 'studies' | 'visit_trips'): Promise<number> {
  const r = await q
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function main(): Promise<void> {
  const applied = await migrateToLatest(db);
  const national = await unitByCode(q, values.national);
  const district = await unitByCode(q, values.district);
  const headcounts = await q
    .selectFrom('training_classes')
    .select(sql<number>`coalesce(sum(headcount_total), 0)`.as('n'))
    .executeTakeFirstOrThrow();
  console.log(`Canbo schemes benchmark — ${new Date().toISOString()}`);
  console.log(
    `engine ${db.engine}; ${await count('people')} people, ${await count('training_classes')} classes, ` +
      `${await count('enrolments')} enrolments + ${Number(headcounts.n)} headcounts, ${await count('studies')} studies, ` +
      `${await count('visit_trips')} trips`,
  );
  console.log(`machine: ${machine()}`);
  console.log(`migrations applied now: ${applied.length ? applied.join(', ') : 'none (already up to date)'}`);
  console.log(
    `period ${startYear}–${endYear}; ${runs} runs after ${warmup} warm-up, cold service and SQL interleaved; ms\n`,
  );

  const cases = [
    { name: `whole data set (${national.name})`, unit: national, code: 'BENCH-TW' },
    { name: `one district (${district.name})`, unit: district, code: 'BENCH-DISTRICT' },
  ];
  const lines: string[] = [];
  const parts: string[] = [];
  for (const c of cases) {
    const list = targets(await childUnits(c.unit.id, 3));
    const scheme = await benchScheme(c.code, c.unit, list);
    const actor = viewerOn(c.unit);
    const service = () => schemeProgress(ctx, actor, { id: scheme.id });
    // Cold: nothing cached (the first read after a change of the scheme's records counts it all).
    const cold = async () => {
      await q.deleteFrom('figure_cache').execute();
      return service();
    };
    const first = await cold();
    const bare = () =>
      baselineProgress(q, { issuingUnitId: c.unit.id, startYear, endYear }, list.map(asBaseline), first.asOf);
    const diffs = compare(c.name, first, await bare());
    if (diffs.length) throw new Error(`figures differ:\n${diffs.join('\n')}`);
    const few = c.code === 'BENCH-TW' && values['national-runs'] !== undefined;
    const t = few
      ? await interleaved(cold, bare, { runs: Number(values['national-runs']), warmup: 0 })
      : await interleaved(cold, bare, { runs, warmup });
    // Warm: read again while nothing it counts has changed (the figures' cache, checked exact).
    const again = await service();
    const warmDiffs = compare(c.name, again, await bare());
    if (warmDiffs.length) throw new Error(`cached figures differ:\n${warmDiffs.join('\n')}`);
    const warm: number[] = [];
    for (let i = 0; i < Math.max(runs, 5); i++) warm.push(await time(service));
    warm.sort((x, y) => x - y);
    const w50 = percentile(warm, 50);
    const figures = first.targets.map((x) => (x.numerator !== null ? `${x.actual}%` : String(x.actual))).join(', ');
    lines.push(
      `| ${db.engine} | ${c.name} | ${t.s50.toFixed(1)} | ${t.s95.toFixed(1)} | ${w50.toFixed(1)} | ${percentile(warm, 95).toFixed(1)} | ` +
        `${t.h50.toFixed(1)} | ${t.h95.toFixed(1)} | ${(t.s50 / t.h50).toFixed(2)} | ${(w50 / t.h50).toFixed(3)} |`,
    );
    console.log(`${c.name}: scheme #${scheme.id}, figures exact (${figures})`);
    if (values.breakdown) {
      for (const b of await breakdown(actor, c.unit.id, list, first.asOf)) {
        parts.push(`| ${db.engine} | ${c.name} | ${b.name} | ${b.engine.toFixed(1)} | ${b.sql.toFixed(1)} |`);
      }
    }
  }
  console.log(
    '\n| engine | case | cold p50 | cold p95 | cached p50 | cached p95 | SQL p50 | SQL p95 | cold / SQL | cached / SQL |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of lines) console.log(l);
  if (parts.length) {
    console.log('\n| engine | case | target | engine ms | SQL ms |');
    console.log('|---|---|---|---:|---:|');
    for (const l of parts) console.log(l);
  }
  console.log(`\ntoday ${todayIso()}; baseline: bench/schemes.baseline.ts`);
  await db.destroy();
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  await db.destroy();
  process.exit(1);
});
