import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';
import type { Organisation, UnitKind, UnitStatus, UnitTreeNode } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import { flag } from '../../db/dialect.ts';
import { offsetOf } from '../../lib/paging.ts';

/**
 * The tree a level at a time. Today's tree follows `units.parent_id`; the tree "as of" a date
 * follows the parent edges and shows the names valid on that date. Either way a node is listed only if the actor may
 * read it today, and the top of what the actor sees are the readable units whose parent is not.
 */

export interface TreeQuery {
  parentId?: number;
  asOf?: string;
  includeEnded: boolean;
  page: number;
  pageSize: number;
}

interface NodeRow {
  id: number;
  parent_id: number | null;
  code: string;
  name: string;
  kind: UnitKind;
  organisation: Organisation;
  status: UnitStatus;
  valid_from: string;
  valid_to: string | null;
  has_children: number;
}

/**
 * The status on the date: the last interim/activate event up to then says it; before the first
 * such event the unit was the opposite of what that event made it; with none, it is today's
 * status — except that a unit ended later was still working then.
 */
export function statusOn(r: {
  status: UnitStatus;
  last_change?: string | null;
  next_change?: string | null;
}): UnitStatus {
  const change = r.last_change ?? null;
  if (change === 'interim') return 'interim';
  if (change === 'activate') return 'active';
  if (r.next_change === 'activate') return 'interim';
  if (r.next_change === 'interim') return 'active';
  return r.status === 'dissolved' ? 'active' : r.status;
}

/**
 * The interim/activate events around `d` that `statusOn` reads the unit's status on that date from:
 * the last up to it and the first after it. Selections for a query over `units as u`.
 */
export function statusChanges(d: string) {
  const change = (when: 'last' | 'next') =>
    sql<string | null>`(select e.kind from unit_events e
      where e.unit_id = u.id and e.kind in ('interim', 'activate')
        and ${when === 'last' ? sql`e.event_date <= ${d}` : sql`e.event_date > ${d}`}
      order by ${when === 'last' ? sql`e.event_date desc, e.id desc` : sql`e.event_date, e.id`}
      limit 1)`;
  return [change('last').as('last_change'), change('next').as('next_change')] as const;
}

function toNode(
  r: NodeRow & { last_change?: string | null; next_change?: string | null },
  asOf: string | undefined,
): UnitTreeNode {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    organisation: r.organisation,
    status: asOf === undefined ? r.status : statusOn(r),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    hasChildren: r.has_children === 1,
  };
}

/** The node's own columns but its name; the parent comes from today's tree or from the dated edge. */
const NODE_COLUMNS = ['u.id', 'u.code', 'u.kind', 'u.organisation', 'u.status', 'u.valid_from', 'u.valid_to'] as const;

/**
 * The level asked for: the children of `parentId`, or, without one, the top of what the actor
 * sees — units with no parent or whose parent the actor may not read.
 */
function level<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  parentColumn: StringReference<DB, TB>,
  parentId: number | undefined,
): Expression<SqlBool> {
  const parent = eb.ref(parentColumn);
  if (parentId !== undefined) return sql<SqlBool>`${parent} = ${parentId}`;
  return sql<SqlBool>`(${parent} is null or not (${inScope(eb, actor, 'unit.read', parentColumn)}))`;
}

export async function treeToday(tx: Tx, actor: Actor, q: TreeQuery) {
  const ended = (column: string): Expression<SqlBool> =>
    q.includeEnded ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.ref(column)} <> 'dissolved'`;
  const base = tx.q
    .selectFrom('units as u')
    .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
    .where(ended('u.status'))
    .where((eb) => level(eb, actor, 'u.parent_id', q.parentId));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(NODE_COLUMNS)
    .select([
      'u.name',
      'u.parent_id',
      (eb) =>
        flag(
          eb.exists(
            eb
              .selectFrom('units as c')
              .select('c.id')
              .whereRef('c.parent_id', '=', 'u.id')
              .where(ended('c.status'))
              .where((eb) => inScope(eb, actor, 'unit.read', 'c.id')),
          ),
        ).as('has_children'),
    ])
    .orderBy('u.sort_key')
    .orderBy('u.id')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return { items: rows.map((r) => toNode(r, undefined)), total: Number(total.n) };
}

/** `alias` (a unit and its edge) was in place on `date`: valid_from <= date < valid_to. */
function validOn(unit: string, edge: string, date: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${unit}.valid_from`)} <= ${date}
    and (${sql.ref(`${unit}.valid_to`)} is null or ${sql.ref(`${unit}.valid_to`)} > ${date})
    and ${sql.ref(`${edge}.valid_from`)} <= ${date}
    and (${sql.ref(`${edge}.valid_to`)} is null or ${sql.ref(`${edge}.valid_to`)} > ${date})`;
}

export async function treeAsOf(tx: Tx, actor: Actor, q: TreeQuery & { asOf: string }) {
  const d = q.asOf;
  const base = tx.q
    .selectFrom('unit_tree_history as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    // The name the unit had on the date; a unit written without dated names shows today's.
    .leftJoin('unit_names as n', (join) =>
      join
        .onRef('n.unit_id', '=', 'u.id')
        .on('n.valid_from', '<=', d)
        .on((eb) => eb.or([eb('n.valid_to', 'is', null), eb('n.valid_to', '>', d)])),
    )
    .where(validOn('u', 'h', d))
    .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
    .where((eb) => level(eb, actor, 'h.parent_id', q.parentId));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(NODE_COLUMNS)
    .select([
      sql<string>`coalesce(n.name, u.name)`.as('name'),
      'h.parent_id',
      (eb) =>
        flag(
          eb.exists(
            eb
              .selectFrom('unit_tree_history as ch')
              .innerJoin('units as c', 'c.id', 'ch.unit_id')
              .select('c.id')
              .whereRef('ch.parent_id', '=', 'u.id')
              .where(validOn('c', 'ch', d))
              .where((eb) => inScope(eb, actor, 'unit.read', 'c.id')),
          ),
        ).as('has_children'),
      ...statusChanges(d),
    ])
    .orderBy(sql`coalesce(n.sort_key, u.sort_key)`)
    .orderBy('u.id')
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return { items: rows.map((r) => toNode(r, d)), total: Number(total.n) };
}
