import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDb, type Db } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { listTables } from '../db/tables.ts';
import { loadDemo } from '../demo/demo.ts';
import { DEMO_PASSWORD } from '../demo/load.users.ts';
import type { App } from '../http.ts';
import { as, login } from '../../test/http.ts';
import { backup } from './backup.ts';
import { encodeValue } from './format.ts';
import { restore } from './restore.ts';

/** Databases, files and fingerprints for the backup tests (real engines, no mocks). */

export const PG_URL = process.env.TEST_DATABASE_URL;

export function tempDir(): { path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'canbo-backup-'));
  return { path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function withApp<T>(db: Db, work: (app: App) => Promise<T>): Promise<T> {
  const app = await buildApp({ config: { ...loadConfig({}), webDist: null, databaseUrl: ':memory:' }, db });
  await app.ready();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** The demo organisation (units, cadres, accounts, classes with enrolments, attendance, certificates). */
export async function withDemo(db: Db): Promise<Db> {
  await migrateToLatest(db);
  await withApp(db, (app) => loadDemo(app.ctx));
  return db;
}

/**
 * Every table's row count and a checksum over its rows in a fixed order (columns by name, rows
 * sorted), read with plain `select *` so the check does not lean on the code it checks.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await listTables(db.kysely, db.engine)) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.id(t.name)}`.execute(db.kysely)).rows;
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((c) => [c, encodeValue(r[c])]),
        ),
      )
      .sort();
    out[t.name] = `${rows.length} rows, sha256 ${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return out;
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await listTables(db.kysely, db.engine)) {
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.id(t.name)}`.execute(db.kysely);
    out[t.name] = Number(r.rows[0]?.n);
  }
  return out;
}

/** What a freshly migrated database holds (the catalogues its migrations seed), table by table. */
export async function freshCounts(): Promise<Record<string, number>> {
  const db = createDb(':memory:');
  await migrateToLatest(db);
  const counts = await tableCounts(db);
  await db.destroy();
  return counts;
}

interface Page<T> {
  items: T[];
}

/**
 * What users see, through the API as the demo administrator: a cadre, the unit tree, and a held
 * class's roster, attendance and certificates. Signing in writes a session, so take it after the
 * fingerprint and the backup.
 */
export async function apiAnswers(db: Db): Promise<Record<string, unknown>> {
  return withApp(db, async (app) => {
    const admin = await login(app, 'admin', DEMO_PASSWORD);
    const get = async <T>(url: string): Promise<T> => {
      const res = await as(app, admin).get(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json<T>();
    };
    const people = await get<Page<{ id: number }>>('/api/v1/people?pageSize=20');
    // Answered from the full-text index on SQLite (0027), which a backup leaves out: a restore's
    // rows fill it again.
    const search = await get<Page<{ id: number }>>(`/api/v1/people?q=${encodeURIComponent('nguyễn th')}`);
    const person = await get<unknown>(`/api/v1/people/${people.items[7]!.id}`);
    const tree = await get<unknown>('/api/v1/units/tree?pageSize=500');
    const classes = await get<Page<{ id: number; status: string }>>(
      '/api/v1/training/classes?sort=startDate&order=asc&pageSize=50',
    );
    const held = classes.items.find((c) => c.status === 'completed');
    if (!held) throw new Error('the demo has no completed class');
    const base = `/api/v1/training/classes/${held.id}`;
    return {
      people,
      search,
      person,
      tree,
      classes,
      roster: await get<unknown>(`${base}/enrolments?pageSize=200`),
      attendance: await get<unknown>(`${base}/attendance?pageSize=500`),
      certificates: await get<Page<unknown>>(`${base}/certificates?pageSize=200&sort=number`),
    };
  });
}

/** Rewrites a backup's text (decompressed), compressed again: damage that gzip's own check cannot see. */
export function rewriteText(from: string, to: string, edit: (text: string) => string): void {
  writeFileSync(to, gzipSync(edit(gunzipSync(readFileSync(from)).toString('utf8'))));
}

/**
 * Inserts an audit row the plain way (no id given) and deletes it again: after a restore the id
 * sequences must continue past the restored ids, so `added` is `max + 1`.
 */
export async function nextAuditId(db: Db): Promise<{ max: number; added: number }> {
  const max = await sql<{ id: number }>`select max(id) as id from audit_log`.execute(db.kysely);
  const added = await db.kysely
    .insertInto('audit_log')
    .values({ at: new Date().toISOString(), entity: 'unit', entity_id: 1, action: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`delete from audit_log where id = ${added.id}`.execute(db.kysely);
  return { max: max.rows[0]!.id, added: added.id };
}

/**
 * Backs `source` up to `file` while `writer` (a second connection to the same database) keeps adding
 * units, each a unit row and its closure row in one transaction; then restores the file into a new
 * SQLite database (whose foreign key check fails on a closure row without its unit). A consistent
 * snapshot holds both rows of every unit or neither: `units` equals `unitsWithSelfRow`.
 */
export async function snapshotWhileWritten(
  source: Db,
  writer: Db,
  file: string,
): Promise<{ writtenDuring: number; units: number; unitsWithSelfRow: number }> {
  let writing = true;
  let written = 0;
  const loop = (async () => {
    while (writing) {
      await writer.kysely.transaction().execute(async (tx) => {
        const now = new Date().toISOString();
        const unit = await tx
          .insertInto('units')
          .values({
            code: `SNAP${written}`,
            name: `Chi đoàn ${written}`,
            short_name: null,
            kind: 'branch',
            organisation: 'doan',
            parent_id: null,
            status: 'active',
            valid_from: '2020-01-01',
            valid_to: null,
            place: null,
            search_text: `chi doan ${written}`,
            sort_key: `chi doan ${written}`,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('unit_closure')
          .values({ ancestor_id: unit.id, descendant_id: unit.id, depth: 0 })
          .execute();
      });
      written += 1;
      // Let the backup's file writes through: SQLite answers without ever leaving the event loop.
      await new Promise((r) => setImmediate(r));
    }
  })();
  const before = written;
  try {
    await backup(source, file);
  } finally {
    writing = false;
    await loop;
  }
  const writtenDuring = written - before;

  const target = createDb(':memory:');
  try {
    await restore(target, file);
    const units = await sql<{ n: number }>`select count(*) as n from units`.execute(target.kysely);
    const selfRows = await sql<{ n: number }>`select count(*) as n from unit_closure where depth = 0`.execute(
      target.kysely,
    );
    return { writtenDuring, units: Number(units.rows[0]!.n), unitsWithSelfRow: Number(selfRows.rows[0]!.n) };
  } finally {
    await target.destroy();
  }
}
