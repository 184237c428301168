import { sql, type SqlBool } from 'kysely';
import { classLevels, levelOfUnitKind, unitKinds, type UnitKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { flag, like, likeContains } from '../../db/dialect.ts';

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
  /** The unit above the cadre's, or theirs when it is a top unit. */
  rootId: number;
  /** The kinds of unit at a lower level than the cadre's. */
  lowerKinds: UnitKind[];
  /** The actor is the cadre: the choice is not narrowed to the actor's grants. */
  ownRecord: boolean;
}

const rank = (kind: UnitKind) => classLevels.indexOf(levelOfUnitKind[kind]);

export async function hostBasis(
  tx: Tx,
  actor: Actor,
  person: { id: number; unit_id: number; unit_kind: UnitKind },
): Promise<HostBasis> {
  const row = await tx.q.selectFrom('units').select('parent_id').where('id', '=', person.unit_id).executeTakeFirst();
  return {
    rootId: row?.parent_id ?? person.unit_id,
    lowerKinds: unitKinds.filter((k) => rank(k) > rank(person.unit_kind)),
    ownRecord: actor.personId === person.id,
  };
}

/** Units the actor may name, each with its closure row under the root (none when outside its subtree). */
function nameableUnits(tx: Tx, actor: Actor, b: HostBasis) {
  return tx.q
    .selectFrom('units as u')
    .leftJoin('unit_closure as c', (j) => j.onRef('c.descendant_id', '=', 'u.id').on('c.ancestor_id', '=', b.rootId))
    .where((eb) => (b.ownRecord ? sql<SqlBool>`1 = 1` : inScope(eb, actor, 'unit.read', 'u.id')));
}

// Over the aliases of nameableUnits: `u` the unit, `c` its closure row under the root (none outside).
const inBeing = sql<SqlBool>`${sql.ref('u.valid_to')} is null and ${sql.ref('u.status')} <> 'dissolved'`;
const below = (b: HostBasis) =>
  b.lowerKinds.length
    ? sql<SqlBool>`${sql.ref('c.ancestor_id')} is not null and ${sql.ref('u.kind')} in (${sql.join(b.lowerKinds)})`
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
    .where(inBeing)
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
    .select(['u.name', 'r.name as root_name', flag(inBeing).as('in_being'), flag(below(b)).as('below')])
    .executeTakeFirst();
}
