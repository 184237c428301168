import { CompiledQuery, type Insertable } from 'kysely';
import type { Tx } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { copyBatches, copyable } from '../db/dialect.ts';

/** Tables keyed by a generated `id`. */
export type IdTable = {
  [K in keyof Database]: Database[K] extends { id: unknown } ? K : never;
}[keyof Database];

/**
 * Bound parameters per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535), with room.
 * Fewer, larger statements are what make a bulk write fast (an import of 100,000 rows, a nomination).
 */
const PARAMETERS = 30_000;

/** Statement texts by engine, table, columns and row count: a bulk write has two shapes a table. */
const texts = new Map<string, string>();

/**
 * The multi-row INSERT for `rows` rows of `columns`, written once per shape and reused: building it
 * through Kysely's query builder made a node per value and compiled 30,000 of them every statement,
 * a third of what writing 100,000 people cost in JavaScript and most of its garbage.
 */
function insertText(tx: Tx, table: string, columns: string[], rows: number): string {
  const key = `${tx.engine}|${table}|${columns.join(',')}|${rows}`;
  let text = texts.get(key);
  if (text === undefined) {
    const tuples: string[] = [];
    let n = 0;
    for (let r = 0; r < rows; r++) {
      const marks = columns.map(() => (tx.engine === 'postgres' ? `$${++n}` : '?'));
      tuples.push(`(${marks.join(', ')})`);
    }
    const names = columns.map((c) => `"${c}"`).join(', ');
    text = `insert into "${table}" (${names}) values ${tuples.join(', ')} returning "id"`;
    if (texts.size >= 16) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/**
 * Whether a row sets exactly `columns`, each to a value: an absent value is the column's default,
 * which only the query builder writes (DEFAULT).
 */
const setsExactly = (row: Record<string, unknown>, columns: readonly string[]) =>
  Object.keys(row).length === columns.length && columns.every((c) => row[c] !== undefined);

/** The rows' values in the columns' order, when every row sets exactly those columns; else null. */
function flatValues(rows: readonly Record<string, unknown>[], columns: string[]): unknown[] | null {
  if (!rows.every((row) => setsExactly(row, columns))) return null;
  const values: unknown[] = [];
  for (const row of rows) for (const c of columns) values.push(row[c]);
  return values;
}

/**
 * Rows inserted on SQLite's own connection, in the transaction, one run of a prepared statement
 * each; their ids in order. A multi-row INSERT keeps a statement journal (undoing a statement that
 * fails halfway) and its rows' values in one array: measured on 97,000 people, 100 rows a statement
 * took 4.0 s where one row a statement took 1.8 s. Null when it does not apply (PostgreSQL, outside
 * a transaction, rows that do not all set the same columns).
 */
function insertRowByRow(tx: Tx, table: string, rows: readonly Record<string, unknown>[]): number[] | null {
  if (!tx.sqlite || !rows.length) return null;
  const names = Object.keys(rows[0]!);
  if (!rows.every((row) => setsExactly(row, names))) return null;
  const columns = names.map((c) => `"${c}"`).join(', ');
  const statement = tx.sqlite.prepare(
    `insert into "${table}" (${columns}) values (${names.map(() => '?').join(', ')})`,
  );
  const values: unknown[] = new Array(names.length);
  const ids = new Array<number>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < names.length; c++) values[c] = row[names[c]!];
    ids[r] = Number(statement.run(values).lastInsertRowid);
  }
  return ids;
}

/**
 * Rows inserted in multi-row statements, as many a statement as the parameter bound allows (on
 * PostgreSQL a bulk of plain rows by COPY, on SQLite in a transaction row by row: see above); returns
 * their new ids in the order the rows were given. Neither engine promises the order of RETURNING,
 * but both number the rows of one statement in the order of its VALUES (SQLite's rowid, PostgreSQL's
 * sequence, called row by row; other sessions can only take numbers between statements, never
 * reorder ours), so the ids sorted ascending are the rows' ids in order.
 */
export async function insertMany<T extends IdTable>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number[]> {
  if (!rows.length) return [];
  const byRow = insertRowByRow(tx, table, rows);
  if (byRow) return byRow;
  const names = Object.keys(rows[0]!);
  // PostgreSQL loads a bulk of plain rows with COPY, in the transaction (see copyBatches).
  if (tx.engine === 'postgres') {
    const values = flatValues(rows, names);
    const copied = values && copyable(values) && (await copyBatches(tx, table, names, rows.length, [rows]));
    if (copied) return copied;
  }
  const size = Math.max(1, Math.floor(PARAMETERS / names.length));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    const values = flatValues(part, names);
    // The generic table is checked by the signature; kysely cannot follow it through a type parameter.
    const returned = values
      ? (await tx.q.executeQuery<{ id: number }>(CompiledQuery.raw(insertText(tx, table, names, part.length), values)))
          .rows
      : await tx.q
          .insertInto(table as 'people')
          .values(part as never)
          .returning('id')
          .execute();
    if (returned.length !== part.length)
      throw new Error(`insertMany ${table}: ${returned.length} ids for ${part.length} rows`);
    ids.push(...returned.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

/**
 * Rows inserted as they are made: `batches` yields them a batch at a time, `count` in all, each
 * setting exactly `columns`; returns their new ids in order. On PostgreSQL one COPY takes them all
 * (copyBatches: the database inserts a batch while the next is made); elsewhere each batch is
 * inserted as insertMany does (on SQLite in a transaction, row by row). For a write too large to
 * hold its rows at once (an import's 100,000 people and their audit rows): only a batch is in memory.
 */
export async function insertBatches<T extends IdTable>(
  tx: Tx,
  table: T,
  columns: readonly (keyof Insertable<Database[T]> & string)[],
  count: number,
  batches: AsyncIterable<readonly Insertable<Database[T]>[]>,
): Promise<number[]> {
  const copied = await copyBatches(tx, table, columns, count, batches);
  if (copied) return copied;
  const ids: number[] = [];
  for await (const batch of batches) ids.push(...(await insertMany(tx, table, batch)));
  if (ids.length !== count) throw new Error(`insertBatches ${table}: ${ids.length} rows for the ${count} announced`);
  return ids;
}
