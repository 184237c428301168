import type { Selectable } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import { inScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { flag } from '../../../db/dialect.ts';
import type { PersonTable } from '../../../db/schema.ts';
import { chunks } from '../../../lib/chunks.ts';
import { personVisible } from '../../people/access.ts';

/**
 * What a people sheet is checked against, read in batches (a sheet of 100,000 rows is a few
 * hundred queries, not 100,000). Whether the actor may write is answered by the SQL, per row.
 */

export interface UnitHit {
  id: number;
  code: string;
  name: string;
  status: string;
  valid_to: string | null;
  search_text: string;
  /** The actor may write people's records in it. */
  writable: number;
}

/** Units named by code or (folded) name. */
export async function unitsNamed(tx: Tx, actor: Actor, codes: string[], folded: string[]): Promise<UnitHit[]> {
  const out: UnitHit[] = [];
  for (const part of chunks([...new Set([...codes, ...folded])], 400)) {
    out.push(
      ...(await tx.q
        .selectFrom('units as u')
        .select((eb) => [
          'u.id',
          'u.code',
          'u.name',
          'u.status',
          'u.valid_to',
          'u.search_text',
          flag(inScope(eb, actor, 'person.write', 'u.id')).as('writable'),
        ])
        .where((eb) => eb.or([eb('u.code', 'in', part), eb('u.search_text', 'in', part)]))
        .execute()),
    );
  }
  return [...new Map(out.map((u) => [u.id, u])).values()];
}

export type StoredPerson = Selectable<PersonTable> & { writable: number; unit_name: string };

/** People with their unit's name and whether the actor may write their record. */
function storedPeople(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select((eb) => ['u.name as unit_name', flag(inScope(eb, actor, 'person.write', 'p.unit_id')).as('writable')]);
}

/** Everyone holding these national IDs, whoever may see them: the number is unique across the registry. */
export async function peopleByNationalId(tx: Tx, actor: Actor, ids: string[]): Promise<StoredPerson[]> {
  const out: StoredPerson[] = [];
  for (const part of chunks(ids, 500)) {
    out.push(...(await storedPeople(tx, actor).where('p.national_id', 'in', part).execute()));
  }
  return out;
}

/** People the actor may see with one of these full names. */
export async function peopleByName(tx: Tx, actor: Actor, names: string[]): Promise<StoredPerson[]> {
  const out: StoredPerson[] = [];
  for (const part of chunks(names, 500)) {
    out.push(
      ...(await storedPeople(tx, actor)
        .where('p.full_name', 'in', part)
        .where((eb) => personVisible(eb, actor, 'p'))
        .execute()),
    );
  }
  return out;
}

/** Positions of these people held on `today` (open, or ending on or after it). */
export async function openPositions(tx: Tx, personIds: number[], today: string) {
  const out: { person_id: number; unit_id: number; title: string }[] = [];
  for (const part of chunks(personIds, 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('positions')
        .select(['person_id', 'unit_id', 'title'])
        .where('person_id', 'in', part)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
        .execute()),
    );
  }
  return out;
}

export async function ethnicityNames(tx: Tx): Promise<{ code: string; name: string }[]> {
  return tx.q.selectFrom('ethnicities').select(['code', 'name']).orderBy('code').execute();
}

export interface HeldSecretary {
  id: number;
  unit_id: number;
  full_name: string;
  start_date: string;
  end_date: string | null;
}

/**
 * The secretaries of these units held on or after `from` (open, or ending on or after it), earliest
 * first: what `findOverlapping` answers for one unit and one start date, for a whole sheet at once.
 */
export async function secretariesSince(tx: Tx, unitIds: number[], from: string): Promise<HeldSecretary[]> {
  const out: HeldSecretary[] = [];
  for (const part of chunks(unitIds)) {
    out.push(
      ...(await tx.q
        .selectFrom('positions as pos')
        .innerJoin('people as p', 'p.id', 'pos.person_id')
        .select(['pos.id', 'pos.unit_id', 'p.full_name', 'pos.start_date', 'pos.end_date'])
        .where('pos.unit_id', 'in', part)
        .where('pos.title', '=', 'secretary')
        .where((eb) => eb.or([eb('pos.end_date', 'is', null), eb('pos.end_date', '>=', from)]))
        .orderBy('pos.start_date')
        .orderBy('pos.id')
        .execute()),
    );
  }
  return out;
}
