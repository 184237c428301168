import {
  diplomaGradeLabels,
  studyCreate,
  studyFundingLabels,
  studyKindLabels,
  studyModeLabels,
  type StudyCreate,
  type StudyTransition,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { messages } from '../../../i18n/messages.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { createStudyIn, transitionStudyIn } from '../../studies/studies.service.ts';
import { NOT_IN_FUTURE } from '../findings.ts';
import type { CheckedSheet, ImportKindDef } from '../kind.ts';
import { issuesFor, peopleOfRows } from '../lookups.ts';
import { RowReader, writablePerson } from '../rows.ts';
import { STUDIES_EXAMPLE, STUDIES_FORM, STUDY_COLUMNS, STUDY_RESULTS, type StudyKey } from './studies.columns.ts';
import { studiesOf } from './studies.import.repository.ts';

const KEYS = STUDY_COLUMNS.map((c) => c.key);
const ISSUES = issuesFor<StudyKey>(STUDY_COLUMNS);
const fields = studyCreate.omit({ personId: true });
type Outcome =
  Exclude<StudyTransition, { action: 'extend' }> extends infer T
    ? T extends unknown
      ? Omit<T, 'version'>
      : never
    : never;

interface Plan {
  row: number;
  study: StudyCreate;
  outcome: Outcome | null;
}

const { notBeforeStart } = messages;
const REQUIRED_GRADUATED = { vi: 'bắt buộc khi đã tốt nghiệp', en: 'required once graduated' };

/** The outcome a row records (a graduation or a withdrawal), each with what it needs. */
function outcomeOf(reader: RowReader<StudyKey>, start: string | undefined, today: string): Outcome | null {
  const result = reader.input.result as keyof typeof STUDY_RESULTS | undefined;
  if (!result || result === 'studying') return null;
  const endDate = reader.input.endDate as string | undefined;
  if (!endDate) {
    reader.fail('endDate', {
      vi: `bắt buộc khi Kết quả là ${STUDY_RESULTS[result]}`,
      en: `required when the result is "${STUDY_RESULTS[result]}"`,
    });
  } else if (start && endDate < start) reader.fail('endDate', notBeforeStart(start));
  else if (endDate > today) reader.fail('endDate', NOT_IN_FUTURE);
  if (result === 'graduated') {
    const { diplomaNumber, diplomaGrade } = reader.input as { diplomaNumber?: string; diplomaGrade?: string };
    if (!diplomaNumber) reader.fail('diplomaNumber', REQUIRED_GRADUATED);
    if (!diplomaGrade) reader.fail('diplomaGrade', REQUIRED_GRADUATED);
    if (!endDate || !diplomaNumber || !diplomaGrade) return null;
    return { action: 'graduate', endDate, diplomaNumber, diplomaGrade } as Outcome;
  }
  const reason = reader.input.reason as string | undefined;
  if (!reason) reader.fail('reason', { vi: 'bắt buộc khi thôi học', en: 'required on withdrawal' });
  if (!endDate || !reason) return null;
  return { action: 'withdraw', endDate, reason };
}

/**
 * Long-term studies, recorded as the study form records them (`createStudyIn`), then graduated or
 * withdrawn as its transitions do (`transitionStudyIn`: a graduation raises the cadre's level). A
 * study of the same cadre, kind and start date is already there: skipped, never changed.
 */
async function checkStudies(tx: Tx, actor: Actor, sheetRows: readonly ReadFormRow[]): Promise<CheckedSheet> {
  const today = todayIso();
  const readers = sheetRows.map((r) => {
    const reader = new RowReader<StudyKey>(r, KEYS, ISSUES);
    for (const key of ['nationalId', 'fullName', 'institution', 'major', 'decision', 'notes'] as const) {
      reader.text(key);
    }
    for (const key of ['diplomaNumber', 'reason'] as const) reader.text(key);
    for (const key of ['birthDate', 'decisionDate', 'startDate', 'expectedEndDate', 'endDate'] as const) {
      reader.date(key);
    }
    reader.word('studyKind', studyKindLabels);
    reader.word('studyMode', studyModeLabels);
    reader.word('funding', studyFundingLabels);
    reader.word('result', STUDY_RESULTS);
    reader.word('diplomaGrade', diplomaGradeLabels);
    reader.required('studyKind', 'institution', 'startDate', 'expectedEndDate');
    return reader;
  });
  const found = await peopleOfRows(tx, actor, readers);
  const stored = new Set(
    (
      await studiesOf(
        tx,
        found.flatMap((f) => ('person' in f ? [f.person.id] : [])),
      )
    ).map((s) => `${s.person_id}|${s.kind}|${s.start_date}`),
  );
  const seen = new Map<string, number>();
  const plans: Plan[] = [];
  let skip = 0;
  readers.forEach((reader, i) => {
    const f = reader.parse(fields);
    if (f && f.expectedEndDate < f.startDate) {
      reader.fail('expectedEndDate', notBeforeStart(f.startDate));
    }
    if (f?.decisionDate && f.decisionDate > f.startDate) {
      reader.fail('decisionDate', {
        vi: `không được sau Ngày bắt đầu (${vnDate(f.startDate)})`,
        en: `cannot be after the start date (${vnDate(f.startDate)})`,
      });
    }
    const outcome = outcomeOf(reader, f?.startDate, today);
    const person = writablePerson(reader, found[i]!);
    if (!person || !f || reader.failed) return;
    const same = `${person.id}|${f.studyKind}|${f.startDate}`;
    if (stored.has(same)) {
      skip++;
      return;
    }
    const first = seen.get(same);
    if (first) {
      const dup = {
        vi: `quá trình học tập này đã có ở dòng ${first} của tệp`,
        en: `this study is already on row ${first} of the file`,
      };
      return reader.fail(null, dup, [person.id]);
    }
    seen.set(same, reader.row);
    plans.push({ row: reader.row, study: { ...f, personId: person.id }, outcome });
  });
  return {
    issues: readers.flatMap((r) => r.issues),
    counts: { create: plans.length, update: 0, skip },
    writes: plans.length,
    write: async (progress) => {
      for (const [done, p] of plans.entries()) {
        await progress(done);
        const study = await createStudyIn(tx, actor, p.study);
        if (p.outcome) await transitionStudyIn(tx, actor, study.id, { ...p.outcome, version: study.version });
      }
    },
  };
}

/** Long-term degree and political-theory studies. */
export const studiesImport: ImportKindDef = {
  kind: 'studies',
  form: () => Promise.resolve(STUDIES_FORM),
  example: STUDIES_EXAMPLE,
  limits: { maxRows: 100_010, maxCellsPerRow: 32, maxUnpacked: 256 * 2 ** 20, maxSharedStrings: 32 * 2 ** 20 },
  check: checkStudies,
};
