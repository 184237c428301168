import { sql } from 'kysely';
import type { AuditRefKind } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import { classVisible, enrolmentVisible } from '../training/classes/class.access.ts';
import { personVisible } from '../people/access.ts';
import { manageable } from '../users/users.repository.ts';
import { schemeVisible } from '../schemes/schemes.repository.ts';

/**
 * The names of records the change log names by id, each read under the same visibility rule as the
 * record's own page: an id the reader may not open comes back without a name, so the log never
 * reveals a name its reader could not read elsewhere. One query per kind for a whole page of entries.
 */
export async function namesOf(tx: Tx, actor: Actor, kind: AuditRefKind, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await NAME_QUERIES[kind](tx, actor, ids);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

type NameRow = { id: number; name: string };

const NAME_QUERIES: Record<AuditRefKind, (tx: Tx, actor: Actor, ids: number[]) => Promise<NameRow[]>> = {
  unit: (tx, actor, ids) =>
    tx.q
      .selectFrom('units as u')
      .select(['u.id', 'u.name'])
      .where('u.id', 'in', ids)
      .where((eb) => inScope(eb, actor, 'unit.read', 'u.id'))
      .execute(),
  person: (tx, actor, ids) =>
    tx.q
      .selectFrom('people as p')
      .select(['p.id', 'p.full_name as name'])
      .where('p.id', 'in', ids)
      .where((eb) => personVisible(eb, actor, 'p'))
      .execute(),
  // A study's page is its cadre's: named by the cadre, seen by whoever sees the cadre.
  study: (tx, actor, ids) =>
    tx.q
      .selectFrom('studies as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select(['s.id', 'p.full_name as name'])
      .where('s.id', 'in', ids)
      .where((eb) => personVisible(eb, actor, 'p'))
      .execute(),
  user: (tx, actor, ids) =>
    tx.q
      .selectFrom('users as u')
      .select(['u.id', 'u.display_name as name'])
      .where('u.id', 'in', ids)
      .where((eb) => eb.or([eb('u.id', '=', actor.userId), manageable(eb, actor, 'u')]))
      .execute(),
  training_class: (tx, actor, ids) =>
    tx.q
      .selectFrom('training_classes as c')
      .select(['c.id', 'c.name'])
      .where('c.id', 'in', ids)
      .where((eb) => classVisible(eb, actor, 'c'))
      .execute(),
  // The catalogue of programmes is shared by the whole tree: every signed-in user reads it.
  programme: (tx, _actor, ids) =>
    tx.q.selectFrom('programmes as g').select(['g.id', 'g.name']).where('g.id', 'in', ids).execute(),
  scheme: (tx, actor, ids) =>
    tx.q
      .selectFrom('schemes as s')
      .select(['s.id', 's.name'])
      .where('s.id', 'in', ids)
      .where(() => schemeVisible(actor, sql.ref('s.issuing_unit_id')))
      .execute(),
};

export interface EnrolmentName {
  id: number;
  class_id: number;
  name: string | null;
}

/**
 * Trainees by enrolment id (their attendance and results entries carry no name): the class always,
 * the cadre's name only where the reader sees that trainee on the class's list.
 */
export async function enrolmentNames(tx: Tx, actor: Actor, ids: number[]): Promise<Map<number, EnrolmentName>> {
  if (!ids.length) return new Map();
  const rows = await tx.q
    .selectFrom('enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select((eb) => [
      'e.id',
      'e.class_id',
      eb
        .case()
        .when(sql<boolean>`${enrolmentVisible(eb, actor, 'e', 'c')}`)
        .then(eb.ref('p.full_name'))
        .else(null)
        .end()
        .as('name'),
    ])
    .where('e.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), class_id: Number(r.class_id), name: r.name }]));
}
