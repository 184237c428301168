import {
  appointmentMethodLabels,
  employmentLabels,
  foldVietnamese,
  fullName,
  genderLabels,
  personUpdate,
  positionCreate,
  qualificationLabels,
  theoryLevelLabels,
  titleLabels,
  vietnameseSortKey,
  type PersonUpdate,
  type PositionCreate,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { countPositionsAfter, indexNamesAfter, nowIso } from '../../../db/dialect.ts';
import type { ReadFormRow } from '../../../documents/xlsx/headed.ts';
import { todayIso, vnDate } from '../../../lib/dates.ts';
import { updateManyAtVersion } from '../../../lib/versioned.ts';
import { chunks, groupBy } from '../../../lib/chunks.ts';
import { insertBatches } from '../../../lib/insertMany.ts';
import { writeAuditBatches, writeAudits, type AuditEntryInput } from '../../audit/audit.writer.ts';
import { auditedPeople, insertedAuditView, type PersonValues } from '../../people/people.repository.ts';
import { higherQualification, higherTheoryLevel, studiedLevels } from '../../studies/studies.repository.ts';
import { MAX_CELL_CHARS, foldCell, readDate, readWord, type Read } from '../cells.ts';
import { messages, type Words } from '../../../i18n/messages.ts';
import { REQUIRED, cellTooLong, issueWords, type Finding } from '../findings.ts';
import type { CheckedSheet, ImportKindDef, RowCollector, RowProgress } from '../kind.ts';
import { NO, PEOPLE_COLUMNS, PEOPLE_EXAMPLE, YES, peopleForm, type PeopleKey } from './people.columns.ts';
import { ethnicityNames, openPositions, secretariesSince } from './people.import.repository.ts';
import { peopleByName, peopleByNationalId, type StoredPerson, type UnitHit } from '../lookups.repository.ts';
import { unitLookup } from '../lookups.ts';

const HEADER = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])) as Record<PeopleKey, string>;

/** The person's fields a sheet may set (the API's update, without the version). */
const personFields = personUpdate.omit({ version: true, unitId: true });
type PersonFields = Omit<PersonUpdate, 'version' | 'unitId'>;
const positionFields = positionCreate.pick({
  title: true,
  employment: true,
  method: true,
  term: true,
  decision: true,
  startDate: true,
});
type PositionFields = Pick<PositionCreate, 'title' | 'employment' | 'method' | 'term' | 'decision' | 'startDate'>;

const POSITION_KEYS = ['title', 'employment', 'method', 'term', 'decision', 'startDate'] as const;
const PERSON_TEXT_KEYS = [
  'familyName',
  'middleName',
  'givenName',
  'religion',
  'nationalId',
  'phone',
  'email',
  'generalEducation',
  'itLevel',
  'languageLevel',
  'notes',
] as const;

/** API field → column, for the fields stored as they are. */
const COLUMN_OF: Record<Exclude<keyof PersonFields, 'partyMember' | 'hardshipArea'>, keyof PersonValues> = {
  familyName: 'family_name',
  middleName: 'middle_name',
  givenName: 'given_name',
  birthDate: 'birth_date',
  gender: 'gender',
  ethnicityCode: 'ethnicity_code',
  religion: 'religion',
  nationalId: 'national_id',
  phone: 'phone',
  email: 'email',
  partyJoinDate: 'party_join_date',
  generalEducation: 'general_education',
  qualification: 'qualification_manual',
  theoryLevel: 'theory_level_manual',
  itLevel: 'it_level',
  languageLevel: 'language_level',
  notes: 'notes',
};

/** One row as read: what it sets (only its non-empty cells) and its findings. */
interface ParsedRow {
  row: number;
  /** The unit as written, and the unit it names once looked up. */
  unitCell: string;
  unit: UnitHit | null;
  fields: PersonFields;
  position: PositionFields | null;
  fullName: string;
  issues: Finding[];
}

type Plan =
  | { action: 'create'; row: ParsedRow }
  | { action: 'update'; row: ParsedRow; person: StoredPerson; values: Partial<PersonValues>; levels: boolean }
  | { action: 'skip'; row: ParsedRow; person: StoredPerson };

const issue = (row: number, key: PeopleKey | null, message: Words, ids: number[] = [], warning = false): Finding => ({
  row,
  column: key ? HEADER[key] : null,
  message,
  severity: warning ? 'warning' : 'error',
  ids,
});

