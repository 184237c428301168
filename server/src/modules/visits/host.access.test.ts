import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { todayIso } from '../../lib/dates.ts';

const API = '/api/v1/visits';

/*
 * One rule for a visit's host unit, on registrations and trips alike: down from the cadre's tier
 * (under the unit above theirs), in being, and one the actor may name — the units offered are the
 * units accepted.
 */
describe('the host unit of a grassroots visit', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let eaPo: number;
  let trucSon: number;
  let dakLao: number;
  let ended: number;
  let branch: number;
  let hoi: number;
  let hoiCadre: number;
  let admin: Session;
  let editorA: Session;
  let cadreA: number;
  let provincial: number;
  let ownA: Session;
  const year = Number(todayIso().slice(0, 4));

  const offered = async (s: Session, personId?: number) => {
    const query = personId === undefined ? '' : `&personId=${personId}`;
    const res = await as(t.app, s).get(`${API}/host-units?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: { id: number }[] }>().items.map((u) => u.id);
  };
  const trip = (personId: number, hostUnitId: number, day: string) => ({
    personId,
    hostUnitId,
    startDate: `${year}-01-${day}`,
    endDate: `${year}-01-${day}`,
    purpose: 'Dự sinh hoạt chi đoàn',
  });

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA } = await twoDistricts(t));
    eaPo = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'commune' });
    trucSon = await makeUnit(t.ctx, { name: 'Đoàn xã Trúc Sơn', parentId: cuJut, kind: 'commune' });
    dakLao = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Lao', parentId: dakMil, kind: 'commune' });
    ended = await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: cuJut, kind: 'commune' });
    await t.db.kysely
      .updateTable('units')
      .set({ status: 'dissolved', valid_to: '2024-06-30' })
      .where('id', '=', ended)
      .execute();
    branch = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 3', parentId: eaPo, kind: 'branch' });
    // district level by its kind, though one step deeper than the district union
    hoi = await makeUnit(t.ctx, { name: 'Hội LHTN Việt Nam huyện Cư Jút', parentId: cuJut, kind: 'district' });
    hoiCadre = await makePerson(t.ctx, { unitId: hoi, familyName: 'Đinh', givenName: 'Hà' });
    cadreA = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Niê' });
    provincial = await makePerson(t.ctx, { unitId: province, familyName: 'Trần', givenName: 'An' });
    const userA = await makeUser(t.ctx, { personId: cadreA });
    ownA = await login(t.app, userA.login, userA.password);
  });
  afterAll(() => t.close());

  it('offers a district cadre the units below the district tier across the province, none up, beside or ended', async () => {
    const mine = await offered(ownA);
    expect(mine).toEqual(expect.arrayContaining([eaPo, trucSon, dakLao, branch]));
    for (const no of [province, cuJut, dakMil, ended, hoi]) expect(mine).not.toContain(no);
    // The district's editor names only units they see: not Đắk Mil's commune.
    const byEditor = await offered(editorA, cadreA);
    expect(byEditor.sort()).toEqual([eaPo, trucSon, branch].sort());
    // A cadre of the top unit goes down to the districts and below.
    const top = await offered(admin, provincial);
    expect(top).toEqual(expect.arrayContaining([cuJut, dakMil, eaPo, dakLao, branch]));
    expect(top).not.toContain(province);
    // Levels are the kinds': the district's Hội goes down to the district's communes, not up to its union.
    const fromHoi = await offered(admin, hoiCadre);
    expect(fromHoi.sort()).toEqual([eaPo, trucSon, branch].sort());
  });

  it('refuses a registration going up, sideways, to an ended unit or one the actor may not name, storing nothing', async () => {
    const before = await rowCount(t, 'visit_registrations');
    const refused = async (s: Session, hostUnitId: number, says: RegExp) => {
      const res = await as(t.app, s).post(`${API}/registrations`, { personId: cadreA, year, hostUnitId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ details: { field: 'hostUnitId' } });
      expect(res.json().message).toMatch(/^Đơn vị cơ sở đến: /);
      expect(res.json().message).toMatch(says);
    };
    const notBelow =
      /không ở dưới cấp huyện của Huyện đoàn Cư Jút — đi cơ sở là xuống cơ sở thuộc Tỉnh đoàn Đắk Nông, /;
    await refused(ownA, province, notBelow);
    await refused(ownA, cuJut, notBelow);
    await refused(editorA, dakMil, /không tìm thấy đơn vị, hoặc bạn không có quyền/);
    await refused(admin, dakMil, notBelow);
    await refused(ownA, ended, /Đoàn xã Tâm Thắng đã giải thể hoặc thôi hoạt động/);
    await refused(editorA, dakLao, /không tìm thấy đơn vị, hoặc bạn không có quyền/);
    await refused(ownA, 999_999, /không tìm thấy đơn vị/);
    expect(await rowCount(t, 'visit_registrations')).toBe(before);
  });

  it('registers with a unit below, the cadre choosing province-wide, and refuses a change going up', async () => {
    const reg = await as(t.app, ownA).post(`${API}/registrations`, { personId: cadreA, year, hostUnitId: dakLao });
    expect(reg.statusCode, reg.body).toBe(201);
    const up = await as(t.app, editorA).patch(`${API}/registrations/${reg.json().id}`, {
      version: 1,
      hostUnitId: cuJut,
    });
    expect(up.statusCode).toBe(400);
    expect(up.json()).toMatchObject({ details: { field: 'hostUnitId' } });
    const down = await as(t.app, editorA).patch(`${API}/registrations/${reg.json().id}`, {
      version: 1,
      hostUnitId: branch,
    });
    expect(down.json()).toMatchObject({ hostUnitId: branch, version: 2 });
  });

  it('holds a trip’s host unit to the same rule, on create and on edit', async () => {
    const before = await rowCount(t, 'visit_trips');
    for (const hostUnitId of [province, cuJut, dakMil, ended]) {
      const res = await as(t.app, ownA).post(`${API}/trips`, trip(cadreA, hostUnitId, '05'));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ details: { field: 'hostUnitId' } });
    }
    const unseen = await as(t.app, editorA).post(`${API}/trips`, trip(cadreA, dakLao, '05'));
    expect(unseen.statusCode).toBe(400);
    expect(await rowCount(t, 'visit_trips')).toBe(before);

    const created = await as(t.app, ownA).post(`${API}/trips`, trip(cadreA, trucSon, '06'));
    expect(created.statusCode, created.body).toBe(201);
    const moved = await as(t.app, ownA).patch(`${API}/trips/${created.json().id}`, { version: 1, hostUnitId: cuJut });
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ details: { field: 'hostUnitId' } });
    const row = await t.db.kysely
      .selectFrom('visit_trips')
      .select(['host_unit_id', 'version'])
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ host_unit_id: trucSon, version: 1 });
  });

  it('holds a past trip to the rule of its first day: the cadre’s unit, the tree and the units in being then', async () => {
    // Tâm Thắng hosted trips until it ended in mid-2024; Đắk Lao was under Đắk Mil then as now.
    const past = (personId: number, hostUnitId: number, day: string) => ({
      ...trip(personId, hostUnitId, '01'),
      startDate: day,
      endDate: day,
    });
    const before2024 = await as(t.app, admin).post(`${API}/trips`, past(cadreA, ended, '2019-04-02'));
    expect(before2024.statusCode, before2024.body).toBe(201);
    const after2024 = await as(t.app, admin).post(`${API}/trips`, past(cadreA, ended, '2024-08-01'));
    expect(after2024.statusCode).toBe(400);
    expect(after2024.json().message).toMatch(
      /Đoàn xã Tâm Thắng chưa thành lập hoặc đã thôi hoạt động vào ngày 01\/08\/2024/,
    );

    // A commune cadre of Ea Pô until 2021, of the district since: in 2020 a visit went down to Ea Pô's
    // branch, not sideways to another commune; since 2021 the district's communes are below them.
    const mover = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Lê', givenName: 'Bình' });
    const move = await as(t.app, admin).post(`/api/v1/people/${mover}/moves`, {
      moveKind: 'transfer',
      fromUnitId: eaPo,
      toUnitId: cuJut,
      moveDate: '2021-03-01',
      decision: '45-QĐ/TĐTN',
      decisionDate: null,
      notes: null,
    });
    expect(move.statusCode, move.body).toBe(201);
    const beside = await as(t.app, admin).post(`${API}/trips`, past(mover, trucSon, '2020-05-04'));
    expect(beside.statusCode).toBe(400);
    expect(beside.json().message).toMatch(
      /Đoàn xã Trúc Sơn không ở dưới cấp xã của Đoàn xã Ea Pô \(ngày 04\/05\/2020\) — đi cơ sở là xuống cơ sở thuộc Huyện đoàn Cư Jút/,
    );
    const then = await as(t.app, admin).post(`${API}/trips`, past(mover, branch, '2020-05-04'));
    expect(then.statusCode, then.body).toBe(201);
    const since = await as(t.app, admin).post(`${API}/trips`, past(mover, trucSon, '2021-05-04'));
    expect(since.statusCode, since.body).toBe(201);

    // moving the trip to a day the host was no longer in being re-checks it
    const id = before2024.json().id as number;
    const later = await as(t.app, admin).patch(`${API}/trips/${id}`, {
      version: 1,
      startDate: '2024-09-02',
      endDate: '2024-09-02',
    });
    expect(later.statusCode).toBe(400);
    expect(later.json()).toMatchObject({ details: { field: 'hostUnitId' } });
  });
});
