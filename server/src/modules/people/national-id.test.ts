import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makeUnit, makeUser } from '../../../test/factories.ts';
import { type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import type { Actor } from '../../auth/actor.ts';
import { reader } from '../../context.ts';
import { todayIso } from '../../lib/dates.ts';
import { findPeopleBatch, findPeoplePage, findPerson, type PersonFilter } from './people.repository.ts';

/**
 * Decree 13/2023: a national ID is read in full only by those who keep the record (editors of its
 * unit) and by the cadre it belongs to. Everyone else gets `0xx******123` from the database itself,
 * so no page, list, export or row in the server's memory holds the whole number.
 */
describe('national ID masked in the query', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  const inCuJut = '066095001111';
  const inDakMil = '066095002222';
  let cuJutPerson: number;
  let dakMilPerson: number;
  let viewer: { id: number; login: string; password: string };
  let mixed: { id: number; login: string; password: string };
  let admin: { id: number; login: string; password: string };

  const actorOf = (user: { id: number; login: string }, grants: Actor['grants'], isSuperadmin = false): Actor => ({
    userId: user.id,
    login: user.login,
    displayName: user.login,
    personId: null,
    isSuperadmin,
    grants,
  });
  const grant = (unitId: number, role: 'viewer' | 'editor') => ({ id: 0, unitId, unitName: '', role });
  const session = (u: { login: string; password: string }): Promise<Session> => login(t.app, u.login, u.password);

  async function sheetIds(s: Session): Promise<string[]> {
    const res = await as(t.app, s).get(`/api/v1/people/export.xlsx?unitId=${province}&sort=name`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Số CCCD') + 1;
    return Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(col).text);
  }

  beforeAll(async () => {
    t = await testApp();
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông' });
    cuJut = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
    dakMil = await makeUnit(t.ctx, { name: 'Huyện đoàn Đắk Mil', parentId: province, kind: 'district' });
    cuJutPerson = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Hà', givenName: 'An', nationalId: inCuJut });
    dakMilPerson = await makePerson(t.ctx, {
      unitId: dakMil,
      familyName: 'Hà',
      givenName: 'Bình',
      nationalId: inDakMil,
    });
    await makePerson(t.ctx, { unitId: dakMil, familyName: 'Hà', givenName: 'Chưa', nationalId: null });
    viewer = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'viewer' }] });
    // Viewer of the province, editor of one district: whole numbers there, masked elsewhere.
    mixed = await makeUser(t.ctx, {
      grants: [
        { unitId: province, role: 'viewer' },
        { unitId: cuJut, role: 'editor' },
      ],
    });
    admin = await makeUser(t.ctx, { superadmin: true });
  });
  afterAll(() => t.close());

  it("a viewer's repository rows hold no whole national ID in any field", async () => {
    const tx = reader(t.ctx);
    const actor = actorOf(viewer, [grant(province, 'viewer')]);
    const today = todayIso();
    const filter: PersonFilter = {};
    const rows = [
      ...(await findPeoplePage(tx, actor, filter, 'name', 'asc', { limit: 50, offset: 0 }, today)),
      ...(await findPeopleBatch(tx, actor, filter, 'name', 'asc', null, 50, today)).rows,
      ...[await findPerson(tx, actor, cuJutPerson), await findPerson(tx, actor, dakMilPerson)].filter((r) => !!r),
    ];
    expect(rows.length).toBe(3 + 3 + 2);
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) {
        expect(String(value), field).not.toContain(inCuJut);
        expect(String(value), field).not.toContain(inDakMil);
        expect(String(value), field).not.toMatch(/\d{12}/);
      }
    }
    const masked = rows.filter((r) => r.national_id !== null).map((r) => r.national_id);
    expect(new Set(masked)).toEqual(new Set(['0xx******111', '0xx******222']));
    expect(rows.find((r) => r.given_name === 'Chưa')).toMatchObject({ national_id: null, national_id_masked: null });
  });

  it('the right is read per row: whole in the unit the actor edits, masked in the one it only views', async () => {
    const tx = reader(t.ctx);
    const actor = actorOf(mixed, [grant(province, 'viewer'), grant(cuJut, 'editor')]);
    const rows = await findPeoplePage(tx, actor, {}, 'name', 'asc', { limit: 50, offset: 0 }, todayIso());
    const byId = new Map(rows.map((r) => [r.id as number, r]));
    expect(byId.get(cuJutPerson)).toMatchObject({ national_id: inCuJut, id_visible: 1 });
    expect(byId.get(dakMilPerson)).toMatchObject({ national_id: '0xx******222', id_visible: 0 });
    for (const r of rows) expect(String(r.national_id_masked ?? '')).not.toMatch(/\d{12}/);
  });

  it('a viewer sees masked numbers on the person page, in the list and in the Excel export', async () => {
    const s = await session(viewer);
    const page = (await as(t.app, s).get(`/api/v1/people/${cuJutPerson}`)).json();
    expect(page).toMatchObject({ nationalId: '0xx******111', nationalIdMasked: true });
    const list = await as(t.app, s).get('/api/v1/people?q=ha&pageSize=50');
    expect(
      list
        .json()
        .items.map((p: { nationalId: string | null }) => p.nationalId)
        .sort(),
    ).toEqual(['0xx******111', '0xx******222', null]);
    expect(list.body).not.toMatch(/\d{12}/);
    expect((await sheetIds(s)).sort()).toEqual(['', '0xx******111', '0xx******222'].sort());
  });

  it('an account with the right in a unit sees that unit’s numbers whole, page, list and export alike', async () => {
    const s = await session(mixed);
    expect((await as(t.app, s).get(`/api/v1/people/${cuJutPerson}`)).json()).toMatchObject({
      nationalId: inCuJut,
      nationalIdMasked: false,
    });
    expect((await as(t.app, s).get(`/api/v1/people/${dakMilPerson}`)).json()).toMatchObject({
      nationalId: '0xx******222',
      nationalIdMasked: true,
    });
    expect((await sheetIds(s)).sort()).toEqual(['', inCuJut, '0xx******222'].sort());
  });

  it('an admin sees every number whole, on the page, in the list and in the export', async () => {
    const s = await session(admin);
    expect((await as(t.app, s).get(`/api/v1/people/${dakMilPerson}`)).json()).toMatchObject({
      nationalId: inDakMil,
      nationalIdMasked: false,
    });
    const list = (await as(t.app, s).get('/api/v1/people?q=ha&pageSize=50')).json();
    expect(list.items.map((p: { nationalId: string | null }) => p.nationalId).sort()).toEqual(
      [inCuJut, inDakMil, null].sort(),
    );
    expect((await sheetIds(s)).sort()).toEqual(['', inCuJut, inDakMil].sort());
    const rows = await findPeoplePage(
      reader(t.ctx),
      actorOf(admin, [], true),
      {},
      'name',
      'asc',
      { limit: 50, offset: 0 },
      todayIso(),
    );
    expect(rows.map((r) => r.national_id).sort()).toEqual([inCuJut, inDakMil, null].sort());
  });

  it('the audit log keeps the number masked even when its writer may see it whole', async () => {
    const editor = await makeUser(t.ctx, { grants: [{ unitId: cuJut, role: 'editor' }] });
    const s = await session(editor);
    const res = await as(t.app, s).patch(`/api/v1/people/${cuJutPerson}`, { version: 1, phone: '0912000111' });
    expect(res.statusCode).toBe(200);
    expect(res.json().nationalId).toBe(inCuJut);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'person')
      .where('entity_id', '=', cuJutPerson)
      .executeTakeFirstOrThrow();
    expect(`${audit.before}${audit.after}`).not.toContain(inCuJut);
    expect(JSON.parse(audit.after!)).toMatchObject({ nationalId: '0xx******111', phone: '0912000111' });
  });
});
