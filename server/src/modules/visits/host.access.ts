import { sql, type SqlBool } from 'kysely';
import { classLevels, levelOfUnitKind, unitKinds, type UnitKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { flag, like, likeContains } from '../../db/dialect.ts';
import { todayIso } from '../../lib/dates.ts';
import { unitAt, unitNameOn } from '../moves/unitAt.repository.ts';

/**
 * Which units may host a cadre's grassroots visit (a registration's or a trip's host unit): the one
 * rule behind the units offered (`findHostUnits`) and the check of a unit sent (`findHostUnit`).
 *
 * A visit goes down to the grassroots: the host lies under the unit directly above the cadre's (their
 * own when it is a top unit) and at a lower level than the cadre's unit (the level its kind says, as
 * everywhere: depth varies, a district's Hội is district level) — not up, not sideways. It is in being
 * (not ended or dissolved). And the actor may name it: the cadre's own account chooses among all such
 * units (a province-wide choice); anyone else among those they see (unit.read in the SQL).
 */
export interface HostBasis {
  /** The unit above the cadre's, or theirs when it is a top unit (on `day`). */
  rootId: number;
  /** The kinds of unit at a lower level than the cadre's. */
  lowerKinds: UnitKind[];
  /** The actor is the cadre: the choice is not narrowed to the actor's grants. */
  ownRecord: boolean;
  /**
   * A past day the visit happened (a trip recorded afterwards, an imported one): the cadre's unit, the
   * tree and the units in being are those of that day — a commune merged in 2025 hosted 2019's trips.
   * Null: today, through the closure.
   */
  day: string | null;
  /** The cadre's unit on that day (the refusal names it). */
  unitName: string;
  unitKind: UnitKind;
}

const rank = (kind: UnitKind) => classLevels.indexOf(levelOfUnitKind[kind]);

/** The cadre's unit (today, or on a past `day`: moves and the dated tree) and the rule's basis from it. */
export async function hostBasis(
  tx: Tx,
  actor: Actor,
  person: { id: number; unit_id: number },
  day?: string,
): Promise<HostBasis> {
  const past = day !== undefined && day < todayIso() ? day : null;
  const unit = await tx.q
    .selectFrom('units as u')
    .select(['u.id', 'u.kind', 'u.name', 'u.parent_id'])
    .$if(past !== null, (q) =>
      q.select((eb) =>
        eb
          .selectFrom('unit_tree_history as h')
          .select('h.parent_id')
          .whereRef('h.unit_id', '=', 'u.id')
          .where(validEdge(past!))
          .orderBy('h.valid_from', 'desc')
          .limit(1)
          .as('parent_then'),
      ),
    )
    .where('u.id', '=', past === null ? person.unit_id : unitAt(person.id, past))
    .executeTakeFirstOrThrow();
  const parentId = past === null ? unit.parent_id : (unit.parent_then ?? null);
  return {
    rootId: parentId ?? unit.id,
    lowerKinds: unitKinds.filter((k) => rank(k) > rank(unit.kind)),
    ownRecord: actor.personId === person.id,
    day: past,
    unitName: past === null ? unit.name : await nameOn(tx, unit.id, past),
    unitKind: unit.kind,
  };
}

async function nameOn(tx: Tx, unitId: number, day: string): Promise<string> {
  const row = await tx.q.selectNoFrom(unitNameOn(unitId, day).as('name')).executeTakeFirstOrThrow();
  return row.name;
}

/** A tree edge (or a unit's life) that holds on the day. */
const validEdge = (day: string, alias = 'h') =>
  sql<SqlBool>`${sql.ref(`${alias}.valid_from`)} <= ${day}
    and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${day})`;

/**
 * Units the actor may name, each with `c`, its row in the subtree under the root (none outside):
 * today's closure, or on a past day the tree walked down its dated edges.
 */
function nameableUnits(tx: Tx, actor: Actor, b: HostBasis) {
  return tx.q
    .withRecursive('sub(descendant_id)', (db) =>
      b.day === null
        ? db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', b.rootId)
        : db
            .selectFrom('units as r')
            .select('r.id as descendant_id')
            .where('r.id', '=', b.rootId)
            .unionAll((db) =>
              db
                .selectFrom('unit_tree_history as h')
                .innerJoin('sub as s', 's.descendant_id', 'h.parent_id')
                .select('h.unit_id as descendant_id')
                .where(validEdge(b.day!)),
            ),
    )
    .selectFrom('units as u')
    .leftJoin('sub as c', 'c.descendant_id', 'u.id')
    .where((eb) => (b.ownRecord ? sql<SqlBool>`1 = 1` : inScope(eb, actor, 'unit.read', 'u.id')));
}

// Over the aliases of nameableUnits: `u` the unit, `c` its row in the subtree under the root (none outside).
const inBeing = (b: HostBasis) =>
  b.day === null
    ? sql<SqlBool>`${sql.ref('u.valid_to')} is null and ${sql.ref('u.status')} <> 'dissolved'`
    : validEdge(b.day, 'u');
const below = (b: HostBasis) =>
  b.lowerKinds.length
    ? sql<SqlBool>`${sql.ref('c.descendant_id')} is not null and ${sql.ref('u.kind')} in (${sql.join(b.lowerKinds)})`
    : sql<SqlBool>`1 = 0`;

/** The units that may host the visit, by name (folded search), in Vietnamese order. */
export async function findHostUnits(
  tx: Tx,
  actor: Actor,
  b: HostBasis,
  folded: string | null,
  page: { limit: number; offset: number },
) {
  const base = nameableUnits(tx, actor, b)
    .leftJoin('units as pu', 'pu.id', 'u.parent_id')
    .where(inBeing(b))
    .where(below(b))
    .$if(folded !== null, (q) => q.where(() => like('u.search_text', likeContains(folded!))));
  const [rows, count] = await Promise.all([
    base
      .select(['u.id', 'u.name', 'pu.name as parent_name'])
      .orderBy('u.sort_key')
      .orderBy('u.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * A unit sent as the host, if the actor may name it, with whether it is in being and below the
 * cadre's level under the root (whose name the refusal gives).
 */
export async function findHostUnit(tx: Tx, actor: Actor, b: HostBasis, unitId: number) {
  return nameableUnits(tx, actor, b)
    .innerJoin('units as r', (j) => j.on('r.id', '=', b.rootId))
    .where('u.id', '=', unitId)
    .select(['u.name', 'r.name as root_name', flag(inBeing(b)).as('in_being'), flag(below(b)).as('below')])
    .executeTakeFirst();
}
