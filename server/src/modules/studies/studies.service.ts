import { keysetBatches } from '../../db/keyset.ts';
import {
  studyCreate,
  studyExportQuery,
  studyListQuery,
  studyStatusLabels,
  studyStatusLabelsEn,
  studyTransition,
  studyTransitions,
  studyUpdate,
  type Page,
  type Study,
  type StudyCreate,
  type StudyCreateInput,
  type StudyTransition,
  type StudyExportQuery,
} from '@canbo/contract';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { forbidden, notFound, stale } from '../../errors.ts';
import { messages } from '../../i18n/messages.ts';
import { todayIso, vnDate } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { findPerson } from '../people/people.repository.ts';
import { requireWritablePerson } from '../people/access.ts';
import { raiseStudiedLevels } from './levels.ts';
import {
  countStudies,
  findStudiesBatch,
  findStudiesPage,
  findStudy,
  insertStudy,
  type StudyFilter,
  type StudyValues,
} from './studies.repository.ts';
import { auditView, toStudy } from './studies.view.ts';

const NOT_FOUND = 'Quá trình học tập';

type ListInput = z.input<typeof studyListQuery>;

/** The query's filters as the repository reads them: "overdue" is past today's date in Vietnam. */
function studyFilter({ overdue, ...filter }: Omit<StudyExportQuery, 'sort' | 'order'>): StudyFilter {
  return overdue === 'true' ? { ...filter, overdueOn: todayIso() } : filter;
}

