import '../server/src/memory.ts';
/**
 * Importing a people sheet (issue 9), not part of `npm test`:
 *   npm run bench:imports [-- --rows 100000] [--db postgres://postgres@127.0.0.1:5432/canbo_bench]
 * bench/imports.prepare.ts first makes, in a process of its own, a fresh database (SQLite in a temporary
 * folder, or a new schema on the PostgreSQL server given with `--db`, dropped at the end) with a
 * generated organisation and `--existing` cadres on record, and the .xlsx of `--rows` cadres. This
 * process then measures, on that file, through the service as the route calls it (`uploadImport`:
 * the sheet read in the heavy pool, checked, and on commit written in one transaction), by an editor
 * of the top unit:
 *   parse    — the bare streaming read of the same file with the same reader (read.ts readSheetRows,
 *              counting rows), in a fresh process each time (bench/imports.parse.ts): the floor any
 *              import of the file stands on, not moved by what this process ran before;
 *   preview  — the upload without commit: read, every row checked, nothing written;
 *   commit   — the upload with commit: every row written with its audit rows, in one transaction; the
 *              preview's plan when it was kept and the database has not changed (previewCache.ts),
 *              else the sheet read and checked again (the line above the table says which).
 * This process runs built, as a server does (scripts/bench-built.mjs bundles it and builds the
 * server first), and the heavy pool's jobs run on the built server's worker (server/dist/worker.mjs):
 * the TypeScript loader the tests use holds its transpiled copies of the sources (~45 MB, which the
 * peak RSS would count), and in each thread it transpiled the reader's modules as the job began
 * (the same read took 4.7–6 s there against 3.7–4.6 s built, one time in five 18–19 s).
 * It prints each time, its ratio to the parse (the median of 3 parses, one before the preview, one
 * between preview and commit, one after, each in its own process) and the process's peak RSS after each step (the kernel's
 * high-water mark: the heavy pool's threads live in this process, so it counts them). Targets
 * (issue 9): preview ÷ parse and commit ÷ parse ≤ 2.5, peak RSS < 400 MB at 100,000 rows.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { Actor } from '../server/src/auth/actor.ts';
import { loadConfig } from '../server/src/config.ts';
import type { Ctx } from '../server/src/context.ts';
import { createDb } from '../server/src/db/index.ts';
import { uploadImport } from '../server/src/modules/imports/imports.service.ts';
import { HeavyPool } from '../server/src/workers/pool.ts';
import { machine, time } from './measure.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rows: { type: 'string', default: '10000' },
    units: { type: 'string', default: '2000' },
    existing: { type: 'string', default: '5000' },
  },
});
const TARGET_RATIO = 2.5;
const TARGET_RSS_MB = 400;

interface Prepared {
  url: string;
  schema: string | null;
  dir: string;
  file: string;
  rows: number;
  onRecord: number;
  units: number;
  existing: number;
  centre: { id: number; name: string };
}

// Built with the server by scripts/bench-built.mjs, which runs this file bundled, from the repository's root.
const WORKER = pathToFileURL(resolve('server/dist/worker.mjs')).href;

const started = Date.now();
const prepared = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    'bench/imports.prepare.ts',
    '--rows',
    values.rows,
    '--units',
    values.units,
    '--existing',
    values.existing,
    ...(values.db ? ['--db', values.db] : []),
  ],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 2 ** 24 },
);
if (prepared.status !== 0) throw new Error(`preparing the database and the sheet failed (${prepared.status})`);
const ready = JSON.parse(prepared.stdout.trim().split('\n').at(-1)!) as Prepared;
const prepareSeconds = (Date.now() - started) / 1000;

const db = createDb(ready.url, ready.schema ? { schema: ready.schema } : {});
const config = { ...loadConfig({}), databaseUrl: ready.url, webDist: null };
const ctx: Ctx = { db, config, heavy: new HeavyPool(config.heavy, WORKER) };
const editor: Actor = {
  userId: 0,
  login: 'bench',
  displayName: 'Benchmark',
  personId: null,
  isSuperadmin: false,
  grants: [{ id: 0, unitId: ready.centre.id, unitName: ready.centre.name, role: 'editor' }],
};

const peakMb = () => process.resourceUsage().maxRSS / 1024;
/** Sheets read in the heavy pool: the commit of a kept preview (previewCache.ts) reads none. */
let sheetReads = 0;
const run = ctx.heavy.run.bind(ctx.heavy);
ctx.heavy.run = ((...args: Parameters<typeof run>) => {
  if (args[1] === 'readFormSheet') sheetReads++;
  return run(...args);
}) as typeof run;
const data = readFileSync(ready.file);

