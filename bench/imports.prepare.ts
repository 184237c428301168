/**
 * The fresh database and the sheet the import benchmark (bench/imports.bench.ts) measures, made in a
 * process of its own so that what generating them costs in memory is not counted in the import's
 * peak. `--db`: a PostgreSQL server (a schema of its own is created on it), else a SQLite file in a
 * temporary folder. The organisation comes from bench/national.ts, `--existing` cadres already on
 * record from bench/population.ts; the sheet (`--rows`) has new cadres spread over every unit — most
 * with a national ID, about 60 % with a current position, a unit's first new holder its secretary
 * where it has none — and some of the cadres on record: half as stored (skipped), half with a new
 * phone number (updated), some naming the position they already hold. Prints one JSON line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import {
  appointmentMethodLabels,
  employmentLabels,
  foldVietnamese,
  genderLabels,
  qualificationLabels,
  theoryLevelLabels,
  titleLabels,
  type Title,
} from '@canbo/contract';
import { loadConfig } from '../server/src/config.ts';
import { analyze } from '../server/src/db/dialect.ts';
import { createDb } from '../server/src/db/index.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { Random } from '../server/src/demo/random.ts';
import { prepareTallies } from '../server/src/modules/figures/tallies.service.ts';
import { makeName, pickEthnicity, type Gender } from '../server/src/demo/names.ts';
import { PEOPLE_COLUMNS, PEOPLE_SHEET, YES, NO } from '../server/src/modules/imports/people/people.columns.ts';
import { buildNation, type BenchUnit } from './national.ts';
import { PERSON_COLUMNS, POSITION_COLUMNS, Population, type Row } from './population.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    rows: { type: 'string', default: '10000' },
    units: { type: 'string', default: '2000' },
    existing: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '3' },
  },
});
const rowCount = Number(values.rows);
const existingCount = Number(values.existing);
const STAMP = '2026-01-01T00:00:00.000Z';

const dir = mkdtempSync(join(tmpdir(), 'canbo-imports-'));
let schema: string | null = null;
let url = `sqlite:${join(dir, 'bench.db')}`;
if (values.db) {
  url = values.db;
  schema = `bench_imports_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
}
const db = createDb(url, schema ? { schema, poolSize: 2 } : {});
await migrateToLatest(db);
const q = db.kysely;

/** Rows given as arrays in `columns` order, in multi-row inserts. */
async function load(table: string, columns: readonly string[], rows: Row[]) {
  const size = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size).map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]])));
    await q
      .insertInto(table as 'units')
      .values(part as never)
      .execute();
  }
}

const units = buildNation(Number(values.units), Number(values.seed));
await load(
  'units',
  [
    'id',
    'code',
    'name',
    'kind',
    'organisation',
    'parent_id',
    'status',
    'valid_from',
    'search_text',
    'sort_key',
    'created_at',
    'updated_at',
    'version',
  ],
  units.map((u) => [
    u.id,
    u.code,
    u.name,
    u.kind,
    'doan',
    u.parentId,
    'active',
    '2000-01-01',
    u.searchText,
    u.sortKey,
    STAMP,
    STAMP,
    1,
  ]),
);
await load(
  'unit_closure',
  ['ancestor_id', 'descendant_id', 'depth'],
  units.flatMap((u) => [[u.id, u.id, 0], ...u.ancestors.map((a, i) => [a, u.id, u.ancestors.length - i] as Row)]),
);
await load(
  'unit_tree_history',
  ['unit_id', 'parent_id', 'valid_from', 'valid_to'],
  units.map((u) => [u.id, u.parentId, '2000-01-01', null]),
);
await load(
  'unit_names',
  ['unit_id', 'name', 'short_name', 'sort_key', 'valid_from', 'valid_to'],
  units.map((u) => [u.id, u.name, null, u.sortKey, '2000-01-01', null]),
);
const population = new Population(units, Number(values.seed) + 6);
const stored = population.batch(existingCount);
await load('people', PERSON_COLUMNS, stored.people);
await load('positions', POSITION_COLUMNS, stored.positions);
if (db.engine === 'postgres') {
  // The rows above carry their ids: the sequences must start past them.
  for (const t of ['units', 'people', 'positions', 'unit_tree_history', 'unit_names']) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(q);
  }
}
// As a running server's database is: its training tallies and dated closure built at start
// (main.ts); on PostgreSQL the planner's statistics of what was loaded, which autovacuum takes
// (SQLite's are taken only by an ANALYZE, which Canbo never runs).
await prepareTallies({ db, config: loadConfig({}), heavy: null as never });
if (db.engine === 'postgres') await analyze(q as unknown as Kysely<unknown>, db.engine);
const ethnicities = new Map(
  (await q.selectFrom('ethnicities').select(['code', 'name']).execute()).map((e) => [e.code, e.name]),
);
await db.destroy();

// The sheet, written as Excel writes one (shared strings, dates as day numbers shown dd/mm/yyyy).
const rng = new Random(Number(values.seed) + 17);
const file = join(dir, 'can-bo.xlsx');
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
const ws = wb.addWorksheet(PEOPLE_SHEET);
ws.columns = PEOPLE_COLUMNS.map((c) => ({
  key: c.key,
  width: c.width,
  style: 'type' in c && c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' },
}));
ws.addRow(PEOPLE_COLUMNS.map((c) => c.header)).commit();
ws.addRow(PEOPLE_COLUMNS.map((c) => c.note)).commit();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Most dates as Excel dates, one in ten typed as dd/mm/yyyy text. */
const dateCell = (iso: string) => (rng.chance(0.1) ? iso.split('-').reverse().join('/') : day(iso));

