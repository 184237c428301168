import { sql, type Insertable, type Selectable } from 'kysely';
import { sessionParts, type SessionPart } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { forUpdate, nowIso } from '../../../db/dialect.ts';
import type { ClassSessionTable } from '../../../db/schema.ts';
import { classVisible, type VisibleClassId } from './class.access.ts';
import { rankOf } from '../../../db/rank.ts';

/** A session as staff see it: everything but the QR secret, which only its own endpoint hands out. */
export type SessionRow = Omit<Selectable<ClassSessionTable>, 'checkin_token' | 'created_at' | 'updated_at'>;

const COLUMNS = [
  's.id',
  's.class_id',
  's.session_date',
  's.part',
  's.starts_at',
  's.ends_at',
  's.topic',
  's.lecturer',
  's.version',
] as const;

// A day reads morning, afternoon, evening; a full day after them (it is the odd one out on a sheet).
const partRank = rankOf('s.part', sessionParts);

export async function listSessions(tx: Tx, classId: VisibleClassId): Promise<SessionRow[]> {
  return tx.q
    .selectFrom('class_sessions as s')
    .select(COLUMNS)
    .where('s.class_id', '=', classId)
    .orderBy('s.session_date')
    .orderBy(partRank)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();
}

/** A session of a class the actor sees (a session of an unseen class is not found, like the class). */
export async function findVisibleSession(tx: Tx, actor: Actor, id: number): Promise<SessionRow | undefined> {
  return tx.q
    .selectFrom('class_sessions as s')
    .innerJoin('training_classes as c', 'c.id', 's.class_id')
    .select(COLUMNS)
    .where('s.id', '=', id)
    .where((eb) => classVisible(eb, actor, 'c'))
    .executeTakeFirst();
}

export async function findSession(tx: Tx, id: number): Promise<SessionRow | undefined> {
  return tx.q.selectFrom('class_sessions as s').select(COLUMNS).where('s.id', '=', id).executeTakeFirst();
}

/** Lock the session row: a mark being written for it waits, or the deletion waits for the mark. */
export async function lockSession(tx: Tx, id: number): Promise<void> {
  await forUpdate(tx.engine, tx.q.selectFrom('class_sessions').select('id').where('id', '=', id)).execute();
}

export async function countSessions(tx: Tx, classId: VisibleClassId): Promise<number> {
  const row = await tx.q
    .selectFrom('class_sessions')
    .select(sql<number>`count(*)`.as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Another session of the class on the same date and part of the day. */
export async function findClash(
  tx: Tx,
  s: { classId: number; date: string; part: SessionPart; exceptId: number | null },
): Promise<number | undefined> {
  let query = tx.q
    .selectFrom('class_sessions')
    .select('id')
    .where('class_id', '=', s.classId)
    .where('session_date', '=', s.date)
    .where('part', '=', s.part);
  if (s.exceptId !== null) query = query.where('id', '<>', s.exceptId);
  return (await query.executeTakeFirst())?.id;
}

export async function attendanceCount(tx: Tx, sessionId: number): Promise<number> {
  const row = await tx.q
    .selectFrom('attendance')
    .select(sql<number>`count(*)`.as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type SessionValues = Omit<Insertable<ClassSessionTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertSession(tx: Tx, values: SessionValues): Promise<number> {
  const now = nowIso();
  const row = await tx.q
    .insertInto('class_sessions')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteSession(tx: Tx, id: number): Promise<void> {
  await tx.q.deleteFrom('class_sessions').where('id', '=', id).execute();
}
