import { z } from 'zod';
import {
  fieldLabelOf,
  figureRowQuery,
  figureRowFilter,
  foldVietnamese,
  vietnameseTextKey,
  schemeCreate,
  schemeExportQuery,
  schemeLinksUpdate,
  schemeListQuery,
  schemeMetricLabels,
  schemeUpdate,
  SCHEME_MAX_YEARS,
  type FigureRow,
  type FigureRowPage,
  type Page,
  type ProgressCell,
  type Scheme,
  type SchemeCreateInput,
  type SchemeLinks,
  type SchemeListItem,
  type SchemeMetric,
  type SchemeProgress,
  type SchemeStatus,
  type SchemeTargetInput,
  type SchemeUpdateInput,
  type TargetProgress,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../auth/policy.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { keysetBatches, offsetBatches } from '../../db/keyset.ts';
import { AppError, forbidden, invalid, notFound, stale } from '../../errors.ts';
import type { Words } from '../../i18n/messages.ts';
import { todayIso } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import { offsetOf } from '../../lib/paging.ts';
import { touchVersioned, updateVersioned } from '../../lib/versioned.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { countFigures } from '../figures/figures.cache.repository.ts';
import { figureRows, figureRowsWindow, type FigureFilters, type FigureQuery } from '../figures/figures.repository.ts';
import { findVisibleClass, requireManagedClass } from '../training/classes/class.access.ts';
import { findStudy } from '../studies/studies.repository.ts';
import {
  codeTaken,
  countLinks,
  countSchemes,
  findClassLinks,
  findScheme,
  findSchemesBatch,
  findSchemesPage,
  findStudyLinks,
  findTargets,
  findTargetUnits,
  findTargetYears,
  findVisibleSchemesByIds,
  insertScheme,
  linkedSchemeIds,
  linkRoot,
  replaceTargets,
  setClassLinks,
  setStudyLinks,
  trainingKindExists,
  unitExists,
  unitsWithin,
  type LinkRow,
  type SchemeRow,
  type TargetRow,
  type TargetValues,
} from './schemes.repository.ts';

const NOT_FOUND = 'Đề án, kế hoạch';
const SHARE: SchemeMetric = 'title_training_share';
const STUDY_METRICS: readonly SchemeMetric[] = ['studies_started', 'studies_graduated'];
const CLASS_METRICS: readonly SchemeMetric[] = ['classes', 'participations', 'people'];

/** A field error at a path inside the body ("targets.2.withinMonths"), labelled in both languages. */
function pathError(path: (string | number)[], message: Words): AppError {
  return invalid(path.join('.'), {
    vi: `${fieldLabelOf(path)}: ${message.vi}`,
    en: `${fieldLabelOf(path, 'en')}: ${message.en}`,
  });
}

const PERCENT: Words = {
  vi: 'là tỷ lệ phần trăm, không được lớn hơn 100',
  en: 'is a percentage, at most 100',
};
const SHARE_NEEDS: Words = {
  vi: 'bắt buộc với chỉ tiêu tỷ lệ bồi dưỡng chức danh',
  en: 'required for a target of the share of a title trained',
};

/** The contract's checks, with the scheme's own word for `code` (the shared label names a unit's). */
function parseScheme<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  try {
    return parseInput(schema, input);
  } catch (err) {
    if (err instanceof AppError && err.details?.field === 'code') {
      const { vi, en } = err.words;
      throw invalid('code', { vi: vi.replace(/^[^:]*:/, 'Mã đề án:'), en: en.replace(/^[^:]*:/, 'Scheme code:') });
    }
    throw err;
  }
}

// ---- Read ----

function toListItem(r: SchemeRow): SchemeListItem {
  return {
    id: r.id,
    name: r.name,
    code: r.code,
    issuingUnitId: r.issuing_unit_id,
    issuingUnitName: r.issuing_unit_name,
    decision: r.decision,
    decisionDate: r.decision_date,
    startYear: r.start_year,
    endYear: r.end_year,
    targetCount: r.target_count,
    updatedAt: r.updated_at,
  };
}

