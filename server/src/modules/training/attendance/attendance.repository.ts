import { sql } from 'kysely';
import { foldVietnamese, type AttendanceMark, type Title } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { like, likeContains } from '../../../db/dialect.ts';
import { enrolmentVisible, type VisibleClassId } from '../classes/class.access.ts';
import { SEATED } from '../results/outcomes.ts';
import { chunks } from '../../../lib/chunks.ts';

/** A trainee on the grid, the sheet or the sign-in list. */
export interface SeatedRow {
  id: number;
  person_id: number;
  person_name: string;
  unit_id: number;
  unit_name: string;
  title: Title | null;
}

/**
 * Seated trainees of the class the actor may see (a district editor: only its own trainees). The
 * people table is not joined here: a count or a page of ids needs only the enrolments (their sort
 * key is the person's), and the names are joined for the rows actually returned.
 */
function seated(tx: Tx, actor: Actor | null, classId: VisibleClassId, q?: string) {
  let query = tx.q
    .selectFrom('enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .where('e.class_id', '=', classId)
    .where('e.status', 'in', [...SEATED]);
  if (actor) query = query.where((eb) => enrolmentVisible(eb, actor, 'e', 'c'));
  const term = q ? foldVietnamese(q) : '';
  if (term) {
    query = query.where(
      sql<boolean>`exists (select 1 from people sp where sp.id = e.person_id and ${like('sp.search_text', likeContains(term))})`,
    );
  }
  return query;
}

/** The trainee columns, for enrolments `e` joined to their people `p`. */
function withNames(tx: Tx) {
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.person_id', 'p.full_name as person_name', 'e.unit_id', 'e.unit_name', 'e.title']);
}

export async function findSeatedPage(
  tx: Tx,
  actor: Actor,
  classId: VisibleClassId,
  filter: { q?: string | undefined; order: 'asc' | 'desc' },
  page: { limit: number; offset: number },
): Promise<SeatedRow[]> {
  // The page is chosen on the enrolments' own index (class, sort key, id); only its rows meet people.
  const pageIds = seated(tx, actor, classId, filter.q)
    .select('e.id')
    .orderBy('e.sort_key', filter.order)
    .orderBy('e.id', filter.order)
    .limit(page.limit)
    .offset(page.offset);
  return withNames(tx)
    .where('e.id', 'in', pageIds)
    .orderBy('e.sort_key', filter.order)
    .orderBy('e.id', filter.order)
    .execute();
}

export async function countSeated(tx: Tx, actor: Actor, classId: VisibleClassId, q?: string): Promise<number> {
  const row = await seated(tx, actor, classId, q)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every seated trainee in name order: the whole sheet, not a page. With an actor, only those the
 * actor sees; without, the organiser's full list (the caller has checked the organiser's right).
 */
export async function findAllSeated(tx: Tx, actor: Actor | null, classId: VisibleClassId): Promise<SeatedRow[]> {
  return withNames(tx)
    .where('e.id', 'in', seated(tx, actor, classId).select('e.id'))
    .orderBy('e.sort_key')
    .orderBy('e.id')
    .execute();
}

/** Seated enrolments of the class among these ids (the others are not on its list). */
export async function findSeatedAmong(tx: Tx, classId: VisibleClassId, ids: readonly number[]): Promise<SeatedRow[]> {
  const out: SeatedRow[] = [];
  for (const part of chunks(ids)) {
    out.push(
      ...(await withNames(tx)
        .where('e.id', 'in', seated(tx, null, classId).select('e.id').where('e.id', 'in', part))
        .execute()),
    );
  }
  return out;
}

export interface MarkRow {
  enrolment_id: number;
  session_id: number;
  mark: AttendanceMark;
}

/** The marks of these enrolments, in any session. */
export async function findMarks(tx: Tx, enrolmentIds: readonly number[]): Promise<MarkRow[]> {
  const out: MarkRow[] = [];
  for (const part of chunks(enrolmentIds)) {
    out.push(
      ...(await tx.q
        .selectFrom('attendance')
        .select(['enrolment_id', 'session_id', 'mark'])
        .where('enrolment_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export interface MarkWrite {
  enrolment_id: number;
  session_id: number;
  mark: AttendanceMark;
}

/**
 * Insert or replace marks. Grouped by session and mark, each statement carries only enrolment ids
 * (insert … select from enrolments): a 20,000-mark save binds 20,000 values, not 120,000.
 */
export async function upsertMarks(
  tx: Tx,
  marks: readonly MarkWrite[],
  how: { method: string; markedAt: string; markedBy: number | null },
): Promise<void> {
  const groups = new Map<string, { sessionId: number; mark: string; ids: number[] }>();
  for (const m of marks) {
    const key = `${m.session_id}:${m.mark}`;
    let group = groups.get(key);
    if (!group) {
      group = { sessionId: m.session_id, mark: m.mark, ids: [] };
      groups.set(key, group);
    }
    group.ids.push(m.enrolment_id);
  }
  for (const g of groups.values()) {
    for (const part of chunks(g.ids)) {
      await tx.q
        .insertInto('attendance')
        .columns(['enrolment_id', 'session_id', 'mark', 'method', 'marked_at', 'marked_by'])
        .expression(
          tx.q
            .selectFrom('enrolments as e')
            .select([
              'e.id',
              sql<number>`cast(${g.sessionId} as integer)`.as('session_id'),
              sql<string>`cast(${g.mark} as text)`.as('mark'),
              sql<string>`cast(${how.method} as text)`.as('method'),
              sql<string>`cast(${how.markedAt} as text)`.as('marked_at'),
              sql<number | null>`cast(${how.markedBy} as integer)`.as('marked_by'),
            ])
            .where('e.id', 'in', part),
        )
        .onConflict((oc) =>
          oc.columns(['enrolment_id', 'session_id']).doUpdateSet((eb) => ({
            mark: eb.ref('excluded.mark'),
            method: eb.ref('excluded.method'),
            marked_at: eb.ref('excluded.marked_at'),
            marked_by: eb.ref('excluded.marked_by'),
          })),
        )
        .execute();
    }
  }
}

/** Remove marks, one statement per session and chunk. */
export async function deleteMarks(
  tx: Tx,
  marks: readonly { enrolment_id: number; session_id: number }[],
): Promise<void> {
  const bySession = new Map<number, number[]>();
  for (const m of marks) bySession.set(m.session_id, [...(bySession.get(m.session_id) ?? []), m.enrolment_id]);
  for (const [sessionId, enrolmentIds] of bySession) {
    for (const part of chunks(enrolmentIds)) {
      await tx.q
        .deleteFrom('attendance')
        .where('session_id', '=', sessionId)
        .where('enrolment_id', 'in', part)
        .execute();
    }
  }
}
