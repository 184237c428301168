import type { StudyKind, StudyStatus, Title } from '@canbo/contract';
import { makeClass, makeEnrolment, makePerson, makePosition } from '../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../test/fixtures.ts';

/**
 * Hand-made records with known figures for 2021–2023 (a province, Cư Jút = A, Đắk Mil = B):
 *
 * classes held: c1 (province, title, 2021), c2 (A, union_work, 2022), c3 (B, headcount 40, skills,
 * 2022) = 3; not counted: a cancelled class, an open one, one of 2020.
 * participations: c1 pA1 pA2 pB1 (+ pB2 withdrawn, pA3 waitlisted) = 3, c2 pA1 pA3 = 2, c3 40 → 45.
 * people: pA1 pA2 pB1 pA3 = 4 (2021: 3, 2022: 2).
 * secretaries (12 months): pA1 (appointed 2020-06, trained c1 2021-03: counted), pB1 (appointed
 * 2019-01: too late), pB3 (appointed 2022-02, untrained) → 2021: 1/2, 2022–2023: 1/3.
 * studies started: pA1 university 2021, pB1 theory_intermediate 2022 = 2; graduated: pA2 master
 * (started 2020) in 2022, pA1 in 2023 = 2.
 * visit days: pA1 28/12/2021–04/01/2022 (4 + 4), pB1 01–10/03/2022 (10), pA2 30/12/2023–02/01/2024
 * (2 in 2023) → 2021: 4, 2022: 14, 2023: 2 = 20.
 * Cư Jút's editor sees: classes 1, participations 4, people 3, share 100 %, studies started 1,
 * graduated 2, days 10.
 */
export async function figuresData(t: TestApp) {
  const base = await twoDistricts(t);
  const { province, cuJut: a, dakMil: b } = base;
  const q = t.db.kysely;
  const person = (unitId: number, given: string) =>
    makePerson(t.ctx, { unitId, familyName: 'Nguyễn', givenName: given });
  const pA1 = await person(a, 'An');
  const pA2 = await person(a, 'Bình');
  const pA3 = await person(a, 'Cường');
  const pB1 = await person(b, 'Dũng');
  const pB2 = await person(b, 'Giang');
  const pB3 = await person(b, 'Hà');

  const c1 = await makeClass(t.ctx, {
    organiserUnitId: province,
    name: 'Bồi dưỡng Bí thư Đoàn cơ sở 2021',
    status: 'completed',
    level: 'province',
    kindCode: 'title',
    startDate: '2021-03-01',
    endDate: '2021-03-05',
  });
  const c2 = await makeClass(t.ctx, {
    organiserUnitId: a,
    name: 'Nghiệp vụ công tác Đoàn Cư Jút 2022',
    status: 'closed',
    level: 'district',
    kindCode: 'union_work',
    startDate: '2022-06-01',
    endDate: '2022-06-03',
  });
  const c3 = await makeClass(t.ctx, {
    organiserUnitId: b,
    name: 'Kỹ năng Đắk Mil 2022 (số liệu báo cáo)',
    status: 'completed',
    level: 'district',
    kindCode: 'skills',
    startDate: '2022-09-01',
    endDate: '2022-09-02',
    capacity: null,
    headcountTotal: 40,
  });
  const cancelled = await makeClass(t.ctx, {
    organiserUnitId: province,
    status: 'cancelled',
    startDate: '2022-04-01',
    endDate: '2022-04-02',
  });
  const open = await makeClass(t.ctx, {
    organiserUnitId: province,
    status: 'open',
    startDate: '2023-11-01',
    endDate: '2023-11-02',
  });
  const old = await makeClass(t.ctx, {
    organiserUnitId: province,
    status: 'completed',
    startDate: '2020-05-01',
    endDate: '2020-05-02',
  });

  const enrol = (
    classId: number,
    personId: number,
    title: Title | null,
    status: 'confirmed' | 'withdrawn' | 'waitlisted' = 'confirmed',
  ) => makeEnrolment(t.ctx, { classId, personId, title, status });
  const e11 = await enrol(c1, pA1, 'secretary');
  await enrol(c1, pA2, 'deputy_secretary');
  const e13 = await enrol(c1, pB1, 'secretary');
  await enrol(c1, pB2, 'committee_member', 'withdrawn');
  await enrol(c1, pA3, null, 'waitlisted');
  await enrol(c2, pA1, 'secretary');
  await enrol(c2, pA3, null);
  await enrol(cancelled, pA2, null);
  await enrol(open, pA2, null);
  await enrol(old, pA2, null);
  await q.updateTable('enrolments').set({ rule_outcome: 'completed' }).where('id', 'in', [e11, e13]).execute();

  await makePosition(t.ctx, { personId: pA1, unitId: a, title: 'secretary', startDate: '2020-06-01' });
  await makePosition(t.ctx, { personId: pB1, unitId: b, title: 'secretary', startDate: '2019-01-10' });
  await makePosition(t.ctx, { personId: pB3, unitId: b, title: 'secretary', startDate: '2022-02-01' });
  await makePosition(t.ctx, {
    personId: pA2,
    unitId: a,
    title: 'secretary',
    startDate: '2016-01-01',
    endDate: '2020-12-31',
  });

  const now = new Date().toISOString();
  const study = async (personId: number, kind: StudyKind, start: string, status: StudyStatus, end: string | null) => {
    const row = await q
      .insertInto('studies')
      .values({
        person_id: personId,
        kind,
        status,
        decision: null,
        decision_date: null,
        institution: 'Trường Chính trị tỉnh',
        major: null,
        mode: 'part_time',
        start_date: start,
        expected_end_date: end ?? '2025-12-31',
        end_date: end,
        funding: 'state',
        diploma_number: status === 'graduated' ? 'VB-1' : null,
        grade: status === 'graduated' ? 'good' : null,
        reason: null,
        notes: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const sA1 = await study(pA1, 'university', '2021-09-01', 'graduated', '2023-06-30');
  const sB1 = await study(pB1, 'theory_intermediate', '2022-09-01', 'studying', null);
  const sA2 = await study(pA2, 'master', '2020-09-01', 'graduated', '2022-08-01');

  const trip = async (
    personId: number,
    unitId: number,
    start: string,
    end: string,
    days: number,
    firstYear: number,
  ) => {
    await q
      .insertInto('visit_trips')
      .values({
        person_id: personId,
        registration_id: null,
        person_unit_id: unitId,
        person_unit_kind: 'district',
        host_unit_id: unitId,
        start_date: start,
        end_date: end,
        start_year: Number(start.slice(0, 4)),
        end_year: Number(end.slice(0, 4)),
        days,
        start_year_days: firstYear,
        purpose: 'Nắm tình hình cơ sở',
        report_text: null,
        report_filed_at: null,
        report_due_date: end,
        created_by: null,
        updated_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  };
  await trip(pA1, a, '2021-12-28', '2022-01-04', 8, 4);
  await trip(pB1, b, '2022-03-01', '2022-03-10', 10, 10);
  await trip(pA2, a, '2023-12-30', '2024-01-02', 4, 2);

  return { ...base, people: { pA1, pA2, pA3, pB1, pB2, pB3 }, classes: { c1, c2, c3 }, studies: { sA1, sB1, sA2 } };
}
