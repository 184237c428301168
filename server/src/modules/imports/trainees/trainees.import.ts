import { foldVietnamese, gradeLabels, outcomeLabels, recordedClassCreate, recordedTrainee } from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import type { AppError } from '../../../errors.ts';
import { groupBy } from '../../../lib/chunks.ts';
import {
  checkRecorded,
  recordClassIn,
  RosterError,
  type RecordedClassData,
} from '../../training/recorded/recorded.service.ts';
import { foldCell } from '../cells.ts';
import { notWholeNumber } from '../findings.ts';
import { classesOf, enrolledIn, type StoredClass } from '../classes/classes.import.repository.ts';
import { classColumnOf, classReaders, classSheet, readOrganiser } from '../classes/classes.read.ts';
import type { CheckedSheet, ImportKindDef, RowProgress } from '../kind.ts';
import { issuesFor, peopleOfRows, unitLookup, whoIs } from '../lookups.ts';
import type { StoredPerson } from '../lookups.repository.ts';
import { findingOf, RowReader } from '../rows.ts';
import { TRAINEE_COLUMNS, TRAINEES_EXAMPLE, type TraineeKey } from './trainees.columns.ts';

const KEYS = TRAINEE_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<TraineeKey>(TRAINEE_COLUMNS);
/** The class's own fields (every row of a class repeats them); the roster is the rows. */
const CLASS_SCHEMA = recordedClassCreate.omit({ roster: true });
type ClassData = z.output<typeof CLASS_SCHEMA>;
type Trainee = z.output<typeof recordedTrainee>;

/**
 * The class fields each row of a class must give as its first row does (the name and first day are
 * what makes rows one class). Compared as read, so a unit's code and its name are the same organiser.
 */
const REPEATED = [
  ['kind', 'kindCode'],
  ['organiser', 'organiserUnitId'],
  ['endDate', 'endDate'],
  ['place', 'place'],
  ['mode', 'mode'],
  ['decision', 'decision'],
] as const;

const TRAINEE_COLUMN: Record<string, TraineeKey> = {
  attendancePercent: 'attendance',
  certificate: 'certNumber',
  'certificate.number': 'certNumber',
  'certificate.issuedOn': 'certDate',
  'certificate.issuingUnitId': 'certSigner',
};

interface Row {
  reader: RowReader<TraineeKey>;
  cls: ClassData | null;
  trainee: Trainee | null;
  /** The stored person the row names. */
  person: StoredPerson | null;
}

/** The column a recorded class's field is about on this row (the person: the cell that named them). */
function columnOf(reader: RowReader<TraineeKey>, field: string): TraineeKey | null {
  if (field === 'personId') return reader.cells.nationalId ? 'nationalId' : 'fullName';
  return (
    TRAINEE_COLUMN[field] ?? classColumnOf(field) ?? ((KEYS as string[]).includes(field) ? (field as TraineeKey) : null)
  );
}

/** A row's trainee cells read into the recorded trainee's fields, each refusal on its column. */
function readTrainee(reader: RowReader<TraineeKey>): void {
  reader.date('birthDate');
  reader.word('outcome', outcomeLabels);
  reader.word('grade', gradeLabels);
  const share = reader.cells.attendance?.trim();
  if (share) {
    if (/^\d{1,3}$/.test(share)) reader.input.attendancePercent = Number(share);
    else reader.fail('attendance', notWholeNumber(share));
  }
  const { certNumber, certDate, certSigner } = reader.cells;
  if (certNumber || certDate || certSigner) {
    const required = { vi: 'bắt buộc khi có giấy chứng nhận', en: 'required with a certificate' };
    if (!certNumber) reader.fail('certNumber', required);
    if (!certDate) reader.fail('certDate', required);
    reader.date('certDate', 'issuedOn');
  }
  reader.required('name', 'kind', 'organiser', 'startDate', 'endDate', 'outcome');
}

/**
 * Past classes with their named roster, one trainee per row: rows with the same Tên lớp and Ngày
 * bắt đầu are one class, written by the recorded-class form's own service (`recordClassIn`) and
 * checked first by its rule (`checkRecorded`), every refusal reported on its row and column. A
 * class stored with the same organiser, name, first day and the same people is already there:
 * skipped. One stored under that name and day with other people (or by headcount) is an error: a
 * sheet never changes a stored class; it is corrected on the class's page.
 */
