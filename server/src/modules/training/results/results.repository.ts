import { sql } from 'kysely';
import type { Grade, EnrolmentStatus, Outcome } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { classVisible, enrolmentVisible } from '../classes/class.access.ts';

/** An enrolment as results and overrides change it, with the certificate that may freeze it. */
export interface ResultRow {
  id: number;
  class_id: number;
  person_name: string;
  status: EnrolmentStatus;
  score: number | null;
  grade: Grade | null;
  rule_outcome: Outcome | null;
  outcome_override: Outcome | null;
  override_reason: string | null;
  version: number;
  /** The number of a certificate still valid for this enrolment, if any. */
  valid_certificate: string | null;
}

function resultRows(tx: Tx) {
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('certificates as cert', (join) =>
      join.onRef('cert.enrolment_id', '=', 'e.id').on('cert.revoked_at', 'is', null),
    )
    .select([
      'e.id',
      'e.class_id',
      'p.full_name as person_name',
      'e.status',
      'e.score',
      'e.grade',
      'e.rule_outcome',
      'e.outcome_override',
      'e.override_reason',
      'e.version',
      'cert.number as valid_certificate',
    ]);
}

/** The listed enrolments wherever they are; the service tells which do not belong to the class. */
export function findResultRows(tx: Tx, ids: number[]): Promise<ResultRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return resultRows(tx).where('e.id', 'in', ids).execute();
}

/** One enrolment, if the actor sees both its class and the trainee. */
export function findVisibleResultRow(tx: Tx, actor: Actor, id: number): Promise<ResultRow | undefined> {
  return resultRows(tx)
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .where('e.id', '=', id)
    .where((eb) => classVisible(eb, actor, 'c'))
    .where((eb) => enrolmentVisible(eb, actor, 'e', 'c'))
    .executeTakeFirst();
}

/** Rows that get the same score and grade are written in one statement. */
export async function setResults(
  tx: Tx,
  ids: number[],
  values: { score: number | null; grade: Grade | null },
  now: string,
): Promise<void> {
  await tx.q
    .updateTable('enrolments')
    .set({ ...values, updated_at: now, version: sql<number>`version + 1` })
    .where('id', 'in', ids)
    .execute();
}
