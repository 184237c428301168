import {
  foldVietnamese,
  fullName,
  vietnameseSortKey,
  vietnameseTextKey,
  type AttendanceMark,
  type ClassLevel,
  type ClassStatus,
  type EnrolmentStatus,
  type Grade,
  type Organisation,
  type Role,
  type SessionPart,
  type TheoryLevel,
  type Title,
  type UnitKind,
  type UnitStatus,
} from '@canbo/contract';
import type { Ctx } from '../src/context.ts';
import { hashPassword } from '../src/auth/password.ts';

/**
 * Test data written straight to the tables, so a test of one feature does not depend on another
 * feature's service. Derived columns use the same functions the services use.
 */

let seq = 0;
const next = () => ++seq;
const now = () => new Date().toISOString();

export const PASSWORD = 'mat-khau-thu-nghiem';

export async function makeUnit(
  ctx: Ctx,
  u: {
    name: string;
    parentId?: number | null;
    kind?: UnitKind;
    organisation?: Organisation;
    code?: string;
    validFrom?: string;
    status?: UnitStatus;
  },
): Promise<number> {
  const q = ctx.db.kysely;
  const validFrom = u.validFrom ?? '2000-01-01';
  const parentId = u.parentId ?? null;
  const row = await q
    .insertInto('units')
    .values({
      code: u.code ?? `U${next()}`,
      name: u.name,
      short_name: null,
      kind: u.kind ?? (parentId ? 'grassroots' : 'province'),
      organisation: u.organisation ?? 'doan',
      parent_id: parentId,
      status: u.status ?? 'active',
      valid_from: validFrom,
      valid_to: null,
      place: null,
      search_text: foldVietnamese(u.name),
      sort_key: vietnameseTextKey(u.name),
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ancestors = parentId
    ? await q
        .selectFrom('unit_closure')
        .select(['ancestor_id', 'depth'])
        .where('descendant_id', '=', parentId)
        .execute()
    : [];
  await q
    .insertInto('unit_closure')
    .values([
      { ancestor_id: row.id, descendant_id: row.id, depth: 0 },
      ...ancestors.map((a) => ({ ancestor_id: a.ancestor_id, descendant_id: row.id, depth: a.depth + 1 })),
    ])
    .execute();
  await q
    .insertInto('unit_tree_history')
    .values({ unit_id: row.id, parent_id: parentId, valid_from: validFrom, valid_to: null })
    .execute();
  await q
    .insertInto('unit_names')
    .values({
      unit_id: row.id,
      name: u.name,
      short_name: null,
      sort_key: vietnameseTextKey(u.name),
      search_text: foldVietnamese(u.name),
      valid_from: validFrom,
      valid_to: null,
    })
    .execute();
  return row.id;
}

export async function makeUser(
  ctx: Ctx,
  u: { login?: string; grants?: { unitId: number; role: Role }[]; personId?: number; superadmin?: boolean } = {},
): Promise<{ id: number; login: string; password: string }> {
  const login = u.login ?? `user${next()}`;
  const row = await ctx.db.kysely
    .insertInto('users')
    .values({
      login,
      display_name: login,
      password_hash: await hashPassword(PASSWORD),
      person_id: u.personId ?? null,
      is_superadmin: u.superadmin ? 1 : 0,
      disabled: 0,
      last_login_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const g of u.grants ?? []) {
    await ctx.db.kysely
      .insertInto('grants')
      .values({ user_id: row.id, unit_id: g.unitId, role: g.role, created_at: now() })
      .execute();
  }
  return { id: row.id, login, password: PASSWORD };
}

export async function makePerson(
  ctx: Ctx,
  p: {
    unitId: number;
    familyName: string;
    middleName?: string | null;
    givenName: string;
    birthDate?: string | null;
    gender?: 'male' | 'female';
    ethnicityCode?: string;
    nationalId?: string | null;
    partyMember?: boolean;
    theoryLevel?: TheoryLevel;
  },
): Promise<number> {
  const name = fullName(p.familyName, p.middleName, p.givenName);
  const row = await ctx.db.kysely
    .insertInto('people')
    .values({
      unit_id: p.unitId,
      family_name: p.familyName,
      middle_name: p.middleName ?? null,
      given_name: p.givenName,
      full_name: name,
      sort_key: vietnameseSortKey(p.givenName, p.familyName, p.middleName),
      search_text: foldVietnamese(name),
      birth_date: p.birthDate ?? null,
      gender: p.gender ?? 'male',
      ethnicity_code: p.ethnicityCode ?? '01',
      religion: null,
      national_id: p.nationalId ?? null,
      phone: null,
      email: null,
      party_member: p.partyMember ? 1 : 0,
      party_join_date: null,
      general_education: '12/12',
      qualification: 'university',
      theory_level: p.theoryLevel ?? 'basic',
      qualification_manual: 'university',
      theory_level_manual: p.theoryLevel ?? 'basic',
      it_level: null,
      language_level: null,
      hardship_area: 0,
      notes: null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makePosition(
  ctx: Ctx,
  p: { personId: number; unitId: number; title?: Title; startDate?: string; endDate?: string | null },
): Promise<number> {
  const row = await ctx.db.kysely
    .insertInto('positions')
    .values({
      person_id: p.personId,
      unit_id: p.unitId,
      title: p.title ?? 'committee_member',
      employment: 'part_time',
      method: 'elected',
      term: '2022–2027',
      decision: null,
      start_date: p.startDate ?? '2022-10-01',
      end_date: p.endDate ?? null,
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---- Training ----

const token = () => `t${next()}-${Math.random().toString(36).slice(2, 12)}`;

export async function makeClass(
  ctx: Ctx,
  c: {
    organiserUnitId: number;
    name?: string;
    status?: ClassStatus;
    level?: ClassLevel;
    kindCode?: string;
    startDate?: string;
    endDate?: string;
    capacity?: number | null;
    headcountTotal?: number | null;
    minAttendancePercent?: number;
    passGrade?: Grade;
  },
): Promise<number> {
  const name = c.name ?? `Lớp bồi dưỡng ${next()}`;
  const row = await ctx.db.kysely
    .insertInto('training_classes')
    .values({
      name,
      organiser_unit_id: c.organiserUnitId,
      level: c.level ?? 'province',
      partners: '[]',
      kind_code: c.kindCode ?? 'title',
      programme_id: null,
      target_titles: '["secretary","deputy_secretary"]',
      start_date: c.startDate ?? '2025-05-12',
      end_date: c.endDate ?? '2025-05-14',
      place: 'Hội trường Tỉnh đoàn',
      mode: 'in_person',
      capacity: c.capacity === undefined ? 100 : c.capacity,
      decision: null,
      status: c.status ?? 'open',
      headcount_total: c.headcountTotal ?? null,
      headcount_women: null,
      headcount_minority: null,
      headcount_doan: null,
      headcount_hoi: null,
      headcount_doi: null,
      min_attendance_percent: c.minAttendancePercent ?? 80,
      pass_grade: c.passGrade ?? 'average',
      search_text: foldVietnamese(name),
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeSession(
  ctx: Ctx,
  s: { classId: number; date?: string; part?: SessionPart; startsAt?: string; endsAt?: string; topic?: string | null },
): Promise<number> {
  const row = await ctx.db.kysely
    .insertInto('class_sessions')
    .values({
      class_id: s.classId,
      session_date: s.date ?? '2025-05-12',
      part: s.part ?? 'morning',
      starts_at: s.startsAt ?? '07:30',
      ends_at: s.endsAt ?? '11:30',
      topic: s.topic ?? null,
      lecturer: null,
      checkin_token: token(),
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeAllocation(ctx: Ctx, a: { classId: number; unitId: number; seats: number }): Promise<number> {
  const row = await ctx.db.kysely
    .insertInto('seat_allocations')
    .values({ class_id: a.classId, unit_id: a.unitId, seats: a.seats, created_at: now(), updated_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An enrolment as a nomination leaves it: the person's own unit and name copied in. */
export async function makeEnrolment(
  ctx: Ctx,
  e: {
    classId: number;
    personId: number;
    allocationId?: number | null;
    status?: EnrolmentStatus;
    title?: Title | null;
    grade?: Grade | null;
    score?: number | null;
  },
): Promise<number> {
  const q = ctx.db.kysely;
  const person = await q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.unit_id', 'u.name as unit_name', 'p.sort_key'])
    .where('p.id', '=', e.personId)
    .executeTakeFirstOrThrow();
  const at = now();
  const row = await q
    .insertInto('enrolments')
    .values({
      class_id: e.classId,
      person_id: e.personId,
      allocation_id: e.allocationId ?? null,
      unit_id: person.unit_id,
      unit_name: person.unit_name,
      title: e.title === undefined ? 'secretary' : e.title,
      status: e.status ?? 'confirmed',
      waitlisted_at: e.status === 'waitlisted' ? at : null,
      nominated_by: null,
      nominated_at: at,
      withdraw_reason: null,
      score: e.score ?? null,
      grade: e.grade ?? null,
      rule_outcome: null,
      outcome_override: null,
      override_reason: null,
      checkin_code: token(),
      sort_key: person.sort_key,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAttendance(
  ctx: Ctx,
  a: { enrolmentId: number; sessionId: number; mark?: AttendanceMark },
): Promise<void> {
  await ctx.db.kysely
    .insertInto('attendance')
    .values({
      enrolment_id: a.enrolmentId,
      session_id: a.sessionId,
      mark: a.mark ?? 'present',
      method: 'grid',
      marked_at: now(),
      marked_by: null,
    })
    .execute();
}

// ---- Training: attendance ----
// (imports kept in this section: the file is shared and appended to by part)
import type { Actor } from '../src/auth/actor.ts';
import { loadActor } from '../src/auth/session.ts';

/** The actor a user is, to call a service directly (with an injected clock, say). */
export async function actorOfUser(ctx: Ctx, userId: number): Promise<Actor> {
  const user = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'person_id', 'is_superadmin'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return loadActor({ q: ctx.db.kysely, engine: ctx.db.engine }, user);
}

/**
 * Many seated trainees of one unit at once (a batch insert per 500), for tests at the scale of a
 * real class: "Nguyễn Văn Học 0001" … in name order. Returns the enrolment ids in that order.
 */
export async function makeTrainees(
  ctx: Ctx,
  t: { classId: number; unitId: number; count: number; prefix?: string },
): Promise<number[]> {
  const q = ctx.db.kysely;
  const unit = await q.selectFrom('units').select('name').where('id', '=', t.unitId).executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (let start = 0; start < t.count; start += 500) {
    const batch = Array.from({ length: Math.min(500, t.count - start) }, (_, i) => {
      const given = `${t.prefix ?? 'Học'} ${String(start + i + 1).padStart(4, '0')}`;
      const name = fullName('Nguyễn', 'Văn', given);
      return { name, sortKey: vietnameseSortKey(given, 'Nguyễn', 'Văn'), given };
    });
    const people = await q
      .insertInto('people')
      .values(
        batch.map((b) => ({
          unit_id: t.unitId,
          family_name: 'Nguyễn',
          middle_name: 'Văn',
          given_name: b.given,
          full_name: b.name,
          sort_key: b.sortKey,
          search_text: foldVietnamese(b.name),
          birth_date: null,
          gender: 'male',
          ethnicity_code: '01',
          religion: null,
          national_id: null,
          phone: null,
          email: null,
          party_member: 0,
          party_join_date: null,
          general_education: '12/12',
          qualification: 'university',
          theory_level: 'basic',
          qualification_manual: 'university',
          theory_level_manual: 'basic',
          it_level: null,
          language_level: null,
          hardship_area: 0,
          notes: null,
          created_at: now(),
          updated_at: now(),
        })),
      )
      .returning('id')
      .execute();
    const at = now();
    const enrolments = await q
      .insertInto('enrolments')
      .values(
        people.map((p, i) => ({
          class_id: t.classId,
          person_id: p.id,
          allocation_id: null,
          unit_id: t.unitId,
          unit_name: unit.name,
          title: 'secretary',
          status: 'confirmed',
          waitlisted_at: null,
          nominated_by: null,
          nominated_at: at,
          withdraw_reason: null,
          score: null,
          grade: null,
          rule_outcome: null,
          outcome_override: null,
          override_reason: null,
          checkin_code: token(),
          sort_key: batch[i]?.sortKey ?? '',
          created_at: at,
          updated_at: at,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...enrolments.map((e) => e.id));
  }
  return ids;
}
