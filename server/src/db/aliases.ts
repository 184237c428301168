import { sql, type RawBuilder } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The aliases under which table `T` appears in a query over `DB` with tables `TB` (Kysely's own
 * type parameters), and `never` when it does not. A helper that writes SQL about "the class `c`"
 * takes `c: AliasOf<DB, TB, 'training_classes'>`, so calling it on a query without that table, or
 * with a misspelt alias, fails to compile.
 */
export type AliasOf<DB, TB extends keyof DB, T extends keyof Database> = {
  [K in TB]: DB[K] extends Database[T] ? (Database[T] extends DB[K] ? K : never) : never;
}[TB] &
  string;

/**
 * `alias.column`, the column checked against table `T`; the alias itself is checked where the
 * helper that holds it is called (see AliasOf).
 */
export function columnOf<T extends keyof Database>(
  alias: string,
  column: keyof Database[T] & string,
): RawBuilder<unknown> {
  return sql.ref(`${alias}.${column}`);
}
