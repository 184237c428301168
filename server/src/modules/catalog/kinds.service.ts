import { trainingKindCreate, trainingKindUpdate, type TrainingKind } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { AppError, notFound, stale } from '../../errors.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { requireCatalogManager } from './catalog.access.ts';
import { findKind, insertKind, listKinds, updateKind, type KindRow } from './kinds.repository.ts';

const NOT_FOUND = 'Loại hình bồi dưỡng';
// Kinds are keyed by their code, not a number: their audit rows carry entity id 0 and the code in
// before/after, where the audit page shows it.
const KIND_AUDIT_ID = 0;

function toKind(r: KindRow): TrainingKind {
  return { code: r.code, name: r.name, sortOrder: r.sort_order, active: r.active === 1, version: r.version };
}

function auditView(r: KindRow) {
  const { version: _v, ...fields } = toKind(r);
  return fields;
}

export async function listTrainingKinds(ctx: Ctx): Promise<{ items: TrainingKind[] }> {
  return { items: (await listKinds(reader(ctx))).map(toKind) };
}

/**
 * The kind a new class or programme is filed under: it must be in the catalogue and still in use.
 * A kind deactivated later stays on the records that already carry it.
 */
export async function requireActiveKind(tx: Tx, code: string): Promise<KindRow> {
  const kind = await findKind(tx, code);
  if (!kind) {
    throw fieldError('kindCode', {
      vi: `mã "${code}" không có trong danh mục`,
      en: `the code "${code}" is not in the catalogue`,
    });
  }
  if (kind.active !== 1) {
    throw fieldError('kindCode', {
      vi: `"${kind.name}" đã ngừng sử dụng, hãy chọn loại hình khác`,
      en: `"${kind.name}" is no longer used: choose another kind`,
    });
  }
  return kind;
}

export async function createTrainingKind(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof trainingKindCreate>,
): Promise<TrainingKind> {
  const data = parseInput(trainingKindCreate, input);
  return inTransaction(ctx, async (tx) => {
    await requireCatalogManager(tx, actor);
    const existing = await findKind(tx, data.code);
    if (existing) {
      throw new AppError(
        'conflict',
        {
          vi: `Mã "${data.code}" đã có trong danh mục (${existing.name})`,
          en: `The code "${data.code}" is already in the catalogue (${existing.name})`,
        },
        { field: 'code' },
      );
    }
    await insertKind(tx, { code: data.code, name: data.name, sort_order: data.sortOrder });
    const row = (await findKind(tx, data.code))!;
    await writeAudit(tx, actor, {
      entity: 'training_kind',
      entityId: KIND_AUDIT_ID,
      action: 'create',
      unitId: null,
      after: auditView(row),
    });
    return toKind(row);
  });
}

export async function updateTrainingKind(
  ctx: Ctx,
  actor: Actor,
  input: { code: string } & z.input<typeof trainingKindUpdate>,
): Promise<TrainingKind> {
  const { code, ...rest } = input;
  const patch = parseInput(trainingKindUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    await requireCatalogManager(tx, actor);
    const before = await findKind(tx, code);
    if (!before) throw notFound(NOT_FOUND);
    if (before.version !== patch.version) throw stale();
    const values = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    };
    // As lib/versioned.ts: a save that changes nothing keeps the version (and writes no audit row).
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== before[k]);
    if (changed) await updateKind(tx, code, patch.version, values);
    const after = (await findKind(tx, code))!;
    await writeAudit(tx, actor, {
      entity: 'training_kind',
      entityId: KIND_AUDIT_ID,
      action: 'update',
      unitId: null,
      before: auditView(before),
      after: auditView(after),
    });
    return toKind(after);
  });
}