const unitNameCount = new Map<string, number>();
for (const u of units) unitNameCount.set(u.searchText, (unitNameCount.get(u.searchText) ?? 0) + 1);
/** The unit by code, or one in five by its name where the name is the only one of its kind. */
const unitCell = (u: BenchUnit) => (unitNameCount.get(u.searchText) === 1 && rng.chance(0.2) ? u.name : u.code);
const homes = units.filter((u) => u.level !== 'central');
const hasSecretary = new Set(stored.positions.filter((p) => p[3] === 'secretary' && p[9] === null).map((p) => p[2]));
const TITLES: Title[] = ['committee_member', 'committee_member', 'deputy_secretary', 'standing_member', 'specialist'];

// Cadres on record named again: only those whose name, birth date and unit are theirs alone.
const keyOf = (r: Row) => `${r[7]}|${r[8]}|${r[1]}`;
const keyCount = new Map<string, number>();
for (const r of stored.people) keyCount.set(keyOf(r), (keyCount.get(keyOf(r)) ?? 0) + 1);
const again = stored.people.filter((r) => keyCount.get(keyOf(r)) === 1).slice(0, Math.floor(existingCount * 0.6));
const heldBy = new Map<number, Row>();
for (const p of stored.positions) if (p[9] === null) heldBy.set(p[1] as number, p);

let rowsOut = 0;
let again_ = 0;
const seenKeys = new Set(keyCount.keys());
let serial = 0;
for (let i = 0; i < rowCount; i++) {
  // The cadres on record spread through the sheet.
  if (again_ < again.length && rng.chance(again.length / rowCount)) {
    const r = again[again_]!;
    const update = again_ % 2 === 1;
    again_++;
    const unit = units[(r[1] as number) - 1]!;
    const held = heldBy.get(r[0] as number);
    ws.addRow({
      unit: unitCell(unit),
      familyName: r[2],
      middleName: r[3],
      givenName: r[4],
      birthDate: dateCell(r[8] as string),
      gender: genderLabels[r[9] as Gender],
      ethnicity: ethnicities.get(r[10] as string),
      nationalId: r[12],
      phone: update ? `08${rng.digits(8)}` : r[13],
      ...(held && rng.chance(0.5)
        ? {
            title: titleLabels[held[3] as Title],
            employment: employmentLabels.part_time,
            method: appointmentMethodLabels.elected,
            startDate: day(held[8] as string),
          }
        : {}),
    }).commit();
    rowsOut++;
    continue;
  }
  const unit = rng.pick(homes);
  const gender: Gender = rng.chance(0.45) ? 'female' : 'male';
  const ethnicity = pickEthnicity(rng, 'dak_nong');
  const name = makeName(rng, ethnicity, gender);
  const year = rng.int(1980, 2006);
  const birth = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const withId = rng.chance(0.85);
  const key = `${foldVietnamese([name.familyName, name.middleName, name.givenName].filter(Boolean).join(' '))}|${birth}|${unit.id}`;
  // A row without a national ID is known by name, birth date and unit: those must be its own.
  if (!withId && seenKeys.has(key)) {
    i--;
    continue;
  }
  seenKeys.add(key);
  const party = rng.chance(0.5);
  const position = rng.chance(0.6);
  const secretary = position && !hasSecretary.has(unit.id);
  if (secretary) hasSecretary.add(unit.id);
  const title: Title = secretary ? 'secretary' : rng.pick(TITLES);
  ws.addRow({
    unit: unitCell(unit),
    familyName: name.familyName,
    middleName: name.middleName,
    givenName: name.givenName,
    birthDate: dateCell(birth),
    gender: genderLabels[gender],
    ethnicity: ethnicities.get(ethnicity),
    nationalId: withId ? `09${String(unit.province + 1).padStart(2, '0')}${String(++serial).padStart(8, '0')}` : null,
    phone: rng.chance(0.8) ? `09${rng.digits(8)}` : null,
    partyMember: party ? YES : NO,
    partyJoinDate: party ? dateCell(`${Math.min(year + 22, 2025)}-03-26`) : null,
    generalEducation: '12/12',
    qualification: qualificationLabels[rng.pick(['university', 'college', 'intermediate', 'master'] as const)],
    theoryLevel: theoryLevelLabels[rng.pick(['basic', 'none', 'intermediate'] as const)],
    hardshipArea: rng.chance(0.1) ? YES : NO,
    ...(position
      ? {
          title: titleLabels[title],
          employment: employmentLabels[rng.chance(0.3) ? 'full_time' : 'part_time'],
          method: appointmentMethodLabels.elected,
          term: '2022–2027',
          decision: `${rng.int(1, 999)}-QĐ/TĐTN`,
          startDate: dateCell('2022-10-01'),
        }
      : {}),
  }).commit();
  rowsOut++;
}
ws.commit();
await wb.commit();

console.log(
  JSON.stringify({
    url,
    schema,
    dir,
    file,
    rows: rowsOut,
    onRecord: again_,
    units: units.length,
    existing: existingCount,
    centre: { id: units[0]!.id, name: units[0]!.name },
  }),
);