const hasErrors = (r: ParsedRow) => r.issues.some((i) => i.severity === 'error');

const YES_NO = { yes: YES, no: NO } as const;

/** The catalogue of ethnicities: codes by folded name, and the codes. */
interface Ethnicities {
  byName: Map<string, string>;
  codes: Set<string>;
  /** Names by code (the audit view of a new person). */
  names: Map<string, string>;
}

/**
 * The row given its time stamps in place: neither a spread into a literal with more keys (V8 copies an
 * object of 25 fields that way on a slow path, ~50 µs a row, measured) nor a copy (garbage at 100,000 rows).
 */
const stamped = <T extends object>(row: T, now: string) => Object.assign(row, { created_at: now, updated_at: now });

/** The cells of one row as the person's and the position's fields, each refusal on its column. */
function parseRow(r: ReadFormRow, ethnicities: Ethnicities): ParsedRow {
  const cells = r.cells as Partial<Record<PeopleKey, string>>;
  const issues: Finding[] = [];
  const fail = (key: PeopleKey, message: Words) => issues.push(issue(r.row, key, message));
  const input: Record<string, unknown> = {};
  const position: Record<string, unknown> = {};
  const take = <T>(key: PeopleKey, read: Read<T>, into: Record<string, unknown>, field: string = key) => {
    if ('error' in read) fail(key, read.error);
    else into[field] = read.value;
  };
  for (const c of PEOPLE_COLUMNS) {
    const v = cells[c.key];
    if (v && v.length > MAX_CELL_CHARS) {
      fail(c.key, cellTooLong(v.length, MAX_CELL_CHARS));
      delete cells[c.key];
    }
  }
  for (const key of PERSON_TEXT_KEYS) if (cells[key]) input[key] = cells[key];
  if (cells.birthDate) take('birthDate', readDate(cells.birthDate), input);
  if (cells.partyJoinDate) take('partyJoinDate', readDate(cells.partyJoinDate), input);
  if (cells.gender) take('gender', readWord(cells.gender, genderLabels), input);
  if (cells.qualification) take('qualification', readWord(cells.qualification, qualificationLabels), input);
  if (cells.theoryLevel) take('theoryLevel', readWord(cells.theoryLevel, theoryLevelLabels), input);
  if (cells.partyMember) {
    const yes = readWord(cells.partyMember, YES_NO);
    if ('error' in yes) fail('partyMember', yes.error);
    else input.partyMember = yes.value === 'yes';
  }
  if (cells.hardshipArea) {
    const yes = readWord(cells.hardshipArea, YES_NO);
    if ('error' in yes) fail('hardshipArea', yes.error);
    else input.hardshipArea = yes.value === 'yes';
  }
  if (cells.ethnicity) {
    const code =
      ethnicities.byName.get(foldCell(cells.ethnicity)) ?? (/^\d{2}$/.test(cells.ethnicity) ? cells.ethnicity : null);
    if (code && ethnicities.codes.has(code)) input.ethnicityCode = code;
    else {
      fail('ethnicity', {
        vi: `"${cells.ethnicity}" không có trong danh mục dân tộc`,
        en: `"${cells.ethnicity}" is not in the list of ethnicities`,
      });
    }
  }
  let fields: PersonFields = {};
  const parsed = personFields.safeParse(input);
  if (parsed.success) fields = parsed.data;
  else {
    for (const i of parsed.error.issues) {
      const field = String(i.path[0] ?? '');
      const key = (field === 'ethnicityCode' ? 'ethnicity' : field) as PeopleKey;
      fail(key, issueWords(i));
    }
  }

  let positionOut: PositionFields | null = null;
  if (POSITION_KEYS.some((k) => cells[k])) {
    if (cells.title) take('title', readWord(cells.title, titleLabels), position);
    if (cells.employment) take('employment', readWord(cells.employment, employmentLabels), position);
    if (cells.method) take('method', readWord(cells.method, appointmentMethodLabels), position);
    if (cells.startDate) take('startDate', readDate(cells.startDate), position);
    if (cells.term) position.term = cells.term;
    if (cells.decision) position.decision = cells.decision;
    for (const k of ['title', 'employment', 'method', 'startDate'] as const) {
      if (!cells[k]) fail(k, { vi: 'bắt buộc khi ghi chức vụ hiện giữ', en: 'required with a current position' });
    }
    const p = positionFields.safeParse(position);
    if (p.success) positionOut = p.data;
    else if (!issues.length) for (const i of p.error.issues) fail(String(i.path[0]) as PeopleKey, issueWords(i));
  }
  if (!cells.unit) fail('unit', REQUIRED);
  if (!cells.familyName) fail('familyName', REQUIRED);
  if (!cells.givenName) fail('givenName', REQUIRED);
  return {
    row: r.row,
    unitCell: cells.unit ?? '',
    unit: null,
    fields,
    position: positionOut,
    fullName: fullName(fields.familyName ?? '', fields.middleName, fields.givenName ?? ''),
    issues,
  };
}

