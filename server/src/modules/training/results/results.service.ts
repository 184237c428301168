import {
  fieldLabels,
  fieldLabelsEn,
  outcomeOverride,
  resultsInput,
  type ClassStatus,
  type Outcome,
  type OverrideResult,
  type Grade,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx } from '../../../context.ts';
import { inTransaction } from '../../../context.ts';
import { nowIso } from '../../../db/dialect.ts';
import { AppError, notFound, stale } from '../../../errors.ts';
import { messages, type Words } from '../../../i18n/messages.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit, writeAudits } from '../../audit/audit.writer.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { lockManagedClass, requireRostered, requireStatus } from '../classes/class.access.ts';
import { gradeOfScore, tenths } from './grades.ts';
import { refreshOutcomes, SEATED } from './outcomes.ts';
import { findResultRows, findVisibleResultRow, setResults, type ResultRow } from './results.repository.ts';

/** Results are entered while the class runs and corrected after it ends, until it is closed. */
const RESULT_STATES: readonly ClassStatus[] = ['in_progress', 'completed'];

const isSeated = (status: string) => (SEATED as readonly string[]).includes(status);

function outcomeOf(r: ResultRow): Outcome | null {
  return r.outcome_override ?? r.rule_outcome;
}

/** The enrolment's results as the audit log keeps them. */
function auditView(r: ResultRow) {
  return {
    score: r.score,
    grade: r.grade,
    ruleOutcome: r.rule_outcome,
    outcomeOverride: r.outcome_override,
    overrideReason: r.override_reason,
    outcome: outcomeOf(r),
  };
}

/** A bad row of a bulk input: which row (1-based, as the user counts them), which field, why. */
function rowError(index: number, field: string, message: Words): AppError {
  const leaf = field.split('.').at(-1) ?? field;
  const row = index + 1;
  return new AppError(
    'validation',
    {
      vi: `Dòng ${row}: ${fieldLabels[leaf] ?? leaf}: ${message.vi}`,
      en: `Row ${row}: ${fieldLabelsEn[leaf] ?? leaf}: ${message.en}`,
    },
    { field: `results.${index}.${field}`, row },
  );
}

/**
 * The certificate prints the grade and proves completion: while one is valid, the results under it
 * stay as they were. Revoke it first.
 */
function frozenByCertificate(r: ResultRow): AppError {
  return new AppError(
    'conflict',
    {
      vi: `${r.person_name} đã được cấp giấy chứng nhận số ${r.valid_certificate}: hãy thu hồi giấy chứng nhận trước khi sửa kết quả`,
      en: `${r.person_name} holds the certificate ${r.valid_certificate}: revoke it before changing the results`,
    },
    { field: 'enrolmentId', enrolmentId: r.id },
  );
}

interface Planned {
  row: ResultRow;
  score: number | null;
  grade: Grade | null;
}

/** What a row of the input changes; null when it changes nothing. Refuses a row that cannot be taken. */
function plan(
  r: z.output<typeof resultsInput>['results'][number],
  i: number,
  row: ResultRow | undefined,
  classId: number,
): Planned | null {
  if (!row || row.class_id !== classId)
    throw rowError(i, 'enrolmentId', { vi: 'không phải học viên của lớp này', en: 'is not a trainee of this class' });
  if (!isSeated(row.status)) {
    throw rowError(i, 'enrolmentId', messages.notSeated(row.person_name));
  }
  let score = row.score;
  if (r.score !== undefined && r.score !== null) {
    score = tenths(r.score);
    if (score === null) {
      throw rowError(i, 'score', {
        vi: 'chỉ lấy đến một chữ số thập phân (ví dụ 8,5)',
        en: 'at most one decimal place (for example 8.5)',
      });
    }
  } else if (r.score === null) {
    score = null;
  }
  // Only a score given: the grade follows from it. A grade given (or cleared) is taken as it is.
  let grade = row.grade;
  if (r.grade !== undefined) grade = r.grade;
  else if (r.score !== undefined && score !== null) grade = gradeOfScore(score);
  if (score === row.score && grade === row.grade) return null;
  if (row.valid_certificate) throw frozenByCertificate(row);
  return { row, score, grade };
}

/**
 * PUT /training/classes/:id/results — scores and grades of many trainees in one transaction, then
 * the completion rule for those whose results changed. Rows that change nothing are not written.
 */