async function checkTrainees(
  tx: Tx,
  actor: Actor,
  sheetRows: readonly ReadFormRow[],
  progress: RowProgress,
): Promise<CheckedSheet> {
  const readers = await classReaders(tx, sheetRows, KEYS, ISSUES);
  for (const reader of readers) readTrainee(reader);
  const units = await unitLookup(
    tx,
    actor,
    readers.flatMap((r) => [r.cells.organiser ?? '', r.cells.certSigner ?? '']),
    'training.manage',
  );
  const found = await peopleOfRows(tx, actor, readers);
  const rows: Row[] = readers.map((reader, i) => {
    readOrganiser(reader, units);
    const named = found[i]!;
    if ('error' in named) reader.fail(named.key, named.error, named.ids);
    else reader.input.personId = named.person.id;
    let issuingUnitId: number | null = null;
    const signer = reader.cells.certSigner;
    const unit = signer ? units.find(signer) : null;
    if (unit && 'error' in unit) reader.fail('certSigner', unit.error, unit.ids);
    if (unit && 'unit' in unit) issuingUnitId = unit.unit.id;
    const { certNumber } = reader.cells;
    if (certNumber && reader.input.issuedOn) {
      reader.input.certificate = { number: certNumber, issuedOn: reader.input.issuedOn, issuingUnitId };
    }
    const column = (field: string) => columnOf(reader, field) ?? 'name';
    return {
      reader,
      cls: reader.parse(CLASS_SCHEMA, column),
      trainee: reader.parse(recordedTrainee, column),
      person: 'person' in named ? named.person : null,
    };
  });
  sheetNumbers(rows);
  const groups = [
    ...groupBy(
      rows.filter((r) => r.reader.cells.name && typeof r.reader.input.startDate === 'string'),
      (r) => `${foldCell(r.reader.cells.name!)}|${String(r.reader.input.startDate)}`,
    ).values(),
  ];
  // Only the organisers the actor may record classes for: the others are refused, and their classes never named.
  const manages = new Set(units.units.filter((u) => u.writable === 1).map((u) => u.id));
  const stored = await storedClasses(
    tx,
    groups.flatMap((g) => (g[0]!.cls && manages.has(g[0]!.cls.organiserUnitId) ? [g[0]!.cls] : [])),
  );

  const plans: { d: RecordedClassData; rows: number }[] = [];
  let done = 0;
  let skip = 0;
  for (const group of groups) {
    // Each class runs the form's own check (a few queries): the progress bar follows this loop.
    await progress(done);
    done += group.length;
    const head = group[0]!;
    if (!head.cls) continue; // its class cells are refused on the row already
    const cls = head.cls;
    sameClass(group);
    samePeople(group);
    const people = group.flatMap((r) => (r.trainee ? [r.trainee.personId] : []));
    const there = stored.get(classKey(cls));
    if (there) {
      if (there.some((c) => sameSet(c.people, people))) {
        skip += group.length;
        continue;
      }
      const ids = there.map((c) => c.id).join(', ');
      head.reader.fail(
        'name',
        {
          vi: `lớp này đã có trong Canbo (mã lớp ${ids}) với danh sách học viên khác: hãy sửa trên trang của lớp`,
          en: `this class is already in Canbo (class ${ids}) with other trainees: change it on the class’s page`,
        },
        there.map((c) => c.id),
      );
      continue;
    }
    const good = group.filter((r) => r.trainee && !r.reader.failed);
    if (!good.length) continue;
    const d: RecordedClassData = { ...cls, roster: good.map((r) => r.trainee!) };
    await checkRecorded(tx, actor, d, (e) => report(e, head, good));
    if (group.every((r) => !r.reader.failed)) plans.push({ d, rows: group.length });
  }
  return {
    issues: readers.flatMap((r) => r.issues),
    counts: { create: plans.reduce((n, p) => n + p.rows, 0), update: 0, skip },
    writes: plans.reduce((n, p) => n + p.rows, 0),
    write: async (progress) => {
      let written = 0;
      for (const p of plans) {
        await progress(written);
        await recordClassIn(tx, actor, p.d);
        written += p.rows;
      }
    },
  };
}

