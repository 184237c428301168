import { foldVietnamese, vietnameseTextKey, type ClassLevel } from '@canbo/contract';
import type { TestApp } from './fixtures.ts';
import { makeAllocation, makeClass, makeEnrolment, makeSession } from './factories.ts';

/**
 * The training rows both route walks (authorisation and hostile input) aim at, and how they fill a
 * route's path: one fixture, so a table the walks must reach is added in one place.
 */

const AT = '2025-05-14T10:00:00.000Z';

/** An issued certificate, as issuing leaves it (no service call: the walks need one per world, fast). */
export async function makeCertificate(
  t: TestApp,
  c: { enrolmentId: number; issuingUnitId: number; seq: number; verifyCode: string },
): Promise<number> {
  const row = await t.db.kysely
    .insertInto('certificates')
    .values({
      enrolment_id: c.enrolmentId,
      issuing_unit_id: c.issuingUnitId,
      year: 2025,
      seq: c.seq,
      number: `${c.seq}/GCN-2025`,
      verify_code: c.verifyCode,
      issued_at: AT,
      issued_by: null,
      revoked_at: null,
      revoke_reason: null,
      revoked_by: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A training programme of the catalogue. */
export async function makeProgramme(t: TestApp): Promise<number> {
  const row = await t.db.kysely
    .insertInto('programmes')
    .values({
      name: 'Chương trình bồi dưỡng bí thư chi đoàn',
      kind_code: 'title',
      target_titles: '["secretary"]',
      topics: '[]',
      standard_days: 3,
      standard_periods: null,
      search_text: 'chuong trinh boi duong bi thu chi doan',
      sort_key: 'chuong',
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TrainedClass {
  cls: number;
  session: number;
  allocation: number;
  enrolment: number;
  certificate: number;
}

/**
 * A class with everything that hangs on it: a session, seats for `seatsFor`, `personId` enrolled on
 * them and graded good, and the certificate the organiser issued.
 */
export async function makeTrainedClass(
  t: TestApp,
  c: {
    organiserUnitId: number;
    name: string;
    level?: ClassLevel;
    seatsFor: number;
    personId: number;
    verifyCode: string;
  },
): Promise<TrainedClass> {
  const { ctx } = t;
  const cls = await makeClass(ctx, {
    organiserUnitId: c.organiserUnitId,
    name: c.name,
    ...(c.level ? { level: c.level } : {}),
  });
  const session = await makeSession(ctx, { classId: cls });
  const allocation = await makeAllocation(ctx, { classId: cls, unitId: c.seatsFor, seats: 5 });
  const enrolment = await makeEnrolment(ctx, {
    classId: cls,
    personId: c.personId,
    allocationId: allocation,
    grade: 'good',
  });
  const certificate = await makeCertificate(t, {
    enrolmentId: enrolment,
    issuingUnitId: c.organiserUnitId,
    seq: 1,
    verifyCode: c.verifyCode,
  });
  return { cls, session, allocation, enrolment, certificate };
}

/** A route's URL with each `:param` replaced by `value(param, the URL segment before it)`. */
export function fillPath(url: string, value: (param: string, before: string) => string): string {
  const segments = url.split('/');
  return segments.map((s, i) => (s.startsWith(':') ? value(s.slice(1), segments[i - 1] ?? '') : s)).join('/');
}

/** A cadre's move of 2020 between two units: the walks aim `/people/:id/moves/:moveId` at each side's. */
export async function makeMove(
  t: TestApp,
  m: { personId: number; fromUnitId: number; toUnitId: number },
): Promise<number> {
  const row = await t.db.kysely
    .insertInto('moves')
    .values({
      person_id: m.personId,
      kind: 'transfer',
      from_unit_id: m.fromUnitId,
      to_unit_id: m.toUnitId,
      move_date: '2020-01-01',
      decision: '12-QĐ/TĐTN',
      decision_date: null,
      notes: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A study of a cadre, still in progress (so every workflow step applies). */
export async function makeStudy(t: TestApp, s: { personId: number; institution?: string }): Promise<number> {
  const row = await t.db.kysely
    .insertInto('studies')
    .values({
      person_id: s.personId,
      kind: 'theory_intermediate',
      status: 'studying',
      decision: '15-QĐ/TĐTN',
      decision_date: '2019-08-20',
      institution: s.institution ?? 'Trường Chính trị tỉnh',
      major: null,
      mode: 'part_time',
      start_date: '2019-09-01',
      expected_end_date: '2020-08-31',
      end_date: null,
      funding: 'state',
      diploma_number: null,
      grade: null,
      reason: null,
      notes: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A cadre's grassroots visit of 2025 (registration and trip, report not filed), as logging it leaves
 * it: the walks aim `/visits/trips/:id` at a real trip of each side.
 */
export async function makeVisitTrip(
  t: TestApp,
  c: { personId: number; personUnitId: number; hostUnitId: number; purpose: string },
): Promise<{ registration: number; trip: number }> {
  const q = t.db.kysely;
  const registration = await q
    .insertInto('visit_registrations')
    .values({
      person_id: c.personId,
      year: 2025,
      host_unit_id: c.hostUnitId,
      notes: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const trip = await q
    .insertInto('visit_trips')
    .values({
      person_id: c.personId,
      registration_id: registration.id,
      person_unit_id: c.personUnitId,
      person_unit_kind: 'commune',
      host_unit_id: c.hostUnitId,
      start_date: '2025-05-05',
      end_date: '2025-05-09',
      start_year: 2025,
      end_year: 2025,
      days: 5,
      start_year_days: 5,
      purpose: c.purpose,
      report_text: null,
      report_filed_at: null,
      report_due_date: '2025-05-24',
      created_by: null,
      updated_by: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { registration: registration.id, trip: trip.id };
}

/**
 * A scheme issued by `unitId` with one target (classes held, counted by filter), linked to `classId`:
 * the walks aim `/schemes/:id` and its target at each side's scheme.
 */
export async function makeScheme(
  t: TestApp,
  s: { unitId: number; code: string; name: string; classId: number },
): Promise<{ scheme: number; target: number }> {
  const q = t.db.kysely;
  const at = new Date().toISOString();
  const scheme = await q
    .insertInto('schemes')
    .values({
      name: s.name,
      code: s.code,
      issuing_unit_id: s.unitId,
      decision: null,
      decision_date: null,
      start_year: 2024,
      end_year: 2026,
      description: null,
      search_text: foldVietnamese(`${s.code} ${s.name}`),
      sort_key: vietnameseTextKey(s.name),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const target = await q
    .insertInto('scheme_targets')
    .values({
      scheme_id: scheme.id,
      position: 1,
      metric: 'classes',
      label: null,
      kind_code: null,
      title: null,
      organiser_level: null,
      unit_id: null,
      study_kinds: null,
      within_months: null,
      linked_only: 0,
      total: 4,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q.insertInto('scheme_target_years').values({ target_id: target.id, year: 2025, value: 2 }).execute();
  await q.insertInto('scheme_classes').values({ scheme_id: scheme.id, class_id: s.classId }).execute();
  return { scheme: scheme.id, target: target.id };
}