export async function saveResults(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof resultsInput>,
): Promise<{ changed: number }> {
  const { id, ...rest } = input;
  const data = parseInput(resultsInput, rest);
  return inTransaction(ctx, async (tx) => {
    const cls = await lockManagedClass(tx, actor, id);
    requireRostered(cls);
    const rows = new Map(
      (
        await findResultRows(
          tx,
          data.results.map((r) => r.enrolmentId),
        )
      ).map((r) => [r.id, r]),
    );
    const seen = new Set<number>();
    const planned: Planned[] = [];
    data.results.forEach((r, i) => {
      if (seen.has(r.enrolmentId)) {
        throw rowError(i, 'enrolmentId', {
          vi: 'học viên này đã có ở một dòng trước',
          en: 'this trainee is already on an earlier row',
        });
      }
      seen.add(r.enrolmentId);
      const p = plan(r, i, rows.get(r.enrolmentId), cls.id);
      if (p) planned.push(p);
    });
    // The rows are checked first, so a wrong list is named even when the class is not yet running.
    requireStatus(cls, RESULT_STATES, { vi: 'nhập kết quả học tập', en: 'enter results' });
    if (!planned.length) return { changed: 0 };

    const now = nowIso();
    const groups = new Map<string, Planned[]>();
    for (const p of planned) {
      const key = `${p.score}|${p.grade}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    for (const group of groups.values()) {
      const { score, grade } = group[0] as Planned;
      await setResults(
        tx,
        group.map((p) => p.row.id),
        { score, grade },
        now,
      );
    }
    const ids = planned.map((p) => p.row.id);
    await refreshOutcomes(tx, cls.id, ids);
    const after = new Map((await findResultRows(tx, ids)).map((r) => [r.id, r]));
    await writeAudits(
      tx,
      actor,
      planned.map((p) => {
        const a = after.get(p.row.id);
        if (!a) throw notFound('Học viên');
        return {
          entity: 'enrolment',
          entityId: p.row.id,
          action: 'results',
          unitId: cls.organiser_unit_id,
          before: auditView(p.row),
          after: auditView(a),
        };
      }),
    );
    return { changed: planned.length };
  });
}

function toOverrideResult(r: ResultRow): OverrideResult {
  return {
    enrolmentId: r.id,
    outcome: outcomeOf(r),
    ruleOutcome: r.rule_outcome,
    outcomeOverridden: r.outcome_override !== null,
    overrideReason: r.override_reason,
    version: r.version,
  };
}

/**
 * POST /training/enrolments/:id/override — staff decide the outcome against the rule (with a
 * reason), or clear their decision so the rule applies again. The rule's own result is kept beside.
 */
export async function overrideOutcome(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof outcomeOverride>,
): Promise<OverrideResult> {
  const { id, ...rest } = input;
  const data = parseInput(outcomeOverride, rest);
  if (data.outcome !== null && !data.reason) {
    throw fieldError('reason', 'hãy ghi lý do khi quyết định kết quả khác với quy định hoàn thành của lớp');
  }
  return inTransaction(ctx, async (tx) => {
    const before = await findVisibleResultRow(tx, actor, id);
    if (!before) throw notFound('Học viên');
    const cls = await lockManagedClass(tx, actor, before.class_id);
    requireStatus(cls, RESULT_STATES, { vi: 'quyết định kết quả hoàn thành', en: 'decide the outcome' });
    if (!isSeated(before.status)) {
      throw new AppError('conflict', messages.notSeated(before.person_name), { field: 'enrolmentId' });
    }
    if (before.version !== data.version) throw stale();
    if (before.valid_certificate) throw frozenByCertificate(before);
    await updateVersioned(tx, 'enrolments', id, data.version, {
      outcome_override: data.outcome,
      override_reason: data.outcome === null ? null : (data.reason ?? null),
    });
    const after = await findVisibleResultRow(tx, actor, id);
    if (!after) throw notFound('Học viên');
    await writeAudit(tx, actor, {
      entity: 'enrolment',
      entityId: id,
      action: data.outcome === null ? 'override_clear' : 'override',
      unitId: cls.organiser_unit_id,
      before: auditView(before),
      // Clearing keeps no reason on the row; the audit log keeps why it was cleared.
      after: { ...auditView(after), reason: data.reason ?? null },
    });
    return toOverrideResult(after);
  });
}
