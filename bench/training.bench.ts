/**
 * Training benchmark on a generated database (bench/generate.ts with training), not part of `npm test`:
 *   npm run bench:training -- --db ./data/bench.db [--runs 30] [--zip-runs 5]
 *   npm run bench:training -- --db postgres://postgres@127.0.0.1:5432/canbo_bench
 * a) The attendance grid of a class of 2,000 trainees × 10 sessions (getAttendanceGrid, as
 *    GET /training/classes/:id/attendance calls it) beside the hand-written SQL for the same rows
 *    (bench/grid.baseline.ts), interleaved on the same connection: one page, and all 2,000 rows
 *    page by page, at the web's page size (100) and the largest the contract allows (500).
 * b) 243 certificates as one ZIP through the real service (certificatesZip: database, renderer with
 *    QR codes, ZIP) beside bare pdfkit writing the same pages' text (bench/certificate.baseline.ts).
 * The two classes are added to the database on the first run (bench/training.fixtures.ts).
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { reader } from '../server/src/context.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { todayIso } from '../server/src/lib/dates.ts';
import { getAttendanceGrid } from '../server/src/modules/training/attendance/attendance.service.ts';
import { certificatesZip } from '../server/src/modules/training/certificates/certificate.files.ts';
import { classDocumentRows } from '../server/src/modules/training/certificates/certificates.repository.ts';
import { findVisibleClass } from '../server/src/modules/training/classes/class.access.ts';
import { benchContext, unitByCode, viewerOn } from './bench.context.ts';
import { barePdf, certificateText } from './certificate.baseline.ts';
import { gridBaseline } from './grid.baseline.ts';
import { interleaved, machine, percentile, time, type Pair } from './measure.ts';
import { benchClasses } from './training.fixtures.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    'zip-runs': { type: 'string', default: '5' },
    organiser: { type: 'string', default: 'P01' },
    trainees: { type: 'string', default: '2000' },
    sessions: { type: 'string', default: '10' },
    certificates: { type: 'string', default: '243' },
  },
});
if (!values.db) throw new Error('Cần --db <đường dẫn SQLite hoặc postgres://…>');
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const zipRuns = Number(values['zip-runs']);
const trainees = Number(values.trainees);

const ctx = benchContext(values.db);
const db = ctx.db;
const q = db.kysely;

interface Line extends Pair {
  name: string;
  rows: number;
}

async function count(table: 'training_classes' | 'enrolments' | 'attendance' | 'certificates'): Promise<number> {
  const r = await q
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function main(): Promise<void> {
  const applied = await migrateToLatest(db);
  const organiser = await unitByCode(q, values.organiser);
  const setupStarted = Date.now();
  const { grid, certificates } = await benchClasses(q, organiser, {
    trainees,
    sessions: Number(values.sessions),
    certificates: Number(values.certificates),
    today: todayIso(),
  });
  const setup = ((Date.now() - setupStarted) / 1000).toFixed(1);
  // A viewer of the organising province: sees the whole roster, as the organiser's staff do.
  const actor = viewerOn(organiser);

  console.log(`Canbo training benchmark — ${new Date().toISOString()}`);
  console.log(
    `engine ${db.engine}; ${await count('training_classes')} classes, ${await count('enrolments')} enrolments, ` +
      `${await count('attendance')} attendance marks, ${await count('certificates')} certificates`,
  );
  console.log(`machine: ${machine()}`);
  console.log(`migrations applied now: ${applied.length ? applied.join(', ') : 'none (already up to date)'}`);
  console.log(
    `grid class #${grid.id}: ${grid.seated} trainees × ${grid.sessions} sessions; certificate class #${certificates.id}: ` +
      `${certificates.certificates} certificates (${grid.created || certificates.created ? 'created' : 'found'} in ${setup} s)\n`,
  );

  const lines: Line[] = [];
  for (const pageSize of [100, 500]) {
    const pages = Math.ceil(grid.seated / pageSize);
    const service = (page: number) => getAttendanceGrid(ctx, actor, { id: grid.id, page, pageSize });
    const bare = (page: number) => gridBaseline(q, { classId: grid.id, scope: [organiser.id], page, pageSize });
    for (const page of [1, pages]) {
      // The baseline must answer the same question, or the ratio means nothing.
      const a = await service(page);
      const b = await bare(page);
      const ids = a.rows.map((r) => r.enrolmentId).join(',');
      const marked = a.rows.reduce((s, r) => s + r.marks.filter((m) => m !== null).length, 0);
      if (a.total !== b.total || ids !== b.ids.join(',') || marked !== b.marks) {
        throw new Error(
          `grid page ${page}/${pageSize}: service ${a.total} rows, ${marked} marks ≠ SQL ${b.total}, ${b.marks}`,
        );
      }
      lines.push({
        name: `grid page ${page} of ${pages}, ${pageSize} per page`,
        rows: a.rows.length,
        ...(await interleaved(
          () => service(page),
          () => bare(page),
          { runs, warmup },
        )),
      });
    }
    const all = async (fn: (page: number) => Promise<unknown>) => {
      for (let page = 1; page <= pages; page++) await fn(page);
    };
    lines.push({
      name: `grid, all ${grid.seated} rows in ${pages} pages of ${pageSize}`,
      rows: grid.seated,
      ...(await interleaved(
        () => all(service),
        () => all(bare),
        { runs: Math.max(5, Math.ceil(runs / 3)), warmup: 1 },
      )),
    });
  }

  // b) Same rows for both sides: the service reads them itself, the baseline got them before timing.
  const visible = await findVisibleClass(reader(ctx), actor, certificates.id);
  const rows = await classDocumentRows(reader(ctx), actor, visible.id);
  const texts = rows.map((r) => certificateText(r, ctx.config.publicUrl));
  let zipBytes = 0;
  const zip = async () => {
    const file = await certificatesZip(ctx, actor, certificates.id);
    if (file.count !== rows.length) throw new Error(`ZIP có ${file.count} giấy, cần ${rows.length}`);
    zipBytes = file.bytes.length;
  };
  let bareBytes = 0;
  const bare = async () => {
    bareBytes = 0;
    for (const t of texts) bareBytes += (await barePdf([t])).length;
  };
  lines.push({
    name: `${rows.length} certificates as one ZIP`,
    rows: rows.length,
    ...(await interleaved(zip, bare, { runs: zipRuns, warmup: 1 })),
  });
  // Not baselines, explanations: the pages with the font files as shipped (one document each), and
  // the pages in ONE document (fonts parsed and embedded once).
  const extra = async (fn: () => Promise<unknown>) => {
    const t: number[] = [];
    for (let i = 0; i < zipRuns; i++) t.push(await time(fn));
    t.sort((x, y) => x - y);
    return percentile(t, 50);
  };
  const stock = await extra(async () => {
    for (const t of texts) await barePdf([t], { stockFont: true });
  });
  const single = await extra(() => barePdf(texts));

  console.log(
    `${runs} runs per grid case (all pages: ${Math.max(5, Math.ceil(runs / 3))}), ${zipRuns} for the ZIP; times in ms\n`,
  );
  const pad = (s: string, n: number) => s.padStart(n);
  console.log('| case | rows | service p50 | service p95 | baseline p50 | baseline p95 | ratio p50 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const l of lines) {
    console.log(
      `| ${l.name} | ${l.rows} | ${pad(l.s50.toFixed(1), 7)} | ${pad(l.s95.toFixed(1), 7)} | ${pad(l.h50.toFixed(1), 7)} | ${pad(l.h95.toFixed(1), 7)} | ${(l.s50 / l.h50).toFixed(2)} |`,
    );
  }
  console.log(
    `\nZIP ${(zipBytes / 2 ** 20).toFixed(1)} MiB; bare PDFs ${(bareBytes / 2 ** 20).toFixed(1)} MiB in all; ` +
      `bare pdfkit with the font files as shipped: p50 ${stock.toFixed(1)} ms; the same ${rows.length} pages as ` +
      `one bare document: p50 ${single.toFixed(1)} ms.\n` +
      'Grid baseline: bench/grid.baseline.ts (same four answers, scope in the where, no mapping). ' +
      'ZIP baseline: bench/certificate.baseline.ts (pdfkit, same text and font, no QR, no database, no ZIP).',
  );
  await db.destroy();
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  await db.destroy();
  process.exit(1);
});
