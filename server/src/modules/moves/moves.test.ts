import { fieldLabels, type FigureRow, type SchemeProgress } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makeClass, makeEnrolment, makePerson, makePosition, makeUnit } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { makeStudy } from '../../../test/walk.ts';
import { todayIso } from '../../lib/dates.ts';

const transfer = (from: number, to: number, moveDate: string) => ({
  moveKind: 'transfer',
  fromUnitId: from,
  toUnitId: to,
  moveDate,
  decision: '45-QĐ/TĐTN',
  decisionDate: null,
  notes: null,
});

describe('a cadre’s moves', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;

  const moves = (personId: number) => `/api/v1/people/${personId}/moves`;
  const moveCount = () => rowCount(t, 'moves');
  const unitOf = async (personId: number) =>
    (await t.db.kysely.selectFrom('people').select('unit_id').where('id', '=', personId).executeTakeFirstOrThrow())
      .unit_id;

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA, viewerA, editorB } = await twoDistricts(t));
  });
  afterAll(() => t.close());

  it('records a move with an audit row; the person’s unit of today follows it', async () => {
    const person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'H’', givenName: 'Hen Niê' });
    const res = await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2021-03-01'));
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      moveKind: 'transfer',
      fromUnitName: 'Huyện đoàn Cư Jút',
      toUnitName: 'Huyện đoàn Đắk Mil',
      moveDate: '2021-03-01',
      version: 1,
      canEdit: true,
    });
    expect(await unitOf(person)).toBe(dakMil);
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'action', 'unit_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'move'), eb('entity_id', '=', m.id)]),
          eb.and([eb('entity', '=', 'person'), eb('entity_id', '=', person)]),
        ]),
      )
      .orderBy('id')
      .execute();
    expect(audits).toEqual([
      { entity: 'move', action: 'create', unit_id: dakMil },
      { entity: 'person', action: 'move', unit_id: dakMil },
    ]);
    const list = (await as(t.app, editorB).get(moves(person))).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: m.id, fromUnitId: cuJut, toUnitId: dakMil }] });
    // Scope follows the unit keeping the record today: Cư Jút's editor no longer sees it.
    expect((await as(t.app, editorA).get(moves(person))).statusCode).toBe(404);
  });

  describe('refuses bad input with a Vietnamese message naming the field, storing nothing', () => {
    let person: number;
    let young: number;
    let ended: number;
    beforeAll(async () => {
      person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Điểu', givenName: 'K’Lung' });
      young = await makeUnit(t.ctx, { name: 'Đoàn xã Mới', parentId: cuJut, kind: 'commune', validFrom: '2024-01-01' });
      ended = await makeUnit(t.ctx, { name: 'Đoàn xã Cũ', parentId: cuJut, kind: 'commune' });
      await t.db.kysely.updateTable('units').set({ valid_to: '2020-01-01' }).where('id', '=', ended).execute();
      // The chain: Cư Jút → Đắk Mil (2019) → Cư Jút (2022).
      expect((await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2019-06-01'))).statusCode).toBe(201);
      expect((await as(t.app, admin).post(moves(person), transfer(dakMil, cuJut, '2022-06-01'))).statusCode).toBe(201);
    });

    const tomorrow = () => {
      const d = new Date(`${todayIso()}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString().slice(0, 10);
    };
    const cases: [string, string, () => Record<string, unknown>, RegExp][] = [
      ['to = from', 'toUnitId', () => transfer(cuJut, cuJut, '2023-01-01'), /phải khác Từ đơn vị/],
      ['a date after today', 'moveDate', () => transfer(cuJut, dakMil, tomorrow()), /không được sau ngày hôm nay/],
      [
        'a decision after today',
        'decisionDate',
        () => ({ ...transfer(cuJut, dakMil, '2023-01-01'), decisionDate: tomorrow() }),
        /sau ngày hôm nay/,
      ],
      ['a unit not yet established', 'toUnitId', () => transfer(cuJut, young, '2023-01-01'), /chưa thành lập/],
      ['a unit already ended', 'toUnitId', () => transfer(dakMil, ended, '2021-01-01'), /đã kết thúc hoạt động/],
      ['two moves on one day', 'moveDate', () => transfer(dakMil, province, '2022-06-01'), /mỗi ngày chỉ ghi một lần/],
      [
        'leaving a unit the cadre was not in',
        'fromUnitId',
        () => transfer(dakMil, province, '2023-01-01'),
        /đang ở Huyện đoàn Cư Jút/,
      ],
      [
        'a move whose next one leaves elsewhere',
        'toUnitId',
        () => transfer(dakMil, province, '2020-01-01'),
        /phải đến Huyện đoàn Đắk Mil/,
      ],
      ['an unknown unit', 'fromUnitId', () => transfer(999999, dakMil, '2023-01-01'), /không tồn tại/],
      ['a kind that is none', 'moveKind', () => ({ ...transfer(cuJut, dakMil, '2023-01-01'), moveKind: 'exile' }), /./],
      ['an impossible date', 'moveDate', () => transfer(cuJut, dakMil, '2023-02-30'), /./],
    ];
    it.each(cases)('%s', async (_what, field, body, message) => {
      const before = await moveCount();
      const res = await as(t.app, admin).post(moves(person), body());
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe(field);
      expect(res.json().message.startsWith(`${fieldLabels[field]}:`)).toBe(true);
      expect(res.json().message).toMatch(message);
      expect(await moveCount()).toBe(before);
    });

    it('leaves a unit on the day it ended (a restructuring’s moves), never later', async () => {
      // In Đoàn xã Cũ until it ended on 01/01/2020.
      const stayed = await makePerson(t.ctx, { unitId: ended, familyName: 'Hà', givenName: 'Phương' });
      const late = await as(t.app, admin).post(moves(stayed), transfer(ended, cuJut, '2020-01-02'));
      expect(late.statusCode).toBe(400);
      expect(late.json().details.field).toBe('fromUnitId');
      expect(late.json().message).toMatch(/đã kết thúc hoạt động từ 01\/01\/2020/);
      const onTheDay = await as(t.app, admin).post(moves(stayed), transfer(ended, cuJut, '2020-01-01'));
      expect(onTheDay.statusCode, onTheDay.body).toBe(201);
      expect(await unitOf(stayed)).toBe(cuJut);
    });

    it('a move into a unit the editor cannot see is refused naming it; a viewer may not record one', async () => {
      const before = await moveCount();
      const mine = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Ngông' });
      const res = await as(t.app, editorA).post(moves(mine), transfer(cuJut, dakMil, '2023-01-01'));
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('toUnitId');
      expect((await as(t.app, viewerA).post(moves(mine), transfer(cuJut, dakMil, '2023-01-01'))).statusCode).toBe(403);
      expect((await as(t.app, editorB).post(moves(mine), transfer(cuJut, dakMil, '2023-01-01'))).statusCode).toBe(400);
      expect(await moveCount()).toBe(before);
      expect(await unitOf(mine)).toBe(cuJut);
    });
  });

  it('updates with its version (stale → 409) and deletes, keeping the chain whole', async () => {
    const person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Lê', givenName: 'Tâm' });
    const first = (await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2019-06-01'))).json();
    const second = (await as(t.app, admin).post(moves(person), transfer(dakMil, province, '2021-06-01'))).json();
    expect(await unitOf(person)).toBe(province);

    const res = await as(t.app, admin).patch(`${moves(person)}/${first.id}`, {
      version: 1,
      moveDate: '2018-05-02',
      moveKind: 'rotation',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ moveDate: '2018-05-02', moveKind: 'rotation', version: 2 });
    expect((await as(t.app, admin).patch(`${moves(person)}/${first.id}`, { version: 1, notes: 'x' })).statusCode).toBe(
      409,
    );
    // Moving the first move's arrival elsewhere would break the chain.
    const broken = await as(t.app, admin).patch(`${moves(person)}/${first.id}`, { version: 2, toUnitId: province });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().details.field).toBe('toUnitId');

    // The middle of a chain cannot go while the next move leaves the unit it reached.
    const third = (await as(t.app, admin).post(moves(person), transfer(province, cuJut, '2023-06-01'))).json();
    const middle = await as(t.app, admin).delete(`${moves(person)}/${second.id}`);
    expect(middle.statusCode).toBe(409);
    expect(middle.json().details).toMatchObject({ conflictWith: third.id });

    expect((await as(t.app, admin).delete(`${moves(person)}/${third.id}`)).statusCode).toBe(204);
    expect(await unitOf(person)).toBe(province);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'move')
      .where('entity_id', '=', third.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect((await as(t.app, admin).get(moves(person))).json().total).toBe(2);

    // With moves recorded, the unit of today changes only by a move.
    const version = (await as(t.app, admin).get(`/api/v1/people/${person}`)).json().version;
    const typed = await as(t.app, admin).patch(`/api/v1/people/${person}`, { version, unitId: cuJut });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().details.field).toBe('unitId');
    expect(await unitOf(person)).toBe(province);
  });

  it('lists people as of a day by the unit they were in then', async () => {
    const unit = await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: cuJut, kind: 'commune' });
    const other = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Wil', parentId: cuJut, kind: 'commune' });
    const person = await makePerson(t.ctx, { unitId: unit, familyName: 'Hoàng', givenName: 'Sơn' });
    // In Tâm Thắng since 2019 (a position says so), though entered in Canbo only today.
    await makePosition(t.ctx, {
      personId: person,
      unitId: unit,
      title: 'secretary',
      startDate: '2019-04-01',
      endDate: '2020-12-31',
    });
    expect((await as(t.app, admin).post(moves(person), transfer(unit, other, '2021-01-01'))).statusCode).toBe(201);
    const list = async (q: string) => (await as(t.app, editorA).get(`/api/v1/people?${q}`)).json();
    expect((await list(`unitId=${unit}`)).total).toBe(0);
    expect((await list(`unitId=${other}`)).items).toMatchObject([{ id: person, unitName: 'Đoàn xã Đắk Wil' }]);
    const then = await list(`unitId=${unit}&asOf=2020-06-01`);
    expect(then.items).toMatchObject([{ id: person, unitId: unit, unitName: 'Đoàn xã Tâm Thắng' }]);
    expect((await list(`unitId=${other}&asOf=2020-06-01`)).total).toBe(0);
    expect((await list(`unitId=${unit}&asOf=2020-06-01&sort=unit`)).total).toBe(1);
    expect((await as(t.app, editorA).get(`/api/v1/people?asOf=2020-02-30`)).statusCode).toBe(400);
    // Before its first position the record had not begun.
    expect((await list(`unitId=${unit}&asOf=2019-03-31`)).total).toBe(0);
  });

  it('leaves out of a list as of a day the people whose record began later', async () => {
    const unit = await makeUnit(t.ctx, { name: 'Đoàn xã Nam Đà', parentId: cuJut, kind: 'commune' });
    const other = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'commune' });
    const list = async (asOf: string) =>
      (await as(t.app, editorA).get(`/api/v1/people?unitId=${unit}&asOf=${asOf}&pageSize=50`)).json<{
        total: number;
        items: { id: number }[];
      }>();
    const ids = async (asOf: string) => {
      const page = await list(asOf);
      expect(page.items).toHaveLength(page.total);
      return page.items.map((i) => i.id).sort((a, b) => a - b);
    };
    // Entered today, nothing dated: known from today only.
    const newcomer = await makePerson(t.ctx, { unitId: unit, familyName: 'Lê', givenName: 'Mới' });
    // Entered today with a position since 2018.
    const veteran = await makePerson(t.ctx, { unitId: unit, familyName: 'Lê', givenName: 'Cũ' });
    await makePosition(t.ctx, { personId: veteran, unitId: unit, title: 'committee_member', startDate: '2018-03-01' });
    // Came from Ea Pô on 01/06/2022: in Nam Đà from that day; nothing says since when in Ea Pô.
    const arrival = await makePerson(t.ctx, { unitId: other, familyName: 'Lê', givenName: 'Đến' });
    expect((await as(t.app, admin).post(moves(arrival), transfer(other, unit, '2022-06-01'))).statusCode).toBe(201);
    // Entered in Canbo on 10/01/2020 (17:30 UTC on the 9th is already the 10th in Vietnam).
    const entered = await makePerson(t.ctx, { unitId: unit, familyName: 'Lê', givenName: 'Nhập' });
    await t.db.kysely
      .updateTable('people')
      .set({ created_at: '2020-01-09T17:30:00.000Z' })
      .where('id', '=', entered)
      .execute();

    expect(await ids('2018-02-28')).toEqual([]);
    expect(await ids('2018-03-01')).toEqual([veteran]);
    expect(await ids('2020-01-09')).toEqual([veteran]);
    expect(await ids('2020-01-10')).toEqual([veteran, entered]);
    expect(await ids('2022-06-01')).toEqual([veteran, arrival, entered].sort((a, b) => a - b));
    expect(await ids(todayIso())).toEqual([newcomer, veteran, arrival, entered].sort((a, b) => a - b));
    // The list without a day is today's, whatever the records' dates.
    const today = await as(t.app, editorA).get(`/api/v1/people?unitId=${unit}`);
    expect(today.json().total).toBe(4);
  });

  describe('participation credited to the unit of the class’s first day', () => {
    let scheme: number;
    const progress = async () => {
      const res = await as(t.app, admin).get(`/api/v1/schemes/${scheme}/progress`);
      expect(res.statusCode).toBe(200);
      const cells = res.json<SchemeProgress>().targets[0]!.units;
      return Object.fromEntries(cells.map((c) => [c.unitId, c.actual]));
    };
    /** The person's enrolment in a completed provincial class of these days. */
    const attendedPast = async (personId: number, startDate: string, endDate: string) => {
      const cls = await makeClass(t.ctx, { organiserUnitId: province, startDate, endDate, status: 'completed' });
      return makeEnrolment(t.ctx, { classId: cls, personId, title: null });
    };
    const creditOf = async (enrolment: number) =>
      t.db.kysely
        .selectFrom('enrolments')
        .select(['unit_id', 'unit_name', 'title'])
        .where('id', '=', enrolment)
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      const res = await as(t.app, admin).post('/api/v1/schemes', {
        name: 'Đề án bồi dưỡng cán bộ 2019–2021',
        code: 'DA-2019',
        issuingUnitId: province,
        startYear: 2019,
        endYear: 2019,
        targets: [
          {
            metric: 'participations',
            total: 2,
            units: [
              { unitId: cuJut, value: 1 },
              { unitId: dakMil, value: 1 },
            ],
          },
        ],
      });
      expect(res.statusCode).toBe(201);
      scheme = res.json().id;
    });

    it('a cadre of district A in a 2019 class who moved to district B in 2021 counts for A in 2019', async () => {
      const before = await progress();
      const person = await makePerson(t.ctx, {
        unitId: cuJut,
        familyName: 'Nguyễn',
        middleName: 'Văn',
        givenName: 'An',
      });
      await makePosition(t.ctx, {
        personId: person,
        unitId: cuJut,
        title: 'secretary',
        startDate: '2018-01-01',
        endDate: '2020-12-31',
      });
      await makePosition(t.ctx, {
        personId: person,
        unitId: dakMil,
        title: 'deputy_secretary',
        startDate: '2021-03-01',
      });
      expect((await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2021-03-01'))).statusCode).toBe(201);
      // Nominated now, after the move, to a class held in 2019 (organiser's own seats).
      const cls = await makeClass(t.ctx, {
        organiserUnitId: province,
        startDate: '2019-05-06',
        endDate: '2019-05-08',
        status: 'open',
      });
      const res = await as(t.app, admin).post(`/api/v1/training/classes/${cls}/enrolments`, { personIds: [person] });
      expect(res.statusCode).toBe(201);
      const enrolment = await t.db.kysely
        .selectFrom('enrolments')
        .select('id')
        .where('class_id', '=', cls)
        .executeTakeFirstOrThrow();
      expect(await creditOf(enrolment.id)).toEqual({
        unit_id: cuJut,
        unit_name: 'Huyện đoàn Cư Jút',
        title: 'secretary',
      });
      await t.db.kysely.updateTable('training_classes').set({ status: 'completed' }).where('id', '=', cls).execute();
      await t.db.kysely.updateTable('enrolments').set({ status: 'confirmed' }).where('id', '=', enrolment.id).execute();
      const after = await progress();
      expect(after[cuJut]).toBe((before[cuJut] ?? 0) + 1);
      expect(after[dakMil]).toBe(before[dakMil] ?? 0);
    });

    it('a move recorded late (back-dated) credits the 2019 participation again, with an audit row', async () => {
      // Registered in Đắk Mil (today's unit) before anyone typed in the move from Cư Jút.
      const person = await makePerson(t.ctx, {
        unitId: dakMil,
        familyName: 'Y',
        middleName: 'Ngông',
        givenName: 'Niê Kdăm',
      });
      const enrolment = await attendedPast(person, '2019-09-09', '2019-09-11');
      const before = await progress();
      const res = await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2021-03-01'));
      expect(res.statusCode).toBe(201);
      expect(await creditOf(enrolment)).toEqual({ unit_id: cuJut, unit_name: 'Huyện đoàn Cư Jút', title: null });
      const after = await progress();
      expect(after[cuJut]).toBe((before[cuJut] ?? 0) + 1);
      expect(after[dakMil]).toBe((before[dakMil] ?? 0) - 1);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'unit_id'])
        .where('entity', '=', 'enrolment')
        .where('entity_id', '=', enrolment)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'recredit', unit_id: cuJut });
      // Deleting the move gives the credit back to the unit keeping the record.
      expect((await as(t.app, admin).delete(`${moves(person)}/${res.json().id}`)).statusCode).toBe(204);
      expect((await creditOf(enrolment)).unit_id).toBe(dakMil);
    });

    it('a unit typed on the form does not move a cadre with participations: only a dated move does', async () => {
      const person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Lê', givenName: 'Hoà' });
      const enrolment = await attendedPast(person, '2019-10-14', '2019-10-16');
      const before = await progress();
      const version = (await as(t.app, admin).get(`/api/v1/people/${person}`)).json().version;
      const typed = await as(t.app, admin).patch(`/api/v1/people/${person}`, { version, unitId: dakMil });
      expect(typed.statusCode).toBe(400);
      expect(typed.json().details.field).toBe('unitId');
      expect(typed.json().message).toContain('Quá trình công tác');
      expect(await unitOf(person)).toBe(cuJut);
      // The move the message points to, dated today, keeps the 2019 class with Cư Jút.
      const moved = await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, todayIso()));
      expect(moved.statusCode).toBe(201);
      expect(await unitOf(person)).toBe(dakMil);
      expect((await creditOf(enrolment)).unit_id).toBe(cuJut);
      expect(await progress()).toEqual(before);
    });

    it('a class’s new first day and a corrected position credit again', async () => {
      const person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Trần', givenName: 'Bình' });
      const position = await makePosition(t.ctx, {
        personId: person,
        unitId: cuJut,
        title: 'committee_member',
        startDate: '2018-01-01',
      });
      expect((await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2021-03-01'))).statusCode).toBe(201);
      const cls = await makeClass(t.ctx, {
        organiserUnitId: province,
        startDate: '2021-02-22',
        endDate: '2021-03-05',
        status: 'open',
      });
      const enrolment = await makeEnrolment(t.ctx, { classId: cls, personId: person, title: 'committee_member' });
      await t.db.kysely
        .updateTable('enrolments')
        .set({ unit_id: cuJut, unit_name: 'Huyện đoàn Cư Jút' })
        .where('id', '=', enrolment)
        .execute();
      const version = (await as(t.app, admin).get(`/api/v1/training/classes/${cls}`)).json().version;
      const res = await as(t.app, admin).patch(`/api/v1/training/classes/${cls}`, { version, startDate: '2021-03-02' });
      expect(res.statusCode).toBe(200);
      expect((await creditOf(enrolment)).unit_id).toBe(dakMil);
      const pos = await as(t.app, admin).patch(`/api/v1/positions/${position}`, {
        version: 1,
        title: 'standing_member',
      });
      expect(pos.statusCode).toBe(200);
      expect((await creditOf(enrolment)).title).toBe('standing_member');
    });
  });

  describe('studies and grassroots visits credited to the unit at the time', () => {
    let scheme: number;
    let commune: number;
    /** Each target's actual per unit: studies started (0) and visit days (1) of 2019–2020. */
    const progress = async () => {
      const res = await as(t.app, admin).get(`/api/v1/schemes/${scheme}/progress`);
      expect(res.statusCode).toBe(200);
      return res
        .json<SchemeProgress>()
        .targets.map((target) => Object.fromEntries(target.units.map((c) => [c.unitId, c.actual])));
    };
    const trip = async (personId: number, startDate: string, endDate: string) => {
      const res = await as(t.app, admin).post('/api/v1/visits/trips', {
        personId,
        hostUnitId: commune,
        startDate,
        endDate,
        purpose: 'Nắm tình hình cơ sở',
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const creditOf = async (tripId: number) =>
      (
        await t.db.kysely
          .selectFrom('visit_trips')
          .select('person_unit_id')
          .where('id', '=', tripId)
          .executeTakeFirstOrThrow()
      ).person_unit_id;

    beforeAll(async () => {
      commune = await makeUnit(t.ctx, { name: 'Đoàn xã Nam Dong', parentId: cuJut, kind: 'commune' });
      const units = [
        { unitId: cuJut, value: 1 },
        { unitId: dakMil, value: 1 },
      ];
      const res = await as(t.app, admin).post('/api/v1/schemes', {
        name: 'Đề án học tập và đi cơ sở 2019–2020',
        code: 'DA-2019-HT',
        issuingUnitId: province,
        startYear: 2019,
        endYear: 2020,
        targets: [
          { metric: 'studies_started', total: 2, units },
          { metric: 'visit_days', total: 20, units },
        ],
      });
      expect(res.statusCode).toBe(201);
      scheme = res.json().id;
    });

    it('a unit typed on the form is refused for a cadre with a study or a trip, and allowed without', async () => {
      const studied = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Đinh', givenName: 'Lan' });
      await makeStudy(t, { personId: studied });
      const visited = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Đinh', givenName: 'Mai' });
      const trip1 = await trip(visited, '2020-03-02', '2020-03-04');
      const fresh = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Đinh', givenName: 'Nga' });
      const typeUnit = async (person: number) => {
        const version = (await as(t.app, admin).get(`/api/v1/people/${person}`)).json().version;
        return as(t.app, admin).patch(`/api/v1/people/${person}`, { version, unitId: dakMil });
      };
      for (const person of [studied, visited]) {
        const res = await typeUnit(person);
        expect(res.statusCode).toBe(400);
        expect(res.json().details.field).toBe('unitId');
        expect(await unitOf(person)).toBe(cuJut);
      }
      expect(await creditOf(trip1)).toBe(cuJut);
      // Nothing credited yet: the unit is corrected for every day.
      expect((await typeUnit(fresh)).statusCode).toBe(200);
      expect(await unitOf(fresh)).toBe(dakMil);
    });

    it('a cadre who studied and was visited in district A, moved to B later, counts for A', async () => {
      // Registered in Đắk Mil, where the record is kept today; the move from Cư Jút typed in later.
      const person = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Điểu', givenName: 'K’Lung' });
      await makeStudy(t, { personId: person }); // started 01/09/2019
      const early = await trip(person, '2019-10-07', '2019-10-11');
      expect(await creditOf(early)).toBe(dakMil);
      const before = await progress();

      const move = await as(t.app, admin).post(moves(person), transfer(cuJut, dakMil, '2021-03-01'));
      expect(move.statusCode).toBe(201);
      expect(await creditOf(early)).toBe(cuJut);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'unit_id'])
        .where('entity', '=', 'visit_trip')
        .where('entity_id', '=', early)
        .where('action', '=', 'recredit')
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'recredit', unit_id: cuJut });
      // A trip of the past logged after the move is credited where the cadre was then, not today.
      const late = await trip(person, '2020-04-06', '2020-04-08');
      expect(await creditOf(late)).toBe(cuJut);

      const after = await progress();
      const days = (p: typeof after, unit: number) => p[1]![unit] ?? 0;
      expect(after[0]![cuJut]).toBe((before[0]![cuJut] ?? 0) + 1);
      expect(after[0]![dakMil] ?? 0).toBe((before[0]![dakMil] ?? 0) - 1);
      expect(days(after, cuJut)).toBe(days(before, cuJut) + 5 + 3);
      expect(days(after, dakMil)).toBe(days(before, dakMil) - 5);

      // Cư Jút's editor no longer sees the record (kept by Đắk Mil), but its figures and the rows
      // behind them hold the cadre's time in Cư Jút; Đắk Mil's rows no longer do.
      expect((await as(t.app, editorA).get(`/api/v1/people/${person}`)).statusCode).toBe(404);
      const rowsOf = async (session: Session, target: 0 | 1) => {
        const ids = (await as(t.app, admin).get(`/api/v1/schemes/${scheme}/progress`)).json<SchemeProgress>();
        const res = await as(t.app, session).get(
          `/api/v1/schemes/${scheme}/targets/${ids.targets[target]!.targetId}/rows?pageSize=200`,
        );
        expect(res.statusCode).toBe(200);
        return res
          .json<{ items: FigureRow[] }>()
          .items.filter((r) => r.personId === person)
          .map((r) => ({ kind: r.kind, unitId: r.unitId, value: r.value }));
      };
      expect(await rowsOf(editorA, 0)).toEqual([{ kind: 'study', unitId: cuJut, value: 1 }]);
      expect(await rowsOf(editorA, 1)).toEqual([
        { kind: 'trip', unitId: cuJut, value: 3 },
        { kind: 'trip', unitId: cuJut, value: 5 },
      ]);
      expect(await rowsOf(editorB, 0)).toEqual([]);
      expect(await rowsOf(editorB, 1)).toEqual([]);

      // Deleting the move gives the credit back to the unit keeping the record.
      expect((await as(t.app, admin).delete(`${moves(person)}/${move.json().id}`)).statusCode).toBe(204);
      expect([await creditOf(early), await creditOf(late)]).toEqual([dakMil, dakMil]);
      const undone = await progress();
      expect(undone[0]![cuJut] ?? 0).toBe(before[0]![cuJut] ?? 0);
      expect(days(undone, dakMil)).toBe(days(before, dakMil) + 3);
    });
  });
});
