import { sql } from 'kysely';
import type { Tx } from '../../context.ts';

/**
 * The closure table over `units.parent_id`, kept in the caller's transaction. Scoping reads it on
 * every query, so it must never lag behind a change of parent.
 */

export async function addToClosure(tx: Tx, unitId: number, parentId: number | null): Promise<void> {
  await tx.q.insertInto('unit_closure').values({ ancestor_id: unitId, descendant_id: unitId, depth: 0 }).execute();
  if (parentId === null) return;
  await tx.q
    .insertInto('unit_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression(
      tx.q
        .selectFrom('unit_closure')
        .select([
          'ancestor_id',
          sql<number>`${sql.lit(unitId)}`.as('descendant_id'),
          sql<number>`depth + 1`.as('depth'),
        ])
        .where('descendant_id', '=', parentId),
    )
    .execute();
}

/**
 * Hang the unit's whole subtree under `newParentId`: drop every pair that links the subtree to
 * the unit's old ancestors, then add the cross product of the new parent's ancestors with the
 * subtree. The caller has already refused a new parent inside the subtree.
 */
export async function reparentInClosure(tx: Tx, unitId: number, newParentId: number | null): Promise<void> {
  await tx.q
    .deleteFrom('unit_closure')
    .where('descendant_id', 'in', (eb) =>
      eb.selectFrom('unit_closure as d').select('d.descendant_id').where('d.ancestor_id', '=', unitId),
    )
    .where('ancestor_id', 'in', (eb) =>
      eb
        .selectFrom('unit_closure as a')
        .select('a.ancestor_id')
        .where('a.descendant_id', '=', unitId)
        .where('a.ancestor_id', '<>', unitId),
    )
    .execute();
  if (newParentId === null) return;
  await tx.q
    .insertInto('unit_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression(
      tx.q
        .selectFrom('unit_closure as a')
        .innerJoin('unit_closure as d', (join) => join.onTrue())
        .select(['a.ancestor_id', 'd.descendant_id', sql<number>`a.depth + d.depth + 1`.as('depth')])
        .where('a.descendant_id', '=', newParentId)
        .where('d.ancestor_id', '=', unitId),
    )
    .execute();
}
