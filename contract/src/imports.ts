import { z } from 'zod';
import { text } from './text.ts';

/**
 * Importing records from the union's Excel sheets: one template, one preview and one commit per
 * kind of record; every kind gets the same routes.
 */
export const importKinds = [
  'people',
  'units',
  'moves',
  'studies',
  'visits',
  'classes',
  'trainees',
  'attendance',
] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

/** The route's parameter has its own name: `kind` is a unit's kind ("Loại đơn vị") in the field labels. */
export const importKindParams = z.object({ importKind });

/**
 * A progress token: random, made by the client for one upload, so that it can ask how far the
 * upload's reading, checking and writing have come while the upload's own request runs.
 */
export const importProgressToken = text(64).regex(
  /^[A-Za-z0-9_-]{16,64}$/,
  'phải là mã tiến trình do trình duyệt tạo (16 đến 64 chữ cái không dấu, chữ số, "-" hoặc "_")',
);

/**
 * `commit=true` writes the sheet (only when no row has an error); otherwise nothing is saved.
 * `progress`: the token under which `GET /imports/progress/:token` reports this upload.
 */
export const importQuery = z.object({
  commit: z.enum(['true', 'false']).default('false'),
  progress: importProgressToken.optional(),
});

export const importProgressParams = z.object({ token: importProgressToken });

/** How many rows a sheet creates, updates and leaves as they are. */
export const importCounts = z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int() });
export type ImportCounts = z.infer<typeof importCounts>;

/**
 * Where an upload is: `waiting` (not started, or not this user's token, or long finished), `reading`
 * the file (`done` rows read so far, `total` unknown: 0), `checking` and `writing` (`done` of
 * `total` rows), `done` (a preview's answer is on its way), `saved` (a commit's transaction has
 * committed: the sheet is stored, whether or not its client is still there to be told; `counts`
 * says what it wrote), `cancelled` (the client went away before the commit: nothing written).
 */
export const importPhases = ['waiting', 'reading', 'checking', 'writing', 'done', 'saved', 'cancelled'] as const;
export const importProgress = z.object({
  phase: z.enum(importPhases),
  done: z.number().int(),
  total: z.number().int(),
  counts: importCounts.optional(),
});
export type ImportProgress = z.infer<typeof importProgress>;

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
  counts: importCounts,
  errors: z.number().int(),
  warnings: z.number().int(),
  /** The first IMPORT_ISSUES_SHOWN findings, errors first, in row order. */
  issues: z.array(importIssue),
  committed: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;
