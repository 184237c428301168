/**
 * Generates a national-scale benchmark database (not part of `npm test`):
 *   npm run bench:generate -- --db ./data/bench.db --units 10000 --people 1000000
 *   npm run bench:generate -- --db postgres://postgres@127.0.0.1:5432/canbo_bench --units 10000 --people 1000000
 * The database must be new (no units); migrations are applied first, so the schema is the app's.
 * Training (bench/training.ts) follows: `--classes 100000 --participations 10000000` at national
 * scale; `--training-only` adds it to a database generated before (units and people kept).
 * Long-term studies and "1+2" visits (bench/longterm.ts) come last: `--studies 100000 --trips 500000`
 * at national scale; `--studies-only` adds them to a database generated before (training kept).
 */
import { parseArgs } from 'node:util';
import { createDb } from '../server/src/db/index.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { buildNation } from './national.ts';
import { openWriter } from './bulk.ts';
import { addTraining, describeCounts } from './training.ts';
import { addLongTerm, describeLongTerm } from './longterm.ts';
import { todayIso } from '../server/src/lib/dates.ts';
import { PERSON_COLUMNS, POSITION_COLUMNS, Population, type Row } from './population.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    units: { type: 'string', default: '10000' },
    people: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    classes: { type: 'string', default: '2000' },
    participations: { type: 'string', default: '200000' },
    'training-only': { type: 'boolean', default: false },
    studies: { type: 'string', default: '2000' },
    trips: { type: 'string', default: '10000' },
    'studies-only': { type: 'boolean', default: false },
    /** The day statuses are decided from (past classes completed, current in progress, …). */
    today: { type: 'string', default: todayIso() },
  },
});
if (!values.db) throw new Error('Cần --db <đường dẫn SQLite hoặc postgres://…>');
const url = values.db;
const unitCount = Number(values.units);
const peopleCount = Number(values.people);
const seed = Number(values.seed);

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const BATCH = 10_000;
const STAMP = '2026-01-01T00:00:00.000Z';

async function training(): Promise<void> {
  const classes = Number(values.classes);
  if (!classes) return;
  const counts = await addTraining(url, {
    classes,
    participations: Number(values.participations),
    seed: seed + 11,
    today: values.today,
    log: (line) => console.log(line),
  });
  for (const line of describeCounts(counts)) console.log(`  ${line}`);
  console.log(`total ${elapsed()}`);
}

async function longTerm(): Promise<void> {
  const studies = Number(values.studies);
  const trips = Number(values.trips);
  if (!studies && !trips) return;
  const counts = await addLongTerm(url, {
    studies,
    trips,
    seed: seed + 23,
    today: values.today,
    log: (line) => console.log(line),
  });
  for (const line of describeLongTerm(counts)) console.log(`  ${line}`);
  console.log(`total ${elapsed()}`);
}

async function main(): Promise<void> {
  const db = createDb(url);
  await migrateToLatest(db);
  if (values['training-only']) {
    await db.destroy();
    return training();
  }
  if (values['studies-only']) {
    await db.destroy();
    return longTerm();
  }
  const existing = await db.kysely.selectFrom('units').select('id').limit(1).executeTakeFirst();
  await db.destroy();
  if (existing) throw new Error(`${url} đã có dữ liệu: dùng một CSDL mới`);
  console.log(`migrations applied (${elapsed()})`);

  const units = buildNation(unitCount, seed);
  const w = await openWriter(url);
  const rebuild = await w.dropIndexes(['people', 'positions', 'unit_closure', 'unit_tree_history', 'unit_events']);

  const unitRows: Row[] = units.map((u) => [
    u.id,
    u.code,
    u.name,
    null,
    u.kind,
    'doan',
    u.parentId,
    'active',
    '2000-01-01',
    null,
    null,
    u.searchText,
    u.sortKey,
    STAMP,
    STAMP,
    1,
  ]);
  for (let i = 0; i < unitRows.length; i += BATCH) {
    await w.insert(
      'units',
      [
        'id',
        'code',
        'name',
        'short_name',
        'kind',
        'organisation',
        'parent_id',
        'status',
        'valid_from',
        'valid_to',
        'place',
        'search_text',
        'sort_key',
        'created_at',
        'updated_at',
        'version',
      ],
      unitRows.slice(i, i + BATCH),
    );
  }
  const closure: Row[] = units.flatMap((u) => [
    [u.id, u.id, 0],
    ...u.ancestors.map((a, i) => [a, u.id, u.ancestors.length - i] as Row),
  ]);
  for (let i = 0; i < closure.length; i += BATCH) {
    await w.insert('unit_closure', ['ancestor_id', 'descendant_id', 'depth'], closure.slice(i, i + BATCH));
  }
  const history: Row[] = units.map((u) => [u.id, u.id, u.parentId, '2000-01-01', null]);
  const names: Row[] = units.map((u) => [u.id, u.id, u.name, null, u.sortKey, u.searchText, '2000-01-01', null]);
  const events: Row[] = units.map((u) => [
    u.id,
    u.id,
    'create',
    '2000-01-01',
    null,
    null,
    JSON.stringify({ code: u.code, name: u.name, parentId: u.parentId }),
    null,
    STAMP,
  ]);
  for (let i = 0; i < units.length; i += BATCH) {
    await w.insert(
      'unit_tree_history',
      ['id', 'unit_id', 'parent_id', 'valid_from', 'valid_to'],
      history.slice(i, i + BATCH),
    );
    await w.insert(
      'unit_names',
      ['id', 'unit_id', 'name', 'short_name', 'sort_key', 'search_text', 'valid_from', 'valid_to'],
      names.slice(i, i + BATCH),
    );
    await w.insert(
      'unit_events',
      ['id', 'unit_id', 'kind', 'event_date', 'decision', 'note', 'details', 'actor_user_id', 'created_at'],
      events.slice(i, i + BATCH),
    );
  }
  console.log(`${units.length} units, ${closure.length} closure rows (${elapsed()})`);

  const population = new Population(units, seed + 6);
  let positions = 0;
  for (let done = 0; done < peopleCount;) {
    const n = Math.min(BATCH, peopleCount - done);
    const b = population.batch(n);
    await w.insert('people', PERSON_COLUMNS, b.people);
    await w.insert('positions', POSITION_COLUMNS, b.positions);
    done += n;
    positions += b.positions.length;
    if (done % 100_000 === 0 || done === peopleCount)
      console.log(`  ${done} people, ${positions} positions (${elapsed()})`);
  }
  console.log(`building ${rebuild.length} indexes…`);
  await w.exec(rebuild);
  await w.commit();
  console.log(`indexes built (${elapsed()}); analysing…`);
  await w.finish(['units', 'unit_tree_history', 'unit_names', 'unit_events', 'people', 'positions']);
  console.log(`done: ${units.length} units, ${peopleCount} people, ${positions} positions in ${elapsed()}`);
  await training();
  await longTerm();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