export async function listSchemes(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof schemeListQuery>,
): Promise<Page<SchemeListItem>> {
  const { page, pageSize, sort, order, ...filter } = parseInput(schemeListQuery, input);
  const tx = reader(ctx);
  const [rows, total] = await Promise.all([
    findSchemesPage(tx, actor, filter, sort, order, { limit: pageSize, offset: offsetOf({ page, pageSize }) }),
    countSchemes(tx, actor, filter),
  ]);
  return { items: rows.map(toListItem), total, page, pageSize };
}

const EXPORT_BATCH = 500;

/** The filtered list in the list's order, for the Excel export. */
export function exportSchemes(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof schemeExportQuery>,
): AsyncIterable<SchemeListItem> {
  const { sort, order, ...filter } = parseInput(schemeExportQuery, input);
  const tx = reader(ctx);
  // in keyset batches, as the studies' export: each batch costs what the first did
  const batches = keysetBatches(
    (after, limit) => findSchemesBatch(tx, actor, filter, sort, order, after, limit),
    EXPORT_BATCH,
  );
  return {
    async *[Symbol.asyncIterator]() {
      for await (const rows of batches) yield* rows.map(toListItem);
    },
  };
}

function parseKinds(json: string | null): string[] | null {
  return json === null ? null : (JSON.parse(json) as string[]);
}

async function loadScheme(tx: Tx, actor: Actor, row: SchemeRow): Promise<Scheme> {
  const targets = await findTargets(tx, row.id);
  const ids = targets.map((t) => t.id);
  const [years, units, links] = await Promise.all([
    findTargetYears(tx, ids),
    findTargetUnits(tx, ids),
    countLinks(tx, actor, row.id),
  ]);
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    issuingUnitId: row.issuing_unit_id,
    issuingUnitName: row.issuing_unit_name,
    decision: row.decision,
    decisionDate: row.decision_date,
    startYear: row.start_year,
    endYear: row.end_year,
    description: row.description,
    targets: targets.map((t) => ({
      id: t.id,
      position: t.position,
      metric: t.metric,
      label: t.label,
      displayLabel: t.label ?? schemeMetricLabels[t.metric],
      kindCode: t.kind_code,
      kindName: t.kind_name,
      title: t.title,
      organiserLevel: t.organiser_level,
      unitId: t.unit_id,
      unitName: t.unit_name,
      studyKinds: parseKinds(t.study_kinds) as Scheme['targets'][number]['studyKinds'],
      withinMonths: t.within_months,
      linkedOnly: t.linked_only === 1,
      total: t.total,
      years: years.filter((y) => y.target_id === t.id).map((y) => ({ year: y.year, value: y.value })),
      units: units
        .filter((u) => u.target_id === t.id)
        .map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, value: u.value })),
    })),
    linkedClasses: links.classes,
    linkedStudies: links.studies,
    version: row.version,
    updatedAt: row.updated_at,
    canEdit: row.can_edit === 1,
  };
}

