import { z } from 'zod';
import {
  MAX_INT,
  id,
  isoDate,
  optionalMultilineText,
  optionalText,
  pageOf,
  pageQuery,
  searchTerm,
  text,
  version,
} from './common.ts';
import { classLevel, figureRowKind, schemeMetric, schemeStatus, studyKind, title } from './enums.ts';

// Schemes and plans (đề án, kế hoạch) with targets counted live from the records. Paths under /api/v1.

/** A year in a JSON body … */
const bodyYear = z.number().int('phải là số nguyên').min(1900).max(2199);
/** … and in a query string. */
export const schemeYear = z.coerce.number().int('phải là số nguyên').min(1900).max(2199);
/** A target's value: a count, days, or a share in % (0–100, checked by the service for share metrics). */
const targetValue = z.number().int('phải là số nguyên').min(0).max(MAX_INT);

/** A scheme spans at most this many years. */
export const SCHEME_MAX_YEARS = 20;

// ---- Read shapes ----

export const schemeTargetYear = z.object({ year: z.number().int(), value: z.number() });
export const schemeTargetUnit = z.object({ unitId: z.number().int(), unitName: z.string(), value: z.number() });

export const schemeTarget = z.object({
  id: z.number().int(),
  position: z.number().int(),
  metric: schemeMetric,
  /** The label as typed, or null: the web shows `displayLabel`. */
  label: z.string().nullable(),
  /** The label to show: the typed one, else the metric's Vietnamese name. */
  displayLabel: z.string(),
  kindCode: z.string().nullable(),
  kindName: z.string().nullable(),
  title: title.nullable(),
  organiserLevel: classLevel.nullable(),
  /** The subtree counted; null = the issuing unit's subtree. */
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  studyKinds: z.array(studyKind).nullable(),
  withinMonths: z.number().int().nullable(),
  /** Count only the classes / studies linked to the scheme (else everything matching in the period). */
  linkedOnly: z.boolean(),
  total: z.number(),
  years: z.array(schemeTargetYear),
  units: z.array(schemeTargetUnit),
});
export type SchemeTarget = z.infer<typeof schemeTarget>;

export const scheme = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  issuingUnitId: z.number().int(),
  issuingUnitName: z.string(),
  decision: z.string().nullable(),
  decisionDate: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  description: z.string().nullable(),
  targets: z.array(schemeTarget),
  /** Classes and studies linked to the scheme that the actor may see. */
  linkedClasses: z.number().int(),
  linkedStudies: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type Scheme = z.infer<typeof scheme>;

export const schemeListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  issuingUnitId: z.number().int(),
  issuingUnitName: z.string(),
  decision: z.string().nullable(),
  decisionDate: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  targetCount: z.number().int(),
  updatedAt: z.string(),
});
export type SchemeListItem = z.infer<typeof schemeListItem>;
export const schemePage = pageOf(schemeListItem);

// ---- Write shapes ----

/**
 * One target. With `id` it keeps an existing target of the scheme (its drill-down links stay);
 * targets left out of a PATCH are removed, so the list is replaced as a whole.
 */
export const schemeTargetInput = z.object({
  id: id.optional(),
  metric: schemeMetric,
  label: optionalText(300),
  kindCode: optionalText(40),
  title: title.nullable().optional(),
  organiserLevel: classLevel.nullable().optional(),
  unitId: id.nullable().optional(),
  studyKinds: z.array(studyKind).min(1).max(6).nullable().optional(),
  /** title_training_share only (and required there): months from appointment to completed title training. */
  withinMonths: z.number().int('phải là số nguyên').min(1).max(120).nullable().optional(),
  linkedOnly: z.boolean().default(false),
  total: targetValue,
  years: z
    .array(z.object({ year: bodyYear, value: targetValue }))
    .max(SCHEME_MAX_YEARS)
    .default([]),
  units: z
    .array(z.object({ unitId: id, value: targetValue }))
    .max(200)
    .default([]),
});
export type SchemeTargetInput = z.input<typeof schemeTargetInput>;

const schemeFields = {
  name: text(500),
  code: text(50),
  issuingUnitId: id,
  decision: optionalText(100),
  decisionDate: isoDate.nullable().optional(),
  startYear: bodyYear,
  endYear: bodyYear,
  description: optionalMultilineText(5000),
  targets: z.array(schemeTargetInput).max(30).default([]),
};

/** POST /schemes — the scheme with its targets, in one body. */
export const schemeCreate = z.object(schemeFields);
export type SchemeCreateInput = z.input<typeof schemeCreate>;

