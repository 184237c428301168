import type { ImportIssue, ImportKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import type { FormRow, FormSheet } from '../../documents/xlsx/form.ts';
import type { ReadFormRow } from '../../documents/xlsx/headed.ts';
import type { SheetLimits } from '../../documents/xlsx/read.ts';

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
   * the same transaction, and is only called when no issue is an error.
   */
  check(tx: Tx, actor: Actor, rows: readonly ReadFormRow[]): Promise<CheckedSheet>;
}

export interface CheckedSheet {
  issues: ImportIssue[];
  counts: { create: number; update: number; skip: number };
  write(): Promise<void>;
}
