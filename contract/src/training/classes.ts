import { z } from 'zod';
import {
  id,
  isoDate,
  line,
  optionalMultilineText,
  optionalText,
  pageOf,
  pageQuery,
  searchTerm,
  text,
  version,
} from '../common.ts';
import { classAction, classLevel, classMode, classStatus, grade, title } from '../enums.ts';

// Training: classes. Paths are under /api/v1/training unless noted.

/** Reported headcount of a historical class without a named roster (counts like a roster in totals). */
export const classHeadcount = z.object({
  total: z.number().int().min(1).max(100000),
  women: z.number().int().min(0).max(100000).nullable().optional(),
  minority: z.number().int().min(0).max(100000).nullable().optional(),
  doan: z.number().int().min(0).max(100000).nullable().optional(),
  hoi: z.number().int().min(0).max(100000).nullable().optional(),
  doi: z.number().int().min(0).max(100000).nullable().optional(),
});
export type ClassHeadcount = z.infer<typeof classHeadcount>;

/** Canbo applies it: attended share ≥ minAttendancePercent and grade at or above passGrade. */
export const completionRule = z.object({
  minAttendancePercent: z.number().int().min(0).max(100),
  passGrade: grade,
});
export type CompletionRule = z.infer<typeof completionRule>;

export const trainingClass = z.object({
  id: z.number().int(),
  name: z.string(),
  organiserUnitId: z.number().int(),
  organiserUnitName: z.string(),
  level: classLevel,
  partners: z.array(z.string()),
  kindCode: z.string(),
  kindName: z.string(),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  targetTitles: z.array(title),
  startDate: z.string(),
  endDate: z.string(),
  place: z.string().nullable(),
  mode: classMode,
  capacity: z.number().int().nullable(),
  decision: z.string().nullable(),
  status: classStatus,
  /** Set for a historical class recorded by its headcount only (it has no enrolments). */
  headcount: classHeadcount.nullable(),
  completionRule,
  /**
   * Seats allocated to units, seated trainees (nominated + confirmed), waitlisted: the whole class's
   * when `readsAll`; otherwise those of the seats allocated to the actor's own units (a unit editor's quota).
   */
  seatsAllocated: z.number().int(),
  seated: z.number().int(),
  waitlisted: z.number().int(),
  sessionCount: z.number().int(),
  version: z.number().int(),
  /** The actor may edit the class, its sessions, allocations, attendance, results and certificates. */
  canManage: z.boolean(),
  /**
   * The actor reads the organiser unit's training: every allocation, trainee, mark, result and
   * certificate of the class (read-only unless `canManage`).
   */
  readsAll: z.boolean(),
});
export type TrainingClass = z.infer<typeof trainingClass>;

export const classFields = {
  name: text(300),
  organiserUnitId: id,
  partners: z.array(text(200)).max(10).default([]),
  kindCode: text(40),
  programmeId: id.nullable().optional(),
  targetTitles: z.array(title).max(20).default([]),
  startDate: isoDate,
  endDate: isoDate,
  place: optionalText(300),
  mode: classMode.default('in_person'),
  capacity: z.number().int().min(1).max(100000).nullable().optional(),
  decision: optionalText(100),
  minAttendancePercent: z.number().int().min(0).max(100).default(80),
  passGrade: grade.default('average'),
};
/**
 * POST /training/classes. With `headcount` the class is a historical record: it is created
 * "completed" (its end date must be past) and takes no enrolments.
 */
export const classCreate = z.object({ ...classFields, headcount: classHeadcount.nullable().optional() });
export type ClassCreateInput = z.input<typeof classCreate>;
/** PATCH /training/classes/:id */
export const classUpdate = z.object({
  version,
  name: classFields.name.optional(),
  partners: z.array(text(200)).max(10).optional(),
  kindCode: classFields.kindCode.optional(),
  programmeId: classFields.programmeId,
  targetTitles: z.array(title).max(20).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  place: classFields.place,
  mode: classMode.optional(),
  capacity: classFields.capacity,
  decision: classFields.decision,
  minAttendancePercent: z.number().int().min(0).max(100).optional(),
  passGrade: grade.optional(),
  headcount: classHeadcount.nullable().optional(),
});
export type ClassUpdateInput = z.input<typeof classUpdate>;

/** GET /training/classes (and /training/classes.xlsx with the same filters). */
export const classListQuery = pageQuery.extend({
  q: searchTerm,
  /** Classes organised by this unit or any unit below it. */
  organiserWithin: id.optional(),
  status: classStatus.optional(),
  kindCode: line(40).optional(),
  level: classLevel.optional(),
  /** Classes whose dates touch [from, to]. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['startDate', 'name', 'status']).default('startDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ClassListQuery = z.infer<typeof classListQuery>;
export type ClassListInput = z.input<typeof classListQuery>;
/** GET /training/classes.xlsx — the list's filters and order, every matching class (no paging). */
export const classExportQuery = classListQuery.omit({ page: true, pageSize: true });
export type ClassExportInput = z.input<typeof classExportQuery>;
export const classPage = pageOf(trainingClass);

/** POST /training/classes/:id/transitions — one step of the workflow. */
export const classTransition = z.object({ action: classAction, version, note: optionalMultilineText(500) });
export type ClassTransitionInput = z.input<typeof classTransition>;

/** GET /training/classes/:id/history — every status step, oldest first. */
export const classHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  fromStatus: classStatus.nullable(),
  toStatus: classStatus,
  note: z.string().nullable(),
  /** A step of a class recorded after it was held is dated (`at`) at the class's dates; typed in then. */
  recordedAt: z.string().nullable(),
});
export const classHistory = z.object({ items: z.array(classHistoryEntry) });