const notYet = (date: string): Words => ({
  vi: `${vnDate(date)} là ngày chưa tới`,
  en: `${vnDate(date)} has not come yet`,
});

/** Dates that must agree with each other and with today (as the person form checks them). */
function checkDates(r: ParsedRow, stored: StoredPerson | null, today: string): void {
  const birth = r.fields.birthDate ?? stored?.birth_date ?? null;
  const member = r.fields.partyMember ?? stored?.party_member === 1;
  const joined = r.fields.partyJoinDate ?? null;
  if (r.fields.birthDate && r.fields.birthDate > today) {
    r.issues.push(issue(r.row, 'birthDate', notYet(r.fields.birthDate)));
  }
  if (joined) {
    if (!member) {
      r.issues.push(
        issue(r.row, 'partyJoinDate', { vi: 'chỉ ghi khi cán bộ là Đảng viên', en: 'only for a Party member' }),
      );
    } else if (joined > today) r.issues.push(issue(r.row, 'partyJoinDate', notYet(joined)));
    else if (birth && joined <= birth) {
      r.issues.push(issue(r.row, 'partyJoinDate', { vi: 'phải sau Ngày sinh', en: 'must be after the date of birth' }));
    }
  }
}

const personKey = (name: string, birth: string | null | undefined, unitId: number) =>
  `${foldCell(name)}|${birth ?? ''}|${unitId}`;

/** Sort keys remembered: a sheet of 100,000 cadres repeats names. Bounded. */
const sortKeys = new Map<string, string>();
function sortKeyOf(given: string, family: string, middle: string | null | undefined): string {
  const name = `${given}|${family}|${middle ?? ''}`;
  let key = sortKeys.get(name);
  if (key === undefined) {
    if (sortKeys.size >= 100_000) sortKeys.clear();
    key = vietnameseSortKey(given, family, middle);
    sortKeys.set(name, key);
  }
  return key;
}

/**
 * A new person's columns but the keys made of its name: the sheet's values, the registry's defaults
 * for the rest; what its audit view shows. Made as each chunk is written, not by the check: 100,000
 * of them held from the check to the commit (a kept preview's plan, previewCache.ts) were ~35 MB
 * beside the rows they are made from.
 */
function newPerson(f: PersonFields, name: string, unitId: number): Omit<PersonValues, 'sort_key' | 'search_text'> {
  return {
    unit_id: unitId,
    family_name: f.familyName!,
    middle_name: f.middleName ?? null,
    given_name: f.givenName!,
    full_name: name,
    birth_date: f.birthDate ?? null,
    gender: f.gender!,
    ethnicity_code: f.ethnicityCode!,
    religion: f.religion ?? null,
    national_id: f.nationalId ?? null,
    phone: f.phone ?? null,
    email: f.email ?? null,
    party_member: f.partyMember ? 1 : 0,
    party_join_date: f.partyJoinDate ?? null,
    general_education: f.generalEducation ?? null,
    qualification: f.qualification ?? 'none',
    theory_level: f.theoryLevel ?? 'none',
    qualification_manual: f.qualification ?? 'none',
    theory_level_manual: f.theoryLevel ?? 'none',
    it_level: f.itLevel ?? null,
    language_level: f.languageLevel ?? null,
    hardship_area: f.hardshipArea ? 1 : 0,
    notes: f.notes ?? null,
  };
}

/** The row a new person is stored as: its columns, the keys its name is sorted and searched by, the stamps. */
function newPersonRow(f: PersonFields, name: string, unitId: number, now: string) {
  return stamped(
    Object.assign(newPerson(f, name, unitId), {
      sort_key: sortKeyOf(f.givenName!, f.familyName!, f.middleName),
      search_text: foldCell(name),
    }),
    now,
  );
}