async function requireScheme(tx: Tx, actor: Actor, id: number): Promise<SchemeRow> {
  const row = await findScheme(tx, actor, id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

export async function getScheme(ctx: Ctx, actor: Actor, input: { id: number }): Promise<Scheme> {
  return readSchemeIn(reader(ctx), actor, input.id);
}

/** A scheme the actor reads, with its targets, in the caller's transaction (404 otherwise). */
export async function readSchemeIn(tx: Tx, actor: Actor, id: number): Promise<Scheme> {
  return loadScheme(tx, actor, await requireScheme(tx, actor, id));
}

// ---- Write ----

interface Period {
  startYear: number;
  endYear: number;
  issuingUnitId: number;
}

const inPeriod = (from: number, to: number): Words => ({
  vi: `phải trong giai đoạn ${from}–${to}`,
  en: `must be within the period ${from}–${to}`,
});
const codeUsed = (code: string): Words => ({
  vi: `Mã đề án: "${code}" đã được dùng`,
  en: `Scheme code: "${code}" is already used`,
});

function checkPeriod(p: Period): void {
  if (p.endYear < p.startYear) {
    throw fieldError('endYear', {
      vi: `không được trước Năm bắt đầu (${p.startYear})`,
      en: `cannot be before the start year (${p.startYear})`,
    });
  }
  if (p.endYear - p.startYear >= SCHEME_MAX_YEARS) {
    throw fieldError('endYear', {
      vi: `giai đoạn không được dài quá ${SCHEME_MAX_YEARS} năm`,
      en: `the period cannot be longer than ${SCHEME_MAX_YEARS} years`,
    });
  }
}

/** The targets' own rules (beyond the schema), every unit checked against the issuing unit's subtree. */
async function targetValues(
  tx: Tx,
  p: Period,
  targets: z.output<typeof schemeCreate>['targets'],
  existingIds: Set<number>,
): Promise<TargetValues[]> {
  const out: TargetValues[] = [];
  const seenIds = new Set<number>();
  for (const [i, t] of targets.entries()) {
    const at = (...rest: (string | number)[]) => ['targets', i, ...rest];
    if (t.id !== undefined && (!existingIds.has(t.id) || seenIds.has(t.id))) {
      throw pathError(at('id'), { vi: 'không phải chỉ tiêu của đề án này', en: 'is not a target of this scheme' });
    }
    if (t.id !== undefined) seenIds.add(t.id);
    const share = t.metric === SHARE;
    if (share && (t.withinMonths === undefined || t.withinMonths === null)) {
      throw pathError(at('withinMonths'), SHARE_NEEDS);
    }
    if (share && !t.title) throw pathError(at('title'), SHARE_NEEDS);
    if (share && t.total > 100) throw pathError(at('total'), PERCENT);
    if (STUDY_METRICS.includes(t.metric) && t.kindCode) {
      throw pathError(at('kindCode'), {
        vi: 'chỉ dùng cho chỉ tiêu về lớp bồi dưỡng',
        en: 'only for a target about training classes',
      });
    }
    if (t.kindCode && !(await trainingKindExists(tx, t.kindCode))) {
      throw pathError(at('kindCode'), {
        vi: 'không có trong danh mục loại hình bồi dưỡng',
        en: 'is not in the catalogue of training kinds',
      });
    }
    if (t.linkedOnly && !CLASS_METRICS.includes(t.metric) && !STUDY_METRICS.includes(t.metric)) {
      throw pathError(at('linkedOnly'), {
        vi: 'chỉ dùng cho chỉ tiêu về lớp bồi dưỡng hoặc học tập dài hạn',
        en: 'only for a target about training classes or long-term studies',
      });
    }
    const root = t.unitId ?? p.issuingUnitId;
    if (t.unitId != null) {
      if (!(await unitExists(tx, t.unitId)) || !(await unitsWithin(tx, p.issuingUnitId, [t.unitId])).has(t.unitId)) {
        throw pathError(at('unitId'), {
          vi: 'phải là đơn vị ban hành hoặc đơn vị trực thuộc',
          en: 'must be the issuing unit or one of its sub-units',
        });
      }
    }
    const years = new Set<number>();
    for (const [j, y] of t.years.entries()) {
      if (y.year < p.startYear || y.year > p.endYear) {
        throw pathError(at('years', j, 'year'), inPeriod(p.startYear, p.endYear));
      }
      if (years.has(y.year)) {
        throw pathError(at('years', j, 'year'), {
          vi: `năm ${y.year} được nhập hai lần`,
          en: `the year ${y.year} is entered twice`,
        });
      }
      if (share && y.value > 100) throw pathError(at('years', j, 'value'), PERCENT);
      years.add(y.year);
    }
    const unitIds = t.units.map((u) => u.unitId);
    const inside = await unitsWithin(tx, root, unitIds);
    const seenUnits = new Set<number>();
    for (const [j, u] of t.units.entries()) {
      if (!inside.has(u.unitId)) {
        throw pathError(at('units', j, 'unitId'), {
          vi: 'phải thuộc phạm vi của chỉ tiêu',
          en: 'must be within the target’s units',
        });
      }
      if (seenUnits.has(u.unitId)) {
        throw pathError(at('units', j, 'unitId'), { vi: 'được nhập hai lần', en: 'is entered twice' });
      }
      if (share && u.value > 100) throw pathError(at('units', j, 'value'), PERCENT);
      seenUnits.add(u.unitId);
    }
    out.push({
      ...(t.id === undefined ? {} : { id: t.id }),
      position: i + 1,
      metric: t.metric,
      label: t.label ?? null,
      kind_code: STUDY_METRICS.includes(t.metric) || t.metric === 'visit_days' ? null : (t.kindCode ?? null),
      title: t.title ?? null,
      organiser_level: t.organiserLevel ?? null,
      unit_id: t.unitId ?? null,
      study_kinds: STUDY_METRICS.includes(t.metric) && t.studyKinds ? JSON.stringify(t.studyKinds) : null,
      within_months: share ? (t.withinMonths ?? null) : null,
      linked_only: t.linkedOnly ? 1 : 0,
      total: t.total,
      years: [...t.years].sort((a, b) => a.year - b.year),
      units: t.units,
    });
  }
  return out;
}

async function requireIssuingUnit(tx: Tx, actor: Actor, unitId: number): Promise<void> {
  if (!(await unitExists(tx, unitId))) throw fieldError('issuingUnitId', 'không tồn tại');
  if (!(await can(tx, actor, 'training.manage', unitId))) {
    throw forbidden('Bạn không có quyền ban hành đề án, kế hoạch cho đơn vị này');
  }
}

function searchTextOf(v: { name: string; code: string; decision: string | null }): string {
  return foldVietnamese([v.code, v.name, v.decision ?? ''].join(' '));
}

/** The scheme as the audit log keeps it. */
function auditView(s: Scheme) {
  const { canEdit: _c, version: _v, updatedAt: _u, linkedClasses: _l, linkedStudies: _s, ...fields } = s;
  return fields;
}

export async function createScheme(ctx: Ctx, actor: Actor, input: SchemeCreateInput): Promise<Scheme> {
  const data = parseScheme(schemeCreate, input);
  checkPeriod(data);
  return inTransaction(ctx, async (tx) => {
    await requireIssuingUnit(tx, actor, data.issuingUnitId);
    if (await codeTaken(tx, data.code, null)) throw invalid('code', codeUsed(data.code));
    const targets = await targetValues(tx, data, data.targets, new Set());
    const values = {
      name: data.name,
      code: data.code,
      issuing_unit_id: data.issuingUnitId,
      decision: data.decision ?? null,
      decision_date: data.decisionDate ?? null,
      start_year: data.startYear,
      end_year: data.endYear,
      description: data.description ?? null,
    };
    const id = await insertScheme(
      tx,
      { ...values, search_text: searchTextOf(values), sort_key: vietnameseTextKey(values.name) },
      nowIso(),
    );
    await replaceTargets(tx, id, targets);
    const after = await loadScheme(tx, actor, await requireScheme(tx, actor, id));
    await writeAudit(tx, actor, {
      entity: 'scheme',
      entityId: id,
      action: 'create',
      unitId: data.issuingUnitId,
      after: auditView(after),
    });
    return after;
  });
}

export async function updateScheme(ctx: Ctx, actor: Actor, input: { id: number } & SchemeUpdateInput): Promise<Scheme> {
  const { id, ...rest } = input;
  const patch = parseScheme(schemeUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const row = await requireScheme(tx, actor, id);
    if (row.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa đề án, kế hoạch này');
    if (row.version !== patch.version) throw stale();
    const before = await loadScheme(tx, actor, row);
    const period = {
      startYear: patch.startYear ?? row.start_year,
      endYear: patch.endYear ?? row.end_year,
      issuingUnitId: patch.issuingUnitId ?? row.issuing_unit_id,
    };
    checkPeriod(period);
    if (period.issuingUnitId !== row.issuing_unit_id) await requireIssuingUnit(tx, actor, period.issuingUnitId);
    if (patch.code !== undefined && (await codeTaken(tx, patch.code, id))) {
      throw invalid('code', codeUsed(patch.code));
    }
    // Targets are checked against the new period even when the PATCH leaves them as they were.
    const targetsIn: SchemeTargetInput[] =
      patch.targets ??
      before.targets.map((t) => ({
        id: t.id,
        metric: t.metric,
        label: t.label,
        kindCode: t.kindCode,
        title: t.title,
        organiserLevel: t.organiserLevel,
        unitId: t.unitId,
        studyKinds: t.studyKinds,
        withinMonths: t.withinMonths,
        linkedOnly: t.linkedOnly,
        total: t.total,
        years: t.years,
        units: t.units.map((u) => ({ unitId: u.unitId, value: u.value })),
      }));
    const parsedTargets = parseScheme(schemeCreate.shape.targets, targetsIn);
    const targets = await targetValues(tx, period, parsedTargets, new Set(before.targets.map((t) => t.id)));
    const values = {
      name: patch.name ?? row.name,
      code: patch.code ?? row.code,
      issuing_unit_id: period.issuingUnitId,
      decision: patch.decision !== undefined ? patch.decision : row.decision,
      decision_date: patch.decisionDate !== undefined ? patch.decisionDate : row.decision_date,
      start_year: period.startYear,
      end_year: period.endYear,
      description: patch.description !== undefined ? patch.description : row.description,
    };
    await updateVersioned(tx, 'schemes', id, patch.version, {
      ...values,
      search_text: searchTextOf(values),
      sort_key: vietnameseTextKey(values.name),
    });
    if (patch.targets !== undefined) await replaceTargets(tx, id, targets);
    let afterRow = await requireScheme(tx, actor, id);
    let after = await loadScheme(tx, actor, afterRow);
    if (JSON.stringify(auditView(before)) === JSON.stringify(auditView(after))) return after;
    if (afterRow.version === row.version) {
      // Only the targets changed: the version still moves, so an open form sees it.
      await touchVersioned(tx, 'schemes', id, row.version);
      afterRow = await requireScheme(tx, actor, id);
      after = await loadScheme(tx, actor, afterRow);
    }
    await writeAudit(tx, actor, {
      entity: 'scheme',
      entityId: id,
      action: 'update',
      unitId: period.issuingUnitId,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

// ---- Progress ----

const DAY = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

/** Share (0–1) of the years [from, to] elapsed on `today`, days counted inclusively. */
export function elapsedShare(from: number, to: number, today: string): number {
  const start = dayNumber(`${from}-01-01`);
  const end = dayNumber(`${to}-12-31`);
  const now = dayNumber(today);
  if (now < start) return 0;
  if (now >= end) return 1;
  return (now - start + 1) / (end - start + 1);
}

/**
 * A cell's status against its target: null without one (nothing to judge). Otherwise not_started
 * before its period begins; achieved once the target is reached; not_achieved when the period has
 * ended below it; while it runs, on_track when actual ≥ target × the elapsed share, else behind.
 * A share (a %) is not pro-rated: 40% of the way through a period, 40% trained is not "on track"
 * for a 90% target — it is behind until the share itself reaches the target.
 */
export function statusOf(actual: number, target: number | null, elapsed: number, share: boolean): SchemeStatus | null {
  if (target === null) return null;
  if (elapsed <= 0) return 'not_started';
  if (actual >= target) return 'achieved';
  if (elapsed >= 1) return 'not_achieved';
  if (share) return 'behind';
  return actual >= target * elapsed ? 'on_track' : 'behind';
}

function cell(
  actual: { value: number; numerator: number | null; denominator: number | null } | undefined,
  target: number | null,
  elapsed: number,
  share: boolean,
): ProgressCell {
  const value = actual?.value ?? 0;
  return {
    target,
    actual: value,
    numerator: actual?.numerator ?? null,
    denominator: actual?.denominator ?? null,
    percent: target ? Math.round((value * 1000) / target) / 10 : null,
    status: statusOf(value, target, elapsed, share),
  };
}

/**
 * When progress is read: `asOf` is the day statuses are judged on (the period's elapsed share, the
 * title holders' day); `upTo`, when set, also leaves out the records dated after it — progress
 * "tính đến ngày" a past day, as the report asks it.
 */
export interface ProgressDay {
  asOf: string;
  upTo: string | null;
}

/** Progress as of `at` (today by default): a past day counts only what was dated by then; today is the scheme page's. */
export function progressDay(at?: string): ProgressDay {
  const today = todayIso();
  const asOf = at ?? today;
  return { asOf, upTo: asOf < today ? asOf : null };
}

/** The engine's query for a target over some years (the issuing unit's subtree unless linked or set). */
function targetQuery(scheme: SchemeRow, t: TargetRow, from: number, to: number, day: ProgressDay): FigureQuery {
  const linked = t.linked_only === 1;
  const filters: FigureFilters = {
    kindCode: t.metric === SHARE ? (t.kind_code ?? null) : t.kind_code,
    title: t.title,
    organiserLevel: t.organiser_level,
    unitId: t.unit_id ?? (linked ? null : scheme.issuing_unit_id),
    studyKinds: parseKinds(t.study_kinds) as FigureFilters['studyKinds'],
    withinMonths: t.within_months,
    schemeId: linked ? scheme.id : null,
  };
  const q: FigureQuery = { metric: t.metric, fromYear: from, toYear: to, filters, asOf: day.asOf };
  if (day.upTo !== null && day.upTo < `${to}-12-31`) q.days = { from: `${from}-01-01`, to: day.upTo };
  return q;
}

async function targetProgress(
  tx: Tx,
  actor: Actor,
  scheme: SchemeRow,
  t: TargetRow,
  years: { year: number; value: number }[],
  units: { unit_id: number; unit_name: string; value: number }[],
  day: ProgressDay,
): Promise<TargetProgress> {
  const { asOf } = day;
  const q = targetQuery(scheme, t, scheme.start_year, scheme.end_year, day);
  const additive = t.metric !== 'people' && t.metric !== SHARE;
  const [byYear, overall, byUnit] = await Promise.all([
    countFigures(tx, actor, { ...q, by: 'year' }),
    additive ? Promise.resolve(null) : countFigures(tx, actor, q),
    units.length
      ? countFigures(tx, actor, { ...q, by: 'unit', groupUnits: units.map((u) => u.unit_id) })
      : Promise.resolve([]),
  ]);
  const yearValue = new Map(byYear.map((f) => [Number(f.key), f]));
  const total = overall
    ? overall[0]
    : { value: byYear.reduce((s, f) => s + f.value, 0), numerator: null, denominator: null };
  const elapsed = elapsedShare(scheme.start_year, scheme.end_year, asOf);
  const share = t.metric === SHARE;
  const targetOfYear = new Map(years.map((y) => [y.year, y.value]));
  const yearCells = [];
  for (let y = scheme.start_year; y <= scheme.end_year; y++) {
    yearCells.push({
      year: y,
      ...cell(yearValue.get(y), targetOfYear.get(y) ?? null, elapsedShare(y, y, asOf), share),
    });
  }
  const unitValue = new Map(byUnit.map((f) => [Number(f.key), f]));
  return {
    targetId: t.id,
    metric: t.metric,
    displayLabel: t.label ?? schemeMetricLabels[t.metric],
    isShare: share,
    ...cell(total, t.total, elapsed, share),
    years: yearCells,
    units: units.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name,
      ...cell(unitValue.get(u.unit_id), u.value, elapsed, share),
    })),
  };
}

/** Every target's progress, live from the records, counted in the actor's scope. */
export async function schemeProgress(
  ctx: Ctx,
  actor: Actor,
  input: { id: number },
  today: string = todayIso(),
): Promise<SchemeProgress> {
  const tx = reader(ctx);
  return schemeProgressIn(tx, actor, input.id, { asOf: today, upTo: null });
}

/** The same in the caller's transaction (the report frame's), on the day given. */
export async function schemeProgressIn(tx: Tx, actor: Actor, id: number, day: ProgressDay): Promise<SchemeProgress> {
  const today = day.asOf;
  const scheme = await requireScheme(tx, actor, id);
  const targets = await findTargets(tx, scheme.id);
  const ids = targets.map((t) => t.id);
  const [years, units] = await Promise.all([findTargetYears(tx, ids), findTargetUnits(tx, ids)]);
  const progress: TargetProgress[] = [];
  for (const t of targets) {
    progress.push(
      await targetProgress(
        tx,
        actor,
        scheme,
        t,
        years.filter((y) => y.target_id === t.id),
        units.filter((u) => u.target_id === t.id),
        day,
      ),
    );
  }
  return {
    schemeId: scheme.id,
    asOf: today,
    elapsedPercent: Math.round(elapsedShare(scheme.start_year, scheme.end_year, today) * 1000) / 10,
    targets: progress,
  };
}

// ---- Drill-down ----

/** The engine's query for the rows behind a target's figure (the period, a year, a unit), the scheme checked. */
export async function targetRowsQuery(
  tx: Tx,
  actor: Actor,
  input: { id: number; targetId: number; year?: number | undefined; unitId?: number | undefined },
  day: ProgressDay,
): Promise<FigureQuery> {
  const scheme = await requireScheme(tx, actor, input.id);
  const target = (await findTargets(tx, scheme.id)).find((t) => t.id === input.targetId);
  if (!target) throw notFound('Chỉ tiêu');
  if (input.year !== undefined && (input.year < scheme.start_year || input.year > scheme.end_year)) {
    throw fieldError('year', inPeriod(scheme.start_year, scheme.end_year));
  }
  const from = input.year ?? scheme.start_year;
  const to = input.year ?? scheme.end_year;
  const q = targetQuery(scheme, target, from, to, day);
  if (input.unitId !== undefined) q.filters = { ...q.filters, alsoWithin: input.unitId };
  return q;
}

/** The rows behind a target's figure (for the period, a year, a unit), paged, with the figure itself. */
export async function targetRows(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; targetId: number } & z.input<typeof figureRowQuery>,
  today: string = todayIso(),
): Promise<FigureRowPage> {
  const { id, targetId, ...rest } = input;
  const query = parseInput(figureRowQuery, rest);
  const tx = reader(ctx);
  const where = { id, targetId, year: query.year, unitId: query.unitId };
  const q = await targetRowsQuery(tx, actor, where, { asOf: today, upTo: null });
  const [page, figure] = await Promise.all([
    figureRows(tx, actor, q, { limit: query.pageSize, offset: offsetOf(query) }),
    countFigures(tx, actor, q),
  ]);
  return {
    items: page.rows,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    figure: figure[0]?.value ?? 0,
  };
}

/** The same rows for the Excel export: the scheme and target are checked before the download starts. */
export async function exportTargetRows(
  ctx: Ctx,
  actor: Actor,
  input: { id: number; targetId: number } & z.input<typeof figureRowFilter>,
  today: string = todayIso(),
): Promise<{ code: string; rows: AsyncIterable<FigureRow> }> {
  const { id, targetId, ...rest } = input;
  const filter = parseInput(figureRowFilter, rest);
  const tx = reader(ctx);
  const q = await targetRowsQuery(tx, actor, { id, targetId, ...filter }, { asOf: today, upTo: null });
  const scheme = await requireScheme(tx, actor, id);
  return {
    code: scheme.code,
    rows: {
      async *[Symbol.asyncIterator]() {
        const batches = offsetBatches((window) => figureRowsWindow(tx, actor, q, window), EXPORT_BATCH);
        for await (const rows of batches) yield* rows;
      },
    },
  };
}

// ---- Links ----

const toLinks = (rows: LinkRow[]): SchemeLinks => ({
  items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, startYear: r.start_year, endYear: r.end_year })),
});

