import { sql, type RawBuilder } from 'kysely';
import type { Title, UnitKind } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import { inScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { flag } from '../../../db/dialect.ts';
import { personVisible, type VisiblePersonId } from '../../people/access.ts';

/** A person as a nomination copies them: the unit keeping the record and its name today. */
export interface NomineeRow {
  id: VisiblePersonId;
  full_name: string;
  unit_id: number;
  unit_name: string;
  sort_key: string;
  /** 1 when the record is kept inside the quota unit's subtree, the only people it may send. */
  in_quota: number;
}

const inSubtree = (column: string, root: number) =>
  sql<boolean>`${sql.ref(column)} in (select descendant_id from unit_closure where ancestor_id = ${root})`;

function nominees(tx: Tx, actor: Actor, quotaUnitId: number) {
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .where((eb) => personVisible(eb, actor, 'p'))
    .select((eb) => [
      eb.ref('p.id').$castTo<VisiblePersonId>().as('id'),
      'p.full_name',
      'p.unit_id',
      'u.name as unit_name',
      'p.sort_key',
    ])
    .select(flag(inSubtree('p.unit_id', quotaUnitId)).as('in_quota'));
}

/** The listed people the actor can see (an unseen id is simply absent). */
export async function findNominees(
  tx: Tx,
  actor: Actor,
  personIds: number[],
  quotaUnitId: number,
): Promise<NomineeRow[]> {
  return nominees(tx, actor, quotaUnitId).where('p.id', 'in', personIds).execute();
}

export interface CandidateFilter {
  within: number;
  titles: Title[];
  unitKinds: UnitKind[];
}

/**
 * People who hold today one of the titles in a unit of one of the kinds (any kind when none is
 * given) inside `within`'s subtree, and whose records the quota unit keeps — in Vietnamese name
 * order, at most `limit` of them.
 */
export async function findCandidates(
  tx: Tx,
  actor: Actor,
  f: CandidateFilter,
  quotaUnitId: number,
  today: string,
  limit: number,
): Promise<NomineeRow[]> {
  const kinds: RawBuilder<boolean> = f.unitKinds.length
    ? sql<boolean>`tu.kind in (${sql.join(f.unitKinds)})`
    : sql<boolean>`1 = 1`;
  const holds = sql<boolean>`exists (select 1 from positions t inner join units tu on tu.id = t.unit_id
    where t.person_id = p.id and t.title in (${sql.join(f.titles)})
      and t.start_date <= ${today} and (t.end_date is null or t.end_date >= ${today})
      and ${inSubtree('t.unit_id', f.within)} and ${kinds})`;
  return nominees(tx, actor, quotaUnitId)
    .where(inSubtree('p.unit_id', quotaUnitId))
    .where(holds)
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** The unit a bulk filter starts from, if the actor can see it, and whether it lies in the quota's subtree. */
export async function findFilterUnit(tx: Tx, actor: Actor, unitId: number, quotaUnitId: number) {
  return tx.q
    .selectFrom('units as u')
    .select(['u.id', 'u.name'])
    .select(flag(inSubtree('u.id', quotaUnitId)).as('in_quota'))
    .where('u.id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
    .executeTakeFirst();
}

/** A unit's name, for messages about the quota it owns. */
export async function unitName(tx: Tx, unitId: number): Promise<string> {
  const row = await tx.q.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
  return row.name;
}
