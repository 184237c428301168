import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

/**
 * A list endpoint's three reads over one query (what the actor may see, with the filter's
 * conditions in its where): how many rows it holds, one page of it, and — in keyset.ts — the
 * batches of its export. Each takes the same total order (sort keys ending in a unique one).
 */

/** The list's base query with each of the filter's conditions in its where. */
export function whereAll<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  conditions: readonly RawBuilder<boolean>[],
): SelectQueryBuilder<DB, TB, O> {
  let q = query;
  for (const c of conditions) q = q.where(c);
  return q;
}

/** How many rows the list holds (its select replaced by a count). */
export async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number((row as { n: number | string }).n);
}

/** One page of the list in the order of `keys`. */
export function pageRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: readonly RawBuilder<unknown>[],
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<O[]> {
  let q = query;
  for (const key of keys) q = q.orderBy(key, order);
  return q.limit(page.limit).offset(page.offset).execute();
}