export async function getClassSchemes(ctx: Ctx, actor: Actor, input: { id: number }): Promise<SchemeLinks> {
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, input.id);
  return toLinks(await findClassLinks(tx, actor, cls.id));
}

export async function getStudySchemes(ctx: Ctx, actor: Actor, input: { id: number }): Promise<SchemeLinks> {
  const tx = reader(ctx);
  const study = await findStudy(tx, actor, input.id);
  if (!study) throw notFound('Quá trình học tập');
  return toLinks(await findStudyLinks(tx, actor, study.id));
}

/**
 * The schemes asked for, each visible to the actor, whose issuing unit's subtree holds `unitId`
 * and whose period holds `year`; else a 400 naming the scheme.
 */
async function requireLinkable(
  tx: Tx,
  actor: Actor,
  ids: number[],
  unitId: number,
  year: number,
  what: Words,
): Promise<LinkRow[]> {
  const wanted = [...new Set(ids)];
  const rows = await findVisibleSchemesByIds(tx, actor, wanted);
  if (rows.length !== wanted.length)
    throw fieldError('schemeIds', 'có đề án không tồn tại hoặc bạn không có quyền xem');
  for (const s of rows) {
    if (!(await unitsWithin(tx, await linkRoot(tx, s.issuing_unit_id), [unitId])).has(unitId)) {
      throw fieldError('schemeIds', {
        vi: `${what.vi} không thuộc phạm vi của đề án "${s.code}"`,
        en: `${what.en} is outside the units of the scheme "${s.code}"`,
      });
    }
    if (year < s.start_year || year > s.end_year) {
      throw fieldError('schemeIds', {
        vi: `${what.vi} không nằm trong giai đoạn ${s.start_year}–${s.end_year} của đề án "${s.code}"`,
        en: `${what.en} is outside the period ${s.start_year}–${s.end_year} of the scheme "${s.code}"`,
      });
    }
  }
  return rows;
}

