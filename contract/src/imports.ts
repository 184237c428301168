import { z } from 'zod';

/**
 * Importing records from the union's Excel sheets: one template, one preview and one commit per
 * kind of record. Only `people` exists so far; the other kinds (units, moves, classes, attendance,
 * studies, visits) are added to this list and get the same routes.
 */
export const importKinds = ['people'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

/** The route's parameter has its own name: `kind` is a unit's kind ("Loại đơn vị") in the field labels. */
export const importKindParams = z.object({ importKind });

/** `commit=true` writes the sheet (only when no row has an error); otherwise nothing is saved. */
export const importQuery = z.object({ commit: z.enum(['true', 'false']).default('false') });

export const importSeverities = ['error', 'warning'] as const;

/** One finding on one row (row 0 = the sheet itself: its header, its file). */
export const importIssue = z.object({
  row: z.number().int(),
  /** The Vietnamese header of the column it is about, or null for the whole row. */
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(importSeverities),
  /** Records involved (the existing person it may duplicate, …). */
  ids: z.array(z.number().int()),
});
export type ImportIssue = z.infer<typeof importIssue>;

/** The answer's list of findings stops here; the error sheet carries every one. */
export const IMPORT_ISSUES_SHOWN = 2000;

export const importResult = z.object({
  kind: importKind,
  /** Rows with data read from the sheet (blank rows are skipped). */
  rows: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int() }),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** The first IMPORT_ISSUES_SHOWN findings, errors first, in row order. */
  issues: z.array(importIssue),
  committed: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;
