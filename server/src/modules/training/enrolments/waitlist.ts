import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { updateEnrolment } from './enrolments.repository.ts';
import { freeSeats, lockQuota, waitlistOf } from './quota.repository.ts';

/** Only a class that is taking or running trainees seats people from its waitlist. */
const PROMOTING = ['open', 'in_progress'];

/**
 * Seat waitlisted trainees of one quota (allocationId null = the organiser's own seats) on the
 * seats now free, first in line first. Called after a withdrawal, after an allocation gains seats
 * and after the class's capacity grows, inside that change's transaction. Once the class runs the
 * organiser has already summoned everyone, so a promoted trainee is confirmed straight away and
 * appears on the sign-in sheets. Returns the promoted enrolment ids. The audit rows name the actor
 * whose change freed the seats, when the caller passes it.
 */
export async function fillFreedSeats(
  tx: Tx,
  classId: number,
  allocationId: number | null,
  actor: Actor | null = null,
): Promise<number[]> {
  const quota = await lockQuota(tx, classId, allocationId);
  if (!PROMOTING.includes(quota.classStatus)) return [];
  const free = freeSeats(quota);
  if (free === 0) return [];
  const waiting = await waitlistOf(tx, classId, allocationId, free);
  const status = quota.classStatus === 'open' ? 'nominated' : 'confirmed';
  const at = nowIso();
  for (const row of waiting) {
    await updateEnrolment(tx, row.id, row.version, { status }, at);
    await writeAudit(tx, actor, {
      entity: 'enrolment',
      entityId: row.id,
      action: 'promote',
      unitId: row.unit_id,
      before: { status: 'waitlisted' },
      after: { status },
    });
  }
  return waiting.map((r) => r.id);
}
