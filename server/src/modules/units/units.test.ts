import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { makeUnit, makeUser, PASSWORD } from '../../../test/factories.ts';

describe('units: create, correct, list, tree, access', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  let province: number;
  let d1: number;
  let d2: number;
  let g1: number;
  let g2: number;

  const countUnits = async () => (await t.db.kysely.selectFrom('units').select('id').execute()).length;
  const sessionFor = async (grants: { unitId: number; role: 'admin' | 'editor' | 'viewer' }[]) => {
    const u = await makeUser(t.ctx, { grants });
    return login(t.app, u.login, PASSWORD);
  };

  beforeAll(async () => {
    t = await testApp();
    const a = await makeUser(t.ctx, { superadmin: true });
    admin = await login(t.app, a.login, PASSWORD);
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông', code: 'DNO' });
    d1 = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', code: 'CJU', parentId: province, kind: 'district' });
    d2 = await makeUnit(t.ctx, { name: 'Huyện đoàn Đắk Mil', code: 'DMI', parentId: province, kind: 'district' });
    g1 = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d1 });
    g2 = await makeUnit(t.ctx, { name: 'Đoàn xã Đức Mạnh', parentId: d2 });
  });
  afterAll(() => t.close());

  it('creates a unit with a create event, an audit row and its closure pairs', async () => {
    const res = await as(t.app, admin).post('/api/v1/units', {
      code: 'CJU-TT',
      name: 'Chi đoàn Thị trấn Ea T’ling',
      kind: 'branch',
      organisation: 'doan',
      parentId: g1,
      date: '2020-03-26',
      decision: '12-QĐ/HĐTN',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ parentId: g1, status: 'active', validFrom: '2020-03-26', version: 1, canEdit: true });
    expect(body.path.map((p: { id: number }) => p.id)).toEqual([province, d1, g1, body.id]);
    const closure = await t.db.kysely
      .selectFrom('unit_closure')
      .select(['ancestor_id', 'depth'])
      .where('descendant_id', '=', body.id)
      .orderBy('depth')
      .execute();
    expect(closure).toEqual([
      { ancestor_id: body.id, depth: 0 },
      { ancestor_id: g1, depth: 1 },
      { ancestor_id: d1, depth: 2 },
      { ancestor_id: province, depth: 3 },
    ]);
    const events = (await as(t.app, admin).get(`/api/v1/units/${body.id}/events`)).json();
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({ kind: 'create', date: '2020-03-26', decision: '12-QĐ/HĐTN' });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'unit_id'])
      .where('entity', '=', 'unit')
      .where('entity_id', '=', body.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', unit_id: body.id }]);
  });

  it('rejects a missing name, an oversize code and wrong types, naming the field in Vietnamese, storing nothing', async () => {
    const before = await countUnits();
    const base = {
      code: 'X1',
      name: 'Đoàn trường',
      kind: 'grassroots',
      organisation: 'doan',
      parentId: d1,
      date: '2021-01-01',
    };
    const noName = await as(t.app, admin).post('/api/v1/units', { ...base, name: '  ' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().details.field).toBe('name');
    expect(noName.json().message).toMatch(/^Tên:/);

    const longCode = await as(t.app, admin).post('/api/v1/units', { ...base, code: 'X'.repeat(51) });
    expect(longCode.statusCode).toBe(400);
    expect(longCode.json().details.field).toBe('code');
    expect(longCode.json().message).toMatch(/^Mã đơn vị:/);

    const longName = await as(t.app, admin).post('/api/v1/units', { ...base, name: 'Đ'.repeat(201) });
    expect(longName.json().details.field).toBe('name');

    const kind = await as(t.app, admin).post('/api/v1/units', { ...base, kind: 5 });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().details.field).toBe('kind');
    expect(kind.json().message).toMatch(/^Loại đơn vị:/);

    const parent = await as(t.app, admin).post('/api/v1/units', { ...base, parentId: 'mot' });
    expect(parent.statusCode).toBe(400);
    expect(parent.json().details.field).toBe('parentId');

    const date = await as(t.app, admin).post('/api/v1/units', { ...base, date: '01/02/2021' });
    expect(date.statusCode).toBe(400);
    expect(date.json().details.field).toBe('date');
    expect(date.json().message).toMatch(/^Ngày:/);

    const unknownParent = await as(t.app, admin).post('/api/v1/units', { ...base, parentId: 999999 });
    expect(unknownParent.statusCode).toBe(404);
    expect(unknownParent.json().details.field).toBe('parentId');

    const duplicate = await as(t.app, admin).post('/api/v1/units', { ...base, code: 'CJU' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().details.field).toBe('code');

    const beforeParent = await as(t.app, admin).post('/api/v1/units', { ...base, date: '1990-01-01' });
    expect(beforeParent.statusCode).toBe(400);
    expect(beforeParent.json().details.field).toBe('date');

    expect(await countUnits()).toBe(before);
  });

  it('corrects a unit with its version; a stale version is 409 and changes nothing', async () => {
    const unit = (await as(t.app, admin).get(`/api/v1/units/${d2}`)).json();
    const ok = await as(t.app, admin).patch(`/api/v1/units/${d2}`, { version: unit.version, place: 'Đắk Mil' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ place: 'Đắk Mil', version: unit.version + 1 });
    const staleRes = await as(t.app, admin).patch(`/api/v1/units/${d2}`, { version: unit.version, code: 'DMI-2' });
    expect(staleRes.statusCode).toBe(409);
    expect(staleRes.json().code).toBe('stale');
    const after = (await as(t.app, admin).get(`/api/v1/units/${d2}`)).json();
    expect(after).toMatchObject({ code: 'DMI', place: 'Đắk Mil', version: unit.version + 1 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'unit')
      .where('entity_id', '=', d2)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ place: 'Đắk Mil' });
  });

  it('searches without diacritics, escapes LIKE wildcards, and sorts names in Vietnamese order', async () => {
    const found = (await as(t.app, admin).get('/api/v1/units?q=DAK%20MIL')).json();
    expect(found.items.map((u: { id: number }) => u.id)).toEqual([d2]);
    expect((await as(t.app, admin).get('/api/v1/units?q=%25')).json().total).toBe(0);
    expect((await as(t.app, admin).get('/api/v1/units?q=_')).json().total).toBe(0);

    const holder = await makeUnit(t.ctx, { name: 'Khối thử thứ tự', parentId: province, code: 'ORD' });
    const names = [
      'Chi đoàn Ưng',
      'Chi đoàn Ân',
      'Chi đoàn Đinh',
      'Chi đoàn Bùi',
      'Chi đoàn An',
      'Chi đoàn Dương',
      'Chi đoàn Ông',
    ];
    for (const [i, name] of names.entries()) {
      const res = await as(t.app, admin).post('/api/v1/units', {
        code: `ORD-${i}`,
        name,
        kind: 'branch',
        organisation: 'doan',
        parentId: holder,
        date: '2020-01-01',
      });
      expect(res.statusCode).toBe(201);
    }
    const list = (await as(t.app, admin).get(`/api/v1/units?within=${holder}&kind=branch&sort=name`)).json();
    expect(list.items.map((u: { name: string }) => u.name)).toEqual([
      'Chi đoàn An',
      'Chi đoàn Ân',
      'Chi đoàn Bùi',
      'Chi đoàn Dương',
      'Chi đoàn Đinh',
      'Chi đoàn Ông',
      'Chi đoàn Ưng',
    ]);
    const paged = (
      await as(t.app, admin).get(`/api/v1/units?within=${holder}&kind=branch&pageSize=2&page=2&order=desc`)
    ).json();
    expect(paged).toMatchObject({ total: 7, page: 2, pageSize: 2 });
    expect(paged.items.map((u: { name: string }) => u.name)).toEqual(['Chi đoàn Đinh', 'Chi đoàn Dương']);
    expect((await as(t.app, admin).get('/api/v1/units?pageSize=201')).statusCode).toBe(400);
  });

  it('loads the tree a level at a time with hasChildren', async () => {
    const roots = (await as(t.app, admin).get('/api/v1/units/tree')).json();
    expect(roots.items.map((n: { id: number }) => n.id)).toEqual([province]);
    expect(roots.items[0].hasChildren).toBe(true);
    const level = (await as(t.app, admin).get(`/api/v1/units/tree?parentId=${d2}`)).json();
    expect(level.items).toEqual([expect.objectContaining({ id: g2, parentId: d2, hasChildren: false })]);
  });

  it('a district editor cannot see or act on another district (404); a viewer cannot write (403)', async () => {
    const editor = await sessionFor([{ unitId: d1, role: 'editor' }]);
    const viewer = await sessionFor([{ unitId: d2, role: 'viewer' }]);
    const other = (await as(t.app, admin).get(`/api/v1/units/${d2}`)).json();

    expect((await as(t.app, editor).get(`/api/v1/units/${d2}`)).statusCode).toBe(404);
    expect((await as(t.app, editor).get(`/api/v1/units/${g2}/events`)).statusCode).toBe(404);
    expect((await as(t.app, editor).get(`/api/v1/units/${g2}/lineage`)).statusCode).toBe(404);
    expect((await as(t.app, editor).get(`/api/v1/units/${g2}/headcount?date=2024-01-01`)).statusCode).toBe(404);
    expect((await as(t.app, editor).get(`/api/v1/units/tree?parentId=${d2}`)).statusCode).toBe(404);
    const rename = await as(t.app, editor).post(`/api/v1/units/${d2}/rename`, {
      version: other.version,
      name: 'Lạ',
      date: '2024-01-01',
    });
    expect(rename.statusCode).toBe(404);
    expect(
      (await as(t.app, editor).patch(`/api/v1/units/${d2}`, { version: other.version, place: 'x' })).statusCode,
    ).toBe(404);
    const intoOther = await as(t.app, editor).post('/api/v1/units', {
      code: 'LA-1',
      name: 'Chi đoàn lạ',
      kind: 'branch',
      organisation: 'doan',
      parentId: g2,
      date: '2024-01-01',
    });
    expect(intoOther.statusCode).toBe(404);
    const moveAcross = await as(t.app, editor).post(`/api/v1/units/${g1}/move`, {
      version: 1,
      parentId: d2,
      date: '2024-01-01',
    });
    expect(moveAcross.statusCode).toBe(404);
    expect(moveAcross.json().details.field).toBe('parentId');

    const list = (await as(t.app, editor).get('/api/v1/units?pageSize=200')).json();
    expect(list.items.map((u: { id: number }) => u.id)).not.toContain(d2);
    expect(list.items.map((u: { id: number }) => u.id)).toContain(g1);
    const roots = (await as(t.app, editor).get('/api/v1/units/tree')).json();
    expect(roots.items.map((n: { id: number }) => n.id)).toEqual([d1]);

    expect((await as(t.app, viewer).get(`/api/v1/units/${d2}`)).json().canEdit).toBe(false);
    const viewerRename = await as(t.app, viewer).post(`/api/v1/units/${d2}/rename`, {
      version: other.version,
      name: 'Huyện đoàn khác',
      date: '2024-01-01',
    });
    expect(viewerRename.statusCode).toBe(403);
    expect(
      (await as(t.app, viewer).patch(`/api/v1/units/${d2}`, { version: other.version, place: 'x' })).statusCode,
    ).toBe(403);
    expect((await as(t.app, admin).get(`/api/v1/units/${d2}`)).json()).toMatchObject({
      name: 'Huyện đoàn Đắk Mil',
      version: other.version,
    });
    expect((await as(t.app, null).get('/api/v1/units')).statusCode).toBe(401);
  });

  it('every unit a restructuring touches must be writable: another district is 404, a read-only one 403', async () => {
    const editor = await sessionFor([
      { unitId: d1, role: 'editor' },
      { unitId: d2, role: 'viewer' },
    ]);
    const mine = await makeUnit(t.ctx, { name: 'Đoàn xã Trúc Sơn', parentId: d1 });
    const foreign = await makeUnit(t.ctx, { name: 'Đoàn trường THPT Phan Chu Trinh', parentId: province });
    const intoForeign = await as(t.app, editor).post('/api/v1/units/merge', {
      sourceIds: [mine],
      targetId: foreign,
      date: '2025-07-01',
    });
    expect(intoForeign.statusCode).toBe(404);
    expect(intoForeign.json().details.field).toBe('targetId');
    const foreignIn = await as(t.app, editor).post('/api/v1/units/merge', {
      sourceIds: [foreign],
      targetId: mine,
      date: '2025-07-01',
    });
    expect(foreignIn.statusCode).toBe(404);
    expect(foreignIn.json().details.field).toBe('sourceIds');
    const readOnly = await as(t.app, editor).post('/api/v1/units/merge', {
      sourceIds: [mine],
      targetId: g2,
      date: '2025-07-01',
    });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().details.field).toBe('targetId');
    const moveReadOnly = await as(t.app, editor).post(`/api/v1/units/${mine}/move`, {
      version: 1,
      parentId: g2,
      date: '2025-07-01',
    });
    expect(moveReadOnly.statusCode).toBe(403);
    const root = await as(t.app, editor).post('/api/v1/units', {
      code: 'ROOT-X',
      name: 'Tỉnh đoàn lạ',
      kind: 'province',
      organisation: 'doan',
      parentId: null,
      date: '2025-07-01',
    });
    expect(root.statusCode).toBe(403);
    expect((await as(t.app, admin).get(`/api/v1/units/${mine}`)).json()).toMatchObject({
      status: 'active',
      parentId: d1,
    });
  });

  it('a headcount needs a valid date', async () => {
    const res = await as(t.app, admin).get(`/api/v1/units/${d1}/headcount`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('date');
    expect((await as(t.app, admin).get(`/api/v1/units/${d1}/headcount?date=2024-02-30`)).statusCode).toBe(400);
  });
});
