import { keysetBatches } from '../../db/keyset.ts';
import {
  foldVietnamese,
  fullName,
  personCreate,
  personExportQuery,
  personListQuery,
  personUpdate,
  SEARCH_COUNT_LIMIT,
  vietnameseSortKey,
  type DuplicateCandidate,
  type Page,
  type Person,
  type PersonCreateInput,
  type PersonUpdate,
} from '@canbo/contract';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Ctx, Tx } from '../../context.ts';
import { inTransaction, reader } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { AppError, forbidden, notFound, stale } from '../../errors.ts';
import type { Words } from '../../i18n/messages.ts';
import { offsetOf, pageFrom } from '../../lib/paging.ts';
import { updateVersioned } from '../../lib/versioned.ts';
import { datedHistoryOf, type DatedHistory } from '../moves/moves.repository.ts';
import { writeAudit } from '../audit/audit.writer.ts';
import { requireWritableUnit } from './access.ts';
import { todayIso, vnDate } from '../../lib/dates.ts';
import { fieldError, parseInput } from '../../lib/input.ts';
import {
  countPeople,
  currentTitlesOf,
  ethnicityExists,
  findDuplicates,
  findPeopleBatch,
  findPeoplePage,
  listFilter,
  findPerson,
  insertPerson,
  nationalIdTaken,
  type PersonFilter,
  type PersonRow,
  type PersonValues,
} from './people.repository.ts';
import { auditView, toPerson } from './people.view.ts';
import { higherQualification, higherTheoryLevel, studiedLevels } from '../studies/studies.repository.ts';

const NOT_FOUND = 'Hồ sơ cán bộ';

const nationalIdTakenError = () =>
  new AppError('conflict', 'Số CCCD này đã có trong hồ sơ của một cán bộ khác', { field: 'nationalId' });

async function withTitles(tx: Tx, rows: PersonRow[], today: string): Promise<Person[]> {
  const titles = await currentTitlesOf(
    tx,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => toPerson(r, titles.get(r.id) ?? []));
}

function checkAgeRange(f: PersonFilter): void {
  if (f.ageMin !== undefined && f.ageMax !== undefined && f.ageMin > f.ageMax) {
    throw fieldError('ageMax', 'phải lớn hơn hoặc bằng Tuổi từ');
  }
}

export async function listPeople(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof personListQuery>,
): Promise<Page<Person> & { more: boolean }> {
  const query = parseInput(personListQuery, input);
  checkAgeRange(query);
  const { page, pageSize, sort, order, ...asked } = query;
  const tx = reader(ctx);
  const today = todayIso();
  const filter = await listFilter(tx, asked);
  // A name search is for finding someone: past SEARCH_COUNT_LIMIT matches "more than" is all the count says.
  const [rows, { total, more }] = await Promise.all([
    findPeoplePage(tx, actor, filter, sort, order, { limit: pageSize, offset: offsetOf(query) }, today),
    countPeople(tx, actor, filter, today, filter.names ? SEARCH_COUNT_LIMIT : undefined),
  ]);
  return { ...pageFrom(await withTitles(tx, rows, today), total, { page, pageSize }), more };
}

const EXPORT_BATCH = 500;

/**
 * The whole filtered list, in the list's order, read in keyset batches as the consumer asks for
 * them: memory holds one batch whatever the size of the list. Filters are checked before the
 * first row is read, so a bad query is still a plain 400.
 */
export function exportPeople(ctx: Ctx, actor: Actor, input: z.input<typeof personExportQuery>): AsyncIterable<Person> {
  const { sort, order, ...asked } = parseInput(personExportQuery, input);
  checkAgeRange(asked);
  const tx = reader(ctx);
  const today = todayIso();
  return {
    async *[Symbol.asyncIterator]() {
      const filter = await listFilter(tx, asked);
      const batches = keysetBatches(
        (after, limit) => findPeopleBatch(tx, actor, filter, sort, order, after, limit, today),
        EXPORT_BATCH,
      );
      for await (const rows of batches) yield* await withTitles(tx, rows, today);
    },
  };
}

export async function getPerson(ctx: Ctx, actor: Actor, input: { id: number }): Promise<Person> {
  const tx = reader(ctx);
  const row = await findPerson(tx, actor, input.id);
  if (!row) throw notFound(NOT_FOUND);
  return (await withTitles(tx, [row], todayIso()))[0]!;
}

interface DatedFields {
  birthDate: string | null;
  partyMember: boolean;
  partyJoinDate: string | null;
}