/** What the row changes on a stored person: only its non-empty cells that differ (an empty cell erases nothing). */
function changesOf(r: ParsedRow, p: StoredPerson): { values: Partial<PersonValues>; levels: boolean } {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, keyof PersonValues][]) {
    const v = r.fields[field];
    if (v !== undefined && v !== null && v !== p[column]) values[column] = v;
  }
  if (r.fields.partyMember !== undefined && (r.fields.partyMember ? 1 : 0) !== p.party_member) {
    values.party_member = r.fields.partyMember ? 1 : 0;
    if (!r.fields.partyMember) values.party_join_date = null;
  }
  if (r.fields.hardshipArea !== undefined && (r.fields.hardshipArea ? 1 : 0) !== p.hardship_area) {
    values.hardship_area = r.fields.hardshipArea ? 1 : 0;
  }
  if ('family_name' in values || 'middle_name' in values || 'given_name' in values) {
    const family = (values.family_name as string | undefined) ?? p.family_name;
    const middle = (values.middle_name as string | undefined) ?? p.middle_name;
    const given = (values.given_name as string | undefined) ?? p.given_name;
    const name = fullName(family, middle, given);
    Object.assign(values, {
      full_name: name,
      sort_key: vietnameseSortKey(given, family, middle),
      search_text: foldCell(name),
    });
  }
  return {
    values,
    levels: 'qualification_manual' in values || 'theory_level_manual' in values,
  };
}

async function readEthnicities(tx: Tx): Promise<Ethnicities> {
  const catalogue = await ethnicityNames(tx);
  return {
    byName: new Map(catalogue.map((e) => [foldVietnamese(e.name), e.code])),
    codes: new Set(catalogue.map((e) => e.code)),
    names: new Map(catalogue.map((e) => [e.code, e.name])),
  };
}

async function checkPeople(
  tx: Tx,
  actor: Actor,
  sheetRows: ReadFormRow[],
  progress: RowProgress,
): Promise<CheckedSheet> {
  const ethnicities = await readEthnicities(tx);
  const rows = sheetRows.map((r) => parseRow(r, ethnicities));
  // Read: the rows' cells are let go of (60–80 MB at 100,000 rows, else held through the whole check).
  sheetRows.length = 0;
  return checkParsed(tx, actor, rows, ethnicities, progress);
}

/** Each row parsed as the reader sends it: the cells of one batch at a time, never the sheet's. */
async function collectPeople(tx: Tx, actor: Actor | null): Promise<RowCollector> {
  const ethnicities = await readEthnicities(tx);
  const rows: ParsedRow[] = [];
  const stored = actor ? storedAhead(tx, actor) : null;
  return {
    add: (r) => {
      const row = parseRow(r, ethnicities);
      rows.push(row);
      stored?.note(row);
    },
    check: async (t, actor, progress) =>
      checkParsed(t, actor, rows, ethnicities, progress, stored ? await stored.found() : undefined),
  };
}

/** New national IDs and names gathered before they are looked up together. */
const AHEAD_BATCH = 5000;

/** The stored people a sheet's rows name: by national ID, and by name (any case or diacritics). */
interface StoredNamed {
  byNationalId: StoredPerson[];
  named: StoredPerson[];
}

/**
 * The stored people the rows name, looked up while the reader is still reading (a preview: the
 * read keeps one core busy while the database and the request thread wait): measured at 100,000
 * rows, the two look-ups took 1.2 s after the last row came. Each national ID and each folded name
 * is asked once, so the answers hold each person once, as one look-up of them all would.
 */
function storedAhead(tx: Tx, actor: Actor) {
  const ids = new Set<string>();
  const names = new Set<string>();
  let newIds: string[] = [];
  let newNames: string[] = [];
  const asked: Promise<[StoredPerson[], StoredPerson[]]>[] = [];
  const ask = () => {
    if (!newIds.length && !newNames.length) return;
    const answer = Promise.all([peopleByNationalId(tx, actor, newIds), peopleByName(tx, actor, newNames)]);
    // Awaited in `found`; until then a failure must not count as unhandled.
    answer.catch(() => undefined);
    asked.push(answer);
    newIds = [];
    newNames = [];
  };
  return {
    note(r: ParsedRow) {
      const id = r.fields.nationalId;
      if (id && !ids.has(id)) {
        ids.add(id);
        newIds.push(id);
      }
      const name = r.fullName ? foldCell(r.fullName) : '';
      if (name && !names.has(name)) {
        names.add(name);
        newNames.push(name);
      }
      if (newIds.length + newNames.length >= AHEAD_BATCH) ask();
    },
    async found(): Promise<StoredNamed> {
      ask();
      const answers = await Promise.all(asked);
      return { byNationalId: answers.flatMap((a) => a[0]), named: answers.flatMap((a) => a[1]) };
    },
  };
}

