import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Gender, Qualification, TheoryLevel, Title } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import { unitInScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { columnOf, type AliasOf } from '../../../db/aliases.ts';
import { unitNameOn } from '../../moves/unitAt.repository.ts';
import { COLUMNS, type Column, type RowDef, rowCondition } from './cadreStructure.columns.ts';

export interface Scope {
  unitId: number;
  at: string;
}

/**
 * Positions held on the day (started on or before it, not ended before it) in units of the subtree,
 * within the actor's `person.read` scope on the position's unit: a cadre counts where they held the
 * title that day, so one who moved since counts in the unit of that time.
 */
function held<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  pos: AliasOf<DB, TB, 'positions'>,
  actor: Actor,
  s: Scope,
): RawBuilder<SqlBool> {
  const col = (c: 'start_date' | 'end_date' | 'unit_id') => columnOf<'positions'>(pos, c);
  return sql<SqlBool>`${col('start_date')} <= ${s.at} and (${col('end_date')} is null or ${col('end_date')} >= ${s.at})
    and ${col('unit_id')} in (select descendant_id from unit_closure where ancestor_id = ${s.unitId})
    and ${unitInScope(actor, 'person.read', col('unit_id'))}`;
}

const alias = (i: number) => `c${i}`;

/**
 * One row group's numbers in one query: per group value (a title, an employment; nothing for the
 * total), each column's count of distinct people.
 */
export async function countCadres(
  tx: Tx,
  actor: Actor,
  s: Scope,
  by: 'title' | 'employment' | null,
): Promise<Map<string, number[]>> {
  const groupKey = by ? sql<string>`pos.${sql.raw(by)}` : sql<string>`'total'`;
  let q = tx.q
    .selectFrom('positions as pos')
    .innerJoin('people as pe', 'pe.id', 'pos.person_id')
    .innerJoin('ethnicities as e', 'e.code', 'pe.ethnicity_code')
    .where((eb) => held(eb, 'pos', actor, s))
    .select(groupKey.as('g'))
    .select(COLUMNS.map((c, i) => sql<number>`count(distinct case when ${c.when(s.at)} then pe.id end)`.as(alias(i))));
  if (by) q = q.groupBy(groupKey);
  const rows = (await q.execute()) as unknown as Record<string, number | string>[];
  return new Map(rows.map((r) => [String(r.g), COLUMNS.map((_, i) => Number(r[alias(i)] ?? 0))]));
}

export interface CadreRow {
  id: number;
  full_name: string;
  birth_date: string | null;
  gender: Gender;
  ethnicity: string;
  party_member: number;
  general_education: string | null;
  qualification: Qualification;
  theory_level: TheoryLevel;
}

/** The people behind one number: those holding a position of the row on the day who meet the column. */
function behind(tx: Tx, actor: Actor, s: Scope, row: RowDef, column: Column) {
  return tx.q
    .selectFrom('people as pe')
    .innerJoin('ethnicities as e', 'e.code', 'pe.ethnicity_code')
    .where(column.when(s.at))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('positions as pos')
          .select(sql`1`.as('one'))
          .whereRef('pos.person_id', '=', 'pe.id')
          .where((pb) => held(pb, 'pos', actor, s))
          .where(rowCondition(row)),
      ),
    );
}

export async function countBehind(tx: Tx, actor: Actor, s: Scope, row: RowDef, column: Column): Promise<number> {
  const r = await behind(tx, actor, s, row, column)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function pageBehind(
  tx: Tx,
  actor: Actor,
  s: Scope,
  row: RowDef,
  column: Column,
  limit: number,
  offset: number,
): Promise<CadreRow[]> {
  const rows = await behind(tx, actor, s, row, column)
    .select([
      'pe.id',
      'pe.full_name',
      sql<string | null>`cast(pe.birth_date as text)`.as('birth_date'),
      'pe.gender',
      'e.name as ethnicity',
      'pe.party_member',
      'pe.general_education',
      'pe.qualification',
      'pe.theory_level',
    ])
    .orderBy(sql`pe.sort_key`)
    .orderBy('pe.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), party_member: Number(r.party_member) }));
}

/** The positions these people held on the day in the subtree (in scope), with the unit's name that day. */
export async function positionsHeld(
  tx: Tx,
  actor: Actor,
  s: Scope,
  personIds: number[],
): Promise<{ person_id: number; title: Title; unit_name: string }[]> {
  if (!personIds.length) return [];
  const rows = await tx.q
    .selectFrom('positions as pos')
    .innerJoin('units as u', 'u.id', 'pos.unit_id')
    .select(['pos.person_id', 'pos.title', unitNameOn(sql.ref('pos.unit_id'), s.at).as('unit_name')])
    .where('pos.person_id', 'in', personIds)
    .where((eb) => held(eb, 'pos', actor, s))
    .orderBy('pos.person_id')
    .orderBy('pos.start_date')
    .orderBy('pos.id')
    .execute();
  return rows.map((r) => ({ ...r, person_id: Number(r.person_id) }));
}