/**
 * Replaces a record's scheme set with `wanted`: links to schemes the actor cannot see (`all` holds
 * every link, `find` those the actor sees) are neither re-added nor removed. Gives what the actor
 * saw before and sees after, for the audit row.
 */
async function replaceLinks<L extends { id: number }>(
  wanted: { id: number }[],
  links: {
    find: () => Promise<L[]>;
    all: () => Promise<number[]>;
    write: (add: number[], remove: number[]) => Promise<void>;
  },
): Promise<{ before: L[]; after: L[] }> {
  const before = await links.find();
  const have = new Set(await links.all());
  const want = new Set(wanted.map((s) => s.id));
  await links.write(
    [...want].filter((s) => !have.has(s)),
    before.map((s) => s.id).filter((s) => !want.has(s)),
  );
  return { before, after: await links.find() };
}

/** Replaces the set of schemes the class serves; links to schemes the actor cannot see are kept. */
export async function setClassSchemes(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof schemeLinksUpdate>,
): Promise<SchemeLinks> {
  const { id, ...rest } = input;
  const { schemeIds } = parseInput(schemeLinksUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const cls = await requireManagedClass(tx, actor, id);
    const wanted = await requireLinkable(
      tx,
      actor,
      schemeIds,
      cls.organiser_unit_id,
      Number(cls.start_date.slice(0, 4)),
      { vi: `Lớp "${cls.name}"`, en: `The class "${cls.name}"` },
    );
    const { before, after } = await replaceLinks(wanted, {
      find: () => findClassLinks(tx, actor, cls.id),
      all: () => linkedSchemeIds(tx, { classId: cls.id }),
      write: (add, remove) => setClassLinks(tx, cls.id, add, remove),
    });
    await writeAudit(tx, actor, {
      entity: 'training_class',
      entityId: cls.id,
      action: 'update',
      unitId: cls.organiser_unit_id,
      before: { name: cls.name, schemes: before.map((s) => s.code) },
      after: { name: cls.name, schemes: after.map((s) => s.code) },
    });
    return toLinks(after);
  });
}

/** Replaces the set of schemes the study serves (person.write on the cadre's unit). */
export async function setStudySchemes(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof schemeLinksUpdate>,
): Promise<SchemeLinks> {
  const { id, ...rest } = input;
  const { schemeIds } = parseInput(schemeLinksUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const study = await findStudy(tx, actor, id);
    if (!study) throw notFound('Quá trình học tập');
    if (study.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa quá trình học tập này');
    const wanted = await requireLinkable(tx, actor, schemeIds, study.unit_id, Number(study.start_date.slice(0, 4)), {
      vi: `Khóa học của ${study.person_name}`,
      en: `The study of ${study.person_name}`,
    });
    const { before, after } = await replaceLinks(wanted, {
      find: () => findStudyLinks(tx, actor, study.id),
      all: () => linkedSchemeIds(tx, { studyId: study.id }),
      write: (add, remove) => setStudyLinks(tx, study.id, add, remove),
    });
    await writeAudit(tx, actor, {
      entity: 'study',
      entityId: study.id,
      action: 'update',
      unitId: study.unit_id,
      before: { personName: study.person_name, schemes: before.map((s) => s.code) },
      after: { personName: study.person_name, schemes: after.map((s) => s.code) },
    });
    return toLinks(after);
  });
}
