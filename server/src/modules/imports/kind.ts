import type { ImportKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import type { FormRow, FormSheet } from '../../documents/xlsx/form.ts';
import type { ReadFormRow } from '../../documents/xlsx/headed.ts';
import type { SheetLimits } from '../../documents/xlsx/read.ts';
import type { Finding } from './findings.ts';

/**
 * One kind of record an import takes (people, and later units, moves, classes, attendance,
 * studies, visits): its sheet and how its rows are checked and written. The service around it
 * (imports.service.ts) does the rest the same way for every kind: reading the file in the heavy
 * pool, the preview, the all-or-nothing commit, the error sheet.
 */
export interface ImportKindDef {
  kind: ImportKind;
  /** The sheet's columns, with the lists the catalogue gives (ethnicities…). */
  form(tx: Tx): Promise<FormSheet>;
  /** The template's example row. */
  example: FormRow;
  limits: SheetLimits;
  /**
   * Every row checked against the database in the actor's scope; `write` applies the plan inside
   * the same transaction, and is only called when no issue is an error. Both may tell `progress`
   * how many rows they have done as they go (the progress bar); it throws when the upload was
   * cancelled, which the kind lets through (a commit then rolls back). The rows are the kind's: it
   * may empty the list once it has read them (the service keeps its own copy when it needs one).
   */
  check(tx: Tx, actor: Actor, rows: ReadFormRow[], progress: RowProgress): Promise<CheckedSheet>;
  /**
   * Optional, in place of `check` when the read rows are not needed afterwards: each row is taken
   * as the reader sends it (a batch at a time), so a kind that parses its rows then never holds the
   * whole sheet's cells and their parsed form at once (100,000 people: 60–80 MB of cells), and
   * parses while the reader is still reading. Prepared with the plain database, before the check's
   * transaction. `actor` is given for a preview: the kind may then look up what the rows name as
   * they arrive; a commit's check looks up in its transaction.
   */
  collect?(tx: Tx, actor: Actor | null): Promise<RowCollector>;
}

/** The rows of one upload as they arrive, then the same check as `check`. */
export interface RowCollector {
  add: (row: ReadFormRow) => void;
  check: (tx: Tx, actor: Actor, progress: RowProgress) => Promise<CheckedSheet>;
}

/**
 * Rows done so far, of the rows checked or of the rows written (the service knows the total).
 * Awaited: it lets the event loop run now and then (a poll answered, a closed connection seen), and
 * rejects when the upload was cancelled. Cheap enough to call for every row.
 */
export type RowProgress = (done: number) => Promise<void>;

export interface CheckedSheet {
  issues: Finding[];
  counts: { create: number; update: number; skip: number };
  /** Rows `write` goes through (the progress bar's total), when not every row of the sheet. */
  writes?: number;
  write(progress: RowProgress): Promise<void>;
  /**
   * The same write in another transaction, offered by a kind whose plan depends on nothing but the
   * file, the actor, the day and the tables `databaseState` covers (previewCache.repository.ts): a
   * preview's plan is then kept, and the commit of the same file writes it without reading and
   * checking the sheet again when that state has not changed (previewCache.ts).
   */
  writeIn?: (tx: Tx, progress: RowProgress) => Promise<void>;
}
