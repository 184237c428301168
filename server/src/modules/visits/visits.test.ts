import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../test/factories.ts';
import { xlsxRows } from '../../../test/documents.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { todayIso } from '../../lib/dates.ts';

const API = '/api/v1/visits';

describe('grassroots visits', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let commune: number;
  let communeB: number;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let cadreA: number;
  let cadreB: number;
  let provincial: number;
  let ownA: Session;
  let ownB: Session;

  const trip = (personId: number, startDate: string, endDate: string, hostUnitId = commune) => ({
    personId,
    hostUnitId,
    startDate,
    endDate,
    purpose: 'Nắm tình hình cơ sở',
  });
  const tripCount = () => rowCount(t, 'visit_trips');

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA, viewerA, editorB } = await twoDistricts(t));
    commune = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'commune' });
    communeB = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Lao', parentId: dakMil, kind: 'commune' });
    cadreA = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Niê' });
    cadreB = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Lê', givenName: 'Tâm' });
    provincial = await makePerson(t.ctx, { unitId: province, familyName: 'Trần', givenName: 'An' });
    const userA = await makeUser(t.ctx, { personId: cadreA });
    const userB = await makeUser(t.ctx, { personId: cadreB });
    ownA = await login(t.app, userA.login, userA.password);
    ownB = await login(t.app, userB.login, userB.password);
  });
  afterAll(() => t.close());

  it('logs a trip of the cadre’s own, splitting its days between years, with an audit row', async () => {
    const res = await as(t.app, ownA).post(`${API}/trips`, trip(cadreA, '2023-12-28', '2024-01-05'));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ days: 9, daysInYear: 4, reportDueDate: '2024-01-15', canEdit: true });
    const y2023 = (await as(t.app, ownA).get(`${API}/me?year=2023`)).json();
    const y2024 = (await as(t.app, ownA).get(`${API}/me?year=2024`)).json();
    expect([y2023.days, y2024.days]).toEqual([4, 5]);
    expect(y2024).toMatchObject({ requirement: 60, status: 'behind', personName: 'Y Niê' });
    expect(y2024.trips[0].daysInYear).toBe(5);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'visit_trip')
      .where('entity_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', unit_id: cuJut });
  });

  it('refuses end before start and overlapping trips in Vietnamese naming the field, storing nothing', async () => {
    const before = await tripCount();
    const backwards = await as(t.app, editorA).post(`${API}/trips`, trip(cadreA, '2024-05-10', '2024-05-01'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ details: { field: 'endDate' } });
    expect(backwards.json().message).toContain('Ngày kết thúc');
    const overlap = await as(t.app, editorA).post(`${API}/trips`, trip(cadreA, '2024-01-03', '2024-01-08'));
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().message).toContain('Trùng với đợt đi cơ sở từ 28/12/2023 đến 05/01/2024');
    expect(await tripCount()).toBe(before);
  });

  it('keeps one cadre out of another’s trips (404) while their unit’s editors correct them and viewers read', async () => {
    const mine = (await as(t.app, ownA).post(`${API}/trips`, trip(cadreA, '2024-02-01', '2024-02-10'))).json();
    expect((await as(t.app, ownB).get(`${API}/year?personId=${cadreA}&year=2024`)).statusCode).toBe(404);
    expect(
      (await as(t.app, ownB).patch(`${API}/trips/${mine.id}`, { version: 1, endDate: '2024-02-11' })).statusCode,
    ).toBe(404);
    expect((await as(t.app, ownB).post(`${API}/trips`, trip(cadreA, '2024-03-01', '2024-03-02'))).statusCode).toBe(404);
    expect((await as(t.app, editorB).get(`${API}/year?personId=${cadreA}&year=2024`)).statusCode).toBe(404);
    const seen = (await as(t.app, viewerA).get(`${API}/year?personId=${cadreA}&year=2024`)).json();
    expect(seen).toMatchObject({ days: 15, canEdit: false });
    expect(
      (await as(t.app, viewerA).patch(`${API}/trips/${mine.id}`, { version: 1, endDate: '2024-02-11' })).statusCode,
    ).toBe(403);
    const fixed = await as(t.app, editorA).patch(`${API}/trips/${mine.id}`, { version: 1, endDate: '2024-02-12' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ days: 12, version: 2 });
    expect((await as(t.app, ownA).get(`${API}/me?year=2024`)).json().days).toBe(17);
    expect(
      (await as(t.app, ownA).patch(`${API}/trips/${mine.id}`, { version: 1, endDate: '2024-02-13' })).statusCode,
    ).toBe(409);
  });

  it('flags an unfiled report past its due date, and files it', async () => {
    const list = (await as(t.app, editorA).get(`${API}/overdue?unitId=${cuJut}`)).json();
    expect(list.total).toBe(2);
    const first = list.items[0];
    expect(first).toMatchObject({ personName: 'Y Niê', reportOverdue: true, reportDueDate: '2024-01-15' });
    const filed = await as(t.app, ownA).post(`${API}/trips/${first.id}/report`, {
      version: first.version,
      reportText: 'Đã làm việc với 3 chi đoàn.',
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ reportOverdue: false, reportText: 'Đã làm việc với 3 chi đoàn.' });
    expect(filed.json().reportFiledAt).not.toBeNull();
    expect((await as(t.app, editorA).get(`${API}/overdue?unitId=${cuJut}`)).json().total).toBe(1);
    expect((await as(t.app, editorB).get(`${API}/overdue?unitId=${cuJut}`)).statusCode).toBe(404);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'visit_trip')
      .where('entity_id', '=', first.id)
      .where('action', '=', 'report')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('reports compliance for a subtree and year: done, on track, behind', async () => {
    const year = Number(todayIso().slice(0, 4));
    // Early in the year so the trips lie wholly in it; 70 days is done, 3 days is behind.
    expect(
      (await as(t.app, admin).post(`${API}/trips`, trip(provincial, `${year}-01-01`, `${year}-03-11`))).statusCode,
    ).toBe(201);
    expect(
      (await as(t.app, editorB).post(`${API}/trips`, trip(cadreB, `${year}-01-05`, `${year}-01-07`, communeB)))
        .statusCode,
    ).toBe(201);
    expect(
      (await as(t.app, editorA).post(`${API}/registrations`, { personId: cadreA, year, hostUnitId: commune }))
        .statusCode,
    ).toBe(201);
    const page = (
      await as(t.app, admin).get(`${API}/compliance?unitId=${province}&year=${year}&sort=days&order=desc`)
    ).json();
    expect(
      page.items.map((r: { personName: string; days: number; status: string }) => [r.personName, r.days, r.status]),
    ).toEqual([
      ['Trần An', 70, 'done'],
      ['Lê Tâm', 3, 'behind'],
      ['Y Niê', 0, 'behind'],
    ]);
    const behind = (
      await as(t.app, admin).get(`${API}/compliance?unitId=${province}&year=${year}&status=behind`)
    ).json();
    expect(behind.total).toBe(2);
    // Editors of Cư Jút see their district only; the registered cadre without trips is listed.
    const mine = (await as(t.app, editorA).get(`${API}/compliance?unitId=${cuJut}&year=${year}`)).json();
    expect(mine.items.map((r: { personName: string }) => r.personName)).toEqual(['Y Niê']);
    expect((await as(t.app, editorA).get(`${API}/compliance?unitId=${province}&year=${year}`)).statusCode).toBe(404);
    // On track: days ≥ 60 × the elapsed share of the year, for a past year the whole of it.
    const past = (await as(t.app, admin).get(`${API}/compliance?unitId=${province}&year=2024`)).json();
    expect(past.items.map((r: { days: number; status: string }) => [r.days, r.status])).toEqual([[17, 'behind']]);
  });

  it('exports the compliance list to Excel with Vietnamese headers and statuses, filtered and scoped like the page', async () => {
    const year = Number(todayIso().slice(0, 4));
    const res = await as(t.app, admin).get(
      `${API}/compliance.xlsx?unitId=${province}&year=${year}&sort=days&order=desc`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`di-co-so-nam-${year}`);
    const rows = (await xlsxRows(res.rawPayload))[`Đi cơ sở năm ${year}`]!;
    expect(rows[0]).toEqual([
      'STT',
      'Họ và tên',
      'Đơn vị',
      'Số ngày phải đi',
      'Số ngày đã đi',
      'Số chuyến',
      'Tình trạng',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[6]])).toEqual([
      ['1', 'Trần An', '70', 'Đã đạt'],
      ['2', 'Lê Tâm', '3', 'Chậm tiến độ'],
      ['3', 'Y Niê', '0', 'Chậm tiến độ'],
    ]);
    const behind = await as(t.app, admin).get(`${API}/compliance.xlsx?unitId=${province}&year=${year}&status=behind`);
    expect((await xlsxRows(behind.rawPayload))[`Đi cơ sở năm ${year}`]!).toHaveLength(3);
    const mine = await as(t.app, editorA).get(`${API}/compliance.xlsx?unitId=${cuJut}&year=${year}`);
    expect((await xlsxRows(mine.rawPayload))[`Đi cơ sở năm ${year}`]!.map((r) => r[1])).toEqual(['Họ và tên', 'Y Niê']);
    const other = await as(t.app, editorA).get(`${API}/compliance.xlsx?unitId=${province}&year=${year}`);
    expect(other.statusCode).toBe(404);
  });

  it('totals trips and days by the visiting cadre’s level', async () => {
    const year = Number(todayIso().slice(0, 4));
    const totals = (await as(t.app, admin).get(`${API}/totals?unitId=${province}&year=${year}`)).json();
    expect(totals.levels).toEqual([
      { level: 'province', trips: 1, days: 70 },
      { level: 'district', trips: 1, days: 3 },
    ]);
    const y2024 = (await as(t.app, editorA).get(`${API}/totals?unitId=${cuJut}&year=2024`)).json();
    expect(y2024.levels).toEqual([{ level: 'district', trips: 2, days: 17 }]);
  });

  it('counts working days once an administrator of the top unit sets them', async () => {
    const read = (await as(t.app, editorA).get(`${API}/settings?unitId=${cuJut}`)).json();
    expect(read).toMatchObject({
      unitId: province,
      dayCounting: 'calendar',
      annualDays: 60,
      version: 0,
      canEdit: false,
    });
    expect(
      (await as(t.app, editorA).patch(`${API}/settings/${province}`, { version: 0, dayCounting: 'working' }))
        .statusCode,
    ).toBe(404);
    const set = await as(t.app, admin).patch(`${API}/settings/${province}`, { version: 0, dayCounting: 'working' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ dayCounting: 'working', version: 1 });
    // 2025-06-02 is a Monday: two weeks, ten working days.
    const res = await as(t.app, ownA).post(`${API}/trips`, trip(cadreA, '2025-06-02', '2025-06-15'));
    expect(res.json()).toMatchObject({ days: 10, daysInYear: 10 });
    expect(
      (await as(t.app, admin).patch(`${API}/settings/${province}`, { version: 0, annualDays: 40 })).statusCode,
    ).toBe(409);
  });
});
