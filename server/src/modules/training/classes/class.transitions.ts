import {
  classActionLabels,
  classActionLabelsEn,
  classTransition,
  classTransitions,
  type ClassAction,
  type classHistory,
  type ClassTransitionInput,
  type TrainingClass,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { AppError, stale } from '../../../errors.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { parseInput } from '../../../lib/input.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import { findVisibleClass, lockManagedClass, requireStatus } from './class.access.ts';
import { insertHistory, listHistory } from './class.repository.ts';
import { classOr404, forWrite } from './class.service.ts';
import { toClass } from './class.view.ts';

/** "Khai giảng" → "khai giảng", "Start the class" → "start the class": to sit inside a sentence. */
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const inSentence = (action: ClassAction) => ({
  vi: lower(classActionLabels[action]),
  en: lower(classActionLabelsEn[action]),
});

/**
 * One step of the workflow, allowed only from the states `classTransitions` lists (else 409 naming
 * the state the class is in). Each step is written to the class's history and the audit log.
 */
export async function transitionClass(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & ClassTransitionInput,
): Promise<TrainingClass> {
  const { id, ...rest } = input;
  const { action, version, note } = parseInput(classTransition, rest);
  const step = classTransitions[action];
  return inTransaction(ctx, async (tx) => {
    // Two people pressing "Khai giảng" at once: the second waits here and then finds a new version.
    await lockManagedClass(tx, actor, id);
    const before = await classOr404(tx, actor, id);
    if (before.version !== version) throw stale();
    requireStatus(forWrite(before), step.from, inSentence(action));
    // A rostered class starts with a timetable: the sign-in sheets and attendance hang on its sessions.
    if (action === 'start' && before.headcount_total === null && before.session_count === 0) {
      throw new AppError(
        'conflict',
        {
          vi: `Lớp "${before.name}" chưa có buổi học nào: hãy xếp lịch học trước khi khai giảng`,
          en: `The class "${before.name}" has no session yet: plan its timetable before starting it`,
        },
        {
          field: 'sessions',
        },
      );
    }
    await updateVersioned(tx, 'training_classes', id, version, { status: step.to });
    await insertHistory(tx, {
      classId: id,
      from: before.status,
      to: step.to,
      actorUserId: actor.userId,
      note: note ?? null,
    });
    if (action === 'complete') await refreshOutcomes(tx, id);
    const after = await classOr404(tx, actor, id);
    await writeAudit(tx, actor, {
      entity: 'training_class',
      entityId: id,
      action,
      unitId: after.organiser_unit_id,
      before: { status: before.status },
      after: { status: after.status, ...(note ? { note } : {}) },
    });
    return toClass(after);
  });
}

/** Every status step of a class the actor sees, oldest first (a few rows a class: not paged). */
export async function classHistoryOf(
  ctx: Ctx,
  actor: Actor,
  input: { id: number },
): Promise<z.infer<typeof classHistory>> {
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, input.id);
  const rows = await listHistory(tx, cls.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorName: r.actor_name,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      note: r.note,
      recordedAt: r.recorded_at,
    })),
  };
}
