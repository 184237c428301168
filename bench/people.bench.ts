/**
 * People list benchmark on a generated database (bench/generate.ts), not part of `npm test`:
 *   npm run bench -- --db ./data/bench.db [--runs 50]
 *   npm run bench -- --db postgres://postgres@127.0.0.1:5432/canbo_bench
 * Each case runs the real service (`listPeople`, as the HTTP route calls it) and the equivalent
 * hand-written SQL on the same connection, interleaved, and prints p50, p95 and their ratio.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Actor } from '../server/src/auth/actor.ts';
import { LoginThrottle } from '../server/src/auth/throttle.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Ctx } from '../server/src/context.ts';
import { createDb } from '../server/src/db/index.ts';
import { todayIso } from '../server/src/modules/people/dates.ts';
import { listPeople } from '../server/src/modules/people/people.service.ts';
import { baseline } from './baseline.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    province: { type: 'string', default: 'P01' },
    district: { type: 'string', default: 'P01-D01' },
  },
});
if (!values.db) throw new Error('Cần --db <đường dẫn SQLite hoặc postgres://…>');
const runs = Number(values.runs);
const warmup = Number(values.warmup);

const db = createDb(values.db);
const ctx: Ctx = {
  db,
  config: { ...loadConfig({}), databaseUrl: values.db, webDist: null },
  throttle: new LoginThrottle(),
};
const q = db.kysely;

async function unitByCode(code: string) {
  const u = await q.selectFrom('units').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
  if (!u) throw new Error(`Không có đơn vị ${code}: CSDL có được tạo bằng bench/generate.ts?`);
  return u;
}

function actorOn(unit: { id: number; name: string }): Actor {
  return {
    userId: 0,
    login: 'bench',
    displayName: 'Benchmark',
    personId: null,
    isSuperadmin: false,
    grants: [{ id: 0, unitId: unit.id, unitName: unit.name, role: 'viewer' }],
  };
}

const superadmin: Actor = {
  userId: 0,
  login: 'bench',
  displayName: 'Benchmark',
  personId: null,
  isSuperadmin: true,
  grants: [],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Case {
  name: string;
  service: () => Promise<{ total: number; items: unknown[] }>;
  sql: () => Promise<{ total: number; items: unknown[] }>;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function measure(c: Case) {
  const a = await c.service();
  const b = await c.sql();
  // The baseline must answer the same question, or the ratio means nothing.
  if (a.total !== b.total || a.items.length !== b.items.length) {
    throw new Error(`${c.name}: service ${a.total}/${a.items.length} ≠ SQL ${b.total}/${b.items.length}`);
  }
  for (let i = 0; i < warmup; i++) {
    await c.service();
    await c.sql();
  }
  const s: number[] = [];
  const h: number[] = [];
  // Interleaved, so a noisy neighbour slows both sides alike.
  for (let i = 0; i < runs; i++) {
    s.push(await time(c.service));
    h.push(await time(c.sql));
  }
  s.sort((x, y) => x - y);
  h.sort((x, y) => x - y);
  return {
    name: c.name,
    rows: a.total,
    s50: percentile(s, 50),
    s95: percentile(s, 95),
    h50: percentile(h, 50),
    h95: percentile(h, 95),
  };
}

async function main(): Promise<void> {
  const province = await unitByCode(values.province);
  const district = await unitByCode(values.district);
  const provinceActor = actorOn(province);
  const today = todayIso();
  const count = async (table: 'people' | 'positions' | 'units') =>
    Number(
      (
        await q
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [people, positions, units] = [await count('people'), await count('positions'), await count('units')];
  const districtTotal = (await listPeople(ctx, provinceActor, { unitId: district.id, pageSize: 20 })).total;
  const deepPage = Math.max(1, Math.ceil(districtTotal / 20));

  const cases: Case[] = [
    {
      name: `search "nguyen van", ${province.name} viewer`,
      service: () => listPeople(ctx, provinceActor, { q: 'nguyen van', pageSize: 20 }),
      sql: () => baseline(q, { scope: [province.id], q: 'nguyen van', page: 1, today }),
    },
    {
      name: `subtree ${district.name}, by name, page 1`,
      service: () => listPeople(ctx, provinceActor, { unitId: district.id, pageSize: 20 }),
      sql: () => baseline(q, { scope: [province.id], unitId: district.id, page: 1, today }),
    },
    {
      name: `subtree ${district.name}, by name, page ${deepPage}`,
      service: () => listPeople(ctx, provinceActor, { unitId: district.id, pageSize: 20, page: deepPage }),
      sql: () => baseline(q, { scope: [province.id], unitId: district.id, page: deepPage, today }),
    },
    {
      name: 'search "nguyen van", whole country (superadmin)',
      service: () => listPeople(ctx, superadmin, { q: 'nguyen van', pageSize: 20 }),
      sql: () => baseline(q, { scope: null, q: 'nguyen van', page: 1, today }),
    },
  ];

  console.log(`Canbo people benchmark — ${new Date().toISOString()}`);
  console.log(`engine ${db.engine}; ${units} units, ${people} people, ${positions} positions`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`${runs} runs per case after ${warmup} warm-up runs; times in ms\n`);
  const results = [];
  for (const c of cases) results.push(await measure(c));
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`| case | rows | service p50 | service p95 | SQL p50 | SQL p95 | ratio p50 |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rows} | ${pad(r.s50.toFixed(1), 6)} | ${pad(r.s95.toFixed(1), 6)} | ${pad(r.h50.toFixed(1), 6)} | ${pad(r.h95.toFixed(1), 6)} | ${(r.s50 / r.h50).toFixed(2)} |`,
    );
  }
  await db.destroy();
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  await db.destroy();
  process.exit(1);
});
