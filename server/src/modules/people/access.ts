import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { can, inScope, unitInScope, type ScopeLookup } from '../../auth/policy.ts';
import { columnOf, type AliasOf } from '../../db/aliases.ts';
import { flag } from '../../db/dialect.ts';
import type { Tx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { fieldError } from '../../lib/input.ts';

declare const visible: unique symbol;

/**
 * A person id read under personVisible: what reads of a person's children (current titles, the
 * training record) take, so none of them can be written without the visibility gate before it.
 */
export type VisiblePersonId = number & { readonly [visible]: true };

/**
 * Who sees a person's record: anyone who may read people in the unit keeping it, and the cadre
 * whose record it is (a cadre's own account sees that one record, read-only). `lookup`: see
 * ScopeLookup ('row' for reads of a few chosen rows — by id, a page's ids).
 */
export function personVisible<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  p: AliasOf<DB, TB, 'people'>,
  lookup: ScopeLookup = 'subtree',
): RawBuilder<SqlBool> {
  const scope = unitInScope(actor, 'person.read', columnOf<'people'>(p, 'unit_id'), lookup);
  if (actor.personId === null) return scope;
  return sql<SqlBool>`(${scope} or ${columnOf<'people'>(p, 'id')} = ${actor.personId})`;
}

export interface UnitForWrite {
  id: number;
  name: string;
  status: string;
  valid_to: string | null;
}

/**
 * The unit a record is written to: an unknown unit (or one the actor cannot even see) is a 400
 * naming the field, a unit the actor may see but not edit is a 403.
 */
export async function requireWritableUnit(
  tx: Tx,
  actor: Actor,
  unitId: number,
  field = 'unitId',
): Promise<UnitForWrite> {
  const unit = await tx.q
    .selectFrom('units')
    .select(['id', 'name', 'status', 'valid_to'])
    .where('id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'unit.read', 'units.id'))
    .executeTakeFirst();
  if (!unit) throw fieldError(field, 'đơn vị không tồn tại hoặc bạn không có quyền xem');
  if (!(await can(tx, actor, 'person.write', unitId))) {
    throw new AppError(
      'forbidden',
      {
        vi: `Bạn không có quyền cập nhật hồ sơ cán bộ của ${unit.name}`,
        en: `You are not allowed to update the cadres’ records of ${unit.name}`,
      },
      { field },
    );
  }
  return unit;
}

/**
 * The person a record is written for (a position, a study): one the actor cannot see is a 400 naming
 * the field, one they may see but not edit a 403. One read answers both.
 */
export async function requireWritablePerson(tx: Tx, actor: Actor, personId: number): Promise<void> {
  const person = await tx.q
    .selectFrom('people as p')
    .select((eb) => ['p.full_name', flag(inScope(eb, actor, 'person.write', 'p.unit_id')).as('can_edit')])
    .where('p.id', '=', personId)
    .where((eb) => personVisible(eb, actor, 'p'))
    .executeTakeFirst();
  if (!person) throw fieldError('personId', 'cán bộ không tồn tại hoặc bạn không có quyền xem');
  if (Number(person.can_edit) !== 1) {
    throw new AppError(
      'forbidden',
      {
        vi: `Bạn không có quyền cập nhật hồ sơ của ${person.full_name}`,
        en: `You are not allowed to update the record of ${person.full_name}`,
      },
      { field: 'personId' },
    );
  }
}
