import {
  attendanceMarkLabels,
  attendanceMarkLetters,
  attendanceMarks,
  sessionPartLabels,
  sessionPartLabelsEn,
  type AttendanceMark,
  type SessionPart,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { groupBy } from '../../../lib/chunks.ts';
import type { Words } from '../../../i18n/messages.ts';
import { vnDate } from '../../../lib/dates.ts';
import { findAllSeated, type SeatedRow } from '../../training/attendance/attendance.repository.ts';
import {
  markingIn,
  requireMarkable,
  type MarkChange,
  type Marking,
} from '../../training/attendance/attendance.service.ts';
import type { ManagedClass } from '../../training/classes/class.access.ts';
import { listSessions, type SessionRow } from '../../training/classes/sessions.repository.ts';
import { foldCell, readWord } from '../cells.ts';
import type { CheckedSheet, ImportKindDef, RowProgress } from '../kind.ts';
import { issuesFor, peopleOfRows, whoIs, type PersonFound } from '../lookups.ts';
import { RowReader, underRule, type Refusal } from '../rows.ts';
import { ATTENDANCE_COLUMNS, ATTENDANCE_EXAMPLE, ATTENDANCE_FORM, type AttendanceKey } from './attendance.columns.ts';
import { classesNamed, type NamedClass } from './attendance.import.repository.ts';

const KEYS = ATTENDANCE_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<AttendanceKey>(ATTENDANCE_COLUMNS);

/** A class the sheet names, checked once for all its rows: why its marks cannot change, or what they may be. */
type ClassState = { refused: Refusal } | Markable;

interface Markable {
  cls: ManagedClass;
  sessions: SessionRow[];
  /** Its sessions by day and part of the day. */
  sessionsAt: Map<string, SessionRow[]>;
  /** Its roster (the trainees holding a seat) by person. */
  roster: Map<number, SeatedRow>;
}

const dayPart = (date: string, part: SessionPart) => `${date}|${part}`;
const sessionName = (date: string, part: SessionPart): Words => ({
  vi: `${sessionPartLabels[part].toLocaleLowerCase('vi')} ngày ${vnDate(date)}`,
  en: `${sessionPartLabelsEn[part].toLowerCase()} of ${vnDate(date)}`,
});

/**
 * The class the live attendance service would let the actor mark now (requireMarkable: the
 * organiser's editors, a class with a roster, while it runs or until its file is closed), with its
 * sessions and roster; else its refusal, as the grid would answer it.
 */
async function classState(tx: Tx, actor: Actor, id: number): Promise<ClassState> {
  const answer = await underRule(() => requireMarkable(tx, actor, id));
  if ('refused' in answer) return answer;
  const cls = answer.ok;
  const sessions = await listSessions(tx, cls.id);
  const seated = await findAllSeated(tx, actor, cls.id);
  return {
    cls,
    sessions,
    sessionsAt: groupBy(sessions, (s) => dayPart(s.session_date, s.part)),
    roster: new Map(seated.map((e) => [e.person_id, e])),
  };
}

const MARK_WORDS = attendanceMarks.map((m) => `${attendanceMarkLabels[m]} (${attendanceMarkLetters[m]})`).join(', ');

/** The mark as a word of the list or as the grid's letter, any case, with or without diacritics. */
function markOf(reader: RowReader<AttendanceKey>): void {
  const cell = reader.cells.mark;
  if (!cell) return;
  const read = readWord(cell, attendanceMarkLabels);
  const letter = readWord(cell, attendanceMarkLetters);
  if ('value' in read) reader.input.mark = read.value;
  else if ('value' in letter) reader.input.mark = letter.value;
  else {
    reader.fail('mark', {
      vi: `"${cell}" không phải điểm danh: ghi ${MARK_WORDS}`,
      en: `"${cell}" is not an attendance mark: write ${MARK_WORDS}`,
    });
  }
}

/** The one class the row names among those the actor sees: by name, and by first day when given. */
function namedClass(reader: RowReader<AttendanceKey>, byName: Map<string, NamedClass[]>): NamedClass | null {
  const cell = reader.cells.className;
  if (!cell) return null;
  const start = reader.input.classStart as string | undefined;
  const found = (byName.get(foldCell(cell)) ?? []).filter((c) => !start || c.start_date === start);
  const starting = start ? ` bắt đầu ngày ${vnDate(start)}` : '';
  const startingEn = start ? ` starting on ${vnDate(start)}` : '';
  if (!found.length) {
    reader.fail('className', {
      vi: `không có lớp tên "${cell}"${starting} trong phạm vi bạn được xem`,
      en: `no class named "${cell}"${startingEn} is within what you may see`,
    });
    return null;
  }
  if (found.length > 1) {
    const which = found.map((c) => `bắt đầu ${vnDate(c.start_date)}, ${c.organiser_name}`).join('; ');
    const whichEn = found.map((c) => `starting ${vnDate(c.start_date)}, ${c.organiser_name}`).join('; ');
    reader.fail(
      start ? 'className' : 'classStart',
      {
        vi: `có ${found.length} lớp tên "${cell}"${starting} (${which})${start ? '' : ': hãy ghi Ngày bắt đầu lớp'}`,
        en: `${found.length} classes are named "${cell}"${startingEn} (${whichEn})${start ? '' : ': write the class’s start date'}`,
      },
      found.map((c) => c.id),
    );
    return null;
  }
  return found[0]!;
}

/** The row's trainee on the class's roster, or the finding on the column that named them. */
function trainee(reader: RowReader<AttendanceKey>, found: PersonFound, state: Markable): SeatedRow | null {
  if ('error' in found) {
    reader.fail(found.key, found.error, found.ids);
    return null;
  }
  const p = found.person;
  const seat = state.roster.get(p.id);
  if (!seat) {
    const who = whoIs(p);
    reader.fail(
      reader.cells.nationalId ? 'nationalId' : 'fullName',
      {
        vi: `${who.name.vi} không có tên trong danh sách học viên lớp "${state.cls.name}"`,
        en: `${who.name.en} is not on the list of trainees of the class "${state.cls.name}"`,
      },
      who.ids,
    );
  }
  return seat ?? null;
}

/** The session the row names: the class's one session on that day and part of the day. */
function session(reader: RowReader<AttendanceKey>, state: Markable): SessionRow | null {
  const date = reader.input.sessionDate as string | undefined;
  const part = reader.input.sessionPart as SessionPart | undefined;
  if (!date || !part) return null;
  const found = state.sessionsAt.get(dayPart(date, part)) ?? [];
  if (!found.length) {
    const name = sessionName(date, part);
    reader.fail('sessionDate', {
      vi: `lớp "${state.cls.name}" không có buổi ${name.vi}`,
      en: `the class "${state.cls.name}" has no session on the ${name.en}`,
    });
    return null;
  }
  if (found.length > 1) {
    const times = found.map((s) => `${s.starts_at}–${s.ends_at}`).join(', ');
    const name = sessionName(date, part);
    reader.fail('sessionPart', {
      vi: `lớp "${state.cls.name}" có ${found.length} buổi ${name.vi} (${times}): hãy điểm danh các buổi này trên trang lớp`,
      en: `the class "${state.cls.name}" has ${found.length} sessions on the ${name.en} (${times}): mark them on the class’s page`,
    });
    return null;
  }
  return found[0]!;
}

/**
 * Past and present marks, one trainee at one session per row, checked and written by the live
 * attendance service (requireMarkable, markingIn): the class the actor may mark now, its roster, its
 * sessions; a mark equal to the stored one is skipped, a different one updates it, an empty cell
 * leaves it. Each changed trainee is audited as the grid audits them.
 */
async function checkAttendance(
  tx: Tx,
  actor: Actor,
  sheetRows: readonly ReadFormRow[],
  progress: RowProgress,
): Promise<CheckedSheet> {
  const readers = sheetRows.map((r) => {
    const reader = new RowReader<AttendanceKey>(r, KEYS, ISSUES);
    for (const key of ['className', 'nationalId', 'fullName'] as const) reader.text(key);
    for (const key of ['classStart', 'birthDate', 'sessionDate'] as const) reader.date(key);
    reader.word('sessionPart', sessionPartLabels);
    markOf(reader);
    reader.required('className', 'sessionDate', 'sessionPart');
    return reader;
  });
  const found = await peopleOfRows(tx, actor, readers);
  const named = await classesNamed(
    tx,
    actor,
    readers.flatMap((r) => (r.cells.className ? [foldCell(r.cells.className)] : [])),
  );
  const byName = groupBy(named, (c) => foldCell(c.name));
  const states = new Map<number, ClassState>();
  const seen = new Map<string, number>();
  const marked: { state: Markable; change: MarkChange }[] = [];
  let skip = 0;
  for (const [i, reader] of readers.entries()) {
    // A class's own checks run once, at its first row; the rest is look-ups in memory.
    await progress(i);
    const cls = namedClass(reader, byName);
    if (!cls) continue;
    let state = states.get(cls.id);
    if (!state) {
      state = await classState(tx, actor, cls.id);
      states.set(cls.id, state);
    }
    if ('refused' in state) {
      reader.fail('className', state.refused.message, [cls.id]);
      continue;
    }
    const seat = trainee(reader, found[i]!, state);
    const s = session(reader, state);
    if (!seat || !s || reader.failed) continue;
    const key = `${seat.id}|${s.id}`;
    const first = seen.get(key);
    if (first) {
      const name = sessionName(s.session_date, s.part);
      reader.fail(
        'sessionDate',
        {
          vi: `${seat.person_name} đã có điểm danh buổi ${name.vi} ở dòng ${first} của tệp`,
          en: `${seat.person_name} already has a mark for the session on the ${name.en} on row ${first} of the file`,
        },
        [seat.person_id],
      );
      continue;
    }
    seen.set(key, reader.row);
    const mark = reader.input.mark as AttendanceMark | undefined;
    // An empty mark leaves the stored one as it is, as a blank cell of the class's own sheet does.
    if (!mark) skip++;
    else marked.push({ state, change: { enrolmentId: seat.id, sessionId: s.id, mark } });
  }

  const counts = { create: 0, update: 0, skip };
  const markings: { marking: Marking; rows: number }[] = [];
  for (const [state, rows] of groupBy(marked, (m) => m.state)) {
    const marking = await markingIn(
      tx,
      actor,
      {
        classId: state.cls.id,
        sessions: state.sessions,
        enrolments: new Map([...state.roster.values()].map((e) => [e.id, e])),
        changes: rows.map((r) => r.change),
      },
      'upload',
    );
    for (const { change } of rows) {
      const before = marking.current.get(change.enrolmentId)?.get(change.sessionId);
      if (before === change.mark) counts.skip++;
      else if (before) counts.update++;
      else counts.create++;
    }
    markings.push({ marking, rows: rows.length });
  }
  return {
    issues: readers.flatMap((r) => r.issues),
    counts,
    writes: marked.length,
    write: async (progress) => {
      let done = 0;
      for (const { marking, rows } of markings) {
        await progress(done);
        await marking.write();
        done += rows;
      }
    },
  };
}

/** Attendance marks of classes held or running. */
export const attendanceImport: ImportKindDef = {
  kind: 'attendance',
  form: () => Promise.resolve(ATTENDANCE_FORM),
  example: ATTENDANCE_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkAttendance,
};