async function listWith(ctx: Ctx, actor: Actor, input: ListInput, extra: Partial<StudyFilter>): Promise<Page<Study>> {
  const { page, pageSize, sort, order, ...filter } = parseInput(studyListQuery, input);
  const f = { ...studyFilter(filter), ...extra };
  const tx = reader(ctx);
  const [rows, total] = await Promise.all([
    findStudiesPage(tx, actor, f, sort, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countStudies(tx, actor, f),
  ]);
  return pageFrom(rows.map(toStudy), total, { page, pageSize });
}

export function listStudies(ctx: Ctx, actor: Actor, input: ListInput): Promise<Page<Study>> {
  return listWith(ctx, actor, input, {});
}

/** A cadre's studies: an unknown person, or one the actor may not see, is a 404. */
export async function listPersonStudies(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & ListInput,
): Promise<Page<Study>> {
  const { id, ...rest } = input;
  if (!(await findPerson(reader(ctx), actor, id))) throw notFound('Hồ sơ cán bộ');
  return listWith(ctx, actor, rest, { personId: id });
}

const EXPORT_BATCH = 500;

/** The whole filtered list in the list's order, read in keyset batches as the sheet is written. */
export function exportStudies(ctx: Ctx, actor: Actor, input: z.input<typeof studyExportQuery>): AsyncIterable<Study> {
  const { sort, order, ...filter } = parseInput(studyExportQuery, input);
  const tx = reader(ctx);
  const batches = keysetBatches(
    (after, limit) => findStudiesBatch(tx, actor, studyFilter(filter), sort, order, after, limit),
    EXPORT_BATCH,
  );
  return {
    async *[Symbol.asyncIterator]() {
      for await (const rows of batches) yield* rows.map(toStudy);
    },
  };
}

export async function getStudy(ctx: Ctx, actor: Actor, input: { id: number }): Promise<Study> {
  const row = await findStudy(reader(ctx), actor, input.id);
  if (!row) throw notFound(NOT_FOUND);
  return toStudy(row);
}

function checkPlan(p: { startDate: string; expectedEndDate: string; decisionDate: string | null }): void {
  if (p.expectedEndDate < p.startDate) {
    throw fieldError('expectedEndDate', messages.notBeforeStart(p.startDate));
  }
  if (p.decisionDate !== null && p.decisionDate > p.startDate) {
    throw fieldError('decisionDate', {
      vi: `không được sau Ngày bắt đầu (${vnDate(p.startDate)})`,
      en: `cannot be after the start date (${vnDate(p.startDate)})`,
    });
  }
}

export async function createStudy(ctx: Ctx, actor: Actor, input: StudyCreateInput): Promise<Study> {
  const data = parseInput(studyCreate, input);
  return inTransaction(ctx, (tx) => createStudyIn(tx, actor, data));
}

/** A study recorded inside the caller's transaction (the form's and the import's one rule). */
export async function createStudyIn(tx: Tx, actor: Actor, data: StudyCreate): Promise<Study> {
  const decisionDate = data.decisionDate ?? null;
  checkPlan({ ...data, decisionDate });
  await requireWritablePerson(tx, actor, data.personId);
  const values: StudyValues = {
    person_id: data.personId,
    kind: data.studyKind,
    status: 'studying',
    decision: data.decision ?? null,
    decision_date: decisionDate,
    institution: data.institution,
    major: data.major ?? null,
    mode: data.studyMode,
    start_date: data.startDate,
    expected_end_date: data.expectedEndDate,
    end_date: null,
    funding: data.funding,
    diploma_number: null,
    grade: null,
    reason: null,
    notes: data.notes ?? null,
  };
  const id = await insertStudy(tx, values, nowIso());
  const row = await findStudy(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  await writeAudit(tx, actor, {
    entity: 'study',
    entityId: id,
    action: 'create',
    unitId: row.unit_id,
    after: auditView(row),
  });
  return toStudy(row);
}

/** The row the actor may change: visible (else 404), writable (else 403), at the version they saw (else 409). */
async function requireEditable(tx: Tx, actor: Actor, id: number, version: number) {
  const before = await findStudy(tx, actor, id);
  if (!before) throw notFound(NOT_FOUND);
  if (before.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa quá trình học tập này');
  if (before.version !== version) throw stale();
  return before;
}

export async function updateStudy(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof studyUpdate>,
): Promise<Study> {
  const { id, ...rest } = input;
  const patch = parseInput(studyUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const before = await requireEditable(tx, actor, id, patch.version);
    if (patch.studyKind !== undefined && patch.studyKind !== before.kind && before.status === 'graduated') {
      throw fieldError('studyKind', 'không sửa được khi cán bộ đã tốt nghiệp (trình độ đã được cập nhật theo nó)');
    }
    const startDate = patch.startDate ?? before.start_date;
    const decisionDate = patch.decisionDate !== undefined ? patch.decisionDate : before.decision_date;
    checkPlan({ startDate, expectedEndDate: patch.expectedEndDate ?? before.expected_end_date, decisionDate });
    if (before.end_date !== null && before.end_date < startDate) {
      throw fieldError('startDate', {
        vi: `không được sau Ngày kết thúc (${vnDate(before.end_date)})`,
        en: `cannot be after the end date (${vnDate(before.end_date)})`,
      });
    }
    const values: Partial<StudyValues> = {};
    if (patch.studyKind !== undefined) values.kind = patch.studyKind;
    if (patch.decision !== undefined) values.decision = patch.decision;
    if (patch.decisionDate !== undefined) values.decision_date = patch.decisionDate;
    if (patch.institution !== undefined) values.institution = patch.institution;
    if (patch.major !== undefined) values.major = patch.major;
    if (patch.studyMode !== undefined) values.mode = patch.studyMode;
    if (patch.startDate !== undefined) values.start_date = patch.startDate;
    if (patch.expectedEndDate !== undefined) values.expected_end_date = patch.expectedEndDate;
    if (patch.funding !== undefined) values.funding = patch.funding;
    if (patch.notes !== undefined) values.notes = patch.notes;
    await updateVersioned(tx, 'studies', id, patch.version, values);
    const after = await findStudy(tx, actor, id);
    if (!after) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'study',
      entityId: id,
      action: 'update',
      unitId: after.unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    return toStudy(after);
  });
}

/**
 * graduate (diploma number and grade, end not before start nor after today) | withdraw (reason) |
 * extend (a later expected end, still in progress); each in one transaction with its audit row.
 * Graduation raises the person's recorded level in the same transaction.
 */
export async function transitionStudy(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof studyTransition>,
): Promise<Study> {
  const { id, ...rest } = input;
  const step = parseInput(studyTransition, rest);
  return inTransaction(ctx, (tx) => transitionStudyIn(tx, actor, id, step));
}

/** A transition inside the caller's transaction (the form's and the import's one rule). */
export async function transitionStudyIn(tx: Tx, actor: Actor, id: number, step: StudyTransition): Promise<Study> {
  const today = todayIso();
  const before = await requireEditable(tx, actor, id, step.version);
  if (!studyTransitions[step.action].from.includes(before.status)) {
    throw fieldError('action', {
      vi: `không thực hiện được khi quá trình học tập đã ở trạng thái "${studyStatusLabels[before.status]}"`,
      en: `cannot be done once the study is "${studyStatusLabelsEn[before.status]}"`,
    });
  }
  const values: Partial<StudyValues> = { status: studyTransitions[step.action].to };
  if (step.action === 'extend') {
    if (step.expectedEndDate <= before.expected_end_date) {
      throw fieldError('expectedEndDate', {
        vi: `phải sau ngày dự kiến kết thúc hiện tại (${vnDate(before.expected_end_date)})`,
        en: `must be after the present expected end date (${vnDate(before.expected_end_date)})`,
      });
    }
    values.expected_end_date = step.expectedEndDate;
    values.reason = step.reason;
  } else {
    if (step.endDate < before.start_date) {
      throw fieldError('endDate', messages.notBeforeStart(before.start_date));
    }
    if (step.endDate > today) throw fieldError('endDate', 'không được sau ngày hôm nay');
    values.end_date = step.endDate;
    if (step.action === 'graduate') {
      values.diploma_number = step.diplomaNumber;
      values.grade = step.diplomaGrade;
    } else {
      values.reason = step.reason;
    }
  }
  await updateVersioned(tx, 'studies', id, step.version, values);
  if (step.action === 'graduate') await raiseStudiedLevels(tx, actor, before.person_id, before.kind);
  const after = await findStudy(tx, actor, id);
  if (!after) throw notFound(NOT_FOUND);
  await writeAudit(tx, actor, {
    entity: 'study',
    entityId: id,
    action: step.action,
    unitId: after.unit_id,
    before: auditView(before),
    after: auditView(after),
  });
  return toStudy(after);
}