async function checkParsed(
  tx: Tx,
  actor: Actor,
  rows: ParsedRow[],
  ethnicities: Ethnicities,
  progress: RowProgress,
  /** The stored people the rows name, when looked up already (storedAhead). */
  ahead?: StoredNamed,
): Promise<CheckedSheet> {
  const today = todayIso();
  // Units: by code first, else by the name as written (any case or diacritics), never by a guess.
  const units = await unitLookup(
    tx,
    actor,
    rows.map((r) => r.unitCell),
  );
  for (const row of rows) {
    if (!row.unitCell) continue;
    const found = units.find(row.unitCell);
    if ('error' in found) row.issues.push(issue(row.row, 'unit', found.error, found.ids));
    else {
      const u = found.unit;
      if (u.writable !== 1) {
        const outside = {
          vi: `${u.name} ngoài phạm vi bạn được cập nhật hồ sơ cán bộ`,
          en: `${u.name} is outside the units whose cadres’ records you may update`,
        };
        row.issues.push(issue(row.row, 'unit', outside, [u.id]));
      } else if (u.status === 'dissolved') {
        const gone = {
          vi: `${u.name} đã giải thể hoặc sáp nhập từ ${vnDate(u.valid_to)}`,
          en: `${u.name} was dissolved or merged on ${vnDate(u.valid_to)}`,
        };
        row.issues.push(issue(row.row, 'unit', gone, [u.id]));
      } else row.unit = u;
    }
  }

  // Inside the file: a national ID once, a person (name, birth date, unit) once.
  const seenId = new Map<string, number>();
  const seenKey = new Map<string, number>();
  for (const r of rows) {
    const id = r.fields.nationalId;
    if (id) {
      const first = seenId.get(id);
      if (first) {
        r.issues.push(
          issue(r.row, 'nationalId', {
            vi: `số CCCD ${id} đã có ở dòng ${first} của tệp`,
            en: `the national ID number ${id} is already on row ${first} of the file`,
          }),
        );
      } else seenId.set(id, r.row);
    }
    if (r.unit && r.fields.familyName && r.fields.givenName && !id) {
      const key = personKey(r.fullName, r.fields.birthDate, r.unit.id);
      const first = seenKey.get(key);
      if (first) {
        r.issues.push(
          issue(r.row, null, {
            vi: `${r.fullName} (cùng ngày sinh, cùng đơn vị) đã có ở dòng ${first} của tệp`,
            en: `${r.fullName} (same date of birth, same unit) is already on row ${first} of the file`,
          }),
        );
      } else seenKey.set(key, r.row);
    }
  }

  const byNationalId = new Map(
    (ahead?.byNationalId ?? (await peopleByNationalId(tx, actor, [...seenId.keys()]))).map((p) => [p.national_id!, p]),
  );
  const named =
    ahead?.named ?? (await peopleByName(tx, actor, [...new Set(rows.map((r) => r.fullName).filter(Boolean))]));
  // The same name (any case, diacritics) and birth date: the key of both look-ups below.
  const namedByBirth = groupBy(
    named.filter((p) => p.birth_date),
    (p) => `${foldCell(p.full_name)}|${p.birth_date}`,
  );
  const plans: Plan[] = [];
  // Rows are checked here one by one (the look-ups above were batched): the progress bar follows this loop.
  for (const [done, r] of rows.entries()) {
    await progress(done);
    if (hasErrors(r) || !r.unit) continue;
    const unit = r.unit;
    let match: StoredPerson | null = null;
    const id = r.fields.nationalId;
    if (id && byNationalId.has(id)) {
      match = byNationalId.get(id)!;
      if (match.writable !== 1) {
        r.issues.push(
          issue(r.row, 'nationalId', {
            vi: 'số CCCD này đã có trong hồ sơ một cán bộ ngoài phạm vi bạn được cập nhật',
            en: 'this national ID number is on the record of a cadre you may not update',
          }),
        );
        continue;
      }
    } else {
      // Without a known national ID, the same name, birth date and unit is the same person.
      const same = r.fields.birthDate
        ? (namedByBirth.get(`${foldCell(r.fullName)}|${r.fields.birthDate}`) ?? []).filter(
            (p) => p.unit_id === unit.id && (!id || p.national_id === null),
          )
        : [];
      if (same.length > 1) {
        r.issues.push(
          issue(
            r.row,
            null,
            {
              vi: `${unit.name} có ${same.length} hồ sơ ${r.fullName} cùng ngày sinh: hãy ghi số CCCD để chọn đúng người`,
              en: `${unit.name} has ${same.length} records of ${r.fullName} with this date of birth: write the national ID number to pick the right one`,
            },
            same.map((p) => p.id),
          ),
        );
        continue;
      }
      match = same[0] ?? null;
    }
    if (match && match.unit_id !== unit.id) {
      r.issues.push(
        issue(
          r.row,
          'unit',
          {
            vi: `${match.full_name} đang thuộc ${match.unit_name}; chuyển đơn vị bằng quyết định điều động, không bằng tệp nhập`,
            en: `${match.full_name} belongs to ${match.unit_name}; a move between units is recorded as a move, not by an import`,
          },
          [match.id],
        ),
      );
      continue;
    }
    checkDates(r, match, today);
    if (!match) {
      const required = { vi: 'bắt buộc khi tạo hồ sơ mới', en: 'required for a new record' };
      if (!r.fields.gender) r.issues.push(issue(r.row, 'gender', required));
      if (!r.fields.ethnicityCode) r.issues.push(issue(r.row, 'ethnicity', required));
      if (r.fields.birthDate) {
        const maybe = namedByBirth.get(`${foldCell(r.fullName)}|${r.fields.birthDate}`) ?? [];
        if (maybe.length) {
          const others = maybe.map((p) => `${p.full_name} (${p.unit_name})`).join('; ');
          r.issues.push(
            issue(
              r.row,
              null,
              {
                vi: `có thể đã có hồ sơ: ${others} cùng ngày sinh; dòng này sẽ tạo hồ sơ mới`,
                en: `there may already be a record: ${others} with this date of birth; this row will create a new one`,
              },
              maybe.map((p) => p.id),
              true,
            ),
          );
        }
      }
      if (!hasErrors(r)) plans.push({ action: 'create', row: r });
    } else if (!hasErrors(r)) {
      const { values, levels } = changesOf(r, match);
      plans.push(
        Object.keys(values).length
          ? { action: 'update', row: r, person: match, values, levels }
          : { action: 'skip', row: r, person: match },
      );
    }
  }

  // The current position: added unless the person already holds that title in that unit.
  const held = new Set(
    (
      await openPositions(
        tx,
        plans.flatMap((p) => (p.action === 'create' ? [] : [p.person.id])),
        today,
      )
    ).map((p) => `${p.person_id}|${p.unit_id}|${p.title}`),
  );
  // Secretaries already held in the units the sheet names one for, read once for the whole sheet.
  const secretaryRows = plans.flatMap((p) => (p.row.position?.title === 'secretary' ? [p.row] : []));
  const earliest = secretaryRows.reduce(
    (min, r) => (r.position!.startDate < min ? r.position!.startDate : min),
    '9999-12-31',
  );
  const heldSecretaries = groupBy(
    secretaryRows.length
      ? await secretariesSince(tx, [...new Set(secretaryRows.map((r) => r.unit!.id))], earliest)
      : [],
    (s) => s.unit_id,
  );
  const newPositions = new Map<Plan, PositionFields>();
  const secretaries = new Map<number, number>();
  for (const plan of plans) {
    const { row: r } = plan;
    const pos = r.position;
    if (!pos) continue;
    const personId = plan.action === 'create' ? null : plan.person.id;
    if (personId !== null && held.has(`${personId}|${r.unit!.id}|${pos.title}`)) continue;
    if (r.unit!.valid_to !== null && pos.startDate > r.unit!.valid_to) {
      r.issues.push(issue(r.row, 'startDate', messages.unitCeased(r.unit!.name, r.unit!.valid_to)));
      continue;
    }
    if (pos.title === 'secretary') {
      // One secretary at a time per unit (as positions are written one by one).
      const other = secretaries.get(r.unit!.id);
      // The earliest held on or after the start (findOverlapping's answer for an open position).
      const clash = heldSecretaries.get(r.unit!.id)?.find((s) => s.end_date === null || s.end_date >= pos.startDate);
      if (other) {
        r.issues.push(
          issue(r.row, 'title', {
            vi: `${r.unit!.name} đã có Bí thư ở dòng ${other} của tệp`,
            en: `${r.unit!.name} already has a secretary on row ${other} of the file`,
          }),
        );
        continue;
      }
      if (clash) {
        r.issues.push(
          issue(
            r.row,
            'title',
            {
              vi: `${r.unit!.name} đã có Bí thư ${clash.full_name} (từ ${vnDate(clash.start_date)}); hãy ghi ngày kết thúc chức vụ cũ trước`,
              en: `${r.unit!.name} already has a secretary, ${clash.full_name} (since ${vnDate(clash.start_date)}); record the end of that position first`,
            },
            [clash.id],
          ),
        );
        continue;
      }
      secretaries.set(r.unit!.id, r.row);
    }
    newPositions.set(plan, pos);
  }
  const valid = plans.filter((p) => !hasErrors(p.row));
  const counts = { create: 0, update: 0, skip: 0 };
  // What the write needs of each row, and only that: the rows as read and checked are let go.
  const writes: Write[] = [];
  for (const p of valid) {
    const position = newPositions.get(p) ?? null;
    counts[p.action === 'skip' && position ? 'update' : p.action]++;
    const unit = p.row.unit!;
    if (p.action === 'create') {
      writes.push({ action: 'create', unit, position, fields: p.row.fields, name: p.row.fullName });
    } else if (p.action === 'update') {
      writes.push({ action: 'update', unit, position, person: p.person, values: p.values, levels: p.levels });
    } else if (position) writes.push({ action: 'skip', unit, position, person: p.person });
  }
  const issues = rows.flatMap((r) => r.issues);
  return {
    issues,
    counts,
    writes: writes.length,
    write: (progress) => writePeople(tx, actor, writes, ethnicities.names, progress),
    // Reads only people, positions, units, their closure and the ethnicities: reusable (previewCache.ts).
    writeIn: (t, progress) => writePeople(t, actor, writes, ethnicities.names, progress),
  };
}