function checkDates(v: DatedFields, today: string): void {
  if (v.birthDate !== null) {
    if (v.birthDate > today) throw fieldError('birthDate', 'không được sau ngày hôm nay');
    if (v.birthDate < '1900-01-01') throw fieldError('birthDate', 'phải từ năm 1900 trở đi');
  }
  if (v.partyJoinDate !== null) {
    if (!v.partyMember) throw fieldError('partyJoinDate', 'chỉ ghi khi cán bộ là Đảng viên');
    if (v.partyJoinDate > today) throw fieldError('partyJoinDate', 'không được sau ngày hôm nay');
    if (v.birthDate !== null && v.partyJoinDate <= v.birthDate) throw fieldError('partyJoinDate', 'phải sau Ngày sinh');
  }
}

async function checkReferences(
  tx: Tx,
  v: { ethnicityCode?: string; nationalId?: string | null },
  personId: number | null,
) {
  if (v.ethnicityCode !== undefined && !(await ethnicityExists(tx, v.ethnicityCode))) {
    throw fieldError('ethnicityCode', 'mã dân tộc không có trong danh mục');
  }
  if (v.nationalId && (await nationalIdTaken(tx, v.nationalId, personId))) {
    throw nationalIdTakenError();
  }
}

function checkUnitOpen(unit: { name: string; valid_to: string | null; status: string }): void {
  if (unit.status === 'dissolved')
    throw fieldError('unitId', {
      vi: `${unit.name} đã giải thể hoặc sáp nhập từ ${vnDate(unit.valid_to)}`,
      en: `${unit.name} was dissolved or merged on ${vnDate(unit.valid_to)}`,
    });
}

/** The name columns are derived, so a list can order and search them the same way on both engines. */
function nameColumns(family: string, middle: string | null, given: string) {
  const name = fullName(family, middle, given);
  return { full_name: name, sort_key: vietnameseSortKey(given, family, middle), search_text: foldVietnamese(name) };
}

// The unique index still guards a race between the check and the write; name the field then too.
async function guardNationalId<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof Error && /national_id/.test(err.message)) {
      throw nationalIdTakenError();
    }
    throw err;
  }
}

export async function createPerson(ctx: Ctx, actor: Actor, input: PersonCreateInput): Promise<Person> {
  const data = parseInput(personCreate, input);
  const today = todayIso();
  const v = {
    ...data,
    middleName: data.middleName ?? null,
    birthDate: data.birthDate ?? null,
    partyJoinDate: data.partyJoinDate ?? null,
  };
  checkDates(v, today);
  return inTransaction(ctx, async (tx) => {
    checkUnitOpen(await requireWritableUnit(tx, actor, v.unitId));
    await checkReferences(tx, v, null);
    const names = nameColumns(v.familyName, v.middleName, v.givenName);
    if (!v.confirmDuplicate) {
      const found = await findDuplicates(tx, actor, names.full_name, v.birthDate);
      if (found.length) {
        const duplicates: DuplicateCandidate[] = found.map((d) => ({
          id: d.id,
          fullName: d.full_name,
          birthDate: d.birth_date,
          unitName: d.unit_name,
        }));
        const born = v.birthDate ? `, sinh ngày ${vnDate(v.birthDate)}` : '';
        const bornEn = v.birthDate ? `, born on ${vnDate(v.birthDate)}` : '';
        throw new AppError(
          'conflict',
          {
            vi: `Đã có ${found.length} hồ sơ cán bộ ${names.full_name}${born}. Kiểm tra lại, hoặc xác nhận để vẫn tạo hồ sơ mới.`,
            en: `There ${found.length === 1 ? 'is already 1 record' : `are already ${found.length} records`} of ${names.full_name}${bornEn}. Check them, or confirm to create a new record anyway.`,
          },
          { field: 'confirmDuplicate', duplicates },
        );
      }
    }
    const values: PersonValues = {
      unit_id: v.unitId,
      family_name: v.familyName,
      middle_name: v.middleName,
      given_name: v.givenName,
      ...names,
      birth_date: v.birthDate,
      gender: v.gender,
      ethnicity_code: v.ethnicityCode,
      religion: v.religion ?? null,
      national_id: v.nationalId ?? null,
      phone: v.phone ?? null,
      email: v.email ?? null,
      party_member: v.partyMember ? 1 : 0,
      party_join_date: v.partyJoinDate,
      general_education: v.generalEducation ?? null,
      qualification: v.qualification,
      theory_level: v.theoryLevel,
      qualification_manual: v.qualification,
      theory_level_manual: v.theoryLevel,
      it_level: v.itLevel ?? null,
      language_level: v.languageLevel ?? null,
      hardship_area: v.hardshipArea ? 1 : 0,
      notes: v.notes ?? null,
    };
    const id = await guardNationalId(insertPerson(tx, values, nowIso()));
    const row = await findPerson(tx, actor, id);
    if (!row) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'person',
      entityId: id,
      action: 'create',
      unitId: v.unitId,
      after: auditView(row),
    });
    return (await withTitles(tx, [row], today))[0]!;
  });
}

