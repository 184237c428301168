import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp } from '../../../test/app.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { makeUnit, makeUser, PASSWORD } from '../../../test/factories.ts';

/**
 * Under the Union's charter a unit does not restructure itself: renaming, moving, merging,
 * splitting, dissolving and its interim/regular status are decided by the level above. The unit's
 * own editors keep its everyday details.
 */
describe('units: restructuring is the superior’s decision', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  let province: number;
  let district: number;
  let otherDistrict: number;

  const DATE = '2025-07-01';
  const sessionFor = async (grants: { unitId: number; role: 'admin' | 'editor' | 'viewer' }[]) => {
    const u = await makeUser(t.ctx, { grants });
    return login(t.app, u.login, PASSWORD);
  };
  const editorOf = (...unitIds: number[]) => sessionFor(unitIds.map((unitId) => ({ unitId, role: 'editor' })));
  const unit = async (id: number) => (await as(t.app, admin).get(`/api/v1/units/${id}`)).json();
  const version = async (id: number): Promise<number> => (await unit(id)).version;
  const commune = (name: string, parentId = district) => makeUnit(t.ctx, { name, parentId, kind: 'commune' });
  /** A refusal of the unit's own editor: 403, Vietnamese, naming the level above that decides. */
  const refusedBySuperior = (res: LightMyRequestResponse, parentName: string) => {
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    expect(res.json().message).toContain(`do cấp trên (${parentName}) quyết định`);
  };

  beforeAll(async () => {
    t = await testApp();
    const a = await makeUser(t.ctx, { superadmin: true });
    admin = await login(t.app, a.login, PASSWORD);
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông', code: 'DNO-S' });
    district = await makeUnit(t.ctx, { name: 'Huyện đoàn Krông Nô', parentId: province, kind: 'district' });
    otherDistrict = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
  });
  afterAll(() => t.close());

  it('tells the unit’s own editor it may edit but not restructure, and the parent’s editor both', async () => {
    const g = await commune('Đoàn xã Nam Đà');
    const own = await editorOf(g);
    const parents = await editorOf(district);
    expect((await as(t.app, own).get(`/api/v1/units/${g}`)).json()).toMatchObject({
      canEdit: true,
      canRestructure: false,
    });
    expect((await as(t.app, parents).get(`/api/v1/units/${g}`)).json()).toMatchObject({
      canEdit: true,
      canRestructure: true,
    });
    // the district's own page: its editor edits it, only the province restructures it
    expect((await as(t.app, parents).get(`/api/v1/units/${district}`)).json()).toMatchObject({
      canEdit: true,
      canRestructure: false,
    });
  });

  it('a commune’s editor cannot rename it (403, nothing stored); the district’s editor can', async () => {
    const g = await commune('Đoàn xã Đắk Sôr');
    const body = async () => ({ version: await version(g), name: 'Đoàn xã Đắk Sôr mới', date: DATE });
    refusedBySuperior(
      await as(t.app, await editorOf(g)).post(`/api/v1/units/${g}/rename`, await body()),
      'Huyện đoàn Krông Nô',
    );
    expect(await unit(g)).toMatchObject({ name: 'Đoàn xã Đắk Sôr', version: 1 });
    expect((await as(t.app, admin).get(`/api/v1/units/${g}/events`)).json().items).toHaveLength(0);

    const ok = await as(t.app, await editorOf(district)).post(`/api/v1/units/${g}/rename`, await body());
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Đoàn xã Đắk Sôr mới' });
  });

  it('a commune’s editor cannot mark it interim nor regular again; the district’s editor can', async () => {
    const g = await commune('Đoàn xã Quảng Phú');
    const own = await editorOf(g);
    const parents = await editorOf(district);
    const change = async (who: Session, kind: 'interim' | 'activate') =>
      as(t.app, who).post(`/api/v1/units/${g}/${kind}`, { version: await version(g), date: DATE });

    refusedBySuperior(await change(own, 'interim'), 'Huyện đoàn Krông Nô');
    expect((await unit(g)).status).toBe('active');
    expect((await change(parents, 'interim')).statusCode).toBe(200);
    refusedBySuperior(await change(own, 'activate'), 'Huyện đoàn Krông Nô');
    expect((await unit(g)).status).toBe('interim');
    expect((await change(parents, 'activate')).statusCode).toBe(200);
    expect((await unit(g)).status).toBe('active');
  });

  it('a commune’s editor cannot dissolve it, even with no sub-units left; the district’s editor can', async () => {
    const g = await commune('Đoàn xã Đức Xuyên');
    const dissolve = async (who: Session) =>
      as(t.app, who).post(`/api/v1/units/${g}/dissolve`, { version: await version(g), date: DATE });
    refusedBySuperior(await dissolve(await editorOf(g)), 'Huyện đoàn Krông Nô');
    expect((await unit(g)).status).toBe('active');
    expect((await dissolve(await editorOf(district))).statusCode).toBe(200);
    expect((await unit(g)).status).toBe('dissolved');
  });

  it('a commune’s editor cannot split it; the district’s editor can', async () => {
    const g = await commune('Đoàn xã Nâm Nung');
    const split = async (who: Session, suffix: string) =>
      as(t.app, who).post(`/api/v1/units/${g}/split`, {
        version: await version(g),
        date: DATE,
        into: [
          { code: `NN-A${suffix}`, name: 'Đoàn xã Nâm Nung A', kind: 'commune' },
          { code: `NN-B${suffix}`, name: 'Đoàn xã Nâm Nung B', kind: 'commune' },
        ],
      });
    refusedBySuperior(await split(await editorOf(g), '1'), 'Huyện đoàn Krông Nô');
    expect((await unit(g)).status).toBe('active');
    const ok = await split(await editorOf(district), '2');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().units.map((u: { parentId: number }) => u.parentId)).toEqual([district, district]);
  });

  it('a split into new units under another district is decided by the province, not by two districts', async () => {
    const g = await commune('Đoàn xã Buôn Choah');
    const split = async (who: Session, suffix: string) =>
      as(t.app, who).post(`/api/v1/units/${g}/split`, {
        version: await version(g),
        date: DATE,
        into: [
          { code: `BC-A${suffix}`, name: 'Đoàn xã Buôn Choah A', kind: 'commune' },
          { code: `BC-B${suffix}`, name: 'Đoàn xã Buôn Choah B', kind: 'commune', parentId: otherDistrict },
        ],
      });
    const res = await split(await editorOf(district, otherDistrict), '1');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ details: { field: 'into' } });
    expect(res.json().message).toContain('cấp trên chung');
    expect((await split(await editorOf(province), '2')).statusCode).toBe(200);
  });

  it('a commune’s editor cannot move it; within one district its editor can, across districts only the province', async () => {
    const g = await commune('Đoàn xã Đắk Drô');
    const sector = await makeUnit(t.ctx, { name: 'Đoàn Khối xã Krông Nô', parentId: district, kind: 'sector' });
    const move = async (who: Session, parentId: number) =>
      as(t.app, who).post(`/api/v1/units/${g}/move`, { version: await version(g), parentId, date: DATE });

    // Its own editor, even holding the new parent too.
    refusedBySuperior(await move(await editorOf(g, sector), sector), 'Huyện đoàn Krông Nô');
    expect((await unit(g)).parentId).toBe(district);
    // The district reorganises itself.
    expect((await move(await editorOf(district), sector)).statusCode).toBe(200);
    expect((await unit(g)).parentId).toBe(sector);
    // Editors of both districts are not the province.
    const both = await move(await editorOf(district, otherDistrict), otherDistrict);
    expect(both.statusCode).toBe(403);
    expect(both.json()).toMatchObject({ details: { field: 'parentId' } });
    expect(both.json().message).toContain('cấp trên chung');
    expect((await unit(g)).parentId).toBe(sector);
    expect((await move(await editorOf(province), otherDistrict)).statusCode).toBe(200);
    expect((await unit(g)).parentId).toBe(otherDistrict);
  });

  it('communes cannot merge themselves; their district can, and across districts only the province', async () => {
    const a = await commune('Đoàn xã Đắk Nang');
    const b = await commune('Đoàn xã Đắk Mâm');
    const c = await commune('Đoàn xã Trúc Sơn', otherDistrict);
    const merge = (who: Session, sourceIds: number[], targetId: number) =>
      as(t.app, who).post('/api/v1/units/merge', { sourceIds, targetId, date: DATE });

    const own = await merge(await editorOf(a, b), [a], b);
    refusedBySuperior(own, 'Huyện đoàn Krông Nô');
    expect(own.json().details.field).toBe('sourceIds');
    expect((await unit(a)).status).toBe('active');

    const across = await merge(await editorOf(district, otherDistrict), [c], b);
    expect(across.statusCode).toBe(403);
    expect(across.json()).toMatchObject({ details: { field: 'sourceIds' } });
    expect(across.json().message).toContain('cấp trên chung');
    expect((await unit(c)).status).toBe('active');

    expect((await merge(await editorOf(district), [a], b)).statusCode).toBe(200);
    expect((await unit(a)).status).toBe('dissolved');
    expect((await merge(await editorOf(province), [c], b)).statusCode).toBe(200);
    expect((await unit(c)).status).toBe('dissolved');
  });

  it('a merge into a new unit is decided with the new unit’s parent', async () => {
    const a = await commune('Đoàn xã Nâm N’Đir');
    const b = await commune('Đoàn xã Đắk Nia');
    const merge = (who: Session, parentId: number, code: string) =>
      as(t.app, who).post('/api/v1/units/merge', {
        sourceIds: [a, b],
        newUnit: { code, name: 'Đoàn xã Nâm N’Đir mới', kind: 'commune', parentId },
        date: DATE,
      });
    const res = await merge(await editorOf(district, otherDistrict), otherDistrict, 'NND-1');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('cấp trên chung');
    expect((await as(t.app, admin).get('/api/v1/units?q=NND-1')).json().total).toBe(0);
    expect((await merge(await editorOf(district), district, 'NND-2')).statusCode).toBe(200);
  });

  it('a commune’s editor keeps its everyday details; its code, short name, kind and organisation are the district’s', async () => {
    const g = await commune('Đoàn xã Nghĩa Thắng');
    const own = await editorOf(g);
    const current = await unit(g);
    // The edit form sends every field: unchanged ones are no change.
    const place = await as(t.app, own).patch(`/api/v1/units/${g}`, {
      version: current.version,
      code: current.code,
      shortName: null,
      kind: 'commune',
      organisation: 'doan',
      place: 'Thôn 5, xã Nghĩa Thắng',
    });
    expect(place.statusCode).toBe(200);
    expect(place.json()).toMatchObject({ place: 'Thôn 5, xã Nghĩa Thắng', version: current.version + 1 });

    for (const [field, value] of [
      ['code', 'NT-MOI'],
      ['shortName', 'ĐX Nghĩa Thắng'],
      ['kind', 'grassroots'],
      ['organisation', 'hoi'],
    ] as const) {
      const res = await as(t.app, own).patch(`/api/v1/units/${g}`, { version: await version(g), [field]: value });
      refusedBySuperior(res, 'Huyện đoàn Krông Nô');
      expect(res.json().details.field).toBe(field);
    }
    expect(await unit(g)).toMatchObject({ code: current.code, shortName: null, kind: 'commune', organisation: 'doan' });

    const byDistrict = await as(t.app, await editorOf(district)).patch(`/api/v1/units/${g}`, {
      version: await version(g),
      code: 'NT-MOI',
      kind: 'grassroots',
    });
    expect(byDistrict.statusCode).toBe(200);
    expect(byDistrict.json()).toMatchObject({ code: 'NT-MOI', kind: 'grassroots' });
  });

  it('a commune’s editor still establishes branches under it: that is its own decision', async () => {
    const g = await commune('Đoàn xã Đắk Ha');
    const res = await as(t.app, await editorOf(g)).post('/api/v1/units', {
      code: 'DH-T1',
      name: 'Chi đoàn thôn 1',
      kind: 'branch',
      organisation: 'doan',
      parentId: g,
      date: DATE,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ parentId: g, canEdit: true, canRestructure: true });
  });

  it('the top of the tree is restructured by system administrators only', async () => {
    const own = await sessionFor([{ unitId: province, role: 'admin' }]);
    expect((await as(t.app, own).get(`/api/v1/units/${province}`)).json()).toMatchObject({
      canEdit: true,
      canRestructure: false,
    });
    const res = await as(t.app, own).post(`/api/v1/units/${province}/rename`, {
      version: await version(province),
      name: 'Tỉnh đoàn khác',
      date: DATE,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('quản trị hệ thống');
    expect((await as(t.app, admin).get(`/api/v1/units/${province}`)).json()).toMatchObject({ canRestructure: true });
  });
});
