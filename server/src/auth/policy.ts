import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
  type StringReference,
} from 'kysely';
import type { Permission, Role } from '@canbo/contract';
import type { Tx } from '../context.ts';
import type { Actor } from './actor.ts';

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** The least role that carries each permission on a unit and its subtree. */
const NEEDS: Record<Permission, Role> = {
  'unit.read': 'viewer',
  'person.read': 'viewer',
  'audit.read': 'viewer',
  'unit.write': 'editor',
  'person.write': 'editor',
  // Decree 13/2023: national ID numbers only for those who keep the records.
  'person.nationalId': 'editor',
  'user.manage': 'admin',
  // Classes are seen by viewers of the organiser unit; the organiser's editors run them, and the
  // editors of a unit with seats nominate its cadres.
  'training.read': 'viewer',
  'training.manage': 'editor',
  'training.nominate': 'editor',
  // The catalogue is shared by the whole tree: asked of an admin grant on a top unit (see catalog).
  'catalog.manage': 'admin',
};

/** Units whose subtrees carry `permission` for this actor (the grant roots). */
export function grantRoots(actor: Actor, permission: Permission): number[] {
  const need = RANK[NEEDS[permission]];
  return actor.grants.filter((g) => RANK[g.role] >= need).map((g) => g.unitId);
}

/**
 * SQL condition: the unit id in `column` lies in a subtree where the actor has `permission`.
 * Put it in the `where` of every query, so rows outside the actor's units are never read:
 * `.where((eb) => inScope(eb, actor, 'person.read', 'p.unit_id'))`. The column is a Kysely
 * reference checked against the tables of the query `eb` belongs to, so a misspelt column, or one
 * of a table the query does not read, fails to compile.
 */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  permission: Permission,
  column: StringReference<DB, TB>,
  lookup: ScopeLookup = 'subtree',
): RawBuilder<SqlBool> {
  return unitInScope(actor, permission, eb.ref(column), lookup);
}

/**
 * How a scope condition finds the units: 'subtree' lists every unit of the grants' subtrees, for a
 * filter that reads a subtree's rows; 'row' looks the row's unit up in the closure by its key, for a
 * handful of rows already chosen — a page's flags (may edit, sees the national ID), the rows of a
 * page's ids. The same answer; SQLite builds the list anew for each condition of each query, and
 * three flags asked by list made up a quarter of a people page's query.
 */
export type ScopeLookup = 'subtree' | 'row';

/**
 * inScope for a unit id already written as an expression: for helpers that take a typed table
 * alias (`AliasOf` in db/aliases.ts) and name its column with `columnOf`. Everything else uses inScope.
 */
export function unitInScope(
  actor: Actor,
  permission: Permission,
  unitId: Expression<unknown>,
  lookup: ScopeLookup = 'subtree',
): RawBuilder<SqlBool> {
  if (actor.isSuperadmin) return sql<SqlBool>`1 = 1`;
  const roots = grantRoots(actor, permission);
  if (!roots.length) return sql<SqlBool>`1 = 0`;
  if (lookup === 'row') {
    return sql<SqlBool>`exists (select 1 from unit_closure where descendant_id = ${unitId} and ancestor_id in (${sql.join(roots)}))`;
  }
  return sql<SqlBool>`${unitId} in (select descendant_id from unit_closure where ancestor_id in (${sql.join(roots)}))`;
}

/** Does the actor have `permission` on this unit? Asked of the database, like every scope. */
export async function can(tx: Tx, actor: Actor, permission: Permission, unitId: number): Promise<boolean> {
  if (actor.isSuperadmin) return true;
  const roots = grantRoots(actor, permission);
  if (!roots.length) return false;
  const row = await tx.q
    .selectFrom('unit_closure')
    .select('descendant_id')
    .where('descendant_id', '=', unitId)
    .where('ancestor_id', 'in', roots)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Does one of the actor's grants carry `permission` over every one of these units at once? A
 * decision that concerns several units (a merge, a move between parents) belongs to a common
 * superior, so two separate grants on two of them are not enough.
 */
export async function canOverAll(tx: Tx, actor: Actor, permission: Permission, unitIds: number[]): Promise<boolean> {
  if (actor.isSuperadmin) return true;
  const ids = [...new Set(unitIds)];
  const roots = grantRoots(actor, permission);
  if (!roots.length || !ids.length) return false;
  const row = await tx.q
    .selectFrom('unit_closure')
    .select('ancestor_id')
    .where('ancestor_id', 'in', roots)
    .where('descendant_id', 'in', ids)
    .groupBy('ancestor_id')
    .having((eb) => eb.fn.count('descendant_id'), '=', ids.length)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** SQL condition: person.write on the unit in `column`, or the person id in `personColumn` is the actor's own. */
export function writableOwnRecord<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  column: StringReference<DB, TB>,
  personColumn: StringReference<DB, TB>,
): RawBuilder<SqlBool> {
  const scope = inScope(eb, actor, 'person.write', column);
  if (actor.personId === null) return scope;
  return sql<SqlBool>`(${scope} or ${eb.ref(personColumn)} = ${actor.personId})`;
}