/** A refusal of the recorded-class rule, on the sheet row it is about (the class's: its first row). */
function report(e: AppError, head: Row, roster: readonly Row[]): void {
  if (e instanceof RosterError) {
    const { reader, person } = roster[e.index]!;
    // Linked only when the actor may see them: a national ID reaches people outside their sight.
    reader.fail(columnOf(reader, e.rosterField), e.reason, person ? whoIs(person).ids : []);
    return;
  }
  const { field, message, ids } = findingOf(e);
  head.reader.fail(field ? columnOf(head.reader, field) : null, message, ids);
}

/** Every row of a class gives its class's fields as its first row does; a row that differs names the column. */
function sameClass(group: readonly Row[]): void {
  const head = group[0]!;
  for (const r of group.slice(1)) {
    if (!r.cls) continue;
    for (const [key, field] of REPEATED) {
      if (foldCell(String(r.cls[field] ?? '')) === foldCell(String(head.cls![field] ?? ''))) continue;
      const cell = head.reader.cells[key];
      r.reader.fail(key, {
        vi: `khác với dòng ${head.reader.row} của cùng lớp (${cell ? `"${cell}"` : 'để trống'})`,
        en: `differs from row ${head.reader.row} of the same class (${cell ? `"${cell}"` : 'empty'})`,
      });
    }
  }
}

/** Each person once in a class. */
function samePeople(group: readonly Row[]): void {
  const first = new Map<number, number>();
  for (const r of group) {
    const id = r.trainee?.personId;
    if (id === undefined) continue;
    const row = first.get(id);
    if (row === undefined) first.set(id, r.reader.row);
    else
      r.reader.fail(
        columnOf(r.reader, 'personId'),
        { vi: `đã có ở dòng ${row} của cùng lớp`, en: `already on row ${row} of the same class` },
        r.person ? whoIs(r.person).ids : [],
      );
  }
}

/** A printed number once per signer in the whole sheet (the stored ones: the form's rule). */
function sheetNumbers(rows: readonly Row[]): void {
  const first = new Map<string, number>();
  for (const { reader, cls, trainee } of rows) {
    const c = trainee?.certificate;
    if (!c || !cls) continue;
    const key = `${c.issuingUnitId ?? cls.organiserUnitId}\u0000${c.number}`;
    const row = first.get(key);
    if (row === undefined) first.set(key, reader.row);
    else {
      reader.fail('certNumber', {
        vi: `số ${c.number} trùng với dòng ${row} của tệp (cùng đơn vị cấp)`,
        en: `the number ${c.number} is the same as on row ${row} of the file (same issuing unit)`,
      });
    }
  }
}

const classKey = (c: { organiserUnitId: number; name: string; startDate: string }) =>
  `${c.organiserUnitId}|${foldVietnamese(c.name)}|${c.startDate}`;

const sameSet = (a: ReadonlySet<number>, b: readonly number[]) =>
  a.size === new Set(b).size && b.every((id) => a.has(id));

/** The stored classes the sheet's classes may already be (same organiser, name and first day), with their people. */
async function storedClasses(
  tx: Tx,
  classes: readonly ClassData[],
): Promise<Map<string, (StoredClass & { people: Set<number> })[]>> {
  const wanted = new Set(classes.map(classKey));
  const named = (
    await classesOf(
      tx,
      classes.map((c) => c.organiserUnitId),
    )
  ).filter((c) =>
    wanted.has(classKey({ organiserUnitId: c.organiser_unit_id, name: c.name, startDate: c.start_date })),
  );
  const people = groupBy(
    await enrolledIn(
      tx,
      named.map((c) => c.id),
    ),
    (e) => e.class_id,
  );
  const withPeople = named.map((c) => ({ ...c, people: new Set((people.get(c.id) ?? []).map((e) => e.person_id)) }));
  return groupBy(withPeople, (c) =>
    classKey({ organiserUnitId: c.organiser_unit_id, name: c.name, startDate: c.start_date }),
  );
}

/** Past classes with their named roster, results and printed certificates, one trainee per row. */
export const traineesImport: ImportKindDef = {
  kind: 'trainees',
  form: (tx) => classSheet(tx, 'Học viên lớp đã học', TRAINEE_COLUMNS),
  example: TRAINEES_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkTrainees,
};
