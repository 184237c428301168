import type { Actor } from '../../../auth/actor.ts';
import { inScope } from '../../../auth/policy.ts';
import type { Tx } from '../../../context.ts';
import { forUpdate } from '../../../db/dialect.ts';
import { classVisible, visibleClassId, type VisibleClassId } from '../classes/class.access.ts';
import { SEATED } from '../results/outcomes.ts';
import type { SessionRow } from '../classes/sessions.repository.ts';

export interface SessionWithClass extends SessionRow {
  checkin_token: string;
  class_name: string;
  organiser_unit_id: number;
  organiser_name: string;
}

function sessions(tx: Tx) {
  return tx.q
    .selectFrom('class_sessions as s')
    .innerJoin('training_classes as c', 'c.id', 's.class_id')
    .innerJoin('units as u', 'u.id', 'c.organiser_unit_id')
    .select([
      's.id',
      's.class_id',
      's.session_date',
      's.part',
      's.starts_at',
      's.ends_at',
      's.topic',
      's.lecturer',
      's.checkin_token',
      's.version',
      'c.name as class_name',
      'c.organiser_unit_id',
      'u.name as organiser_name',
    ]);
}

/** The session, if its class is one the actor sees. */
export async function findVisibleSession(
  tx: Tx,
  actor: Actor,
  sessionId: number,
): Promise<(SessionWithClass & { class_id: VisibleClassId }) | undefined> {
  const row = await sessions(tx)
    .where('s.id', '=', sessionId)
    .where((eb) => classVisible(eb, actor, 'c'))
    .executeTakeFirst();
  return row && { ...row, class_id: visibleClassId(row.class_id) };
}

/** The session a QR code names: the token is the secret, whoever holds it may try to check in. */
export async function findSessionByToken(tx: Tx, token: string): Promise<SessionWithClass | undefined> {
  return sessions(tx).where('s.checkin_token', '=', token).executeTakeFirst();
}

export interface CheckinEnrolment {
  id: number;
  unit_id: number;
  person_name: string;
}

/**
 * A seated enrolment of the class, by person or by personal code, locked for the rest of the
 * transaction: two scans of the same trainee take turns, so the second sees the first's mark.
 */
export async function lockSeatedEnrolment(
  tx: Tx,
  classId: number,
  by: { personId: number } | { checkinCode: string },
): Promise<CheckinEnrolment | undefined> {
  let query = tx.q
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.unit_id', 'p.full_name as person_name'])
    .where('e.class_id', '=', classId)
    .where('e.status', 'in', [...SEATED]);
  query =
    'personId' in by
      ? query.where('e.person_id', '=', by.personId)
      : query.where('e.checkin_code', '=', by.checkinCode);
  return forUpdate(tx.engine, query).executeTakeFirst();
}

/** A trainee's personal code, shown to the trainee and to the class's managers only. */
export async function findEnrolmentCode(tx: Tx, actor: Actor, enrolmentId: number): Promise<string | undefined> {
  const row = await tx.q
    .selectFrom('enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .select('e.checkin_code')
    .where('e.id', '=', enrolmentId)
    .where((eb) => {
      const manages = inScope(eb, actor, 'training.manage', 'c.organiser_unit_id');
      return actor.personId === null ? manages : eb.or([eb('e.person_id', '=', actor.personId), manages]);
    })
    .executeTakeFirst();
  return row?.checkin_code;
}
