import { classCreate, classModeLabels, foldVietnamese } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { checkNewClass, createClassIn } from '../../training/classes/class.service.ts';
import type { CheckedSheet, ImportKindDef, RowProgress } from '../kind.ts';
import { issuesFor, unitLookup } from '../lookups.ts';
import { RowReader, ruleCheck } from '../rows.ts';
import { CLASS_COLUMNS, CLASSES_EXAMPLE, classesForm, type ClassKey } from './classes.columns.ts';
import { activeKinds, headcountClassesOf } from './classes.import.repository.ts';

const KEYS = CLASS_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<ClassKey>(CLASS_COLUMNS);
const COUNTS = ['total', 'women', 'minority', 'doan', 'hoi', 'doi'] as const;
type NewClass = z.output<typeof classCreate>;
const FIELD_KEY: Record<string, ClassKey> = { organiserUnitId: 'organiser', kindCode: 'kind', headcount: 'total' };
const keyOf = (field: string): ClassKey | null => {
  const head = field.split('.');
  if (head[0] === 'headcount' && head[1]) return head[1] as ClassKey;
  return FIELD_KEY[field] ?? ((KEYS as string[]).includes(field) ? (field as ClassKey) : null);
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
  const kinds = new Map((await activeKinds(tx)).map((k) => [foldVietnamese(k.name), k.code]));
  const readers = sheetRows.map((r) => {
    const reader = new RowReader<ClassKey>(r, KEYS, ISSUES);
    for (const key of ['name', 'place', 'decision'] as const) reader.text(key);
    for (const key of ['startDate', 'endDate'] as const) reader.date(key);
    reader.word('mode', classModeLabels);
    const kind = reader.cells.kind;
    if (kind) {
      const code = kinds.get(foldVietnamese(kind));
      if (code) reader.input.kindCode = code;
      else reader.fail('kind', `"${kind}" không có trong danh mục loại lớp`);
    }
    const headcount: Record<string, number> = {};
    for (const key of COUNTS) {
      const v = reader.cells[key];
      if (!v) continue;
      if (/^\d{1,6}$/.test(v.trim())) headcount[key] = Number(v.trim());
      else reader.fail(key, `"${v}" không phải số nguyên`);
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
  const organisers = readers.map((r) => (r.cells.organiser ? units.find(r.cells.organiser) : null));
  const stored = new Set(
    (
      await headcountClassesOf(
        tx,
        organisers.flatMap((o) => (o && 'unit' in o ? [o.unit.id] : [])),
      )
    ).map((c) => `${c.organiser_unit_id}|${foldVietnamese(c.name)}|${c.start_date}`),
  );
  const seen = new Map<string, number>();
  const plans: NewClass[] = [];
  let skip = 0;
  for (const [i, reader] of readers.entries()) {
    // Each row runs the feature's own check (a few queries): the progress bar follows this loop.
    await progress(i);
    const organiser = organisers[i];
    if (organiser && 'error' in organiser) reader.fail('organiser', organiser.error, organiser.ids);
    if (organiser && 'unit' in organiser) reader.input.organiserUnitId = organiser.unit.id;
    const f = reader.parse(classCreate, (field) => keyOf(field) ?? 'name');
    if (!f || reader.failed) continue;
    const key = `${f.organiserUnitId}|${foldVietnamese(f.name)}|${f.startDate}`;
    if (stored.has(key)) {
      skip++;
      continue;
    }
    const first = seen.get(key);
    if (first) {
      reader.fail('name', `lớp này đã có ở dòng ${first} của tệp`);
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
  form: async (tx) => classesForm((await activeKinds(tx)).map((k) => k.name)),
  example: CLASSES_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkClasses,
};
