import { z } from 'zod';
import {
  id,
  isoDate,
  MAX_INT,
  optionalMultilineText,
  optionalText,
  pageOf,
  pageQuery,
  searchTerm,
  text,
  version,
} from './common.ts';
import { organisation, unitEventKind, unitKind, unitStatus } from './enums.ts';

export const unit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: unitKind,
  organisation,
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  status: unitStatus,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  place: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unit>;

/** A unit's page: the unit, its path from the top, and what the actor may do there. */
export const unitDetail = unit.extend({
  /** Ancestors from the top down to the unit itself (its last element). */
  path: z.array(z.object({ id: z.number().int(), name: z.string() })),
  childCount: z.number().int(),
  /** Its everyday details (the place): a grant on the unit. */
  canEdit: z.boolean(),
  /**
   * Rename, move, merge, split, dissolve, interim/regular status and its code, short name, kind and
   * organisation: decided by the level above, so a grant on the parent (the top: system administrators).
   */
  canRestructure: z.boolean(),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const unitListQuery = pageQuery.extend({
  q: searchTerm,
  /** Only units in this unit's subtree (itself included). */
  within: id.optional(),
  kind: unitKind.optional(),
  organisation: organisation.optional(),
  status: unitStatus.optional(),
  /** The units in being on this date, under the names and parents they had then (today without it). */
  asOf: isoDate.optional(),
  sort: z.enum(['name', 'code', 'validFrom']).default('name'),
});
export const unitPage = pageOf(unit);

/**
 * The tree is loaded a level at a time (national scale: ten thousand units). Without `parentId`
 * it returns the roots the actor may see; `asOf` draws the tree as it stood on that date.
 */
export const unitTreeQuery = z.object({
  parentId: id.optional(),
  asOf: isoDate.optional(),
  // `z.coerce.boolean` would read the string "false" as true.
  includeEnded: z.union([z.boolean(), z.stringbool()]).default(false),
  page: z.coerce.number().int().min(1).max(MAX_INT).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
});
export const unitTreeNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
  organisation,
  status: unitStatus,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  hasChildren: z.boolean(),
});
export type UnitTreeNode = z.infer<typeof unitTreeNode>;
export const unitTreePage = pageOf(unitTreeNode);

const decisionFields = {
  date: isoDate,
  decision: optionalText(100),
  note: optionalMultilineText(1000),
};

export const unitCreate = z.object({
  code: text(50),
  name: text(200),
  shortName: optionalText(100),
  kind: unitKind,
  organisation,
  parentId: id.nullable(),
  interim: z.boolean().default(false),
  place: optionalText(100),
  ...decisionFields,
});
export type UnitCreate = z.infer<typeof unitCreate>;

/**
 * Corrections without an event (a typo in the code, the place name). The place is the unit's own;
 * the code, short name, kind and organisation are the level above's, like a rename.
 */
export const unitUpdate = z.object({
  version,
  code: text(50).optional(),
  shortName: optionalText(100),
  kind: unitKind.optional(),
  organisation: organisation.optional(),
  place: optionalText(100),
});

export const unitRename = z.object({ version, name: text(200), shortName: optionalText(100), ...decisionFields });
export const unitMove = z.object({ version, parentId: id, ...decisionFields });
export const unitStatusChange = z.object({ version, ...decisionFields });

const newUnit = z.object({
  code: text(50),
  name: text(200),
  shortName: optionalText(100),
  kind: unitKind,
  organisation: organisation.optional(),
  place: optionalText(100),
  interim: z.boolean().default(false),
});

/** Merge N units into one: an existing unit, or a new one created under `parentId`. */
export const unitMerge = z
  .object({
    sourceIds: z.array(id).min(1).max(100),
    targetId: id.optional(),
    newUnit: newUnit.extend({ parentId: id.nullable() }).optional(),
    ...decisionFields,
  })
  .refine((v) => (v.targetId === undefined) !== (v.newUnit === undefined), {
    message: 'Chọn một đơn vị nhận sáp nhập hoặc khai báo đơn vị mới',
    path: ['targetId'],
  });
export type UnitMerge = z.infer<typeof unitMerge>;

/**
 * Split one unit into several new ones under the same parent (or `parentId`). The source's active
 * sub-units go to the new unit that lists them in `children`; every one of them must be listed once.
 */
export const unitSplit = z.object({
  version,
  into: z
    .array(newUnit.extend({ parentId: id.optional(), children: z.array(id).max(500).default([]) }))
    .min(2)
    .max(50),
  ...decisionFields,
});
export type UnitSplit = z.infer<typeof unitSplit>;
export const unitSplitResult = z.object({ source: unit, units: z.array(unit) });
export type UnitSplitResult = z.infer<typeof unitSplitResult>;

export const unitEvent = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  kind: unitEventKind,
  date: z.string(),
  decision: z.string().nullable(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type UnitEvent = z.infer<typeof unitEvent>;
export const unitEventPage = pageOf(unitEvent);
/** A unit's history, newest first by default (`order=asc` for oldest first). */
export const unitEventQuery = pageQuery.extend({ order: z.enum(['asc', 'desc']).default('desc') });
export const lineageQuery = pageQuery.pick({ page: true, pageSize: true });

/** A historical unit whose records roll up into the unit today, and how it got there. */
export const lineageEntry = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: unitStatus,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  via: unitEventKind,
  date: z.string(),
  intoId: z.number().int(),
  depth: z.number().int(),
});
export const lineagePage = pageOf(lineageEntry);

export const headcountQuery = z.object({ date: isoDate });
export const headcount = z.object({ unitId: z.number().int(), date: z.string(), people: z.number().int() });
