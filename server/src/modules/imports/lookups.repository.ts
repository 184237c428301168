import type { Permission } from '@canbo/contract';
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { flag, oneOf } from '../../db/dialect.ts';
import type { PersonTable } from '../../db/schema.ts';
import { chunks } from '../../lib/chunks.ts';
import { personVisible } from '../people/access.ts';
import { foldCell } from './cells.ts';

/**
 * What every kind's sheet is checked against — the units and people its cells name — read in
 * batches (a sheet of 100,000 rows is a few hundred queries, not 100,000). Whether the actor may
 * write is answered by the SQL, per row.
 */

export interface UnitHit {
  id: number;
  code: string;
  name: string;
  status: string;
  valid_from: string;
  valid_to: string | null;
  search_text: string;
  /** The actor holds `permission` (people's records by default) on it. */
  writable: number;
  /** The actor may see it. */
  readable: number;
}

/** Units named by code or (folded) name; `writable` says whether the actor holds `permission` on each. */
export async function unitsNamed(
  tx: Tx,
  actor: Actor,
  codes: string[],
  folded: string[],
  permission: Permission = 'person.write',
): Promise<UnitHit[]> {
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
          sql<string>`cast(u.valid_from as text)`.as('valid_from'),
          sql<string | null>`cast(u.valid_to as text)`.as('valid_to'),
          'u.search_text',
          flag(inScope(eb, actor, permission, 'u.id')).as('writable'),
          flag(inScope(eb, actor, 'unit.read', 'u.id')).as('readable'),
        ])
        .where((eb) => eb.or([eb('u.code', 'in', part), eb('u.search_text', 'in', part)]))
        .execute()),
    );
  }
  return [...new Map(out.map((u) => [u.id, u])).values()];
}

export type StoredPerson = Selectable<PersonTable> & { writable: number; readable: number; unit_name: string };

/**
 * People with their unit's name, whether the actor may write their record, and whether they may see
 * it at all (`personVisible`: the people-read scope, or their own record). A person found by national
 * ID across the registry may be neither: findings name them only when `readable` (see `whoIs`).
 */
function storedPeople(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select((eb) => [
      'u.name as unit_name',
      flag(inScope(eb, actor, 'person.write', 'p.unit_id')).as('writable'),
      flag(personVisible(eb, actor, 'p')).as('readable'),
    ]);
}

/** Everyone holding these national IDs, whoever may see them: the number is unique across the registry. */
export async function peopleByNationalId(tx: Tx, actor: Actor, ids: string[]): Promise<StoredPerson[]> {
  const out: StoredPerson[] = [];
  for (const part of chunks(ids, 500)) {
    out.push(...(await storedPeople(tx, actor).where('p.national_id', 'in', part).execute()));
  }
  return out;
}

/** Folded names asked at once (each a look-up in `people_name_birth`, migration 0024). */
const NAME_CHUNK = 1000;

/**
 * People the actor may see with one of these names, any case or diacritics: matched on the folded
 * name (`search_text`), as the sheet's rows are grouped, so "nguyen van a" finds "Nguyễn Văn A".
 */
export async function peopleByName(tx: Tx, actor: Actor, names: string[]): Promise<StoredPerson[]> {
  const out: StoredPerson[] = [];
  for (const part of chunks([...new Set(names.map(foldCell))], NAME_CHUNK)) {
    out.push(...(await peopleFoldedAs(tx, actor, part).execute()));
  }
  return out;
}

/** The query of `peopleByName` for folded names. */
export function peopleFoldedAs(tx: Tx, actor: Actor, folded: readonly string[]) {
  return storedPeople(tx, actor)
    .where(oneOf(tx.engine, 'p.search_text', folded))
    .where((eb) => personVisible(eb, actor, 'p'));
}
