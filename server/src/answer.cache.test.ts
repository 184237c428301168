import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/app.ts';
import { makePerson } from '../test/factories.ts';
import { twoDistricts, type TestApp } from '../test/fixtures.ts';
import { as, type Session } from '../test/http.ts';

/**
 * The people list (contract `answerCache`) answered from memory: the same account asking the same
 * address again is served what was read, until any write transaction of the server ends. A change
 * made outside the server's transactions (here straight in the database, as another process would)
 * shows only then — which is how these tests see that the answer was kept.
 */
describe('answers kept in memory', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let hoa: number;

  const names = async (who: Session, query = '') => {
    const res = await as(t.app, who).get(`/api/v1/people?pageSize=50${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json<{ items: { fullName: string; nationalId: string | null }[] }>().items;
  };
  const renameOutside = (id: number, name: string) =>
    t.db.kysely.updateTable('people').set({ full_name: name }).where('id', '=', id).execute();

  beforeAll(async () => {
    // A long life, so that only a write ends it within the test.
    t = await testApp({ answerCacheMs: 60_000 });
    ({ cuJut, dakMil, editorA, viewerA, editorB } = await twoDistricts(t));
    hoa = await makePerson(t.ctx, {
      unitId: cuJut,
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: 'Hoa',
      nationalId: '066200000001',
    });
    await makePerson(t.ctx, { unitId: dakMil, familyName: 'Trần', givenName: 'Nam' });
  });
  afterAll(() => t.close());

  it('serves the answer read before, until a write of the server ends', async () => {
    expect((await names(editorA)).map((p) => p.fullName)).toEqual(['Lê Thị Hoa']);
    await renameOutside(hoa, 'Lê Thị Hòa');
    expect((await names(editorA)).map((p) => p.fullName)).toEqual(['Lê Thị Hoa']);
    // Another address is read anew.
    expect((await names(editorA, '&q=hoa')).map((p) => p.fullName)).toEqual(['Lê Thị Hòa']);

    // Any write at all, even another district's, and the list is read again.
    const res = await as(t.app, editorB).post('/api/v1/people', {
      familyName: 'Phạm',
      givenName: 'Lan',
      birthDate: '1996-01-01',
      gender: 'female',
      ethnicityCode: '01',
      unitId: dakMil,
    });
    expect(res.statusCode).toBe(201);
    expect((await names(editorA)).map((p) => p.fullName)).toEqual(['Lê Thị Hòa']);
  });

  it('keeps each account’s answer apart: its units, its right to see national IDs', async () => {
    expect((await names(editorB)).map((p) => p.fullName)).toEqual(['Phạm Lan', 'Trần Nam']);
    expect((await names(editorA))[0]).toMatchObject({ nationalId: '066200000001' });
    expect((await names(viewerA))[0]).toMatchObject({ nationalId: '0xx******001' });
    expect((await names(editorA))[0]).toMatchObject({ nationalId: '066200000001' });
  });

  it('reads every time when switched off', async () => {
    const off = await testApp({ answerCacheMs: 0 });
    try {
      const { cuJut: unit, editorA: editor } = await twoDistricts(off);
      const id = await makePerson(off.ctx, { unitId: unit, familyName: 'Đỗ', givenName: 'Minh' });
      const list = async () =>
        (await as(off.app, editor).get('/api/v1/people?pageSize=50'))
          .json<{ items: { fullName: string }[] }>()
          .items.map((p) => p.fullName);
      expect(await list()).toEqual(['Đỗ Minh']);
      await off.db.kysely.updateTable('people').set({ full_name: 'Đỗ Văn Minh' }).where('id', '=', id).execute();
      expect(await list()).toEqual(['Đỗ Văn Minh']);
    } finally {
      await off.close();
    }
  });
});
