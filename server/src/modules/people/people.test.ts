import ExcelJS from 'exceljs';
import { fieldLabels, vietnameseTextKey } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { makePerson, makePosition, makeUnit, makeUser } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { todayIso, yearsBefore } from '../../lib/dates.ts';
import type { Actor } from '../../auth/actor.ts';
import { inTransaction, reader } from '../../context.ts';
import { countPeople } from './people.repository.ts';

const base = {
  familyName: 'Nguyễn',
  middleName: 'Văn',
  givenName: 'A',
  birthDate: '1995-05-20',
  gender: 'male',
  ethnicityCode: '01',
};

describe('people', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let cuJutBranch: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let outsider: number;

  const peopleCount = () => rowCount(t, 'people');
  const auditCount = () => rowCount(t, 'audit_log');

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA, viewerA, editorB } = await twoDistricts(t));
    cuJutBranch = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'grassroots' });
    outsider = await makePerson(t.ctx, {
      unitId: dakMil,
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: 'Hoa',
      nationalId: '066200000001',
    });
  });
  afterAll(() => t.close());

  describe('create and update', () => {
    it('creates a cadre, derives the full name, and writes an audit row with the national ID masked', async () => {
      const res = await as(t.app, editorA).post('/api/v1/people', {
        ...base,
        unitId: cuJutBranch,
        givenName: 'Bình',
        nationalId: '066095001234',
        phone: '0912 345 678',
        email: 'binh@example.vn',
        partyMember: true,
        partyJoinDate: '2018-03-26',
        generalEducation: '12/12',
        qualification: 'university',
        theoryLevel: 'intermediate',
        hardshipArea: true,
      });
      expect(res.statusCode).toBe(201);
      const p = res.json();
      expect(p).toMatchObject({
        fullName: 'Nguyễn Văn Bình',
        unitName: 'Đoàn xã Ea Pô',
        ethnicityName: 'Kinh',
        nationalId: '066095001234',
        nationalIdMasked: false,
        partyMember: true,
        version: 1,
        canEdit: true,
        currentTitles: [],
      });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'person')
        .where('entity_id', '=', p.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', unit_id: cuJutBranch, before: null });
      const after = JSON.parse(audit[0]!.after!);
      expect(after.nationalId).toBe('0xx******234');
      expect(after.fullName).toBe('Nguyễn Văn Bình');
      expect(JSON.stringify(after)).not.toContain('066095001234');
    });

    const long = (n: number) => 'x'.repeat(n);
    const bad: [string, Record<string, unknown>][] = [
      ['familyName', { familyName: undefined }],
      ['familyName', { familyName: long(51) }],
      ['familyName', { familyName: '   ' }],
      ['middleName', { middleName: long(81) }],
      ['givenName', { givenName: 42 }],
      ['givenName', { givenName: long(51) }],
      ['birthDate', { birthDate: '1995-13-01' }],
      ['birthDate', { birthDate: '20/05/1995' }],
      ['birthDate', { birthDate: '2999-01-01' }],
      ['gender', { gender: 'x' }],
      ['ethnicityCode', { ethnicityCode: '1' }],
      ['ethnicityCode', { ethnicityCode: '77' }],
      ['religion', { religion: long(101) }],
      ['nationalId', { nationalId: '12345' }],
      ['nationalId', { nationalId: 66095001234 }],
      ['phone', { phone: 'goi-cho-toi' }],
      ['email', { email: 'khong-phai-email' }],
      ['partyMember', { partyMember: 'yes' }],
      ['partyJoinDate', { partyJoinDate: 'hôm qua', partyMember: true }],
      ['partyJoinDate', { partyJoinDate: '2015-01-01', partyMember: false }],
      ['partyJoinDate', { partyJoinDate: '1990-01-01', partyMember: true }],
      ['generalEducation', { generalEducation: '13/13' }],
      ['qualification', { qualification: 'phd' }],
      ['theoryLevel', { theoryLevel: 'cao' }],
      ['itLevel', { itLevel: long(101) }],
      ['languageLevel', { languageLevel: long(101) }],
      ['hardshipArea', { hardshipArea: 'no' }],
      ['notes', { notes: long(2001) }],
      ['unitId', { unitId: 'abc' }],
      ['unitId', { unitId: 999999 }],
      ['confirmDuplicate', { confirmDuplicate: 'maybe' }],
    ];
    it('stores a phone number as digits whatever the user typed, refuses an impossible one naming the field, and reads old rows as one number', async () => {
      const res = await as(t.app, editorA).post('/api/v1/people', {
        ...base,
        unitId: cuJut,
        givenName: 'Điện',
        phone: ' 0912.345 678 ',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().phone).toBe('0912345678');
      const id = res.json().id as number;
      const stored = await t.db.kysely
        .selectFrom('people')
        .select('phone')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.phone).toBe('0912345678');

      const patched = await as(t.app, editorA).patch(`/api/v1/people/${id}`, {
        version: 1,
        phone: '+84 (0) 263 382 1975',
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().phone).toBe('+842633821975');

      const refused = await as(t.app, editorA).patch(`/api/v1/people/${id}`, { version: 2, phone: '0912 345' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'validation', details: { field: 'phone' } });
      expect(refused.json().message).toMatch(/^Điện thoại: .*ví dụ 0912 345 678/);

      // a row saved before the rule, with the user's spaces: the API reads it as one number
      await t.db.kysely.updateTable('people').set({ phone: '0905 123 456' }).where('id', '=', id).execute();
      expect((await as(t.app, editorA).get(`/api/v1/people/${id}`)).json().phone).toBe('0905123456');
    });

    it.each(bad)(
      'rejects a bad %s with a Vietnamese message naming the field, storing nothing',
      async (field, change) => {
        const [people, audits] = [await peopleCount(), await auditCount()];
        const res = await as(t.app, editorA).post('/api/v1/people', {
          ...base,
          unitId: cuJut,
          givenName: 'Lỗi',
          ...change,
        });
        expect(res.statusCode).toBe(400);
        const body = res.json();
        expect(body.code).toBe('validation');
        expect(body.details.field).toBe(field);
        expect(body.message.startsWith(`${fieldLabels[field]}:`)).toBe(true);
        expect(await peopleCount()).toBe(people);
        expect(await auditCount()).toBe(audits);
      },
    );

    it('a national ID is unique: a second cadre with it is a 409 naming the field', async () => {
      const res = await as(t.app, editorA).post('/api/v1/people', {
        ...base,
        unitId: cuJut,
        givenName: 'Trùng',
        nationalId: '066200000001',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'nationalId' } });
      expect(res.json().message).toMatch(/CCCD/);
    });

    it('flags a possible duplicate (same name and birth date) and creates it only when confirmed', async () => {
      const body = { ...base, unitId: cuJut, givenName: 'Cường', birthDate: '1990-01-02' };
      expect((await as(t.app, editorA).post('/api/v1/people', body)).statusCode).toBe(201);
      const again = await as(t.app, editorA).post('/api/v1/people', body);
      expect(again.statusCode).toBe(409);
      const err = again.json();
      expect(err.code).toBe('conflict');
      expect(err.details.field).toBe('confirmDuplicate');
      expect(err.details.duplicates).toEqual([
        {
          id: expect.any(Number),
          fullName: 'Nguyễn Văn Cường',
          birthDate: '1990-01-02',
          unitName: 'Huyện đoàn Cư Jút',
        },
      ]);
      expect(err.message).toMatch(/Nguyễn Văn Cường.*02\/01\/1990/);
      const confirmed = await as(t.app, editorA).post('/api/v1/people', { ...body, confirmDuplicate: true });
      expect(confirmed.statusCode).toBe(201);
    });

    it('does not flag a namesake the actor cannot see', async () => {
      // "Lê Thị Hoa" lives in Đắk Mil, outside Cư Jút's scope.
      const res = await as(t.app, editorA).post('/api/v1/people', {
        ...base,
        unitId: cuJut,
        familyName: 'Lê',
        middleName: 'Thị',
        givenName: 'Hoa',
        birthDate: null,
      });
      expect(res.statusCode).toBe(201);
    });

    it('updates with the version, recomputes the name, audits before and after; a stale version is 409', async () => {
      const created = (
        await as(t.app, editorA).post('/api/v1/people', {
          ...base,
          unitId: cuJut,
          givenName: 'Dũng',
          partyMember: true,
          partyJoinDate: '2019-05-19',
        })
      ).json();
      const res = await as(t.app, editorA).patch(`/api/v1/people/${created.id}`, {
        version: 1,
        familyName: 'Trần',
        religion: 'Phật giáo',
      });
      expect(res.statusCode).toBe(200);
      const p = res.json();
      expect(p).toMatchObject({
        fullName: 'Trần Văn Dũng',
        religion: 'Phật giáo',
        version: 2,
        partyMember: true,
        partyJoinDate: '2019-05-19',
      });
      const row = await t.db.kysely
        .selectFrom('people')
        .select(['search_text', 'sort_key'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(row.search_text).toBe('tran van dung');
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'person')
        .where('entity_id', '=', p.id)
        .where('action', '=', 'update')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.before!)).toMatchObject({ familyName: 'Nguyễn', religion: null });
      expect(JSON.parse(audit.after!)).toMatchObject({ familyName: 'Trần', religion: 'Phật giáo' });

      const stale = await as(t.app, editorA).patch(`/api/v1/people/${p.id}`, { version: 1, givenName: 'Đông' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale');
      const still = (await as(t.app, editorA).get(`/api/v1/people/${p.id}`)).json();
      expect(still.givenName).toBe('Dũng');

      // Unticking "Party member" clears the join date too.
      const left = await as(t.app, editorA).patch(`/api/v1/people/${p.id}`, { version: 2, partyMember: false });
      expect(left.json()).toMatchObject({ partyMember: false, partyJoinDate: null, version: 3 });
    });

    it('a partial update leaves the fields it does not mention alone', async () => {
      const created = (
        await as(t.app, editorA).post('/api/v1/people', {
          ...base,
          unitId: cuJut,
          givenName: 'Giang',
          qualification: 'master',
          theoryLevel: 'advanced',
          hardshipArea: true,
        })
      ).json();
      const res = await as(t.app, editorA).patch(`/api/v1/people/${created.id}`, {
        version: 1,
        notes: 'Chuyển công tác',
      });
      expect(res.json()).toMatchObject({
        qualification: 'master',
        theoryLevel: 'advanced',
        hardshipArea: true,
        notes: 'Chuyển công tác',
      });
    });

    it('a bad update is 400 naming the field and changes nothing', async () => {
      const created = (
        await as(t.app, editorA).post('/api/v1/people', { ...base, unitId: cuJut, givenName: 'Hải' })
      ).json();
      for (const [field, change] of [
        ['givenName', { givenName: '' }],
        ['nationalId', { nationalId: 'abc' }],
        ['version', { version: 'một' }],
        ['birthDate', { birthDate: '2999-12-31' }],
        ['unitId', { unitId: 987654 }],
      ] as const) {
        const res = await as(t.app, editorA).patch(`/api/v1/people/${created.id}`, { version: 1, ...change });
        expect(res.statusCode, field).toBe(400);
        expect(res.json().details.field).toBe(field);
      }
      expect((await as(t.app, editorA).get(`/api/v1/people/${created.id}`)).json()).toMatchObject({
        givenName: 'Hải',
        version: 1,
      });
    });

    it('moving a cadre needs write access to the new unit too', async () => {
      const created = (
        await as(t.app, editorA).post('/api/v1/people', { ...base, unitId: cuJut, givenName: 'Khánh' })
      ).json();
      const res = await as(t.app, editorA).patch(`/api/v1/people/${created.id}`, { version: 1, unitId: dakMil });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('unitId');
      const ok = await as(t.app, admin).patch(`/api/v1/people/${created.id}`, { version: 1, unitId: dakMil });
      expect(ok.json()).toMatchObject({ unitName: 'Huyện đoàn Đắk Mil', version: 2 });
    });

    it('a viewer may read but not create or change', async () => {
      const created = (
        await as(t.app, editorA).post('/api/v1/people', { ...base, unitId: cuJut, givenName: 'Lâm' })
      ).json();
      const seen = await as(t.app, viewerA).get(`/api/v1/people/${created.id}`);
      expect(seen.json().canEdit).toBe(false);
      expect(
        (await as(t.app, viewerA).patch(`/api/v1/people/${created.id}`, { version: 1, givenName: 'Lan' })).statusCode,
      ).toBe(403);
      const create = await as(t.app, viewerA).post('/api/v1/people', { ...base, unitId: cuJut, givenName: 'Mai' });
      expect(create.statusCode).toBe(403);
      expect(create.json().details.field).toBe('unitId');
    });
  });

  describe('search, order and filters', () => {
    let orderUnit: number;
    const order = ['An', 'Ân', 'Bùi', 'Dương', 'Đặng', 'Đinh', 'Ông', 'Ơn', 'Trần', 'Uông', 'Ưng'];

    beforeAll(async () => {
      orderUnit = await makeUnit(t.ctx, { name: 'Chi đoàn Thứ tự', parentId: cuJut, kind: 'branch' });
      // Inserted in reverse, through the API, so the service computes every sort key.
      for (const given of [...order].reverse()) {
        const res = await as(t.app, admin).post('/api/v1/people', {
          ...base,
          unitId: orderUnit,
          givenName: given,
          birthDate: null,
          confirmDuplicate: true,
        });
        expect(res.statusCode).toBe(201);
      }
    });

    it('orders by given name the Vietnamese way, identically on every engine', async () => {
      const res = await as(t.app, admin).get(`/api/v1/people?unitId=${orderUnit}&pageSize=50`);
      expect(res.json().items.map((p: { givenName: string }) => p.givenName)).toEqual(order);
      const desc = await as(t.app, admin).get(`/api/v1/people?unitId=${orderUnit}&pageSize=50&order=desc`);
      expect(desc.json().items.map((p: { givenName: string }) => p.givenName)).toEqual([...order].reverse());
    });

    it('pages through the order with a total', async () => {
      const page2 = (await as(t.app, admin).get(`/api/v1/people?unitId=${orderUnit}&pageSize=4&page=2`)).json();
      expect(page2).toMatchObject({ total: 11, page: 2, pageSize: 4 });
      expect(page2.items.map((p: { givenName: string }) => p.givenName)).toEqual(order.slice(4, 8));
      expect((await as(t.app, admin).get('/api/v1/people?pageSize=201')).statusCode).toBe(400);
    });

    it('finds names without diacritics or case: "nguyen van a" finds Nguyễn Văn A, "dang" finds Đặng', async () => {
      await makePerson(t.ctx, { unitId: cuJut, familyName: 'Nguyễn', middleName: 'Văn', givenName: 'A' });
      const a = (await as(t.app, editorA).get(`/api/v1/people?q=${encodeURIComponent('nguyen van a')}`)).json();
      expect(a.items.map((p: { fullName: string }) => p.fullName)).toContain('Nguyễn Văn A');
      const dang = (await as(t.app, editorA).get('/api/v1/people?q=DANG')).json();
      expect(dang.items.map((p: { givenName: string }) => p.givenName)).toContain('Đặng');
      const accented = (await as(t.app, editorA).get(`/api/v1/people?q=${encodeURIComponent('ĐẶNG')}`)).json();
      expect(accented.total).toBe(dang.total);
    });

    it('a name search counts its matches up to a limit and then says there are more', async () => {
      const unit = await makeUnit(t.ctx, { name: 'Chi đoàn Đếm', parentId: cuJut, kind: 'branch' });
      for (const given of ['Một', 'Hai', 'Ba', 'Bốn', 'Năm']) {
        await makePerson(t.ctx, { unitId: unit, familyName: 'Khổng', middleName: 'Đếm', givenName: given });
      }
      const actor: Actor = { userId: 0, login: 'x', displayName: 'x', personId: null, isSuperadmin: true, grants: [] };
      const count = (q: string, limit?: number) => countPeople(reader(t.ctx), actor, { q }, todayIso(), limit);
      expect(await count('khong dem', 3)).toEqual({ total: 3, more: true });
      expect(await count('khong dem', 4)).toEqual({ total: 4, more: true });
      expect(await count('khong dem', 5)).toEqual({ total: 5, more: false });
      expect(await count('khong dem')).toEqual({ total: 5, more: false });
      // Under the list's own limit the count is exact; the list without a search is always exact.
      const listed = (await as(t.app, admin).get(`/api/v1/people?q=${encodeURIComponent('KHỔNG đếm')}`)).json();
      expect(listed).toMatchObject({ total: 5, more: false });
      expect((await as(t.app, admin).get(`/api/v1/people?unitId=${unit}`)).json()).toMatchObject({
        total: 5,
        more: false,
      });
    });

    it('finds any part of a name, short or long, before and after the name changes', async () => {
      const unit = await makeUnit(t.ctx, { name: 'Chi đoàn Tìm', parentId: cuJut, kind: 'branch' });
      const created = (
        await as(t.app, editorA).post('/api/v1/people', {
          ...base,
          unitId: unit,
          familyName: 'Lò',
          middleName: 'Thị',
          givenName: 'Xuyến',
          birthDate: null,
        })
      ).json();
      const names = async (q: string) =>
        (await as(t.app, admin).get(`/api/v1/people?unitId=${unit}&q=${encodeURIComponent(q)}`))
          .json()
          .items.map((p: { fullName: string }) => p.fullName);
      // Three characters or more (the trigram index on either engine), across a word's end, and fewer.
      for (const q of ['xuyen', 'XUYẾN', 'thi xu', 'o thi', 'uy', 'x'])
        expect(await names(q)).toEqual(['Lò Thị Xuyến']);
      for (const q of ['xuyenn', 'thixu', 'xuyen"', '"xuyen"', 'a"b', 'xuy*', 'lo OR x'])
        expect(await names(q)).toEqual([]);

      const renamed = await as(t.app, editorA).patch(`/api/v1/people/${created.id}`, { version: 1, givenName: 'Yến' });
      expect(renamed.statusCode).toBe(200);
      expect(await names('xuyen')).toEqual([]);
      expect(await names('thi yen')).toEqual(['Lò Thị Yến']);
      // No deletion in the API: straight in the database, as a write transaction of the server.
      await inTransaction(t.ctx, (tx) => tx.q.deleteFrom('people').where('id', '=', created.id).execute());
      expect(await names('thi yen')).toEqual([]);
    });

    it('treats % and _ in the search as plain characters', async () => {
      expect((await as(t.app, admin).get(`/api/v1/people?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
      expect((await as(t.app, admin).get('/api/v1/people?q=_')).json().total).toBe(0);
    });

    it('filters by age range, counting whole years to today', async () => {
      const unit = await makeUnit(t.ctx, { name: 'Chi đoàn Tuổi', parentId: cuJut, kind: 'branch' });
      const today = todayIso();
      const dayAfter = (iso: string) =>
        new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      // turned 30 today; turns 30 tomorrow (still 29); 35 years and a day; no birth date
      await makePerson(t.ctx, {
        unitId: unit,
        familyName: 'Võ',
        givenName: 'Ba Mươi',
        birthDate: yearsBefore(today, 30),
      });
      await makePerson(t.ctx, {
        unitId: unit,
        familyName: 'Võ',
        givenName: 'Hai Chín',
        birthDate: dayAfter(yearsBefore(today, 30)),
      });
      await makePerson(t.ctx, {
        unitId: unit,
        familyName: 'Võ',
        givenName: 'Ba Lăm',
        birthDate: yearsBefore(today, 35),
      });
      await makePerson(t.ctx, { unitId: unit, familyName: 'Võ', givenName: 'Không Rõ', birthDate: null });
      const names = async (qs: string) =>
        ((await as(t.app, admin).get(`/api/v1/people?unitId=${unit}&${qs}`)).json().items as { givenName: string }[])
          .map((p) => p.givenName)
          .sort();
      expect(await names('ageMin=30')).toEqual(['Ba Lăm', 'Ba Mươi']);
      expect(await names('ageMax=29')).toEqual(['Hai Chín']);
      expect(await names('ageMin=30&ageMax=34')).toEqual(['Ba Mươi']);
      expect(await names('ageMin=35&ageMax=35')).toEqual(['Ba Lăm']);
      const wrong = await as(t.app, admin).get(`/api/v1/people?ageMin=40&ageMax=30`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().details.field).toBe('ageMax');
    });

    it('filters by unit subtree, title held today, gender, ethnicity, minority, Party and theory level', async () => {
      const district = await makeUnit(t.ctx, { name: 'Huyện đoàn Lọc', parentId: province, kind: 'district' });
      const branch = await makeUnit(t.ctx, { name: 'Chi đoàn Lọc', parentId: district, kind: 'branch' });
      const hoa = await makePerson(t.ctx, {
        unitId: district,
        familyName: 'H Bia',
        givenName: 'Hoa',
        gender: 'female',
        ethnicityCode: '05',
        partyMember: true,
        theoryLevel: 'intermediate',
      });
      const nam = await makePerson(t.ctx, {
        unitId: branch,
        familyName: 'Lê',
        givenName: 'Nam',
        partyMember: false,
        theoryLevel: 'basic',
      });
      const cu = await makePerson(t.ctx, { unitId: branch, familyName: 'Lê', givenName: 'Cũ' });
      await makePosition(t.ctx, { personId: hoa, unitId: district, title: 'secretary', startDate: '2022-10-01' });
      await makePosition(t.ctx, {
        personId: cu,
        unitId: branch,
        title: 'secretary',
        startDate: '2017-10-01',
        endDate: '2022-09-30',
      });
      const ids = async (qs: string) =>
        ((await as(t.app, admin).get(`/api/v1/people?unitId=${district}&${qs}`)).json().items as { id: number }[])
          .map((p) => p.id)
          .sort();
      expect(await ids('')).toEqual([hoa, nam, cu].sort());
      expect(await ids('title=secretary')).toEqual([hoa]);
      expect(await ids('gender=female')).toEqual([hoa]);
      expect(await ids('ethnicityCode=05')).toEqual([hoa]);
      expect(await ids('minority=true')).toEqual([hoa]);
      expect(await ids('minority=false')).toEqual([nam, cu].sort());
      expect(await ids('partyMember=true')).toEqual([hoa]);
      expect(await ids('theoryLevel=basic')).toEqual([nam, cu].sort());
      expect(await ids(`q=nam`)).toEqual([nam]);
      const branchOnly = (await as(t.app, admin).get(`/api/v1/people?unitId=${branch}`)).json();
      expect(branchOnly.total).toBe(2);
      const one = (await as(t.app, admin).get(`/api/v1/people/${hoa}`)).json();
      expect(one.currentTitles).toEqual([{ title: 'secretary', unitName: 'Huyện đoàn Lọc' }]);
      expect((await as(t.app, admin).get('/api/v1/people?title=chairman')).statusCode).toBe(400);
    });

    it('sorts by birth date with unknown dates last, by unit and by last change', async () => {
      const unit = await makeUnit(t.ctx, { name: 'Chi đoàn Ngày sinh', parentId: cuJut, kind: 'branch' });
      await makePerson(t.ctx, { unitId: unit, familyName: 'Hà', givenName: 'Sau', birthDate: '2001-01-01' });
      await makePerson(t.ctx, { unitId: unit, familyName: 'Hà', givenName: 'Rõ', birthDate: null });
      await makePerson(t.ctx, { unitId: unit, familyName: 'Hà', givenName: 'Trước', birthDate: '1999-01-01' });
      const names = async (qs: string) =>
        (
          (await as(t.app, admin).get(`/api/v1/people?unitId=${unit}&${qs}`)).json().items as { givenName: string }[]
        ).map((p) => p.givenName);
      expect(await names('sort=birthDate')).toEqual(['Trước', 'Sau', 'Rõ']);
      expect(await names('sort=birthDate&order=desc')).toEqual(['Rõ', 'Sau', 'Trước']);
      // the units feature keeps units.sort_key; the factory leaves it empty, so fill it here
      for (const u of await t.db.kysely.selectFrom('units').select(['id', 'name']).execute()) {
        await t.db.kysely
          .updateTable('units')
          .set({ sort_key: vietnameseTextKey(u.name) })
          .where('id', '=', u.id)
          .execute();
      }
      const byUnit = (await as(t.app, admin).get(`/api/v1/people?unitId=${cuJut}&sort=unit&pageSize=200`)).json()
        .items as { unitName: string }[];
      const unitKeys = byUnit.map((p) => vietnameseTextKey(p.unitName));
      expect(new Set(byUnit.map((p) => p.unitName)).size).toBeGreaterThan(3);
      expect(unitKeys).toEqual([...unitKeys].sort());
      // "Chi đoàn …" before "Đoàn xã …" before "Huyện đoàn …"
      expect(byUnit[0]!.unitName.startsWith('Chi đoàn')).toBe(true);
      expect(byUnit.at(-1)!.unitName).toBe('Huyện đoàn Cư Jút');
      expect((await as(t.app, admin).get(`/api/v1/people?sort=updatedAt&order=desc`)).statusCode).toBe(200);
    });
  });

  describe('national ID masking and scope', () => {
    let person: number;
    beforeAll(async () => {
      person = await makePerson(t.ctx, {
        unitId: cuJutBranch,
        familyName: 'Phạm',
        givenName: 'Quang',
        nationalId: '066099887766',
      });
    });

    it('a viewer sees the national ID masked, an editor sees it whole', async () => {
      const viewed = (await as(t.app, viewerA).get(`/api/v1/people/${person}`)).json();
      expect(viewed).toMatchObject({ nationalId: '0xx******766', nationalIdMasked: true, canEdit: false });
      const listed = (await as(t.app, viewerA).get('/api/v1/people?q=pham quang')).json();
      expect(listed.items[0]).toMatchObject({ nationalId: '0xx******766', nationalIdMasked: true });
      const edited = (await as(t.app, editorA).get(`/api/v1/people/${person}`)).json();
      expect(edited).toMatchObject({ nationalId: '066099887766', nationalIdMasked: false, canEdit: true });
    });

    it("a district editor cannot see or change another district's cadre", async () => {
      expect((await as(t.app, editorB).get(`/api/v1/people/${person}`)).statusCode).toBe(404);
      expect(
        (await as(t.app, editorB).patch(`/api/v1/people/${person}`, { version: 1, givenName: 'X' })).statusCode,
      ).toBe(404);
      const list = (await as(t.app, editorB).get('/api/v1/people?pageSize=200')).json();
      expect(list.items.every((p: { unitId: number }) => p.unitId === dakMil)).toBe(true);
      expect(list.items.map((p: { id: number }) => p.id)).toContain(outsider);
      // and asking for the other district's subtree just finds nothing
      expect((await as(t.app, editorB).get(`/api/v1/people?unitId=${cuJut}`)).json().total).toBe(0);
      expect((await as(t.app, editorA).get(`/api/v1/people/${outsider}`)).statusCode).toBe(404);
      const create = await as(t.app, editorB).post('/api/v1/people', { ...base, unitId: cuJut, givenName: 'Xâm' });
      expect(create.statusCode).toBe(400);
      expect(create.json().details.field).toBe('unitId');
    });

    it("a cadre's own account sees only that record, read-only, with its own national ID", async () => {
      const cadre = await makeUser(t.ctx, { personId: person });
      const s = await login(t.app, cadre.login, cadre.password);
      const list = (await as(t.app, s).get('/api/v1/people')).json();
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ id: person, nationalId: '066099887766', canEdit: false });
      expect((await as(t.app, s).get(`/api/v1/people/${outsider}`)).statusCode).toBe(404);
      expect(
        (await as(t.app, s).patch(`/api/v1/people/${person}`, { version: 1, phone: '0900000000' })).statusCode,
      ).toBe(403);
      expect((await as(t.app, s).post('/api/v1/people', { ...base, unitId: cuJut })).statusCode).toBe(400);
    });

    it('anonymous requests are 401', async () => {
      expect((await as(t.app, null).get('/api/v1/people')).statusCode).toBe(401);
      expect((await as(t.app, null).get('/api/v1/people/export.xlsx')).statusCode).toBe(401);
    });
  });

  describe('Excel export', () => {
    it('exports the filtered list with Vietnamese headers, masked IDs and formulas neutralised', async () => {
      const unit = await makeUnit(t.ctx, { name: 'Chi đoàn Xuất', parentId: cuJut, kind: 'branch' });
      await makePerson(t.ctx, {
        unitId: unit,
        familyName: 'Đặng',
        middleName: 'Thị',
        givenName: 'Ưng',
        birthDate: '1996-07-15',
        nationalId: '066196000111',
      });
      await makePerson(t.ctx, { unitId: unit, familyName: '=HYPERLINK("http://evil.example","bấm")', givenName: 'An' });
      const res = await as(t.app, viewerA).get(`/api/v1/people/export.xlsx?unitId=${unit}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="danh-sach-can-bo-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 7)).toEqual([
        'STT',
        'Họ và tên',
        'Ngày sinh',
        'Giới tính',
        'Dân tộc',
        'Tôn giáo',
        'Số CCCD',
      ]);
      expect(sheet.rowCount).toBe(3);
      const col = (name: string) => header.indexOf(name) + 1;
      // Vietnamese order: An before Ưng
      expect(sheet.getRow(2).getCell(col('Họ và tên')).value).toBe(`'=HYPERLINK("http://evil.example","bấm") An`);
      expect(sheet.getRow(3).getCell(col('Họ và tên')).value).toBe('Đặng Thị Ưng');
      expect(sheet.getRow(3).getCell(col('Số CCCD')).value).toBe('0xx******111');
      const born = sheet.getRow(3).getCell(col('Ngày sinh'));
      expect(born.value).toEqual(new Date(Date.UTC(1996, 6, 15)));
      expect(born.numFmt).toBe('dd/mm/yyyy');
      expect(sheet.getRow(3).getCell(col('Giới tính')).value).toBe('Nam');
      expect(sheet.getRow(3).getCell(col('Đơn vị')).value).toBe('Chi đoàn Xuất');
    });

    it('an editor gets whole national IDs; the export follows the scope and reads in batches', async () => {
      const unit = await makeUnit(t.ctx, { name: 'Chi đoàn Đông', parentId: cuJut, kind: 'branch' });
      await makePerson(t.ctx, { unitId: unit, familyName: 'Đinh', givenName: 'Một', nationalId: '066196000222' });
      for (let i = 0; i < 510; i++) {
        await makePerson(t.ctx, { unitId: unit, familyName: 'Trương', givenName: `Số ${String(i).padStart(4, '0')}` });
      }
      const res = await as(t.app, editorA).get(`/api/v1/people/export.xlsx?unitId=${unit}&sort=name&order=desc`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.rowCount).toBe(512);
      const names = Array.from({ length: 511 }, (_, i) => sheet.getRow(i + 2).getCell(2).value as string);
      expect(new Set(names).size).toBe(511);
      expect(names[0]).toBe('Trương Số 0509');
      expect(names.at(-1)).toBe('Đinh Một');
      expect(sheet.getRow(512).getCell(7).value).toBe('066196000222');
      expect(sheet.getRow(512).getCell(1).value).toBe(511);
      const other = await as(t.app, editorB).get(`/api/v1/people/export.xlsx?unitId=${unit}`);
      const empty = new ExcelJS.Workbook();
      await empty.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
      expect(empty.worksheets[0]!.rowCount).toBe(1);
    });

    it('a bad filter is a plain 400 before any file is sent', async () => {
      const res = await as(t.app, editorA).get('/api/v1/people/export.xlsx?ageMin=abc');
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('ageMin');
    });
  });
});
