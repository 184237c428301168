import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { auditEntities, type AuditEntity } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { grantRoots, unitInScope } from '../../auth/policy.ts';
import { columnOf, type AliasOf } from '../../db/aliases.ts';
import { offsetOf } from '../../lib/paging.ts';
import { jsonInteger } from '../../db/dialect.ts';

export interface AuditListInput {
  page: number;
  pageSize: number;
  order: 'asc' | 'desc';
  entity?: AuditEntity;
  entityId?: number;
  unitId?: number;
  classId?: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_name: string | null;
  entity: AuditEntity;
  entity_id: number;
  action: string;
  before: string | null;
  after: string | null;
}

/**
 * SQL condition on `audit_log as a`: rows filed under a unit in the actor's `audit.read` subtrees,
 * and, for a cadre's own account, the rows of that cadre's own record.
 */
export function readableAudit<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  a: AliasOf<DB, TB, 'audit_log'>,
): RawBuilder<SqlBool> {
  if (actor.isSuperadmin) return sql<SqlBool>`1 = 1`;
  const own =
    actor.personId === null
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`(${columnOf<'audit_log'>(a, 'entity')} = 'person' and ${columnOf<'audit_log'>(a, 'entity_id')} = ${actor.personId})`;
  if (!grantRoots(actor, 'audit.read').length) return own;
  return sql<SqlBool>`(${unitInScope(actor, 'audit.read', columnOf<'audit_log'>(a, 'unit_id'))} or ${own})`;
}

function filtered(tx: Tx, actor: Actor, input: AuditListInput) {
  return (
    tx.q
      .selectFrom('audit_log as a')
      .where((eb) => readableAudit(eb, actor, 'a'))
      .where('a.entity', 'in', input.entity ? [input.entity] : [...auditEntities])
      .$if(input.entityId !== undefined, (qb) => qb.where('a.entity_id', '=', input.entityId ?? 0))
      // A class's change log: its own entries and those of the sessions, seats, trainees and
      // certificates it holds now, each found by its id through the (entity, entity_id) index; and
      // those of the sessions and seat allocations deleted since, found by their deletion's entry
      // (which keeps the class in the row as it was).
      .$if(input.classId !== undefined, (qb) =>
        qb.where((eb) => {
          const classId = input.classId ?? 0;
          const child = (entity: AuditEntity, ids: Parameters<typeof eb>[2]) =>
            eb.and([eb('a.entity', '=', entity), eb('a.entity_id', 'in', ids)]);
          const deleted = (entity: AuditEntity) =>
            child(
              entity,
              eb
                .selectFrom('audit_log as d')
                .select('d.entity_id')
                .where('d.entity', '=', entity)
                .where('d.action', '=', 'delete')
                .where(jsonInteger(tx.engine, 'd.before', 'classId'), '=', classId),
            );
          return eb.or([
            eb.and([eb('a.entity', '=', 'training_class'), eb('a.entity_id', '=', classId)]),
            child(
              'class_session',
              eb.selectFrom('class_sessions as k').select('k.id').where('k.class_id', '=', classId),
            ),
            deleted('class_session'),
            child(
              'allocation',
              eb.selectFrom('seat_allocations as k').select('k.id').where('k.class_id', '=', classId),
            ),
            deleted('allocation'),
            child('enrolment', eb.selectFrom('enrolments as k').select('k.id').where('k.class_id', '=', classId)),
            eb.and([
              eb('a.entity', '=', 'certificate'),
              eb(
                'a.entity_id',
                'in',
                eb
                  .selectFrom('certificates as ct')
                  .innerJoin('enrolments as ce', 'ce.id', 'ct.enrolment_id')
                  .select('ct.id')
                  .where('ce.class_id', '=', classId),
              ),
            ]),
          ]);
        }),
      )
      .$if(input.unitId !== undefined, (qb) =>
        qb.where('a.unit_id', 'in', (eb) =>
          eb
            .selectFrom('unit_closure')
            .select('descendant_id')
            .where('ancestor_id', '=', input.unitId ?? 0),
        ),
      )
  );
}

export async function listAudit(
  tx: Tx,
  actor: Actor,
  input: AuditListInput,
): Promise<{ rows: AuditRow[]; total: number }> {
  const countRow = await filtered(tx, actor, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(tx, actor, input)
    .leftJoin('users as au', 'au.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.at',
      'au.display_name as actor_name',
      'a.entity',
      'a.entity_id',
      'a.action',
      'a.before',
      'a.after',
    ])
    .orderBy('a.id', input.order)
    .limit(input.pageSize)
    .offset(offsetOf(input))
    .execute();
  return { rows, total: Number(countRow.n) };
}