/** API field → column, for the fields an update copies as they are. */
const PLAIN: [keyof PersonUpdate, keyof PersonValues][] = [
  ['unitId', 'unit_id'],
  ['birthDate', 'birth_date'],
  ['gender', 'gender'],
  ['ethnicityCode', 'ethnicity_code'],
  ['religion', 'religion'],
  ['nationalId', 'national_id'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['partyJoinDate', 'party_join_date'],
  ['generalEducation', 'general_education'],
  ['qualification', 'qualification_manual'],
  ['theoryLevel', 'theory_level_manual'],
  ['itLevel', 'it_level'],
  ['languageLevel', 'language_level'],
  ['notes', 'notes'],
];

const HISTORY_WORDS: Record<DatedHistory, Words> = {
  moves: { vi: 'cán bộ đã có quá trình công tác', en: 'the cadre already has a work history' },
  classes: {
    vi: 'cán bộ đã dự lớp bồi dưỡng, được tính cho đơn vị lúc học',
    en: 'the cadre has attended training classes, counted for the unit of that time',
  },
  studies: {
    vi: 'cán bộ đã có quá trình học tập, được tính cho đơn vị lúc học',
    en: 'the cadre has studies, counted for the unit of that time',
  },
  visits: {
    vi: 'cán bộ đã có chuyến đi cơ sở, được tính cho đơn vị lúc đi',
    en: 'the cadre has grassroots trips, counted for the unit of that time',
  },
};
const UNIT_BY_MOVE: Words = {
  vi: ': hãy đổi đơn vị bằng một lần điều chuyển (thẻ “Quá trình công tác”) có ngày và quyết định',
  en: ': change the unit by a move (the “Work history” tab) with its date and decision',
};

export async function updatePerson(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof personUpdate>,
): Promise<Person> {
  const { id, ...rest } = input;
  const patch = parseInput(personUpdate, rest);
  const today = todayIso();
  return inTransaction(ctx, async (tx) => {
    const before = await findPerson(tx, actor, id);
    if (!before) throw notFound(NOT_FOUND);
    if (before.can_edit !== 1) throw forbidden('Bạn chỉ được xem, không được sửa hồ sơ cán bộ này');
    if (before.version !== patch.version) throw stale();

    const partyMember = patch.partyMember ?? before.party_member === 1;
    // Unticking "Party member" without touching the join date clears it rather than failing.
    const partyJoinDate =
      patch.partyJoinDate !== undefined ? patch.partyJoinDate : partyMember ? before.party_join_date : null;
    const birthDate = patch.birthDate !== undefined ? patch.birthDate : before.birth_date;
    checkDates({ birthDate, partyMember, partyJoinDate }, today);
    if (patch.unitId !== undefined && patch.unitId !== before.unit_id) {
      checkUnitOpen(await requireWritableUnit(tx, actor, patch.unitId));
      // A unit typed on the form holds for every day: with moves it would contradict them, and with
      // participations, studies or trips it would credit them elsewhere than the move that credits
      // them from its date. Only a record with none of these may have its unit corrected here.
      const history = await datedHistoryOf(tx, id);
      if (history) {
        const why = HISTORY_WORDS[history];
        throw fieldError('unitId', { vi: `${why.vi}${UNIT_BY_MOVE.vi}`, en: `${why.en}${UNIT_BY_MOVE.en}` });
      }
    }
    await checkReferences(tx, patch, id);

    const values: Partial<PersonValues> = {};
    for (const [field, column] of PLAIN) {
      if (patch[field] !== undefined) (values as Record<string, unknown>)[column] = patch[field];
    }
    values.party_member = partyMember ? 1 : 0;
    values.party_join_date = partyJoinDate;
    if (patch.hardshipArea !== undefined) values.hardship_area = patch.hardshipArea ? 1 : 0;
    if (patch.qualification !== undefined || patch.theoryLevel !== undefined) {
      // The manual value was corrected: the highest is it or what graduated studies give.
      const studied = await studiedLevels(tx, id);
      values.qualification = higherQualification(
        patch.qualification ?? before.qualification_manual,
        studied.qualification,
      );
      values.theory_level = higherTheoryLevel(patch.theoryLevel ?? before.theory_level_manual, studied.theoryLevel);
    }
    const family = patch.familyName ?? before.family_name;
    const middle = patch.middleName !== undefined ? patch.middleName : before.middle_name;
    const given = patch.givenName ?? before.given_name;
    Object.assign(
      values,
      { family_name: family, middle_name: middle, given_name: given },
      nameColumns(family, middle, given),
    );

    await guardNationalId(updateVersioned(tx, 'people', id, patch.version, values));
    const after = await findPerson(tx, actor, id);
    if (!after) throw notFound(NOT_FOUND);
    await writeAudit(tx, actor, {
      entity: 'person',
      entityId: id,
      action: 'update',
      unitId: after.unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    return (await withTitles(tx, [after], today))[0]!;
  });
}