/** The bare parse of the sheet in a fresh process (bench/imports.parse.ts): its time and the rows read. */
function parse(): { ms: number; rows: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/imports.parse.ts', ready.file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the bare parse failed (${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; rows: number };
}

async function cleanUp() {
  await ctx.heavy.close();
  await db.destroy();
  if (ready.schema) {
    const admin = new pg.Client({ connectionString: ready.url });
    await admin.connect();
    await admin.query(`drop schema ${ready.schema} cascade`);
    await admin.end();
  }
  rmSync(ready.dir, { recursive: true, force: true });
}

async function main() {
  const upload = (commit: boolean) =>
    uploadImport(ctx, editor, {
      kind: 'people',
      file: { fileName: 'can-bo.xlsx', data },
      commit: commit ? 'true' : 'false',
    });
  const first = parse();
  const parses = [first.ms];
  const parsedRows = first.rows;
  const afterParse = peakMb();
  let preview: Awaited<ReturnType<typeof upload>> | null = null;
  const previewMs = await time(async () => (preview = await upload(false)));
  const afterPreview = peakMb();
  parses.push(parse().ms);
  const readsBeforeCommit = sheetReads;
  let commit: Awaited<ReturnType<typeof upload>> | null = null;
  // Process CPU time (every thread): steadier than the wall time on a shared machine.
  const cpuBefore = process.cpuUsage();
  const commitMs = await time(async () => (commit = await upload(true)));
  const commitCpu = process.cpuUsage(cpuBefore);
  const afterCommit = peakMb();
  parses.push(parse().ms);
  parses.sort((a, b) => a - b);
  const parseMs = parses[1]!;

  const p = preview!;
  const c = commit!;
  if (p.errors || !c.committed) {
    throw new Error(`the sheet did not commit: ${JSON.stringify(c.issues.slice(0, 5))}`);
  }
  const count = async (table: 'people' | 'positions' | 'audit_log') =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [people, positions, audits] = [await count('people'), await count('positions'), await count('audit_log')];

  const mb = (n: number) => `${Math.round(n)} MB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`Canbo import benchmark — ${new Date().toISOString()}`);
  console.log(`engine ${db.engine}; machine: ${machine()}`);
  console.log(
    `sheet: ${ready.rows} cadres (${parsedRows} rows read with the header and notes), ${(data.length / 2 ** 20).toFixed(1)} MB; ` +
      `${ready.units} units, ${ready.existing} cadres on record, ${ready.onRecord} of them in the sheet ` +
      `(prepared in ${prepareSeconds.toFixed(0)} s)`,
  );
  console.log(
    `preview: create ${p.counts.create}, update ${p.counts.update}, skip ${p.counts.skip}, ${p.warnings} warnings; ` +
      `after commit: ${people} people, ${positions} positions, ${audits} audit rows; the commit ` +
      (sheetReads > readsBeforeCommit ? 'read and checked the sheet again' : "wrote the preview's kept plan") +
      '\n',
  );
  console.log('| step | time | ÷ parse | peak RSS after |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| parse (median of 3: ${parses.map((x) => s(x)).join(', ')}) | ${s(parseMs)} | 1.00 | ${mb(afterParse)} |`,
  );
  console.log(`| preview | ${s(previewMs)} | ${(previewMs / parseMs).toFixed(2)} | ${mb(afterPreview)} |`);
  console.log(`| commit | ${s(commitMs)} | ${(commitMs / parseMs).toFixed(2)} | ${mb(afterCommit)} |`);
  console.log(
    `\ncommit process CPU: ${s((commitCpu.user + commitCpu.system) / 1000)} ` +
      `(user ${s(commitCpu.user / 1000)}, system ${s(commitCpu.system / 1000)}); load average after: ${machine().split('load average ')[1]}`,
  );
  const within = (ms: number) =>
    `${(ms / parseMs).toFixed(2)} ${ms / parseMs <= TARGET_RATIO ? '≤' : '>'} ${TARGET_RATIO}`;
  console.log(
    `\ntargets: preview ÷ parse ${within(previewMs)}; commit ÷ parse ${within(commitMs)}; ` +
      `peak RSS ${mb(afterCommit)} ${afterCommit < TARGET_RSS_MB ? '<' : '≥'} ${TARGET_RSS_MB} MB`,
  );
}

main()
  .then(cleanUp)
  .catch(async (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanUp();
    process.exit(1);
  });
