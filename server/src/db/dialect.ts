import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
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

export function likePrefix(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE pattern ESCAPE '\'` — identical semantics on both engines for lowercase ASCII text. */
export function like(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** Monotonic ISO timestamp from the application clock (stored as text on both engines). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Column type used for identity keys in migrations. */
export function idType(engine: Engine) {
  return engine === 'postgres' ? ('serial' as const) : ('integer' as const);
}

/** Ask the engine to refresh planner statistics after bulk loads. */
export async function analyze(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await sql`analyze`.execute(db);
}
