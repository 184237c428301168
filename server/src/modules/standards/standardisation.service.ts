import {
  qualificationLabels,
  qualifications,
  standardisationExportQuery,
  standardisationQuery,
  theoryLevelLabels,
  theoryLevels,
  titleGapsExportQuery,
  titleGapsQuery,
  type Page,
  type StandardisationRow,
  type TitleGapRow,
  type Title,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../auth/policy.ts';
import { offsetBatches, type OffsetWindow } from '../../db/keyset.ts';
import type { Ctx, Tx } from '../../context.ts';
import { reader } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { todayIso } from '../../lib/dates.ts';
import { parseInput } from '../../lib/input.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import {
  findGaps,
  findStandardisation,
  type GapSqlRow,
  type HoldersQuery,
  type StandardisationSqlRow,
} from './standardisation.repository.ts';

/** What both lists are asked: a subtree (the actor's whole read scope without one), a day, a title. */
export interface StandardsFilter {
  unitId?: number | null | undefined;
  /** `yyyy-mm-dd`; today in Vietnam when absent. */
  at?: string | undefined;
  title?: Title | null | undefined;
  sort?: HoldersQuery['sort'] | undefined;
  order?: 'asc' | 'desc' | undefined;
}

type Window = OffsetWindow;

/** A batch of an export: whole lists are read a batch at a time, so none sits in memory at once. */
const EXPORT_BATCH = 1000;
const FIRST_PAGE: Window = { limit: 200, offset: 0 };

async function holdersQuery(tx: Tx, actor: Actor, f: StandardsFilter): Promise<HoldersQuery> {
  const unitId = f.unitId ?? null;
  if (unitId !== null && !(await can(tx, actor, 'person.read', unitId))) throw notFound('Đơn vị');
  return {
    unitId,
    at: f.at ?? todayIso(),
    title: f.title ?? null,
    sort: f.sort ?? 'person',
    order: f.order ?? 'asc',
  };
}

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The requirements a holder misses, in the words of the standardisation report. */
function shortfallsOf(r: StandardisationSqlRow): StandardisationRow['shortfalls'] {
  const out: StandardisationRow['shortfalls'] = [];
  const ageFirst = n(r.age_first);
  const limitFirst = n(r.limit_first);
  const ageNow = n(r.age_now);
  const limitNow = n(r.limit_now);
  if (ageFirst !== null && limitFirst !== null && ageFirst > limitFirst) {
    out.push({ kind: 'age_first', text: `Quá tuổi bổ nhiệm (${ageFirst} > ${limitFirst})` });
  }
  if (ageNow !== null && limitNow !== null && ageNow > limitNow) {
    out.push({ kind: 'age_in_post', text: `Quá tuổi đương nhiệm (${ageNow} > ${limitNow})` });
  }
  const below = <T extends string>(has: T, min: T | null, order: readonly T[]) =>
    min !== null && order.indexOf(has) < order.indexOf(min);
  if (below(r.qualification, r.min_qualification, qualifications)) {
    out.push({
      kind: 'qualification',
      text: `Trình độ chuyên môn chưa đạt (${qualificationLabels[r.qualification]}, yêu cầu ${qualificationLabels[r.min_qualification!]})`,
    });
  }
  if (below(r.theory_level, r.min_theory_level, theoryLevels)) {
    out.push({
      kind: 'theory',
      text: `Lý luận chính trị chưa đạt (${theoryLevelLabels[r.theory_level]}, yêu cầu ${theoryLevelLabels[r.min_theory_level!]})`,
    });
  }
  return out;
}

const toStandardisationRow = (r: StandardisationSqlRow): StandardisationRow => ({
  positionId: Number(r.position_id),
  personId: Number(r.person_id),
  personName: r.full_name,
  birthDate: r.birth_date,
  unitId: Number(r.unit_id),
  unitName: r.unit_name,
  title: r.title,
  level: r.level,
  startDate: r.start_date,
  hardshipArea: Number(r.hardship_area) === 1,
  shortfalls: shortfallsOf(r),
});

const toGapRow = (r: GapSqlRow): TitleGapRow => ({
  positionId: Number(r.position_id),
  personId: Number(r.person_id),
  personName: r.full_name,
  unitId: Number(r.unit_id),
  unitName: r.unit_name,
  title: r.title,
  startDate: r.start_date,
  trainedOn: r.trained_on,
});

/**
 * Holders of a title on the day, in the unit's subtree, who do not meet their title's standard
 * (QĐ 289, `title_standards`), with what they miss. Reads inside the caller's transaction, so a
 * report can put it beside its other figures.
 */
export async function standardisation(
  tx: Tx,
  actor: Actor,
  filter: StandardsFilter,
  window: Window = FIRST_PAGE,
): Promise<{ rows: StandardisationRow[]; total: number }> {
  const { rows, total } = await findStandardisation(tx, actor, await holdersQuery(tx, actor, filter), window);
  return { rows: rows.map(toStandardisationRow), total };
}

/**
 * Holders of a title on the day without their title training within `months` of the appointment,
 * by the rule of the title-training share figure; `trainedOn` tells the late from the never trained.
 */
export async function titleTrainingGaps(
  tx: Tx,
  actor: Actor,
  filter: StandardsFilter & { months: number },
  window: Window = FIRST_PAGE,
): Promise<{ rows: TitleGapRow[]; total: number }> {
  const { rows, total } = await findGaps(tx, actor, await holdersQuery(tx, actor, filter), filter.months, window);
  return { rows: rows.map(toGapRow), total };
}

export async function listStandardisation(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof standardisationQuery>,
): Promise<Page<StandardisationRow>> {
  const q = parseInput(standardisationQuery, input);
  const { rows, total } = await standardisation(reader(ctx), actor, q, { limit: q.pageSize, offset: offsetOf(q) });
  return pageFrom(rows, total, q);
}

export async function listTitleGaps(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof titleGapsQuery>,
): Promise<Page<TitleGapRow>> {
  const q = parseInput(titleGapsQuery, input);
  const { rows, total } = await titleTrainingGaps(reader(ctx), actor, q, { limit: q.pageSize, offset: offsetOf(q) });
  return pageFrom(rows, total, q);
}

/**
 * A whole list for Excel: the unit is checked (404) before the first byte is sent, rows are read a
 * batch at a time as the file is written.
 */
async function exported<R>(read: (window: Window) => Promise<{ rows: R[] }>): Promise<AsyncIterable<R>> {
  const batches = offsetBatches(async (window) => (await read(window)).rows, EXPORT_BATCH);
  // The first batch is read now: an unknown unit is refused before the download starts.
  const first = await batches.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield* first.value;
      for await (const batch of batches) yield* batch;
    },
  };
}

export async function exportStandardisation(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof standardisationExportQuery>,
): Promise<{ at: string; rows: AsyncIterable<StandardisationRow> }> {
  const q = parseInput(standardisationExportQuery, input);
  const at = q.at ?? todayIso();
  const tx = reader(ctx);
  return { at, rows: await exported((w) => standardisation(tx, actor, { ...q, at }, w)) };
}

export async function exportTitleGaps(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof titleGapsExportQuery>,
): Promise<{ at: string; months: number; rows: AsyncIterable<TitleGapRow> }> {
  const q = parseInput(titleGapsExportQuery, input);
  const at = q.at ?? todayIso();
  const tx = reader(ctx);
  return { at, months: q.months, rows: await exported((w) => titleTrainingGaps(tx, actor, { ...q, at }, w)) };
}