/** A checked row as the write takes it: the person's values or the stored person, the new position. */
type Write = { unit: UnitHit; position: PositionFields | null } & (
  | { action: 'create'; fields: PersonFields; name: string }
  | { action: 'update'; person: StoredPerson; values: Partial<PersonValues>; levels: boolean }
  | { action: 'skip'; person: StoredPerson }
);

/** Rows made and reported a chunk at a time: memory stays that of a chunk, whatever the sheet's size. */
const WRITE_CHUNK = 1000;
/** Rows of a stream made at a time: few enough to die young (a chunk held across the write of the one before is promoted, and an old-generation collection walks the whole heap). */
const STREAM_CHUNK = 100;

/** `make` of each item, a chunk at a time, each chunk reported (a closed connection stops the write there). */
async function* madeInChunks<T, R>(
  items: readonly T[],
  make: (item: T, i: number) => R,
  report: (n: number) => Promise<void>,
): AsyncGenerator<R[]> {
  for (let i = 0; i < items.length; i += STREAM_CHUNK) {
    const part = items.slice(i, i + STREAM_CHUNK);
    await report(part.length);
    yield part.map((item, k) => make(item, i + k));
  }
}

/** The row of a current position as stored and as its audit row shows it. */
const positionRow = (w: Write & { position: PositionFields }, personId: number) => ({
  person_id: personId,
  unit_id: w.unit.id,
  title: w.position.title,
  employment: w.position.employment,
  method: w.position.method,
  term: w.position.term ?? null,
  decision: w.position.decision ?? null,
  start_date: w.position.startDate,
  end_date: null,
});

