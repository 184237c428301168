import { z } from 'zod';
import { id, isoDate, optionalMultilineText, optionalText, pageOf, pageQuery, searchTerm, version } from './common.ts';
import { diplomaGrade, studyFunding, studyKind, studyMode, studyStatus } from './enums.ts';
import { multilineText, text } from './text.ts';

export const study = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  studyKind,
  studyStatus,
  decision: z.string().nullable(),
  decisionDate: z.string().nullable(),
  institution: z.string(),
  major: z.string().nullable(),
  studyMode,
  startDate: z.string(),
  expectedEndDate: z.string(),
  endDate: z.string().nullable(),
  funding: studyFunding,
  diplomaNumber: z.string().nullable(),
  diplomaGrade: diplomaGrade.nullable(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export type Study = z.infer<typeof study>;

const studyFields = {
  studyKind,
  decision: optionalText(100),
  decisionDate: isoDate.nullable().optional(),
  institution: text(200),
  major: optionalText(200),
  studyMode: studyMode.default('full_time'),
  startDate: isoDate,
  expectedEndDate: isoDate,
  funding: studyFunding.default('state'),
  notes: optionalMultilineText(2000),
};

/** A cadre sent to study: it starts "studying"; the result is recorded by a transition. */
export const studyCreate = z.object({ personId: id, ...studyFields });
export type StudyCreate = z.infer<typeof studyCreate>;
export type StudyCreateInput = z.input<typeof studyCreate>;

/** The record's details; its status, end, diploma and reason change only through transitions. */
export const studyUpdate = z
  .object({ ...studyFields, studyMode, funding: studyFunding })
  .partial()
  .extend({ version });
export type StudyUpdate = z.infer<typeof studyUpdate>;

export const studyTransition = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('graduate'),
    version,
    endDate: isoDate,
    diplomaNumber: text(50),
    diplomaGrade,
  }),
  z.object({ action: z.literal('withdraw'), version, endDate: isoDate, reason: multilineText(1000) }),
  z.object({ action: z.literal('extend'), version, expectedEndDate: isoDate, reason: multilineText(1000) }),
]);
export type StudyTransition = z.infer<typeof studyTransition>;

/** The list's filters and order, without paging: the Excel export takes these. */
export const studyFilterQuery = z.object({
  q: searchTerm,
  unitId: id.optional(),
  personId: id.optional(),
  studyKind: studyKind.optional(),
  studyStatus: studyStatus.optional(),
  yearStarted: z.coerce.number().int().min(1900).max(2199).optional(),
  /** Only those past their expected end and still in progress (studying or extended): the result is missing. */
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['startDate', 'expectedEndDate', 'person', 'updatedAt']).default('startDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const studyListQuery = pageQuery.extend(studyFilterQuery.shape);
export type StudyListQuery = z.infer<typeof studyListQuery>;
export type StudyListInput = z.input<typeof studyListQuery>;
export const studyExportQuery = studyFilterQuery;
export type StudyExportQuery = z.infer<typeof studyExportQuery>;
export const studyPage = pageOf(study);
