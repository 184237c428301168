import {
  certificatePattern,
  certificatePatternInput,
  certificatePatternProblem,
  DEFAULT_CERTIFICATE_PATTERN,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import { can } from '../../../auth/policy.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { forbidden, notFound, stale } from '../../../errors.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { todayIso } from '../../../lib/dates.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { nextSeq } from './certificates.repository.ts';
import {
  findPattern,
  findUnitForPattern,
  insertPattern,
  updatePattern,
  type PatternUnit,
} from './patterns.repository.ts';

type CertificatePattern = z.infer<typeof certificatePattern>;

/** The unit, if the actor may read its training (else 404: the unit is not theirs to know). */
async function readableUnit(tx: Tx, actor: Actor, unitId: number): Promise<PatternUnit> {
  const unit = await findUnitForPattern(tx, unitId);
  if (!unit || !(await can(tx, actor, 'training.read', unitId))) throw notFound('Đơn vị');
  return unit;
}

/** The pattern with what the web needs for a live example: the unit's code and this year's next number. */
async function patternOf(tx: Tx, unit: PatternUnit): Promise<CertificatePattern> {
  const row = await findPattern(tx, unit.id);
  return {
    unitId: unit.id,
    pattern: row?.pattern ?? DEFAULT_CERTIFICATE_PATTERN,
    // 0 until the unit saves a pattern of its own: the default is nobody's row.
    version: row?.version ?? 0,
    unitCode: unit.code,
    nextSeq: await nextSeq(tx, unit.id, Number(todayIso().slice(0, 4))),
  };
}

/** GET /training/certificate-patterns/:unitId */
export async function getCertificatePattern(
  ctx: Ctx,
  actor: Actor,
  input: { unitId: number },
): Promise<CertificatePattern> {
  const tx = reader(ctx);
  return patternOf(tx, await readableUnit(tx, actor, input.unitId));
}

/** PUT /training/certificate-patterns/:unitId — numbers already issued keep the pattern they were made with. */
export async function saveCertificatePattern(
  ctx: Ctx,
  actor: Actor,
  input: { unitId: number } & z.input<typeof certificatePatternInput>,
): Promise<CertificatePattern> {
  const { unitId, ...rest } = input;
  const data = parseInput(certificatePatternInput, rest);
  const problem = certificatePatternProblem(data.pattern);
  if (problem) throw fieldError('pattern', problem);
  return inTransaction(ctx, async (tx) => {
    const unit = await readableUnit(tx, actor, unitId);
    if (!(await can(tx, actor, 'training.manage', unitId))) {
      throw forbidden({
        vi: `Bạn không có quyền đặt mẫu số giấy chứng nhận của ${unit.name}`,
        en: `You are not allowed to set the certificate number pattern of ${unit.name}`,
      });
    }
    const before = await findPattern(tx, unitId);
    if ((before?.version ?? 0) !== data.version) throw stale();
    // As lib/versioned.ts: saving the pattern in force changes nothing, so nothing is written.
    if (data.pattern === (before?.pattern ?? DEFAULT_CERTIFICATE_PATTERN)) return patternOf(tx, unit);
    const now = nowIso();
    if (before) await updatePattern(tx, unitId, data.version, data.pattern, now);
    else await insertPattern(tx, unitId, data.pattern, now);
    await writeAudit(tx, actor, {
      entity: 'certificate_pattern',
      entityId: unitId,
      action: before ? 'update' : 'create',
      unitId,
      before: { pattern: before?.pattern ?? DEFAULT_CERTIFICATE_PATTERN },
      after: { pattern: data.pattern },
    });
    return patternOf(tx, unit);
  });
}
