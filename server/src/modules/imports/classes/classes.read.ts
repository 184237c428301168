import { classModeLabels, foldVietnamese } from '@canbo/contract';
import type { Tx } from '../../../context.ts';
import type { FormColumn, FormSheet } from '../../../documents/xlsx/form.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import type { Issues, UnitLookup } from '../lookups.ts';
import { RowReader } from '../rows.ts';
import type { ClassFieldKey } from './classes.columns.ts';
import { activeKinds } from './classes.import.repository.ts';

/**
 * A past class's own cells read into the class form's fields, the same way on the headcount sheet
 * and on the trainees sheet.
 */

/** The catalogue's active training kinds by their folded name (what a Loại lớp cell holds). */
export async function kindCodes(tx: Tx): Promise<Map<string, string>> {
  return new Map((await activeKinds(tx)).map((k) => [foldVietnamese(k.name), k.code]));
}

/** A class sheet's form, with the catalogue's active training kinds as the Loại lớp list. */
export async function classSheet(tx: Tx, sheetName: string, columns: readonly FormColumn[]): Promise<FormSheet> {
  const kinds = (await activeKinds(tx)).map((k) => k.name);
  return { sheetName, columns: columns.map((c) => (c.key === 'kind' ? { ...c, list: kinds } : c)) };
}

/** The sheet's rows, each with its class's cells read (`readClassCells`); the kind reads the rest. */
export async function classReaders<K extends string>(
  tx: Tx,
  sheetRows: readonly ReadFormRow[],
  keys: readonly (K | ClassFieldKey)[],
  issues: Issues<K | ClassFieldKey>,
): Promise<RowReader<K | ClassFieldKey>[]> {
  const kinds = await kindCodes(tx);
  return sheetRows.map((r) => {
    const reader = new RowReader<K | ClassFieldKey>(r, keys, issues);
    readClassCells(reader, kinds);
    return reader;
  });
}

/** The class form's fields a column fills when its key is not the field's name. */
const CLASS_FIELD_COLUMN: Record<string, ClassFieldKey> = { organiserUnitId: 'organiser', kindCode: 'kind' };

/** The column of a class form's field, or null when the sheet has none for it. */
export function classColumnOf(field: string): ClassFieldKey | null {
  const known = CLASS_FIELD_COLUMN[field];
  if (known) return known;
  return ['name', 'startDate', 'endDate', 'place', 'mode', 'decision'].includes(field)
    ? (field as ClassFieldKey)
    : null;
}

/** Name, dates, place, mode, decision and kind (by its catalogue name); the organiser: `readOrganiser`. */
export function readClassCells<K extends string>(
  reader: RowReader<K | ClassFieldKey>,
  kinds: ReadonlyMap<string, string>,
): void {
  for (const key of ['name', 'place', 'decision'] as const) reader.text(key);
  for (const key of ['startDate', 'endDate'] as const) reader.date(key);
  reader.word('mode', classModeLabels);
  const kind = reader.cells.kind;
  if (!kind) return;
  const code = kinds.get(foldVietnamese(kind));
  if (code) reader.input.kindCode = code;
  else {
    reader.fail('kind', {
      vi: `"${kind}" không có trong danh mục loại lớp`,
      en: `"${kind}" is not in the catalogue of class kinds`,
    });
  }
}

/** The organiser the row names, from the sheet's units read once; the class form checks the rest. */
export function readOrganiser<K extends string>(reader: RowReader<K | ClassFieldKey>, units: UnitLookup): void {
  const cell = reader.cells.organiser;
  if (!cell) return;
  const found = units.find(cell);
  if ('error' in found) reader.fail('organiser', found.error, found.ids);
  else reader.input.organiserUnitId = found.unit.id;
}