/** PATCH /schemes/:id — any of the fields; `targets`, when given, replaces the list. */
export const schemeUpdate = z.object({
  version,
  name: schemeFields.name.optional(),
  code: schemeFields.code.optional(),
  issuingUnitId: id.optional(),
  decision: schemeFields.decision,
  decisionDate: schemeFields.decisionDate,
  startYear: bodyYear.optional(),
  endYear: bodyYear.optional(),
  description: schemeFields.description,
  targets: z.array(schemeTargetInput).max(30).optional(),
});
export type SchemeUpdateInput = z.input<typeof schemeUpdate>;

// ---- Lists ----

/** The list's filters and order without paging: the Excel export takes these. */
export const schemeFilterQuery = z.object({
  q: searchTerm,
  /** Schemes issued by this unit or a unit below it. */
  unitId: id.optional(),
  /** Schemes whose period contains this year. */
  year: schemeYear.optional(),
  sort: z.enum(['startYear', 'name', 'code', 'updatedAt']).default('startYear'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const schemeListQuery = pageQuery.extend(schemeFilterQuery.shape);
export type SchemeListQuery = z.infer<typeof schemeListQuery>;
export type SchemeListInput = z.input<typeof schemeListQuery>;
export const schemeExportQuery = schemeFilterQuery;
export type SchemeExportQuery = z.infer<typeof schemeExportQuery>;

// ---- Progress ----

/** One cell of progress: the target (null when none was set), what the records give, the status. */
export const progressCell = z.object({
  target: z.number().nullable(),
  /** A count, days, or for a share metric the share in % (one decimal). */
  actual: z.number(),
  /** title_training_share: people counted and people holding the title; null for other metrics. */
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  /** actual / target in % (one decimal); null without a target or with a zero target. */
  percent: z.number().nullable(),
  /** null when the cell has no target: nothing to judge it against. */
  status: schemeStatus.nullable(),
});
export type ProgressCell = z.infer<typeof progressCell>;

export const targetProgress = progressCell.extend({
  targetId: z.number().int(),
  metric: schemeMetric,
  displayLabel: z.string(),
  /** Whether `actual` is a share in %. */
  isShare: z.boolean(),
  years: z.array(progressCell.extend({ year: z.number().int() })),
  /** Only when the target has per-unit values. */
  units: z.array(progressCell.extend({ unitId: z.number().int(), unitName: z.string() })),
});
export type TargetProgress = z.infer<typeof targetProgress>;

/** GET /schemes/:id/progress — live, in the actor's scope. */
export const schemeProgress = z.object({
  schemeId: z.number().int(),
  /** Vietnam date the progress was computed on. */
  asOf: z.string(),
  /** Share of the period elapsed, 0–100 (%, one decimal). */
  elapsedPercent: z.number(),
  targets: z.array(targetProgress),
});
export type SchemeProgress = z.infer<typeof schemeProgress>;

// ---- Drill-down ----

/**
 * A row behind a figure. `kind` says what it is; the ids say where the web links:
 * class → /training/classes/:classId, enrolment → the class (and the person), person → the person,
 * study → /studies/:studyId, trip → the person's visits. `value` is what the row adds to the figure
 * (1, a headcount-only class's total, a trip's days in the year); for a share, `counted` says
 * whether the person is in the numerator.
 */
export const figureRow = z.object({
  kind: figureRowKind,
  id: z.number().int(),
  name: z.string(),
  detail: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  value: z.number(),
  counted: z.boolean(),
  classId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  studyId: z.number().int().nullable(),
  tripId: z.number().int().nullable(),
});
export type FigureRow = z.infer<typeof figureRow>;
export const figureRowPage = pageOf(figureRow).extend({
  /** The figure these rows make up (the same number as in the progress). */
  figure: z.number(),
});
export type FigureRowPage = z.infer<typeof figureRowPage>;

/** GET /schemes/:id/targets/:targetId/rows — the rows of the whole period, a year, a unit of the target. */
export const figureRowFilter = z.object({ year: schemeYear.optional(), unitId: id.optional() });
export const figureRowQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_INT).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  ...figureRowFilter.shape,
});
export type FigureRowQuery = z.infer<typeof figureRowQuery>;
export const schemeTargetParams = z.object({ id, targetId: id });

// ---- Links: a class or a study serving schemes ----

export const schemeLink = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
});
export type SchemeLink = z.infer<typeof schemeLink>;
/** GET/PUT /training/classes/:id/schemes and /studies/:id/schemes. */
export const schemeLinks = z.object({ items: z.array(schemeLink) });
export type SchemeLinks = z.infer<typeof schemeLinks>;
/** The whole set of schemes the class / study serves (replaces the previous set). */
export const schemeLinksUpdate = z.object({ schemeIds: z.array(id).max(20) });
export type SchemeLinksUpdateInput = z.input<typeof schemeLinksUpdate>;
