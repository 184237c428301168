import type { Tx } from '../../context.ts';

export async function listEthnicities(tx: Tx) {
  const rows = await tx.q
    .selectFrom('ethnicities')
    .select(['code', 'name', 'minority'])
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, minority: r.minority === 1 }));
}
