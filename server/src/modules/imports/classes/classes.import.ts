import { classCreate, foldVietnamese } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { checkNewClass, createClassIn } from '../../training/classes/class.service.ts';
import { notWholeNumber } from '../findings.ts';
import type { CheckedSheet, ImportKindDef, RowProgress } from '../kind.ts';
import { issuesFor, unitLookup } from '../lookups.ts';
import { ruleCheck } from '../rows.ts';
import { CLASS_COLUMNS, CLASSES_EXAMPLE, type ClassKey } from './classes.columns.ts';
import { classesOf } from './classes.import.repository.ts';
import { classColumnOf, classReaders, classSheet, readOrganiser } from './classes.read.ts';

const KEYS = CLASS_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<ClassKey>(CLASS_COLUMNS);
const COUNTS = ['total', 'women', 'minority', 'doan', 'hoi', 'doi'] as const;
type NewClass = z.output<typeof classCreate>;
const keyOf = (field: string): ClassKey | null => {
  const head = field.split('.');
  if (head[0] === 'headcount') return (head[1] ?? 'total') as ClassKey;
  return classColumnOf(field);
};

/**
 * Past classes recorded by their headcount only (no roster), each checked by the class form's own
 * rule (`checkNewClass`: dates, headcounts within the total, the organiser the actor's, the kind in
 * the catalogue) and created by `createClassIn`: completed, with its history. A headcount class of
 * the same organiser, name and first day is already there: skipped.
 */
async function checkClasses(
  tx: Tx,
  actor: Actor,
  sheetRows: readonly ReadFormRow[],
  progress: RowProgress,
): Promise<CheckedSheet> {
  const readers = (await classReaders(tx, sheetRows, KEYS, ISSUES)).map((reader) => {
    const headcount: Record<string, number> = {};
    for (const key of COUNTS) {
      const v = reader.cells[key];
      if (!v) continue;
      if (/^\d{1,6}$/.test(v.trim())) headcount[key] = Number(v.trim());
      else reader.fail(key, notWholeNumber(v));
    }
    if (reader.cells.total) reader.input.headcount = headcount;
    reader.required('name', 'kind', 'organiser', 'startDate', 'endDate', 'total');
    return reader;
  });
  const units = await unitLookup(
    tx,
    actor,
    readers.map((r) => r.cells.organiser ?? ''),
    'training.manage',
  );
  for (const reader of readers) readOrganiser(reader, units);
  const stored = new Set(
    (
      await classesOf(
        tx,
        readers.flatMap((r) => (r.input.organiserUnitId as number | undefined) ?? []),
      )
    )
      .filter((c) => c.headcount_total !== null)
      .map((c) => `${c.organiser_unit_id}|${foldVietnamese(c.name)}|${c.start_date}`),
  );
  const seen = new Map<string, number>();
  const plans: NewClass[] = [];
  let skip = 0;
  for (const [i, reader] of readers.entries()) {
    // Each row runs the feature's own check (a few queries): the progress bar follows this loop.
    await progress(i);
    const f = reader.parse(classCreate, (field) => keyOf(field) ?? 'name');
    if (!f || reader.failed) continue;
    const key = `${f.organiserUnitId}|${foldVietnamese(f.name)}|${f.startDate}`;
    if (stored.has(key)) {
      skip++;
      continue;
    }
    const first = seen.get(key);
    if (first) {
      reader.fail('name', {
        vi: `lớp này đã có ở dòng ${first} của tệp`,
        en: `this class is already on row ${first} of the file`,
      });
      continue;
    }
    seen.set(key, reader.row);
    if (await ruleCheck(reader, keyOf, () => checkNewClass(tx, actor, f))) plans.push(f);
  }
  return {
    issues: readers.flatMap((r) => r.issues),
    counts: { create: plans.length, update: 0, skip },
    writes: plans.length,
    write: async (progress) => {
      for (const [done, p] of plans.entries()) {
        await progress(done);
        await createClassIn(tx, actor, p);
      }
    },
  };
}

/** Past classes by headcount only. */
export const classesImport: ImportKindDef = {
  kind: 'classes',
  form: (tx) => classSheet(tx, 'Lớp đã học', CLASS_COLUMNS),
  example: CLASSES_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkClasses,
};
