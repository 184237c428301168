import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import { can, unitInScope } from '../../../auth/policy.ts';
import { columnOf, type AliasOf } from '../../../db/aliases.ts';
import type { Tx } from '../../../context.ts';
import { forUpdate } from '../../../db/dialect.ts';
import { AppError, forbidden, notFound } from '../../../errors.ts';
import type { Words } from '../../../i18n/messages.ts';
import type { ClassStatus } from '@canbo/contract';
import { classStatusLabels, classStatusLabelsEn } from '@canbo/contract';

/**
 * Who sees a class (the training class `c` of the query): viewers of the organiser unit's subtree;
 * editors of a unit that was allocated seats in it (they nominate into it); and a cadre enrolled in it.
 * `.where((eb) => classVisible(eb, actor, 'c'))`: the alias must name a class in that query.
 */
export function classVisible<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  c: AliasOf<DB, TB, 'training_classes'>,
): RawBuilder<SqlBool> {
  const organiser = unitInScope(actor, 'training.read', columnOf<'training_classes'>(c, 'organiser_unit_id'));
  const id = columnOf<'training_classes'>(c, 'id');
  const allocated = sql<SqlBool>`exists (select 1 from seat_allocations sa where sa.class_id = ${id} and ${unitInScope(actor, 'training.nominate', columnOf<'seat_allocations'>('sa', 'unit_id'))})`;
  const own =
    actor.personId === null
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`exists (select 1 from enrolments oe where oe.class_id = ${id} and oe.person_id = ${actor.personId})`;
  return sql<SqlBool>`(${organiser} or ${allocated} or ${own})`;
}

/**
 * Which enrolments (`e`, of the class `c`) the actor sees: all of them for readers of the
 * organiser unit; otherwise only trainees from units in the actor's own subtree — a district editor
 * never sees another district's trainees — and a cadre's own enrolment.
 */
export function enrolmentVisible<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  e: AliasOf<DB, TB, 'enrolments'>,
  c: AliasOf<DB, TB, 'training_classes'>,
): RawBuilder<SqlBool> {
  const organiser = unitInScope(actor, 'training.read', columnOf<'training_classes'>(c, 'organiser_unit_id'));
  const ownUnits = unitInScope(actor, 'person.read', columnOf<'enrolments'>(e, 'unit_id'));
  const self =
    actor.personId === null
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`${columnOf<'enrolments'>(e, 'person_id')} = ${actor.personId}`;
  return sql<SqlBool>`(${organiser} or ${ownUnits} or ${self})`;
}

declare const visible: unique symbol;
declare const managed: unique symbol;

/**
 * A class id that passed the visibility gate: made only by findVisibleClass and by queries that
 * carry classVisible in their `where`. The reads of a class's children (sessions, enrolments,
 * allocations, attendance, certificates, history) take this type, not a number, so such a read
 * cannot be written without the gate before it.
 */
export type VisibleClassId = number & { readonly [visible]: true };

/** A class id whose class the actor manages (requireManagedClass, lockManagedClass). */
export type ManagedClassId = VisibleClassId & { readonly [managed]: true };

/** The class id of a row read under classVisible: the query's `where` was the gate. */
export const visibleClassId = (id: number): VisibleClassId => id as VisibleClassId;

export interface ClassForWrite {
  id: VisibleClassId;
  name: string;
  organiser_unit_id: number;
  status: ClassStatus;
  headcount_total: number | null;
  capacity: number | null;
  start_date: string;
  end_date: string;
  version: number;
}

const NOT_FOUND = 'Lớp bồi dưỡng';

/** The class as a visible row, or 404 (never "forbidden" for a class the actor cannot see). */
export async function findVisibleClass(tx: Tx, actor: Actor, classId: number): Promise<ClassForWrite> {
  const row = await tx.q
    .selectFrom('training_classes as c')
    .select([
      'c.id',
      'c.name',
      'c.organiser_unit_id',
      'c.status',
      'c.headcount_total',
      'c.capacity',
      'c.start_date',
      'c.end_date',
      'c.version',
    ])
    .where('c.id', '=', classId)
    .where((eb) => classVisible(eb, actor, 'c'))
    .executeTakeFirst();
  if (!row) throw notFound(NOT_FOUND);
  return { ...row, id: visibleClassId(row.id), status: row.status };
}

export interface ManagedClass extends ClassForWrite {
  id: ManagedClassId;
}

/** The class, which the actor must manage (editor of the organiser unit): 404 unseen, 403 seen. */
export async function requireManagedClass(tx: Tx, actor: Actor, classId: number): Promise<ManagedClass> {
  const cls = await findVisibleClass(tx, actor, classId);
  if (!(await can(tx, actor, 'training.manage', cls.organiser_unit_id))) {
    throw forbidden({
      vi: `Chỉ đơn vị tổ chức lớp mới được thực hiện thao tác này với lớp "${cls.name}"`,
      en: `Only the organising unit may do this with the class "${cls.name}"`,
    });
  }
  return { ...cls, id: cls.id as ManagedClassId };
}

/** Refuse a change the class's state does not allow, saying which states do; `what` is the change, in a sentence. */
export function requireStatus(cls: ClassForWrite, allowed: readonly ClassStatus[], what: Words): void {
  if (allowed.includes(cls.status)) return;
  const states = allowed.map((s) => `"${classStatusLabels[s]}"`).join(', ');
  const statesEn = allowed.map((s) => `"${classStatusLabelsEn[s]}"`).join(', ');
  throw new AppError(
    'conflict',
    {
      vi: `Không thể ${what.vi} khi lớp đang ở trạng thái "${classStatusLabels[cls.status]}" (chỉ khi lớp ${states})`,
      en: `Cannot ${what.en} while the class is "${classStatusLabelsEn[cls.status]}" (only when it is ${statesEn})`,
    },
    { field: 'status', status: cls.status },
  );
}

/** A historical class is recorded by headcount alone: it has no roster to nominate, mark or grade. */
export function requireRostered(cls: ClassForWrite): void {
  if (cls.headcount_total === null) return;
  throw new AppError(
    'conflict',
    {
      vi: `Lớp "${cls.name}" được ghi nhận theo số lượng báo cáo (${cls.headcount_total} học viên), không có danh sách học viên`,
      en: `The class "${cls.name}" is recorded by its reported headcount (${cls.headcount_total} trainees): it has no list of trainees`,
    },
    { field: 'headcount' },
  );
}

/**
 * requireManagedClass, with the class row then locked for the rest of the transaction and read
 * again under the lock: what guards a class-wide limit (its sessions, its dates) is current.
 */
export async function lockManagedClass(tx: Tx, actor: Actor, classId: number): Promise<ManagedClass> {
  const { id } = await requireManagedClass(tx, actor, classId);
  await forUpdate(tx.engine, tx.q.selectFrom('training_classes').select('id').where('id', '=', id)).execute();
  return { ...(await findVisibleClass(tx, actor, id)), id };
}
