import { fieldLabels } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makePosition, makeUnit, makeUser } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { loadActor } from '../../auth/session.ts';
import { reader } from '../../context.ts';
import { todayIso } from '../../lib/dates.ts';
import { createPosition } from './positions.service.ts';

const appointment = {
  title: 'committee_member',
  employment: 'part_time',
  method: 'elected',
  term: '2022–2027',
  decision: '15-QĐ/TĐTN',
  startDate: '2022-10-01',
};

describe('positions', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let personA: number;
  let personB: number;

  const positionCount = () => rowCount(t, 'positions');

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA, viewerA, editorB } = await twoDistricts(t));
    personA = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Niê' });
    personB = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Lê', middleName: 'Văn', givenName: 'Tâm' });
  });
  afterAll(() => t.close());

  it('records a dated position with an audit row, and shows it among the cadre’s current titles', async () => {
    const res = await as(t.app, editorA).post('/api/v1/positions', {
      ...appointment,
      personId: personA,
      unitId: cuJut,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      personName: 'Y Niê',
      unitName: 'Huyện đoàn Cư Jút',
      title: 'committee_member',
      term: '2022–2027',
      startDate: '2022-10-01',
      endDate: null,
      version: 1,
      canEdit: true,
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'position')
      .where('entity_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'create', unit_id: cuJut });
    expect(JSON.parse(audit.after!)).toMatchObject({ title: 'committee_member', personId: personA });
    const person = (await as(t.app, editorA).get(`/api/v1/people/${personA}`)).json();
    expect(person.currentTitles).toContainEqual({ title: 'committee_member', unitName: 'Huyện đoàn Cư Jút' });
  });

  const bad: [string, Record<string, unknown>][] = [
    ['personId', { personId: undefined }],
    ['personId', { personId: 'ai' }],
    ['personId', { personId: 999999 }],
    ['unitId', { unitId: 999999 }],
    ['title', { title: 'king' }],
    ['employment', { employment: 'always' }],
    ['method', { method: 'drawn' }],
    ['term', { term: '2022' }],
    ['decision', { decision: 'x'.repeat(101) }],
    ['startDate', { startDate: undefined }],
    ['startDate', { startDate: '2022-02-30' }],
    ['endDate', { endDate: '01/01/2023' }],
    ['endDate', { endDate: '2022-09-30' }],
  ];
  it.each(bad)(
    'rejects a bad %s with a Vietnamese message naming the field, storing nothing',
    async (field, change) => {
      const before = await positionCount();
      const res = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        personId: personA,
        unitId: cuJut,
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe(field);
      expect(res.json().message.startsWith(`${fieldLabels[field]}:`)).toBe(true);
      expect(await positionCount()).toBe(before);
    },
  );

  describe('one secretary at a time', () => {
    let unit: number;
    let first: { id: number; version: number };
    beforeAll(async () => {
      unit = await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: cuJut, kind: 'commune' });
    });

    it('refuses a second secretary whose dates overlap, naming the title and the holder', async () => {
      const a = await makePerson(t.ctx, { unitId: unit, familyName: 'Hoàng', givenName: 'Sơn' });
      const b = await makePerson(t.ctx, { unitId: unit, familyName: 'Đỗ', givenName: 'Tú' });
      const res = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        title: 'secretary',
        personId: a,
        unitId: unit,
        startDate: '2022-10-01',
      });
      expect(res.statusCode).toBe(201);
      first = res.json();
      const before = await positionCount();
      const clash = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        title: 'secretary',
        personId: b,
        unitId: unit,
        startDate: '2024-01-15',
      });
      expect(clash.statusCode).toBe(409);
      expect(clash.json()).toMatchObject({ code: 'conflict', details: { field: 'title', conflictWith: first.id } });
      expect(clash.json().message).toMatch(/Bí thư Hoàng Sơn \(từ 01\/10\/2022 đến nay\)/);
      // a backdated one that overlaps the start is refused too
      const earlier = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        title: 'secretary',
        personId: b,
        unitId: unit,
        startDate: '2020-01-01',
        endDate: '2022-10-01',
      });
      expect(earlier.statusCode).toBe(409);
      expect(await positionCount()).toBe(before);
      // a deputy is fine
      const deputy = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        title: 'deputy_secretary',
        personId: b,
        unitId: unit,
      });
      expect(deputy.statusCode).toBe(201);
    });

    it('ending the first secretary (an update setting endDate) lets the next one start the day after', async () => {
      const ended = await as(t.app, editorA).patch(`/api/v1/positions/${first.id}`, {
        version: first.version,
        endDate: '2024-01-14',
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ endDate: '2024-01-14', version: 2 });
      const c = await makePerson(t.ctx, { unitId: unit, familyName: 'Đỗ', givenName: 'Tú Anh' });
      const next = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        title: 'secretary',
        personId: c,
        unitId: unit,
        startDate: '2024-01-15',
      });
      expect(next.statusCode).toBe(201);
      // reopening the first one would overlap again
      const reopen = await as(t.app, editorA).patch(`/api/v1/positions/${first.id}`, { version: 2, endDate: null });
      expect(reopen.statusCode).toBe(409);
      expect(reopen.json().details.field).toBe('title');
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('entity', '=', 'position')
        .where('entity_id', '=', first.id)
        .where('action', '=', 'update')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.before!).endDate).toBeNull();
      expect(JSON.parse(audit[0]!.after!).endDate).toBe('2024-01-14');
    });

    it('two appointments racing for the same unit: exactly one secretary is stored', async () => {
      const racer = await makeUnit(t.ctx, { name: 'Đoàn xã Đua', parentId: cuJut, kind: 'commune' });
      const x = await makePerson(t.ctx, { unitId: racer, familyName: 'Mai', givenName: 'Xuân' });
      const y = await makePerson(t.ctx, { unitId: racer, familyName: 'Mai', givenName: 'Yến' });
      const user = await t.db.kysely
        .selectFrom('users')
        .select(['id', 'login', 'display_name', 'person_id', 'is_superadmin'])
        .where('is_superadmin', '=', 1)
        .executeTakeFirstOrThrow();
      const actor = await loadActor(reader(t.ctx), user);
      const results = await Promise.allSettled(
        [x, y].map((personId) =>
          createPosition(t.ctx, actor, {
            ...appointment,
            title: 'secretary',
            personId,
            unitId: racer,
            employment: 'full_time',
            method: 'elected',
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const stored = await t.db.kysely
        .selectFrom('positions')
        .select('id')
        .where('unit_id', '=', racer)
        .where('title', '=', 'secretary')
        .execute();
      expect(stored).toHaveLength(1);
    });

    it('an end date before the start is refused naming endDate; a stale version is 409', async () => {
      const p = (
        await as(t.app, editorA).post('/api/v1/positions', { ...appointment, personId: personA, unitId: unit })
      ).json();
      const res = await as(t.app, editorA).patch(`/api/v1/positions/${p.id}`, { version: 1, endDate: '2021-01-01' });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('endDate');
      expect(res.json().message).toMatch(/^Ngày kết thúc:/);
      expect(
        (await as(t.app, editorA).patch(`/api/v1/positions/${p.id}`, { version: 1, decision: '20-QĐ' })).statusCode,
      ).toBe(200);
      const stale = await as(t.app, editorA).patch(`/api/v1/positions/${p.id}`, { version: 1, decision: '21-QĐ' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale');
      expect((await as(t.app, editorA).get(`/api/v1/positions/${p.id}`)).json().decision).toBe('20-QĐ');
    });
  });

  describe('committee and history', () => {
    let unit: number;
    let person: number;
    beforeAll(async () => {
      unit = await makeUnit(t.ctx, { name: 'Huyện đoàn Krông Nô', parentId: province, kind: 'district' });
      person = await makePerson(t.ctx, { unitId: unit, familyName: 'Trần', givenName: 'Hùng' });
      const other = await makePerson(t.ctx, { unitId: unit, familyName: 'Ngô', givenName: 'Lan' });
      await makePosition(t.ctx, {
        personId: person,
        unitId: unit,
        title: 'committee_member',
        startDate: '2017-10-01',
        endDate: '2022-09-30',
      });
      await makePosition(t.ctx, { personId: person, unitId: unit, title: 'secretary', startDate: '2022-10-01' });
      await makePosition(t.ctx, { personId: other, unitId: unit, title: 'deputy_secretary', startDate: '2022-10-01' });
      await makePosition(t.ctx, {
        personId: other,
        unitId: province,
        title: 'committee_member',
        startDate: '2022-12-01',
      });
    });

    it("a unit's current committee is the positions held today, most senior first", async () => {
      const res = await as(t.app, admin).get(`/api/v1/positions?unitId=${unit}&activeOn=${todayIso()}&sort=title`);
      expect(res.json().items.map((p: { title: string; personName: string }) => `${p.title} ${p.personName}`)).toEqual([
        'secretary Trần Hùng',
        'deputy_secretary Ngô Lan',
      ]);
      const asOf2020 = (await as(t.app, admin).get(`/api/v1/positions?unitId=${unit}&activeOn=2020-01-01`)).json();
      expect(asOf2020.items.map((p: { title: string }) => p.title)).toEqual(['committee_member']);
    });

    it("a cadre's history lists every position, newest first on request", async () => {
      const res = (await as(t.app, admin).get(`/api/v1/positions?personId=${person}&order=desc`)).json();
      expect(res.total).toBe(2);
      expect(res.items.map((p: { startDate: string }) => p.startDate)).toEqual(['2022-10-01', '2017-10-01']);
      const secretaries = (await as(t.app, admin).get(`/api/v1/positions?title=secretary&unitId=${unit}`)).json();
      expect(secretaries.total).toBe(1);
      expect((await as(t.app, admin).get('/api/v1/positions?activeOn=hôm-nay')).statusCode).toBe(400);
    });
  });

  describe('scope', () => {
    let positionA: number;
    beforeAll(async () => {
      positionA = await makePosition(t.ctx, { personId: personA, unitId: cuJut, title: 'standing_member' });
    });

    it("a district editor cannot see or change another district's positions", async () => {
      expect((await as(t.app, editorB).get(`/api/v1/positions/${positionA}`)).statusCode).toBe(404);
      expect(
        (await as(t.app, editorB).patch(`/api/v1/positions/${positionA}`, { version: 1, endDate: '2024-01-01' }))
          .statusCode,
      ).toBe(404);
      const list = (await as(t.app, editorB).get(`/api/v1/positions?unitId=${cuJut}`)).json();
      expect(list.total).toBe(0);
      const all = (await as(t.app, editorB).get('/api/v1/positions?pageSize=200')).json();
      expect(all.items.every((p: { unitId: number }) => p.unitId === dakMil)).toBe(true);
    });

    it('needs write access to both the person and the unit', async () => {
      const before = await positionCount();
      // another district's person: not even visible
      const foreignPerson = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        personId: personB,
        unitId: cuJut,
      });
      expect(foreignPerson.statusCode).toBe(400);
      expect(foreignPerson.json().details.field).toBe('personId');
      // own person into another district's unit
      const foreignUnit = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        personId: personA,
        unitId: dakMil,
      });
      expect(foreignUnit.statusCode).toBe(400);
      expect(foreignUnit.json().details.field).toBe('unitId');
      // own person into the province's committee: visible to no one in Cư Jút either
      const upward = await as(t.app, editorA).post('/api/v1/positions', {
        ...appointment,
        personId: personA,
        unitId: province,
      });
      expect(upward.statusCode).toBe(400);
      // a viewer sees but may not write
      const viewed = (await as(t.app, viewerA).get(`/api/v1/positions/${positionA}`)).json();
      expect(viewed.canEdit).toBe(false);
      expect(
        (await as(t.app, viewerA).post('/api/v1/positions', { ...appointment, personId: personA, unitId: cuJut }))
          .statusCode,
      ).toBe(403);
      expect(
        (await as(t.app, viewerA).patch(`/api/v1/positions/${positionA}`, { version: 1, endDate: '2024-01-01' }))
          .statusCode,
      ).toBe(403);
      expect(await positionCount()).toBe(before);
    });

    it("a cadre's own account sees its own positions and no one else's", async () => {
      const cadre = await makeUser(t.ctx, { personId: personB });
      await makePosition(t.ctx, { personId: personB, unitId: dakMil, title: 'specialist' });
      const s = await login(t.app, cadre.login, cadre.password);
      const list = (await as(t.app, s).get('/api/v1/positions')).json();
      expect(list.total).toBeGreaterThan(0);
      expect(
        list.items.every((p: { personId: number; canEdit: boolean }) => p.personId === personB && !p.canEdit),
      ).toBe(true);
      expect((await as(t.app, s).get(`/api/v1/positions/${positionA}`)).statusCode).toBe(404);
    });

    it('anonymous requests are 401', async () => {
      expect((await as(t.app, null).get('/api/v1/positions')).statusCode).toBe(401);
      expect((await as(t.app, null).post('/api/v1/positions', appointment)).statusCode).toBe(401);
    });
  });
});
