import type { ClassStatus } from '@canbo/contract';
import { sql } from 'kysely';
import type { Tx } from '../../../context.ts';
import { forUpdate } from '../../../db/dialect.ts';
import { SEATED } from '../results/outcomes.ts';

/**
 * A quota is the seats of one allocation, or the organiser's own seats (allocationId null):
 * capacity − all allocated seats, unlimited when the class has no capacity.
 */
export interface Quota {
  classId: number;
  allocationId: number | null;
  /** null = unlimited. */
  seats: number | null;
  seated: number;
  /** The class's status, read under the lock. */
  classStatus: ClassStatus;
}

/**
 * Lock what guards the quota, then count who sits on it, so concurrent nominations into the same
 * quota take turns here and each sees the seats the previous one took. The class row is locked
 * first, always: it guards the organiser's seats (capacity − every allocation), and inserting an
 * enrolment takes a key-share lock on it (foreign key), so a writer holding only the allocation row
 * could deadlock with an allocation change that locks class then allocation. Then the allocation
 * row, which guards its own seats.
 */
export async function lockQuota(tx: Tx, classId: number, allocationId: number | null): Promise<Quota> {
  const cls = await lockClassRow(tx, classId);
  let seats: number | null;
  if (allocationId !== null) {
    const row = await forUpdate(
      tx.engine,
      tx.q
        .selectFrom('seat_allocations')
        .select('seats')
        .where('id', '=', allocationId)
        .where('class_id', '=', classId),
    ).executeTakeFirstOrThrow();
    seats = row.seats;
  } else {
    seats = cls.capacity === null ? null : cls.capacity - (await allocatedSeats(tx, classId));
  }
  return {
    classId,
    allocationId,
    seats,
    seated: await seatedCount(tx, classId, allocationId),
    classStatus: cls.status,
  };
}

/** Lock the class row: it guards the capacity and the organiser's seats. */
export async function lockClassRow(tx: Tx, classId: number): Promise<{ capacity: number | null; status: ClassStatus }> {
  return forUpdate(
    tx.engine,
    tx.q.selectFrom('training_classes').select(['capacity', 'status']).where('id', '=', classId),
  ).executeTakeFirstOrThrow();
}

/** Seats given to units, all allocations of the class (optionally leaving one out). */
export async function allocatedSeats(tx: Tx, classId: number, exceptAllocationId?: number): Promise<number> {
  let query = tx.q
    .selectFrom('seat_allocations')
    .select(sql<number>`coalesce(sum(seats), 0)`.as('n'))
    .where('class_id', '=', classId);
  if (exceptAllocationId !== undefined) query = query.where('id', '!=', exceptAllocationId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Enrolments holding a seat of the quota. */
export async function seatedCount(tx: Tx, classId: number, allocationId: number | null): Promise<number> {
  const row = await tx.q
    .selectFrom('enrolments')
    .select(sql<number>`count(*)`.as('n'))
    .where('class_id', '=', classId)
    .where('allocation_id', allocationId === null ? 'is' : '=', allocationId)
    .where('status', 'in', [...SEATED])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Seats still free on a locked quota (Infinity when unlimited). */
export function freeSeats(quota: Quota): number {
  return quota.seats === null ? Number.POSITIVE_INFINITY : Math.max(0, quota.seats - quota.seated);
}

/** The quota's waitlist, first in line first: who waited longest, then who was entered first. */
export async function waitlistOf(
  tx: Tx,
  classId: number,
  allocationId: number | null,
  limit: number,
): Promise<{ id: number; unit_id: number; version: number }[]> {
  let query = tx.q
    .selectFrom('enrolments')
    .select(['id', 'unit_id', 'version'])
    .where('class_id', '=', classId)
    .where('allocation_id', allocationId === null ? 'is' : '=', allocationId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlisted_at')
    .orderBy('id');
  if (Number.isFinite(limit)) query = query.limit(limit);
  return query.execute();
}
