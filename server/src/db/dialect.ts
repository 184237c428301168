import {
  sql,
  type CompiledQuery,
  type Expression,
  type Kysely,
  type QueryResult,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './schema.ts';
import type { Tx } from '../context.ts';
import type { Engine } from './index.ts';

/**
 * The only place that knows which engine runs. Everything else asks these helpers, so the same
 * repositories and services run on SQLite and PostgreSQL.
 */

/** Row lock inside a transaction. SQLite serialises writers itself, so there it is a no-op. */
export function forUpdate<DB, TB extends keyof DB, O>(
  engine: Engine,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return engine === 'postgres' ? query.forUpdate() : query;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Escape LIKE wildcards in user input; pair with `escape '\'`. */
export function likeContains(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** A LIKE pattern for text starting with the term, wildcards in it escaped. */
export function likeStartsWith(term: string): string {
  return `${escapeLike(term)}%`;
}

/** `column LIKE pattern ESCAPE '\'` — identical semantics on both engines for lowercase ASCII text. */
export function like(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** The shortest term a trigram index can find: shorter ones are looked for by reading the names. */
const TRIGRAM = 3;
/** Up to this many bearers in the whole database, a name search is answered from the full-text index. */
const FEW_BEARERS = 1000;

/**
 * How a person's folded name (`p.search_text`) is tested for the folded term, decided once for a
 * list request (its page and its count share it). On PostgreSQL `like '%term%'`, which its trigram
 * index answers (0001). On SQLite `like` walks the name order until the page is full: quick when
 * many bear the name, since they come early, but a name few bear (or none) read every name. So
 * SQLite first asks its FTS5 trigram index (`people_search`, 0027) — a quoted phrase there is the
 * same substring — for up to FEW_BEARERS + 1 matches, which it finds in a few milliseconds either
 * way: when there are no more than FEW_BEARERS, those ids are the matches; beyond, the walk is quick.
 */
export async function nameSearch(tx: Tx, term: string): Promise<RawBuilder<boolean>> {
  const walk = like('p.search_text', likeContains(term));
  if (tx.engine === 'postgres' || [...term].length < TRIGRAM) return walk;
  const phrase = `"${term.replace(/"/g, '""')}"`;
  const found = await sql<{ id: number }>`select rowid as id from people_search
    where people_search match ${phrase} limit ${FEW_BEARERS + 1}`.execute(tx.q);
  if (found.rows.length > FEW_BEARERS) return walk;
  const ids = JSON.stringify(found.rows.map((r) => r.id));
  return sql<boolean>`${sql.ref('p.id')} in (select value from json_each(${ids}))`;
}

/** Rows from which a SQLite insert sets its row triggers aside (withTriggersAside). */
const BULK_ROWS = 200;

/**
 * Runs `insert`, a bulk insert into `table`, with the table's row triggers named set aside on SQLite,
 * and `instead` after it: what those triggers would have done row by row, done for all the rows at
 * once. The triggers are dropped in the transaction and made again after `insert` from their own
 * text, as they were. A row trigger, even one that does nothing, makes SQLite keep a statement
 * journal for every INSERT it fires on, spilled to a temporary file past 64 KiB: measured on 97,000
 * people inserted row by row, 5.7 s with the name index's trigger and 3.7 s with that trigger doing
 * nothing, against 1.8 s without it. Other connections never see the triggers gone (SQLite has one
 * writer; readers see what is committed), and if `insert` fails, so does the transaction, which puts
 * them back. On PostgreSQL (whose triggers here run once a statement) `insert` alone.
 */
export async function withTriggersAside<T>(
  tx: Tx,
  table: string,
  triggers: readonly string[],
  /** Rows about to be inserted: below BULK_ROWS the triggers stay (a schema change makes SQLite prepare every kept statement again). */
  count: number,
  insert: () => Promise<T>,
  instead: (inserted: T) => Promise<void>,
): Promise<T> {
  if (tx.engine !== 'sqlite' || !tx.q.isTransaction || count < BULK_ROWS) return insert();
  const { rows } = await sql<{ name: string; text: string }>`select name, sql as text from sqlite_master
    where type = 'trigger' and tbl_name = ${table} and name in (${sql.join(triggers)})`.execute(tx.q);
  if (rows.length !== triggers.length) throw new Error(`${table}: triggers ${triggers.join(', ')} not all found`);
  for (const t of rows) await sql`drop trigger ${sql.id(t.name)}`.execute(tx.q);
  const inserted = await insert();
  for (const t of rows) await sql.raw(t.text).execute(tx.q);
  await instead(inserted);
  return inserted;
}

/**
 * Runs `insert` (a bulk insert of people, returning their ids) with SQLite's name index (0027)
 * filled after it in one statement instead of row by row by its trigger: 97,000 names in 0.3 s.
 */
export function indexNamesAfter(tx: Tx, count: number, insert: () => Promise<number[]>): Promise<number[]> {
  return withTriggersAside(tx, 'people', ['people_search_insert'], count, insert, async (ids) => {
    // New rows' ids are above every id there was (SQLite's rowid): the range holds theirs alone.
    const first = ids.reduce((a, b) => Math.min(a, b));
    const last = ids.reduce((a, b) => Math.max(a, b));
    await sql`insert into people_search (rowid, search_text)
      select id, search_text from people where id between ${first} and ${last}`.execute(tx.q);
  });
}

/**
 * Runs `insert` (a bulk insert of positions, returning their ids) with SQLite's figure counter
 * (0015: one bump of the positions' domain per row) bumped once by the rows' number after it.
 */
export function countPositionsAfter(tx: Tx, count: number, insert: () => Promise<number[]>): Promise<number[]> {
  return withTriggersAside(tx, 'positions', ['positions_figures_insert'], count, insert, async (ids) => {
    await sql`insert into figure_changes (domain, year, weight) values ('positions', 0, ${ids.length})
      on conflict (domain, year) do update set weight = weight + excluded.weight`.execute(tx.q);
  });
}

/**
 * `column` equal to one of `values`. On PostgreSQL the values go as one array, unnested: listed in
 * the query (`in ($1, $2, …)`), a thousand folded names that were not on record made the planner
 * probe the people's trigram index (0001) for each of them — measured on 5,000 people after
 * ANALYZE, 4.3 s a thousand names, an import's preview over a minute — where the name index
 * (people_name_birth, 0024) answers in milliseconds, which it then takes, at 5,000 people as at
 * 500,000. SQLite: the list as it is.
 */
export function oneOf(engine: Engine, column: string, values: readonly string[]): RawBuilder<boolean> {
  return engine === 'postgres'
    ? sql<boolean>`${sql.ref(column)} in (select unnest(cast(${values} as text[])))`
    : sql<boolean>`${sql.ref(column)} in (${sql.join(values)})`;
}

/**
 * The whole number under `key` of a JSON object kept as text (an audit row's before / after), null
 * when absent: `json_extract` on SQLite, `->>` on PostgreSQL.
 */
export function jsonInteger(engine: Engine, column: string, key: string): RawBuilder<number | null> {
  return engine === 'postgres'
    ? sql<number | null>`cast(${sql.ref(column)}::json ->> ${key} as integer)`
    : sql<number | null>`cast(json_extract(${sql.ref(column)}, ${`$.${key}`}) as integer)`;
}

/** A condition as a 0/1 column: PostgreSQL would return a boolean where SQLite returns an integer. */
export function flag(condition: Expression<SqlBool> | RawBuilder<boolean>): RawBuilder<number> {
  return sql<number>`case when ${condition} then 1 else 0 end`;
}

/**
 * A sort key putting the rows where `column` is null after the others when ascending (before them
 * when descending), as PostgreSQL does: SQLite sorts nulls first, so a list ordered by a nullable
 * column alone would come out differently on the two engines. Place it before the column itself.
 */
export function nullsLast(column: string): RawBuilder<number> {
  return sql<number>`case when ${sql.ref(column)} is null then 1 else 0 end`;
}

/** The application clock as ISO text, so both engines store and compare timestamps the same way. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Ask the engine to refresh planner statistics after bulk loads. */
export async function analyze(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * Folds the figure change rows together, keeping each (domain, year)'s sum (see migration 0015).
 * PostgreSQL's triggers append a row per statement; one statement deletes the rows it sees and puts
 * back their sums (rows of transactions not yet committed are not seen, so they stay, and a second
 * fold running at once puts back only what it deleted itself). SQLite keeps one row per (domain,
 * year) already.
 */
export async function compactFigureChanges(tx: Tx): Promise<void> {
  if (tx.engine !== 'postgres') return;
  await sql`with gone as (delete from figure_changes returning domain, year, weight)
    insert into figure_changes (domain, year, weight)
    select domain, year, sum(weight) from gone group by domain, year`.execute(tx.q);
}

/** Memory a counting query may hash in (PostgreSQL's work_mem; its default is 4 MB). */
const COUNTING_MEMORY = '256MB';

/**
 * Runs one of the counting engine's queries. PostgreSQL's default 4 MB of work memory makes a
 * national count of distinct people (a million of them) spill its hash to disk: measured on 7 M
 * enrolments, over 3 minutes against 24 s with room for the hash. So the query runs in a
 * transaction of its own (or the caller's) with `work_mem` raised for it alone. SQLite sizes its
 * own temporary storage.
 */
export async function executeCounting<R>(tx: Tx, query: CompiledQuery): Promise<QueryResult<R>> {
  if (tx.engine !== 'postgres') return tx.q.executeQuery<R>(query);
  const run = async (t: Transaction<Database>) => {
    await sql`set local work_mem = ${sql.lit(COUNTING_MEMORY)}`.execute(t);
    return t.executeQuery<R>(query);
  };
  return tx.q.isTransaction ? run(tx.q as Transaction<Database>) : tx.q.transaction().execute(run);
}

/**
 * Serialises the refreshes of the training tallies and the dated closure (figures/tallies.refresh.ts)
 * until the transaction ends: two PostgreSQL transactions rebuilding at once would both insert. SQLite
 * has one writer at a time.
 */
export async function lockTallies(tx: Tx): Promise<void> {
  if (tx.engine === 'postgres') await sql`select pg_advisory_xact_lock(2310)`.execute(tx.q);
}

/**
 * The pool's clients by their server process id. Kysely keeps a transaction's pg client to itself;
 * COPY needs it, and `pg_backend_pid()` asked inside the transaction names it.
 */
const copyClients = new Map<number, pg.PoolClient>();

/** Lets `copyBatches` find the clients of this pool (db/index.ts calls it for every PostgreSQL pool). */
export function trackCopyClients(pool: pg.Pool): void {
  const pid = (client: pg.PoolClient) => (client as pg.PoolClient & { processID: number | null }).processID;
  pool.on('connect', (client) => {
    const id = pid(client);
    if (id !== null) copyClients.set(id, client);
  });
  pool.on('remove', (client) => {
    const id = pid(client);
    if (id !== null && copyClients.get(id) === client) copyClients.delete(id);
  });
}

/** Rows below this go as one INSERT: COPY costs three round trips (ids, the client, the copy). */
const COPY_MIN_ROWS = 200;

/** A value as COPY's text format writes it (what pg sends as a text parameter); undefined if not plain. */
function copyText(v: unknown): string | undefined {
  if (v === null) return '\\N';
  if (typeof v === 'string') return /[\\\n\r\t]/.test(v) ? v.replace(/[\\\n\r\t]/g, copyEscape) : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const copyEscape = (c: string) => COPY_ESCAPES[c]!;

/** Whether COPY's text format carries every one of `values` (text, numbers, booleans, null). */
export function copyable(values: readonly unknown[]): boolean {
  return values.every((v) => copyText(v) !== undefined);
}

/**
 * Inserts rows with COPY on PostgreSQL, in the transaction, and returns their new ids in order:
 * `batches` yields them a batch at a time, `count` in all, each setting `columns` to text, numbers,
 * booleans or null (anything else is refused: the rows before it are already sent; `copyable`
 * tells beforehand). One COPY for all of them, so PostgreSQL inserts a batch while the next is
 * made, instead of the two taking turns. Measured on an import of 97,000 people, 58,000 positions
 * and 157,000 audit rows: multi-row INSERTs of 30,000 parameters spent most of the server's time
 * binding and planning them. The ids are taken from the table's sequence first (ascending, in the
 * rows' order), as the column's default would. Null where COPY does not apply (SQLite, fewer than
 * COPY_MIN_ROWS, outside a transaction), before anything is read from `batches`.
 */
export async function copyBatches(
  tx: Tx,
  table: string,
  columns: readonly string[],
  count: number,
  batches: AsyncIterable<readonly Record<string, unknown>[]> | Iterable<readonly Record<string, unknown>[]>,
): Promise<number[] | null> {
  if (tx.engine !== 'postgres' || count < COPY_MIN_ROWS || !tx.q.isTransaction) return null;
  const client = await copyClient(tx);
  if (!client) return null;
  const ids = await takeIds(tx, table, count);
  await copyIn(client, table, columns, batchLines(table, ids, columns, batches));
  return ids;
}

/** The transaction's own pg client, if the pool is tracked. */
async function copyClient(tx: Tx): Promise<pg.PoolClient | null> {
  const { rows: pids } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx.q);
  return copyClients.get(pids[0]!.pid) ?? null;
}

/**
 * `count` ids from the table's sequence, ascending: the rows' ids in their order. The sequence is
 * named once: looked up for every row, 157,000 ids took 0.6 s instead of 0.08 s.
 */
async function takeIds(tx: Tx, table: string, count: number): Promise<number[]> {
  const { rows: taken } = await sql<{
    id: number;
  }>`with s as materialized (select pg_get_serial_sequence(${`"${table}"`}, 'id')::regclass as seq)
    select nextval(s.seq)::int as id from s, generate_series(1, ${count})`.execute(tx.q);
  return taken.map((r) => r.id).sort((a, b) => a - b);
}

async function copyIn(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  lines: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<void> {
  const names = ['id', ...columns].map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`copy "${table}" (${names}) from stdin`));
  await pipeline(Readable.from(lines, { objectMode: false }), stream);
}

/** Bytes a piece of COPY data made batch by batch holds at least. */
const PIECE_BYTES = 65_536;

/**
 * The COPY data of rows made batch by batch, each value encoded straight into the piece: no string
 * per line or piece to collect (at 300,000 rows those were most of the write's garbage). Pieces end
 * anywhere in a row: COPY reads one stream, whatever the messages' bounds.
 */
async function* batchLines(
  table: string,
  ids: number[],
  columns: readonly string[],
  batches: AsyncIterable<readonly Record<string, unknown>[]> | Iterable<readonly Record<string, unknown>[]>,
): AsyncGenerator<Buffer> {
  const full: Buffer[] = [];
  let piece = Buffer.allocUnsafe(PIECE_BYTES);
  let at = 0;
  /** `text` after the byte `before` (a tab, or a newline ending the row before); UTF-8 takes at most 3 bytes a UTF-16 unit. */
  const put = (before: number, text: string) => {
    if (at + 1 + 3 * text.length > piece.length) {
      if (at) full.push(piece.subarray(0, at));
      piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, 1 + 3 * text.length));
      at = 0;
    }
    if (before) piece[at++] = before;
    at += piece.write(text, at);
  };
  const TAB = 9;
  const NEWLINE = 10;
  let r = 0;
  for await (const batch of batches) {
    if (r + batch.length > ids.length) throw new Error(`copy ${table}: more rows than the ${ids.length} announced`);
    for (const row of batch) {
      put(r ? NEWLINE : 0, String(ids[r++]));
      for (const c of columns) {
        const text = copyText(row[c]);
        if (text === undefined) throw new Error(`copy ${table}: ${c} is not text, a number or a boolean`);
        put(TAB, text);
      }
      while (full.length) yield full.shift()!;
    }
  }
  if (r !== ids.length) throw new Error(`copy ${table}: ${r} rows for the ${ids.length} announced`);
  if (r) put(NEWLINE, '');
  if (at) yield piece.subarray(0, at);
}
