import { z } from 'zod';
import { line, pageOf, pageQuery, searchTerm, text, version } from '../common.ts';
import { title } from '../enums.ts';

// Training: catalogue. Paths are under /api/v1/training unless noted.

/** GET/POST /training/kinds, PATCH /training/kinds/:code — a handful of rows, not paged. */
export const trainingKind = z.object({
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type TrainingKind = z.infer<typeof trainingKind>;
export const trainingKindList = z.object({ items: z.array(trainingKind) });
export const trainingKindCreate = z.object({
  code: line(40).regex(/^[a-z][a-z0-9_]{1,39}$/, 'Mã gồm chữ thường không dấu, số và dấu gạch dưới'),
  name: text(200),
  sortOrder: z.number().int().min(0).max(1000).default(100),
});
export const trainingKindUpdate = z.object({
  version,
  name: text(200).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export const kindParams = z.object({ code: text(40) });

/** GET/POST /training/programmes, GET/PATCH /training/programmes/:id */
export const programme = z.object({
  id: z.number().int(),
  name: z.string(),
  kindCode: z.string(),
  kindName: z.string(),
  targetTitles: z.array(title),
  topics: z.array(z.string()),
  /** Standard length: days for short classes, periods (tiết) when the programme counts them. */
  standardDays: z.number().int().nullable(),
  standardPeriods: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Programme = z.infer<typeof programme>;
const programmeFields = {
  name: text(300),
  kindCode: text(40),
  targetTitles: z.array(title).max(20).default([]),
  topics: z.array(text(300)).max(50).default([]),
  standardDays: z.number().int().min(1).max(400).nullable().optional(),
  standardPeriods: z.number().int().min(1).max(5000).nullable().optional(),
};
export const programmeCreate = z.object(programmeFields);
export type ProgrammeCreateInput = z.input<typeof programmeCreate>;
export const programmeUpdate = z.object({
  version,
  name: programmeFields.name.optional(),
  kindCode: programmeFields.kindCode.optional(),
  targetTitles: z.array(title).max(20).optional(),
  topics: z.array(text(300)).max(50).optional(),
  standardDays: programmeFields.standardDays,
  standardPeriods: programmeFields.standardPeriods,
  active: z.boolean().optional(),
});
export const programmeListQuery = pageQuery.extend({
  q: searchTerm,
  kindCode: line(40).optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'kind']).default('name'),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuery>;
export const programmePage = pageOf(programme);
