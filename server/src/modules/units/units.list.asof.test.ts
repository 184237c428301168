import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { makeUnit, makeUser, PASSWORD } from '../../../test/factories.ts';

/*
 * The units list "as of" a date is the tree of that date as a table: the units in being then, under
 * the names and parents they had, with the status of that day — what a user sees after picking
 * "Xem theo ngày" and switching from the tree to the list.
 */
describe('units: the list as of a date', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let admin: Session;
  let province: number;
  let a: number;
  let b: number;
  let commune: number;

  const api = () => as(t.app, admin);
  const version = async (id: number): Promise<number> => (await api().get(`/api/v1/units/${id}`)).json().version;
  const list = async (query: string): Promise<{ items: Unit[]; total: number }> => {
    const res = await api().get(`/api/v1/units?within=${province}&pageSize=50${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const row = (page: { items: Unit[] }, id: number) => page.items.find((u) => u.id === id);

  beforeAll(async () => {
    t = await testApp();
    admin = await login(t.app, (await makeUser(t.ctx, { superadmin: true })).login, PASSWORD);
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông', code: 'DNO' });
    a = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
    b = await makeUnit(t.ctx, { name: 'Huyện đoàn Krông Nô', parentId: province, kind: 'district' });
    commune = await makeUnit(t.ctx, { name: 'Đoàn xã Nam Đà', parentId: a });
    const post = async (path: string, body: object) =>
      expect((await api().post(`/api/v1/units/${path}`, body)).statusCode).toBe(200);
    await post(`${commune}/move`, { version: await version(commune), parentId: b, date: '2024-06-01' });
    await post(`${b}/rename`, { version: await version(b), name: 'Thành đoàn Zeta', date: '2025-07-01' });
    await post(`${commune}/interim`, { version: await version(commune), date: '2025-07-01' });
    await post('merge', { sourceIds: [a], targetId: b, date: '2025-07-01' });
  });
  afterAll(() => t.close());

  it('lists today’s units without a date, and those of the day with one, under the names and parents of then', async () => {
    const today = await list('');
    expect(row(today, b)).toMatchObject({ name: 'Thành đoàn Zeta', parentName: 'Tỉnh đoàn Đắk Nông' });
    expect(row(today, a)).toMatchObject({ status: 'dissolved' });
    expect(row(today, commune)).toMatchObject({ parentId: b, parentName: 'Thành đoàn Zeta', status: 'interim' });

    const before = await list('&asOf=2024-01-23');
    expect(row(before, b)).toMatchObject({ name: 'Huyện đoàn Krông Nô' });
    expect(row(before, a)).toMatchObject({ name: 'Huyện đoàn Cư Jút', status: 'active' });
    expect(row(before, commune)).toMatchObject({ parentId: a, parentName: 'Huyện đoàn Cư Jút', status: 'active' });

    const between = await list('&asOf=2025-06-30');
    expect(row(between, commune)).toMatchObject({ parentId: b, parentName: 'Huyện đoàn Krông Nô' });

    const after = await list('&asOf=2025-07-01');
    expect(row(after, a)).toBeUndefined();
    expect(after.total).toBe(3);
    expect(row(after, commune)).toMatchObject({ parentName: 'Thành đoàn Zeta', status: 'interim' });
  });

  it('sorts by the names of the day and leaves out units not yet established', async () => {
    const names = async (query: string) => (await list(`&kind=district${query}`)).items.map((u) => u.name);
    expect(await names('&asOf=2024-01-23')).toEqual(['Huyện đoàn Cư Jút', 'Huyện đoàn Krông Nô']);
    expect(await names('&asOf=2024-01-23&order=desc')).toEqual(['Huyện đoàn Krông Nô', 'Huyện đoàn Cư Jút']);
    expect((await list('&asOf=1999-12-31')).total).toBe(0);
  });

  it('searches the names of the day: the old name finds the unit then, the new one today', async () => {
    const ids = async (query: string) => (await list(query)).items.map((u) => u.id);
    expect(await ids('&q=krong no&asOf=2024-01-23')).toEqual([b]);
    expect(await ids('&q=zeta&asOf=2024-01-23')).toEqual([]);
    expect(await ids('&q=zeta&asOf=2025-07-01')).toEqual([b]);
    expect(await ids('&q=krong no&asOf=2025-07-01')).toEqual([]);
    expect(await ids('&q=zeta')).toEqual([b]);
    expect((await list('&q=krong no&asOf=2024-01-23')).items[0]).toMatchObject({ name: 'Huyện đoàn Krông Nô' });
  });
});
