import { sql, type RawBuilder } from 'kysely';
import { grades, type Outcome } from '@canbo/contract';
import type { Tx } from '../../../context.ts';
import { rankOf } from '../../../db/rank.ts';

/** Marks that count as attending a session. Excused is still an absence for the completion rule. */
export const ATTENDED_MARKS = ['present', 'late'] as const;

/** Statuses that hold a seat: they are on the sign-in sheet, in the grid, and get results. */
export const SEATED = ['nominated', 'confirmed'] as const;

/** A grade as its place in `grades` (0 = best), so "at least average" is a comparison. */
export function gradeRank(column: string): RawBuilder<number> {
  return rankOf(column, grades);
}

/** Sessions the enrolment (alias) attended. */
export function attendedCount(enrolmentId: string): RawBuilder<number> {
  return sql<number>`(select count(*) from attendance a where a.enrolment_id = ${sql.ref(enrolmentId)} and a.mark in (${sql.join(ATTENDED_MARKS.map((m) => sql.lit(m)))}))`;
}

/** Sessions the class (alias) has. */
export function sessionCount(classId: string): RawBuilder<number> {
  return sql<number>`(select count(*) from class_sessions s where s.class_id = ${sql.ref(classId)})`;
}

/** Whole percent of sessions attended, or null for a class with no sessions yet. */
export function attendancePercent(attended: number, total: number): number | null {
  return total === 0 ? null : Math.floor((attended * 100) / total);
}

/**
 * Apply the class's completion rule to its seated trainees (or the listed ones): completed when the
 * attended share reaches the minimum and the grade is the pass grade or better. One UPDATE, so it
 * runs inside the caller's transaction after every change to attendance, results or the rule. A
 * class without sessions is judged on its grade and, for a class recorded after it was held, the
 * attended share its papers give (`attendance_percent`, when known). Overrides are kept beside, not overwritten.
 */
export async function refreshOutcomes(tx: Tx, classId: number, enrolmentIds?: number[]): Promise<void> {
  if (enrolmentIds && enrolmentIds.length === 0) return;
  const cls = await tx.q
    .selectFrom('training_classes')
    .select(['min_attendance_percent', 'pass_grade'])
    .where('id', '=', classId)
    .executeTakeFirstOrThrow();
  const passRank = grades.indexOf(cls.pass_grade);
  const total = sql<number>`(select count(*) from class_sessions s where s.class_id = ${classId})`;
  const attended = attendedCount('enrolments.id');
  const outcome = sql<Outcome>`case when enrolments.grade is not null
      and ${gradeRank('enrolments.grade')} <= ${passRank}
      and (${total} > 0 and ${attended} * 100 >= ${cls.min_attendance_percent} * ${total}
        or ${total} = 0 and (enrolments.attendance_percent is null
          or enrolments.attendance_percent >= ${cls.min_attendance_percent}))
    then 'completed' else 'not_completed' end`;
  let query = tx.q
    .updateTable('enrolments')
    .set({ rule_outcome: outcome })
    .where('class_id', '=', classId)
    .where('status', 'in', [...SEATED]);
  if (enrolmentIds) query = query.where('id', 'in', enrolmentIds);
  await query.execute();
  // Someone no longer seated (withdrawn, waitlisted) has no outcome.
  await tx.q
    .updateTable('enrolments')
    .set({ rule_outcome: null })
    .where('class_id', '=', classId)
    .where('status', 'not in', [...SEATED])
    .where('rule_outcome', 'is not', null)
    .execute();
}

/** The outcome that counts for an enrolment (alias): staff's override when they set one, else the rule's. */
export function effectiveOutcome(enrolment = 'e'): RawBuilder<Outcome | null> {
  return sql<Outcome | null>`coalesce(${sql.ref(`${enrolment}.outcome_override`)}, ${sql.ref(`${enrolment}.rule_outcome`)})`;
}
