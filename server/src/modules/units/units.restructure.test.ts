import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { makePerson, makePosition, makeUnit, makeUser, PASSWORD } from '../../../test/factories.ts';
import { up as unitNamesMigration } from '../../db/migrations/0007_unit_names.ts';
import { up as unitNamesSearchMigration } from '../../db/migrations/0026_unit_names_search.ts';

describe('units: restructuring', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  let province: number;

  const api = () => as(t.app, admin);
  const version = async (id: number): Promise<number> => (await api().get(`/api/v1/units/${id}`)).json().version;
  const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);
  const ancestorsOf = async (id: number) =>
    (
      await t.db.kysely
        .selectFrom('unit_closure')
        .select('ancestor_id')
        .where('descendant_id', '=', id)
        .orderBy('depth')
        .execute()
    ).map((r) => r.ancestor_id);
  const snapshot = async () => ({
    units: await t.db.kysely.selectFrom('units').selectAll().orderBy('id').execute(),
    closure: await t.db.kysely
      .selectFrom('unit_closure')
      .selectAll()
      .orderBy('ancestor_id')
      .orderBy('descendant_id')
      .execute(),
    history: await t.db.kysely.selectFrom('unit_tree_history').selectAll().orderBy('id').execute(),
    events: await t.db.kysely.selectFrom('unit_events').select('id').execute(),
    audit: await t.db.kysely.selectFrom('audit_log').select('id').execute(),
  });

  beforeAll(async () => {
    t = await testApp();
    const a = await makeUser(t.ctx, { superadmin: true });
    admin = await login(t.app, a.login, PASSWORD);
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông', code: 'DNO' });
  });
  afterAll(() => t.close());

  it('renames a unit under the same id, keeping the old name in the event', async () => {
    const d = await makeUnit(t.ctx, { name: 'Thị đoàn Gia Nghĩa', parentId: province, kind: 'district' });
    const res = await api().post(`/api/v1/units/${d}/rename`, {
      version: await version(d),
      name: 'Thành đoàn Gia Nghĩa',
      date: '2019-12-01',
      decision: '837/NQ-UBTVQH14',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: d, name: 'Thành đoàn Gia Nghĩa' });
    const ev = (await api().get(`/api/v1/units/${d}/events`)).json().items[0];
    expect(ev).toMatchObject({ kind: 'rename', decision: '837/NQ-UBTVQH14' });
    expect(ev.details.from.name).toBe('Thị đoàn Gia Nghĩa');
    expect(ids((await api().get('/api/v1/units?q=thanh doan gia nghia')).json())).toEqual([d]);
    // a date before the last event is refused
    const early = await api().post(`/api/v1/units/${d}/rename`, {
      version: await version(d),
      name: 'X',
      date: '2019-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().details.field).toBe('date');
  });

  it('shows the tree as of a date under the names units had then, in the order of those names', async () => {
    const p = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Tên Cũ', code: 'TENCU' });
    const b = await makeUnit(t.ctx, { name: 'Huyện đoàn Bắc', parentId: p, kind: 'district' });
    await makeUnit(t.ctx, { name: 'Huyện đoàn Cao', parentId: p, kind: 'district' });
    const names = async (asOf: string) =>
      (await api().get(`/api/v1/units/tree?parentId=${p}${asOf ? `&asOf=${asOf}` : ''}`))
        .json()
        .items.map((i: { name: string }) => i.name);
    const rename = async (name: string, date: string, shortName?: string) =>
      expect(
        (await api().post(`/api/v1/units/${b}/rename`, { version: await version(b), name, date, shortName }))
          .statusCode,
      ).toBe(200);
    await rename('Thành đoàn Zeta', '2025-07-01', 'TĐ Zeta');
    expect(await names('2024-01-23')).toEqual(['Huyện đoàn Bắc', 'Huyện đoàn Cao']);
    expect(await names('2025-07-01')).toEqual(['Huyện đoàn Cao', 'Thành đoàn Zeta']);
    expect(await names('')).toEqual(['Huyện đoàn Cao', 'Thành đoàn Zeta']);
    // a second name on the same date replaces the first; a later one ends it
    await rename('Thành đoàn Zêta', '2025-07-01');
    await rename('Thành đoàn Ypsilon', '2025-09-01');
    expect(await names('2025-08-31')).toEqual(['Huyện đoàn Cao', 'Thành đoàn Zêta']);
    expect(await names('2025-09-01')).toEqual(['Huyện đoàn Cao', 'Thành đoàn Ypsilon']);
    expect(await names('2024-01-23')).toEqual(['Huyện đoàn Bắc', 'Huyện đoàn Cao']);
    // a corrected short name is the current name's
    expect((await api().patch(`/api/v1/units/${b}`, { version: await version(b), shortName: 'TĐ Y' })).statusCode).toBe(
      200,
    );
    const dated = () =>
      t.db.kysely
        .selectFrom('unit_names')
        .select(['unit_id', 'name', 'short_name', 'sort_key', 'valid_from', 'valid_to'])
        .orderBy('unit_id')
        .orderBy('valid_from')
        .execute();
    expect((await dated()).filter((r) => r.unit_id === b)).toEqual([
      expect.objectContaining({ name: 'Huyện đoàn Bắc', valid_from: '2000-01-01', valid_to: '2025-07-01' }),
      expect.objectContaining({ name: 'Thành đoàn Zêta', short_name: 'TĐ Zeta', valid_to: '2025-09-01' }),
      expect.objectContaining({ name: 'Thành đoàn Ypsilon', short_name: 'TĐ Y', valid_to: null }),
    ]);
    // the migration rebuilds the same history from today's names and the rename events
    const kept = await dated();
    await t.db.kysely.schema.dropTable('unit_names').execute();
    await unitNamesMigration(t.db.kysely as unknown as Kysely<unknown>, t.db.engine);
    // and the later migration that gave each dated name its search text, as the file's next tests need it
    await unitNamesSearchMigration(t.db.kysely as unknown as Kysely<unknown>, t.db.engine);
    expect(await dated()).toEqual(kept);
  });

  it('moves a subtree: the new parent’s user sees it, the old parent’s user no longer does', async () => {
    const d1 = await makeUnit(t.ctx, { name: 'Huyện đoàn Krông Nô', parentId: province, kind: 'district' });
    const d2 = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
    const g = await makeUnit(t.ctx, { name: 'Đoàn xã Nam Đà', parentId: d1 });
    const b = await makeUnit(t.ctx, { name: 'Chi đoàn thôn 1', parentId: g, kind: 'branch' });
    const u1 = await makeUser(t.ctx, { grants: [{ unitId: d1, role: 'editor' }] });
    const u2 = await makeUser(t.ctx, { grants: [{ unitId: d2, role: 'viewer' }] });
    const s1 = await login(t.app, u1.login, PASSWORD);
    const s2 = await login(t.app, u2.login, PASSWORD);
    expect((await as(t.app, s2).get(`/api/v1/units/${b}`)).statusCode).toBe(404);

    const res = await api().post(`/api/v1/units/${g}/move`, {
      version: await version(g),
      parentId: d2,
      date: '2024-06-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().path.map((p: { id: number }) => p.id)).toEqual([province, d2, g]);
    expect(await ancestorsOf(b)).toEqual([b, g, d2, province]);
    expect((await as(t.app, s2).get(`/api/v1/units/${b}`)).statusCode).toBe(200);
    expect((await as(t.app, s2).get(`/api/v1/units/${g}`)).statusCode).toBe(200);
    expect((await as(t.app, s1).get(`/api/v1/units/${g}`)).statusCode).toBe(404);
    expect((await as(t.app, s1).get(`/api/v1/units/${b}`)).statusCode).toBe(404);

    // the tree as of a date before the move is the old one; today's is the new one
    const before = (await api().get(`/api/v1/units/tree?parentId=${d1}&asOf=2024-05-31`)).json();
    expect(ids(before)).toEqual([g]);
    expect(before.items[0].hasChildren).toBe(true);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${d2}&asOf=2024-05-31`)).json())).toEqual([]);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${d2}&asOf=2024-06-01`)).json())).toEqual([g]);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${d1}`)).json())).toEqual([]);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${d2}`)).json())).toEqual([g]);
    const ev = (await api().get(`/api/v1/units/${g}/events`)).json().items[0];
    expect(ev).toMatchObject({ kind: 'move', date: '2024-06-01', details: { fromParentId: d1, toParentId: d2 } });
  });

  it('refuses a cycle (under itself or a descendant) with a Vietnamese message naming parentId, storing nothing', async () => {
    const d = await makeUnit(t.ctx, { name: 'Huyện đoàn Tuy Đức', parentId: province, kind: 'district' });
    const g = await makeUnit(t.ctx, { name: 'Đoàn xã Quảng Tâm', parentId: d });
    const b = await makeUnit(t.ctx, { name: 'Chi đoàn bon Bu Prăng', parentId: g, kind: 'branch' });
    const before = await snapshot();
    for (const target of [b, g, d]) {
      const res = await api().post(`/api/v1/units/${d}/move`, {
        version: await version(d),
        parentId: target,
        date: '2024-01-01',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('parentId');
      expect(res.json().message).toMatch(/^Đơn vị cấp trên: không thể chuyển đơn vị vào chính nó/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a stale version on a restructuring is 409 and nothing changes', async () => {
    const d = await makeUnit(t.ctx, { name: 'Huyện đoàn Đắk Song', parentId: province, kind: 'district' });
    const v = await version(d);
    expect((await api().post(`/api/v1/units/${d}/interim`, { version: v, date: '2024-01-01' })).statusCode).toBe(200);
    const before = await snapshot();
    const res = await api().post(`/api/v1/units/${d}/rename`, { version: v, name: 'Tên mới', date: '2024-02-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stale');
    expect(await snapshot()).toEqual(before);
  });

  it('marks a unit interim and active again, with events', async () => {
    const g = await makeUnit(t.ctx, { name: 'Đoàn phường Nghĩa Đức', parentId: province, kind: 'commune' });
    const interim = await api().post(`/api/v1/units/${g}/interim`, { version: await version(g), date: '2025-07-01' });
    expect(interim.json().status).toBe('interim');
    const again = await api().post(`/api/v1/units/${g}/interim`, { version: await version(g), date: '2025-07-02' });
    expect(again.statusCode).toBe(409);
    const active = await api().post(`/api/v1/units/${g}/activate`, {
      version: await version(g),
      date: '2025-09-15',
      decision: '05-QĐ/ĐTN',
    });
    expect(active.json().status).toBe('active');
    const kinds = (await api().get(`/api/v1/units/${g}/events?order=asc`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['interim', 'activate']);
    const statusOn = async (date: string) =>
      (await api().get(`/api/v1/units/tree?parentId=${province}&asOf=${date}`))
        .json()
        .items.find((n: { id: number }) => n.id === g).status;
    expect([await statusOn('2025-06-30'), await statusOn('2025-08-01'), await statusOn('2025-09-15')]).toEqual([
      'active',
      'interim',
      'active',
    ]);
  });

  it('merges into an existing unit: history, people, positions, closure, lineage and the headcount of the past', async () => {
    const a = await makeUnit(t.ctx, {
      name: 'Huyện đoàn Đắk Glong',
      parentId: province,
      kind: 'district',
      code: 'DGL',
    });
    const b = await makeUnit(t.ctx, {
      name: 'Huyện đoàn Đắk R’lấp',
      parentId: province,
      kind: 'district',
      code: 'DRL',
    });
    const ga = await makeUnit(t.ctx, { name: 'Đoàn xã Quảng Khê', parentId: a });
    const p1 = await makePerson(t.ctx, { unitId: a, familyName: 'Hoàng', givenName: 'Lan' });
    const p2 = await makePerson(t.ctx, { unitId: ga, familyName: 'Điểu', givenName: 'K’Lưm' });
    const p3 = await makePerson(t.ctx, { unitId: b, familyName: 'Trần', givenName: 'Minh' });
    await makePosition(t.ctx, { personId: p1, unitId: a, title: 'secretary' });
    await makePosition(t.ctx, { personId: p2, unitId: ga, title: 'secretary' });
    await makePosition(t.ctx, { personId: p3, unitId: b, title: 'secretary' });
    const bUser = await login(
      t.app,
      (await makeUser(t.ctx, { grants: [{ unitId: b, role: 'viewer' }] })).login,
      PASSWORD,
    );
    expect((await as(t.app, bUser).get(`/api/v1/units/${a}`)).statusCode).toBe(404);

    const date = '2024-01-23';
    const count = async (id: number) => (await api().get(`/api/v1/units/${id}/headcount?date=${date}`)).json().people;
    const beforeMerge = { province: await count(province), a: await count(a), b: await count(b) };
    expect(beforeMerge).toMatchObject({ a: 2, b: 1 });

    const res = await api().post('/api/v1/units/merge', {
      sourceIds: [a],
      targetId: b,
      date: '2025-07-01',
      decision: '60-NQ/TW',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: b });

    expect({ province: await count(province), a: await count(a), b: await count(b) }).toEqual(beforeMerge);
    const after = (await api().get(`/api/v1/units/${a}`)).json();
    expect(after).toMatchObject({ status: 'dissolved', validTo: '2025-07-01', parentId: b });
    // A's working sub-unit now belongs to B, today and in the dated tree
    expect((await api().get(`/api/v1/units/${ga}`)).json().parentId).toBe(b);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${b}&asOf=2025-07-01`)).json())).toEqual([ga]);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${a}&asOf=2024-01-23`)).json())).toEqual([ga]);
    // the merged unit is left out of today's tree unless asked for, and is in the tree of the past
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${province}`)).json())).not.toContain(a);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${b}&includeEnded=true`)).json())).toContain(a);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${province}&asOf=2024-01-23`)).json())).toEqual(
      expect.arrayContaining([a, b]),
    );
    // B's user sees A's history now
    expect((await as(t.app, bUser).get(`/api/v1/units/${a}`)).statusCode).toBe(200);
    expect(ids((await as(t.app, bUser).get('/api/v1/units/tree')).json())).toEqual([b]);
    expect(ids((await as(t.app, bUser).get('/api/v1/units/tree?asOf=2024-01-23')).json()).sort()).toEqual(
      [a, b].sort(),
    );
    const people = await t.db.kysely
      .selectFrom('people')
      .select(['id', 'unit_id'])
      .where('id', 'in', [p1, p2])
      .orderBy('id')
      .execute();
    expect(people).toEqual([
      { id: p1, unit_id: b },
      { id: p2, unit_id: ga },
    ]);
    const ended = await t.db.kysely
      .selectFrom('positions')
      .select('end_date')
      .where('person_id', '=', p1)
      .executeTakeFirstOrThrow();
    expect(ended.end_date).toBe('2025-07-01');

    const lineage = (await api().get(`/api/v1/units/${b}/lineage`)).json();
    expect(lineage.items).toEqual([
      expect.objectContaining({ id: a, via: 'merge', date: '2025-07-01', intoId: b, depth: 1 }),
    ]);
    expect((await api().get(`/api/v1/units/${a}/events`)).json().items[0]).toMatchObject({ kind: 'merge', unitId: b });
    const links = await t.db.kysely
      .selectFrom('unit_event_links')
      .select(['from_unit_id', 'to_unit_id'])
      .where('to_unit_id', '=', b)
      .execute();
    expect(links).toEqual([{ from_unit_id: a, to_unit_id: b }]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity', '=', 'unit')
      .where('entity_id', 'in', [a, ga])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { entity_id: ga, action: 'move' },
      { entity_id: a, action: 'merge' },
    ]);

    // an ended unit cannot be acted on, nor merged again
    const rename = await api().post(`/api/v1/units/${a}/rename`, {
      version: after.version,
      name: 'X',
      date: '2025-08-01',
    });
    expect(rename.statusCode).toBe(409);
    const again = await api().post('/api/v1/units/merge', { sourceIds: [a], targetId: b, date: '2025-08-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().details.field).toBe('sourceIds');
  });

  it('refuses merging a unit into itself or into its own sub-unit', async () => {
    const a = await makeUnit(t.ctx, { name: 'Đoàn Khối các cơ quan', parentId: province, kind: 'sector' });
    const inner = await makeUnit(t.ctx, { name: 'Đoàn cơ sở Sở Y tế', parentId: a });
    const before = await snapshot();
    const self = await api().post('/api/v1/units/merge', { sourceIds: [a], targetId: a, date: '2025-07-01' });
    expect(self.statusCode).toBe(400);
    expect(self.json().details.field).toBe('targetId');
    const down = await api().post('/api/v1/units/merge', { sourceIds: [a], targetId: inner, date: '2025-07-01' });
    expect(down.statusCode).toBe(400);
    expect(down.json().details.field).toBe('targetId');
    const neither = await api().post('/api/v1/units/merge', { sourceIds: [a], date: '2025-07-01' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().details.field).toBe('targetId');
    const unknown = await api().post('/api/v1/units/merge', {
      sourceIds: [a, 987654],
      targetId: inner,
      date: '2025-07-01',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('merges into a new unit, then that one into another: lineage is recursive', async () => {
    const x = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Wil', parentId: province, kind: 'commune' });
    const y = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: province, kind: 'commune' });
    const w = await makeUnit(t.ctx, { name: 'Đoàn xã Cư Jút', parentId: province, kind: 'commune' });
    const res = await api().post('/api/v1/units/merge', {
      sourceIds: [x, y],
      newUnit: { code: 'NEW-Z', name: 'Đoàn xã Nam Dong', kind: 'commune', parentId: province, interim: true },
      date: '2025-07-01',
    });
    expect(res.statusCode).toBe(200);
    const z = res.json();
    expect(z).toMatchObject({
      name: 'Đoàn xã Nam Dong',
      status: 'interim',
      validFrom: '2025-07-01',
      parentId: province,
    });
    const next = await api().post('/api/v1/units/merge', { sourceIds: [z.id], targetId: w, date: '2025-10-01' });
    expect(next.statusCode).toBe(200);
    const lineage = (await api().get(`/api/v1/units/${w}/lineage`)).json();
    expect(lineage.total).toBe(3);
    expect(lineage.items.map((l: { id: number; depth: number; intoId: number }) => [l.id, l.depth, l.intoId])).toEqual([
      [z.id, 1, w],
      [x, 2, z.id],
      [y, 2, z.id],
    ]);
    const page2 = (await api().get(`/api/v1/units/${w}/lineage?pageSize=2&page=2`)).json();
    expect(page2.items.map((l: { id: number }) => l.id)).toEqual([y]);
    expect(await ancestorsOf(x)).toEqual([x, z.id, w, province]);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${province}&asOf=2025-08-01`)).json())).toContain(z.id);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${province}&asOf=2025-08-01`)).json())).not.toContain(x);
  });

  it('splits a unit into new ones, handing over its sub-units; every sub-unit must be placed', async () => {
    const s = await makeUnit(t.ctx, { name: 'Huyện đoàn Đắk Mil', parentId: province, kind: 'district' });
    const c1 = await makeUnit(t.ctx, { name: 'Đoàn xã Thuận An', parentId: s });
    const c2 = await makeUnit(t.ctx, { name: 'Đoàn xã Đức Minh', parentId: s });
    const into = [
      { code: 'SPL-1', name: 'Đoàn xã Thuận An mới', kind: 'commune', children: [c1] },
      { code: 'SPL-2', name: 'Đoàn xã Đức Minh mới', kind: 'commune', children: [c2] },
    ];
    const before = await snapshot();
    const missing = await api().post(`/api/v1/units/${s}/split`, {
      version: await version(s),
      into: [into[0], { ...into[1], children: [] }],
      date: '2025-07-01',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.field).toBe('into');
    const dupCode = await api().post(`/api/v1/units/${s}/split`, {
      version: await version(s),
      into: [into[0], { ...into[1], code: 'SPL-1' }],
      date: '2025-07-01',
    });
    expect(dupCode.json().details.field).toBe('into.1.code');
    expect(await snapshot()).toEqual(before);

    const res = await api().post(`/api/v1/units/${s}/split`, { version: await version(s), into, date: '2025-07-01' });
    expect(res.statusCode).toBe(200);
    const { source, units } = res.json();
    expect(source).toMatchObject({ id: s, status: 'dissolved', validTo: '2025-07-01', parentId: province });
    expect(units.map((u: { parentId: number }) => u.parentId)).toEqual([province, province]);
    const [n1, n2] = units.map((u: { id: number }) => u.id);
    expect((await api().get(`/api/v1/units/${c1}`)).json().parentId).toBe(n1);
    expect((await api().get(`/api/v1/units/${c2}`)).json().parentId).toBe(n2);
    expect(await ancestorsOf(c1)).toEqual([c1, n1, province]);
    expect((await api().get(`/api/v1/units/${n2}/lineage`)).json().items).toEqual([
      expect.objectContaining({ id: s, via: 'split', intoId: n2, depth: 1 }),
    ]);
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${s}&asOf=2025-06-30`)).json()).sort()).toEqual(
      [c1, c2].sort(),
    );
    expect(ids((await api().get(`/api/v1/units/tree?parentId=${s}&asOf=2025-07-01`)).json())).toEqual([]);
    const events = (await api().get(`/api/v1/units/${n1}/events`)).json();
    expect(events.items[0]).toMatchObject({ kind: 'split', unitId: s });
  });

  it('dissolves a unit only once its sub-units are placed; its open positions end', async () => {
    const d = await makeUnit(t.ctx, { name: 'Huyện đoàn Cũ', parentId: province, kind: 'district' });
    const g = await makeUnit(t.ctx, { name: 'Đoàn cơ sở Cũ', parentId: d });
    const p = await makePerson(t.ctx, { unitId: d, familyName: 'Lê', givenName: 'Hà' });
    await makePosition(t.ctx, { personId: p, unitId: d });
    const refused = await api().post(`/api/v1/units/${d}/dissolve`, { version: await version(d), date: '2025-07-01' });
    expect(refused.statusCode).toBe(409);
    const gone = await api().post(`/api/v1/units/${g}/dissolve`, { version: await version(g), date: '2025-06-30' });
    expect(gone.statusCode).toBe(200);
    const res = await api().post(`/api/v1/units/${d}/dissolve`, {
      version: await version(d),
      date: '2025-07-01',
      decision: '01-QĐ/TĐTN',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dissolved', validTo: '2025-07-01', parentId: province });
    const pos = await t.db.kysely
      .selectFrom('positions')
      .select('end_date')
      .where('person_id', '=', p)
      .executeTakeFirstOrThrow();
    expect(pos.end_date).toBe('2025-07-01');
    expect((await api().get(`/api/v1/units/${d}/headcount?date=2025-06-01`)).json().people).toBe(1);
    expect((await api().get(`/api/v1/units/${d}/headcount?date=2025-07-02`)).json().people).toBe(0);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'unit')
      .where('entity_id', '=', d)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(['dissolve']);
  });
});