/**
 * The stored people updated a chunk at a time (few: each is read before and after for its audit
 * row), then the new people, their current positions and the new records' audit rows, each table
 * in one stream of rows made as they are written (insertBatches: on PostgreSQL one COPY, which
 * inserts a chunk while the next is made). A new person's columns are made twice, for its row and
 * for its audit row, rather than held between the two.
 */
async function writePeople(
  tx: Tx,
  actor: Actor,
  writes: Write[],
  /** Ethnicity names by code (the audit view of a new person). */
  ethnicities: Map<string, string>,
  progress: RowProgress,
): Promise<void> {
  const now = nowIso();
  const creates = writes.filter((w): w is Extract<Write, { action: 'create' }> => w.action === 'create');
  const updates = writes.filter((w): w is Extract<Write, { action: 'update' }> => w.action === 'update');
  const placed = writes.filter((w): w is Write & { position: PositionFields } => w.position !== null);
  // The progress bar follows the rows written (a report also lets a closed connection cancel the commit).
  const rows = updates.length + 2 * (creates.length + placed.length);
  let done = 0;
  const report = async (n: number) => {
    await progress(Math.floor((done / rows) * writes.length));
    done += n;
  };

  for (const part of chunks(updates, WRITE_CHUNK)) {
    await report(part.length);
    // Updates in as few statements as the engine allows, their "before" read in one query.
    const ids = part.map((w) => w.person.id);
    const before = await auditedPeople(tx, actor, ids);
    const changes = [];
    for (const w of part) {
      const values = { ...w.values };
      if (w.levels) {
        const studied = await studiedLevels(tx, w.person.id);
        values.qualification = higherQualification(
          values.qualification_manual ?? w.person.qualification_manual,
          studied.qualification,
        );
        values.theory_level = higherTheoryLevel(
          values.theory_level_manual ?? w.person.theory_level_manual,
          studied.theoryLevel,
        );
      }
      changes.push({ id: w.person.id, version: w.person.version, values });
    }
    // The rows were read in this transaction and `values` hold only what differs from them.
    await updateManyAtVersion(tx, 'people', changes);
    const after = await auditedPeople(tx, actor, ids);
    await writeAudits(
      tx,
      actor,
      part.map((w) => ({
        entity: 'person',
        entityId: w.person.id,
        action: 'import',
        unitId: w.unit.id,
        before: before.get(w.person.id),
        after: after.get(w.person.id),
      })),
    );
  }

  const made = (w: Extract<Write, { action: 'create' }>) => newPersonRow(w.fields, w.name, w.unit.id, now);
  const created = await indexNamesAfter(tx, creates.length, () =>
    insertBatches(
      tx,
      'people',
      creates.length ? columnsOf(made(creates[0]!)) : [],
      creates.length,
      madeInChunks(creates, made, report),
    ),
  );
  const newIds = new Map(creates.map((w, i) => [w, created[i]!]));
  const personId = (w: Write) => (w.action === 'create' ? newIds.get(w)! : w.person.id);

  const positionIds = await countPositionsAfter(tx, placed.length, () =>
    insertBatches(
      tx,
      'positions',
      placed.length ? columnsOf(stamped(positionRow(placed[0]!, 0), now)) : [],
      placed.length,
      madeInChunks(placed, (w) => stamped(positionRow(w, personId(w)), now), report),
    ),
  );

  // The new records' audit rows: the people's, then the positions'.
  const imported = (entity: AuditEntryInput['entity'], entityId: number, unitId: number, after: unknown) =>
    ({ entity, entityId, action: 'import', unitId, after }) satisfies AuditEntryInput;
  async function* audits(): AsyncGenerator<AuditEntryInput[]> {
    yield* madeInChunks(
      creates,
      (w, i) =>
        imported(
          'person',
          created[i]!,
          w.unit.id,
          insertedAuditView(
            created[i]!,
            newPerson(w.fields, w.name, w.unit.id),
            { unit: w.unit.name, ethnicity: ethnicities.get(w.fields.ethnicityCode!)! },
            now,
          ),
        ),
      report,
    );
    yield* madeInChunks(
      placed,
      (w, i) => imported('position', positionIds[i]!, w.unit.id, positionRow(w, personId(w))),
      report,
    );
  }
  await writeAuditBatches(tx, actor, creates.length + placed.length, audits());
}

/** The columns a row sets (every row a stream makes sets the same). */
const columnsOf = <T extends object>(row: T) => Object.keys(row) as (keyof T & string)[];

/** Cadres with their current position, one per row. */
export const peopleImport: ImportKindDef = {
  kind: 'people',
  form: async (tx) => peopleForm((await ethnicityNames(tx)).map((e) => e.name)),
  example: PEOPLE_EXAMPLE,
  limits: {
    // 100,000 cadres and the rows above them (a title, the header, the notes, the example).
    maxRows: 100_010,
    maxCellsPerRow: 64,
    maxUnpacked: 512 * 2 ** 20,
    maxSharedStrings: 64 * 2 ** 20,
  },
  check: checkPeople,
  collect: collectPeople,
};
