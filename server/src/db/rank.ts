import { sql, type RawBuilder } from 'kysely';

/** A column's value as its place in `values` (0 = first): an order the list defines, not the alphabet. */
export function rankOf(column: string, values: readonly string[]): RawBuilder<number> {
  return sql<number>`case ${sql.ref(column)} ${sql.join(
    values.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i)}`),
    sql` `,
  )} end`;
}
