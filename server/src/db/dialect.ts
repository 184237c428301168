import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
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

/** Escape LIKE wildcards in user input; pair with `escape '\'`. */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE pattern ESCAPE '\'` — identical semantics on both engines for lowercase ASCII text. */
export function like(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** A condition as a 0/1 column: PostgreSQL would return a boolean where SQLite returns an integer. */
export function flag(condition: Expression<SqlBool> | RawBuilder<boolean>): RawBuilder<number> {
  return sql<number>`case when ${condition} then 1 else 0 end`;
}

/** The application clock as ISO text, so both engines store and compare timestamps the same way. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Ask the engine to refresh planner statistics after bulk loads. */
export async function analyze(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await sql`analyze`.execute(db);
}
