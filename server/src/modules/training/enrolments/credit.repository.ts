import { sql, type RawBuilder } from 'kysely';
import { titles, type Title } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { rankOf } from '../../../db/rank.ts';
import { writeAudits } from '../../audit/audit.writer.ts';
import { unitAt, unitNameOn } from '../../moves/unitAt.repository.ts';

/**
 * The most senior title a person held on a day (dated positions), as nomination records it: ties
 * go to the position held longest, then the first recorded.
 */
function titleOn(personId: RawBuilder<number>, day: RawBuilder<string>): RawBuilder<Title | null> {
  return sql<Title | null>`(select tp.title from positions tp where tp.person_id = ${personId}
    and tp.start_date <= ${day} and (tp.end_date is null or tp.end_date >= ${day})
    order by ${rankOf('tp.title', titles)}, tp.start_date, tp.id limit 1)`;
}

/**
 * Which enrolments to credit again: one class's (its first day moved), or a person's from a day on
 * (`from` null: all of them — a change to the first move changes the unit before it too).
 */
export type Recredit = { classId: number } | { personId: number; from: string | null };

/**
 * Credit enrolments again to the unit and title their person had on the class's FIRST day: the
 * moves and dated positions say where a participation counts (the figures count `enrolments.unit_id`).
 * Run in the transaction of the change that moved the answer — a back-dated move, a corrected
 * position, a class's new start date — with an audit row for each enrolment whose credit changed.
 * Only the person's classes starting on or after the changed day can change.
 */
export async function recreditEnrolments(tx: Tx, actor: Actor, which: Recredit): Promise<number> {
  const start = sql<string>`c.start_date`;
  const person = sql<number>`e.person_id`;
  let query = tx.q
    .selectFrom(
      tx.q
        .selectFrom('enrolments as e')
        .innerJoin('training_classes as c', 'c.id', 'e.class_id')
        .innerJoin('people as p', 'p.id', 'e.person_id')
        .select([
          'e.id',
          'e.class_id',
          'e.person_id',
          'p.full_name',
          'e.unit_id',
          'e.unit_name',
          'e.title',
          'e.allocation_id',
          'e.status',
          unitAt(person, start, sql<number>`p.unit_id`).as('new_unit_id'),
          titleOn(person, start).as('new_title'),
          'c.start_date',
        ])
        .$call((q) =>
          'classId' in which
            ? q.where('e.class_id', '=', which.classId)
            : q
                .where('e.person_id', '=', which.personId)
                .$if(which.from !== null, (w) => w.where('c.start_date', '>=', which.from!)),
        )
        .as('x'),
    )
    .selectAll('x')
    .select((eb) => unitNameOn(eb.ref('x.new_unit_id'), eb.ref('x.start_date')).as('new_unit_name'));
  query = query.orderBy('x.id');
  const rows = await query.execute();
  const changed = rows.filter(
    (r) => Number(r.new_unit_id) !== r.unit_id || r.new_unit_name !== r.unit_name || r.new_title !== r.title,
  );
  for (const r of changed) {
    // Derived columns: no version bump, so nobody's open form of the enrolment goes stale.
    await tx.q
      .updateTable('enrolments')
      .set({ unit_id: Number(r.new_unit_id), unit_name: r.new_unit_name, title: r.new_title })
      .where('id', '=', r.id)
      .execute();
  }
  await writeAudits(
    tx,
    actor,
    changed.map((r) => ({
      entity: 'enrolment' as const,
      entityId: r.id,
      action: 'recredit',
      unitId: Number(r.new_unit_id),
      before: {
        classId: r.class_id,
        personName: r.full_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        title: r.title,
      },
      after: {
        classId: r.class_id,
        personName: r.full_name,
        unitId: Number(r.new_unit_id),
        unitName: r.new_unit_name,
        title: r.new_title,
      },
    })),
  );
  return changed.length;
}
