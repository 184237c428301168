import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingClass } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makePerson, makeUnit } from '../../../../test/factories.ts';
import { movedCadre, rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';

const URL = '/api/v1/training/classes/recorded';

const classData = (organiserUnitId: number, extra: Record<string, unknown> = {}) => ({
  name: 'Bồi dưỡng Bí thư chi đoàn năm 2019',
  organiserUnitId,
  kindCode: 'title',
  startDate: '2019-05-13',
  endDate: '2019-05-15',
  place: 'Hội trường Tỉnh đoàn',
  ...extra,
});

describe('recording a class already held', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let signer: number;
  let admin: Session;
  let editorA: Session;
  let an: number;
  let binh: number;
  let mover: number;

  const counts = async () =>
    Promise.all(
      (['training_classes', 'enrolments', 'certificates', 'class_status_history', 'audit_log'] as const).map((n) =>
        rowCount(t, n),
      ),
    );

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA } = await twoDistricts(t));
    // The committee that signed in 2019, under the name it had then, ended in the 2025 merger.
    signer = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Lâm Đồng', parentId: null, validFrom: '2000-01-01' });
    await t.db.kysely
      .insertInto('unit_names')
      .values({
        unit_id: signer,
        name: 'Ban Thường vụ Tỉnh đoàn Đắk Nông',
        short_name: null,
        sort_key: 'x',
        search_text: 'ban thuong vu tinh doan dak nong',
        valid_from: '2015-01-01',
        valid_to: '2021-01-01',
      })
      .execute();
    await t.db.kysely
      .updateTable('units')
      .set({ status: 'dissolved', valid_to: '2025-06-30' })
      .where('id', '=', signer)
      .execute();
    an = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Nguyễn', middleName: 'Văn', givenName: 'An' });
    binh = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Y Ngông', middleName: 'Niê', givenName: 'Kdăm' });
    // In Cư Jút in 2019, moved to Đắk Mil in 2021: the 2019 class counts for Cư Jút.
    mover = await movedCadre(t, admin, cuJut, dakMil);
  });
  afterAll(() => t.close());

  it('records a provincial class with trainees of two districts, credited at the first day', async () => {
    const res = await as(t.app, admin).post(
      URL,
      classData(province, {
        roster: [
          {
            personId: an,
            outcome: 'completed',
            grade: 'good',
            attendancePercent: 100,
            certificate: { number: '015/GCN-TĐ', issuedOn: '2019-05-20', issuingUnitId: signer },
          },
          {
            personId: binh,
            outcome: 'completed',
            certificate: { number: '016/GCN-TĐ', issuedOn: '2019-05-20', issuingUnitId: signer },
          },
          { personId: mover, outcome: 'not_completed', grade: 'average', attendancePercent: 50 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const cls = res.json<TrainingClass>();
    expect(cls).toMatchObject({ status: 'completed', seated: 3, sessionCount: 0, headcount: null });

    const rows = await t.db.kysely
      .selectFrom('enrolments')
      .select(['person_id', 'unit_id', 'status', 'grade', 'attendance_percent', 'rule_outcome', 'outcome_override'])
      .where('class_id', '=', cls.id)
      .orderBy('person_id')
      .execute();
    expect(rows).toEqual([
      {
        person_id: an,
        unit_id: cuJut,
        status: 'confirmed',
        grade: 'good',
        attendance_percent: 100,
        rule_outcome: 'completed',
        outcome_override: null,
      },
      // Completed on paper without a grade: the papers' outcome stands beside the rule's.
      {
        person_id: binh,
        unit_id: dakMil,
        status: 'confirmed',
        grade: null,
        attendance_percent: null,
        rule_outcome: 'not_completed',
        outcome_override: 'completed',
      },
      {
        person_id: mover,
        unit_id: cuJut,
        status: 'confirmed',
        grade: 'average',
        attendance_percent: 50,
        rule_outcome: 'not_completed',
        outcome_override: null,
      },
    ]);
    // The trainees list shows the papers' attendance share and the outcome that counts.
    const listed = (await as(t.app, admin).get(`/api/v1/training/classes/${cls.id}/enrolments?pageSize=200`)).json();
    const anRow = listed.items.find((e: { personId: number }) => e.personId === an);
    expect(anRow).toMatchObject({ attendancePercent: 100, outcome: 'completed', unitId: cuJut });
    expect(await rowCount(t, 'class_sessions')).toBe(0);
    expect(await rowCount(t, 'attendance')).toBe(0);

    const history = (await as(t.app, admin).get(`/api/v1/training/classes/${cls.id}/history`)).json().items;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ fromStatus: null, toStatus: 'in_progress', at: '2019-05-12T17:00:00.000Z' });
    expect(history[1]).toMatchObject({
      fromStatus: 'in_progress',
      toStatus: 'completed',
      at: '2019-05-14T17:00:00.000Z',
    });
    expect(history[1].recordedAt.slice(0, 4)).not.toBe('2019');
    expect(history[1].actorName).toBeTruthy();

    // The certificates as printed: original number, date and signer (by its name of the time).
    const certs = (await as(t.app, admin).get(`/api/v1/training/classes/${cls.id}/certificates?sort=person`)).json();
    expect(certs.items.map((c: { number: string }) => c.number).sort()).toEqual(['015/GCN-TĐ', '016/GCN-TĐ']);
    for (const c of certs.items) {
      expect(c).toMatchObject({
        issuedOn: '2019-05-20',
        printed: true,
        issuingUnitName: 'Ban Thường vụ Tỉnh đoàn Đắk Nông',
      });
      const pub = await as(t.app, null).get(`/api/v1/public/certificates/${c.verifyCode}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toMatchObject({
        number: c.number,
        issuedOn: '2019-05-20',
        issuerName: 'Ban Thường vụ Tỉnh đoàn Đắk Nông',
        status: 'valid',
        startDate: '2019-05-13',
        endDate: '2019-05-15',
      });
    }

    // Corrected later like any other: a printed certificate is revoked with its reason.
    const first = certs.items[0];
    const revoked = await as(t.app, admin).post(`/api/v1/training/certificates/${first.id}/revoke`, {
      version: first.version,
      reason: 'Ghi nhầm người',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'certificate')
      .where('entity_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['record', 'revoke']);
  });

  it('lets a district editor record a cadre who has moved away since, credited to the district', async () => {
    const res = await as(t.app, editorA).post(
      URL,
      classData(cuJut, {
        name: 'Tập huấn kỹ năng 2019',
        roster: [{ personId: mover, outcome: 'completed', grade: 'fair' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.kysely
      .selectFrom('enrolments')
      .select(['unit_id', 'rule_outcome'])
      .where('class_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: cuJut, rule_outcome: 'completed' });
  });

  it('refuses a person outside a district editor’s scope, naming the row and the person', async () => {
    const before = await counts();
    const res = await as(t.app, editorA).post(
      URL,
      classData(cuJut, {
        roster: [
          { personId: an, outcome: 'completed', grade: 'good' },
          { personId: binh, outcome: 'completed', grade: 'good' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toMatchObject({ field: 'roster.1.personId', rosterIndex: 1, personId: binh });
    expect(res.json().message).toContain(`Dòng 2 – cán bộ mã ${binh}`);
    expect(await counts()).toEqual(before);
  });

  it('refuses a number the issuer already has, naming the person, writing nothing', async () => {
    const before = await counts();
    const res = await as(t.app, admin).post(
      URL,
      classData(province, {
        name: 'Lớp khác',
        roster: [
          {
            personId: an,
            outcome: 'completed',
            grade: 'good',
            certificate: { number: '016/GCN-TĐ', issuedOn: '2019-05-21', issuingUnitId: signer },
          },
        ],
      }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toMatchObject({ field: 'roster.0.certificate.number', rosterIndex: 0, personId: an });
    expect(res.json().message).toBe(
      `Dòng 1 – Nguyễn Văn An (mã ${an}): Số giấy chứng nhận: đơn vị cấp đã có giấy chứng nhận số 016/GCN-TĐ`,
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a number repeated inside the roster, and a person listed twice', async () => {
    const cert = { number: '001/GCN', issuedOn: '2019-05-16' };
    const dup = await as(t.app, admin).post(
      URL,
      classData(cuJut, {
        roster: [
          { personId: an, outcome: 'completed', grade: 'good', certificate: cert },
          { personId: mover, outcome: 'completed', grade: 'good', certificate: cert },
        ],
      }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json().details).toMatchObject({ rosterIndex: 1, personId: mover });
    expect(dup.json().message).toContain('trùng với dòng 1');
    const twice = await as(t.app, admin).post(
      URL,
      classData(cuJut, {
        roster: [
          { personId: an, outcome: 'completed' },
          { personId: an, outcome: 'completed' },
        ],
      }),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().details).toMatchObject({ field: 'roster.1.personId', personId: an });
  });

  it('carries the row and person in a schema refusal, and refuses a class not yet over', async () => {
    const bad = await as(t.app, admin).post(
      URL,
      classData(cuJut, { roster: [{ personId: an, outcome: 'completed', attendancePercent: 130 }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toMatchObject({ field: 'roster.0.attendancePercent', rosterIndex: 0, personId: an });
    const future = await as(t.app, admin).post(
      URL,
      classData(cuJut, { endDate: '2199-01-01', roster: [{ personId: an, outcome: 'completed' }] }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().details.field).toBe('endDate');
  });

  it('issues a certificate later with a given date, never ahead or before the class ended', async () => {
    const res = await as(t.app, admin).post(
      URL,
      classData(cuJut, { name: 'Lớp cấp sau', roster: [{ personId: an, outcome: 'completed', grade: 'good' }] }),
    );
    const id = res.json().id;
    const issue = (body: Record<string, unknown>) =>
      as(t.app, admin).post(`/api/v1/training/classes/${id}/certificates`, body);
    expect((await issue({ issuedAt: '2199-01-01' })).json().details.field).toBe('issuedAt');
    expect((await issue({ issuedAt: '2019-05-01' })).json().details.field).toBe('issuedAt');
    const ok = await issue({ issuedAt: '2019-06-03' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().issued[0]).toMatchObject({ issuedOn: '2019-06-03', printed: false });
    const pub = await as(t.app, null).get(`/api/v1/public/certificates/${ok.json().issued[0].verifyCode}`);
    expect(pub.json().issuedOn).toBe('2019-06-03');
  });

  it('lists printed certificates after the numbered ones by number, alike on both engines', async () => {
    const res = await as(t.app, admin).post(
      URL,
      classData(cuJut, {
        name: 'Lớp có giấy in và cấp sau',
        roster: [
          { personId: an, outcome: 'completed', certificate: { number: '007/GCN-CJ', issuedOn: '2019-05-20' } },
          { personId: binh, outcome: 'completed', grade: 'good' },
          { personId: mover, outcome: 'completed', grade: 'good' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const issued = await as(t.app, admin).post(`/api/v1/training/classes/${id}/certificates`, {
      issuedAt: '2019-06-03',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const numbered = issued.json().issued.map((c: { number: string }) => c.number);
    expect(numbered).toHaveLength(2);
    const listed = async (order: 'asc' | 'desc') => {
      const page = await as(t.app, admin).get(
        `/api/v1/training/classes/${id}/certificates?sort=number&order=${order}&pageSize=50`,
      );
      expect(page.statusCode, page.body).toBe(200);
      return page.json().items.map((c: { number: string }) => c.number);
    };
    expect(await listed('asc')).toEqual([...numbered, '007/GCN-CJ']);
    expect(await listed('desc')).toEqual(['007/GCN-CJ', ...numbered.reverse()]);
  });
});
