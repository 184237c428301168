/**
 * Safe input at the root: what the contract's text and id types do for a request, on whichever
 * engine the suite runs (NUL and ids past 2^31 used to be 500s on PostgreSQL and stored on SQLite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './app.ts';
import { makeClass, makePerson, makeUnit } from './factories.ts';
import { rowCount, twoDistricts, type TestApp } from './fixtures.ts';
import { as, type Session } from './http.ts';

const person = (unitId: number, name: Record<string, unknown> = {}) => ({
  unitId,
  familyName: 'Nguyễn',
  middleName: 'Văn',
  givenName: 'An',
  gender: 'male',
  ethnicityCode: '01',
  confirmDuplicate: true,
  ...name,
});

interface ErrorJson {
  code: string;
  message: string;
  details: { field: string };
}

describe('safe input', () => {
  let t: TestApp;
  let admin: Session;
  let unit: number;
  let cls: number;

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    admin = d.admin;
    unit = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut });
    cls = await makeClass(t.ctx, { organiserUnitId: d.province });
    await makePerson(t.ctx, { unitId: unit, familyName: 'Lê', middleName: 'Thị', givenName: 'Hoa' });
  });
  afterAll(() => t.close());

  const refused = (body: string, field: string, label: string, why: RegExp) => {
    const err = JSON.parse(body) as ErrorJson;
    expect(err.code).toBe('validation');
    expect(err.details.field).toBe(field);
    expect(err.message.startsWith(`${label}: `), err.message).toBe(true);
    expect(err.message).toMatch(why);
  };

  describe('a NUL character is a 400 naming the field, never a database error', () => {
    it('in the login of the anonymous sign-in', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'ad\u0000min', password: 'mat-khau-bat-ky' },
      });
      expect(res.statusCode).toBe(400);
      refused(res.body, 'login', 'Tên đăng nhập', /ký tự điều khiển/);
    });

    it("in a person's name, and nothing is stored", async () => {
      const before = await rowCount(t, 'people');
      const res = await as(t.app, admin).post('/api/v1/people', person(unit, { givenName: 'A\u0000n' }));
      expect(res.statusCode).toBe(400);
      refused(res.body, 'givenName', 'Tên', /ký tự điều khiển không in được \(U\+0000\)/);
      expect(await rowCount(t, 'people')).toBe(before);
    });

    it('in a search term', async () => {
      const res = await as(t.app, admin).get('/api/v1/people?q=x%00y');
      expect(res.statusCode).toBe(400);
      refused(res.body, 'q', 'Từ khóa', /ký tự điều khiển/);
    });
  });

  describe('an id past the database integer range is a 400', () => {
    it('in a path', async () => {
      const res = await as(t.app, admin).get('/api/v1/people/3000000000');
      expect(res.statusCode).toBe(400);
      refused(res.body, 'id', 'Mã bản ghi', /2147483647/);
    });

    it('in a query', async () => {
      const res = await as(t.app, admin).get('/api/v1/people?unitId=3000000000');
      expect(res.statusCode).toBe(400);
      refused(res.body, 'unitId', 'Đơn vị', /2147483647/);
    });

    it('in a list of ids in a body', async () => {
      const res = await as(t.app, admin).post(`/api/v1/training/classes/${cls}/enrolments`, {
        personIds: [3_000_000_000],
      });
      expect(res.statusCode).toBe(400);
      refused(res.body, 'personIds.0', 'Danh sách cán bộ', /2147483647/);
    });

    it('while the largest id in range is an ordinary "not found"', async () => {
      expect((await as(t.app, admin).get('/api/v1/people/2147483647')).statusCode).toBe(404);
    });
  });

  it('a name sent decomposed (NFD) is stored composed (NFC) and found with or without diacritics', async () => {
    const nfd = 'Tra\u0302\u0300n Thi\u0323'.normalize('NFD');
    const res = await as(t.app, admin).post(
      '/api/v1/people',
      person(unit, { familyName: nfd.split(' ')[0], middleName: nfd.split(' ')[1], givenName: ' Thu\u0309y\u00a0 ' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: number; fullName: string }>();
    expect(created.fullName).toBe('Trần Thị Thủy');
    const row = await t.db.kysely
      .selectFrom('people')
      .select(['family_name', 'middle_name', 'given_name', 'full_name'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ family_name: 'Trần', middle_name: 'Thị', given_name: 'Thủy', full_name: 'Trần Thị Thủy' });
    expect(row.family_name).toBe(row.family_name.normalize('NFC'));
    for (const q of ['Trần Thị Thủy', 'tran thi thuy', 'Thủy']) {
      const found = await as(t.app, admin).get(`/api/v1/people?q=${encodeURIComponent(q)}`);
      expect(found.statusCode).toBe(200);
      expect(
        found.json<{ items: { id: number }[] }>().items.map((p) => p.id),
        q,
      ).toContain(created.id);
    }
    // a search typed decomposed finds it too
    const decomposed = await as(t.app, admin).get(`/api/v1/people?q=${encodeURIComponent('Thủy'.normalize('NFD'))}`);
    expect(decomposed.json<{ items: { id: number }[] }>().items.map((p) => p.id)).toContain(created.id);
  });

  it('a zero-width space or a direction override in a name is a 400 naming the field', async () => {
    const zw = await as(t.app, admin).post('/api/v1/people', person(unit, { givenName: 'Ho\u200ba' }));
    expect(zw.statusCode).toBe(400);
    refused(zw.body, 'givenName', 'Tên', /ký tự ẩn \(U\+200B/);
    const rlo = await as(t.app, admin).post('/api/v1/people', person(unit, { familyName: '\u202eTrần' }));
    expect(rlo.statusCode).toBe(400);
    refused(rlo.body, 'familyName', 'Họ', /đổi chiều chữ \(U\+202E\)/);
    const isolate = await as(t.app, admin).get(`/api/v1/units?q=${encodeURIComponent('\u2067Ea\u2069')}`);
    expect(isolate.statusCode).toBe(400);
  });

  it('a line break is refused in a single-line field and kept in notes', async () => {
    const oneLine = await as(t.app, admin).post('/api/v1/people', person(unit, { religion: 'Phật\ngiáo' }));
    expect(oneLine.statusCode).toBe(400);
    refused(oneLine.body, 'religion', 'Tôn giáo', /một dòng/);
    const tab = await as(t.app, admin).post('/api/v1/people', person(unit, { givenName: 'A\tn' }));
    expect(tab.statusCode).toBe(400);

    const notes = 'Dòng một\r\nDòng hai\tcó tab';
    const res = await as(t.app, admin).post('/api/v1/people', person(unit, { givenName: 'Ghi', notes }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ notes: string }>().notes).toBe('Dòng một\nDòng hai\tcó tab');
    // control characters other than line breaks and tabs stay out of notes too
    const bell = await as(t.app, admin).post('/api/v1/people', person(unit, { notes: 'chuông\u0007' }));
    expect(bell.statusCode).toBe(400);
    refused(bell.body, 'notes', 'Ghi chú', /U\+0007/);
  });
});
