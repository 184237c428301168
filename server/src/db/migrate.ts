import {
  Migrator,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  type QueryExecutorProvider,
} from 'kysely';
import type { Db, Engine } from './index.ts';
import { MIGRATION_TABLE, tableNames } from './tables.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_ethnicities.ts';
import * as m0003 from './migrations/0003_units.ts';
import * as m0005 from './migrations/0005_users_search.ts';
import * as m0006 from './migrations/0006_bench_indexes.ts';
import * as m0007 from './migrations/0007_unit_names.ts';
import * as m0008 from './migrations/0008_training.ts';
import * as m0009 from './migrations/0009_class_sort_key.ts';
import * as m0010 from './migrations/0010_login_throttle.ts';
import * as m0011 from './migrations/0011_studies.ts';
import * as m0012 from './migrations/0012_visits.ts';
import * as m0013 from './migrations/0013_visit_requirements.ts';
import * as m0014 from './migrations/0014_schemes.ts';
import * as m0015 from './migrations/0015_figure_cache.ts';
import * as m0016 from './migrations/0016_moves.ts';
import * as m0017 from './migrations/0017_recorded_classes.ts';
import * as m0020 from './migrations/0020_moves_figures.ts';
import * as m0022 from './migrations/0022_title_standards.ts';
import * as m0023 from './migrations/0023_tallies.ts';
import * as m0024 from './migrations/0024_people_name_index.ts';
import * as m0025 from './migrations/0025_people_sort_search.ts';
import * as m0026 from './migrations/0026_unit_names_search.ts';
import * as m0027 from './migrations/0027_people_search_trigrams.ts';
import * as m0028 from './migrations/0028_people_birth_dropped.ts';

type EngineMigration = { up(db: Kysely<unknown>, engine: Engine): Promise<void> };

/** Migrations are listed here, in order; each gets the engine so column types can differ. */
const migrations: Record<string, EngineMigration> = {
  '0001_foundation': m0001,
  '0002_ethnicities': m0002,
  '0003_units': m0003,
  '0005_users_search': m0005,
  '0006_bench_indexes': m0006,
  '0007_unit_names': m0007,
  '0008_training': m0008,
  '0009_class_sort_key': m0009,
  '0010_login_throttle': m0010,
  '0011_studies': m0011,
  '0012_visits': m0012,
  '0013_visit_requirements': m0013,
  '0014_schemes': m0014,
  '0015_figure_cache': m0015,
  '0016_moves': m0016,
  '0017_recorded_classes': m0017,
  '0020_moves_figures': m0020,
  '0022_title_standards': m0022,
  '0023_tallies': m0023,
  '0024_people_name_index': m0024,
  '0025_people_sort_search': m0025,
  '0026_unit_names_search': m0026,
  '0027_people_search_trigrams': m0027,
  '0028_people_birth_dropped': m0028,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) {
      out[name] = { up: (db) => m.up(db, this.engine) };
    }
    return Promise.resolve(out);
  }
}

/** The migrations this code knows, in order: the newest schema it can read or write. */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrations);

async function migrator(db: Db): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema it can see; name ours, or a database
  // holding several schemas (one per test file) finds another's lock table and fails.
  const schema =
    db.engine === 'postgres'
      ? (await sql<{ name: string }>`select current_schema() as name`.execute(db.kysely)).rows[0]?.name
      : undefined;
  return new Migrator({
    db: db.kysely,
    provider: new StaticProvider(db.engine),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  return applied(await (await migrator(db)).migrateToLatest());
}

/** Up to and including `name` (a restore brings the target to the schema its file was written at). */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  return applied(await (await migrator(db)).migrateTo(name));
}

/** The migrations a database has had, in order, including any this code does not know. */
export async function appliedMigrations(db: QueryExecutorProvider, engine: Engine): Promise<string[]> {
  if (!(await tableNames(db, engine)).includes(MIGRATION_TABLE)) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.id(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
