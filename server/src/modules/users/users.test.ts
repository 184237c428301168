import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { makePerson, makeUnit, makeUser, PASSWORD } from '../../../test/factories.ts';

const NEW_PASSWORD = 'mat-khau-moi-dai-hon';

describe('users', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let province: number;
  let d1: number;
  let d1Grassroots: number;
  let d2: number;
  let d1Person: number;
  let d2Person: number;
  let root: Session;
  let d1Admin: Session;
  let d1AdminId: number;
  let d2UserId: number;

  beforeAll(async () => {
    t = await testApp();
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Thử nghiệm' });
    d1 = await makeUnit(t.ctx, { name: 'Huyện đoàn Một', parentId: province, kind: 'district' });
    d1Grassroots = await makeUnit(t.ctx, { name: 'Đoàn xã Một', parentId: d1 });
    d2 = await makeUnit(t.ctx, { name: 'Huyện đoàn Hai', parentId: province, kind: 'district' });
    d1Person = await makePerson(t.ctx, {
      unitId: d1Grassroots,
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
    });
    d2Person = await makePerson(t.ctx, { unitId: d2, familyName: 'Trần', givenName: 'Bình' });
    await makeUser(t.ctx, { login: 'root', superadmin: true });
    const admin = await makeUser(t.ctx, { login: 'admin.d1', grants: [{ unitId: d1, role: 'admin' }] });
    d1AdminId = admin.id;
    d2UserId = (await makeUser(t.ctx, { login: 'editor.d2', grants: [{ unitId: d2, role: 'editor' }] })).id;
    root = await login(t.app, 'root', PASSWORD);
    d1Admin = await login(t.app, 'admin.d1', PASSWORD);
  });
  afterAll(() => t.close());

  it('a district admin creates an account in their subtree, stored with an argon2id hash and audited without it', async () => {
    const res = await as(t.app, d1Admin).post('/api/v1/users', {
      login: '  Bich.Ngoc ',
      displayName: 'Đặng Bích Ngọc',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: d1Grassroots, role: 'editor' }],
    });
    expect(res.statusCode).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({
      login: 'bich.ngoc',
      displayName: 'Đặng Bích Ngọc',
      disabled: false,
      isSuperadmin: false,
      version: 1,
    });
    expect(u.grants).toEqual([
      { id: expect.any(Number), unitId: d1Grassroots, unitName: 'Đoàn xã Một', role: 'editor' },
    ]);
    const row = await t.db.kysely
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entity_id', '=', u.id)
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]?.unit_id).toBe(d1Grassroots);
    expect(JSON.stringify(audits)).not.toMatch(/argon2|mat-khau/);
    // the new account signs in
    await login(t.app, 'bich.ngoc', 'mat-khau-rat-dai');
  });

  it('rejects bad input with a Vietnamese message naming the field, and stores nothing', async () => {
    const before = await t.db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { login: 'ab', displayName: 'X', password: 'mat-khau-rat-dai', grants: [{ unitId: d1, role: 'viewer' }] },
        'login',
        /^Tên đăng nhập:/,
      ],
      [
        { login: 'hop.le', displayName: 'X', password: 'ngan', grants: [{ unitId: d1, role: 'viewer' }] },
        'password',
        /^Mật khẩu:.*10/,
      ],
      [
        { login: 'hop.le', displayName: '', password: 'mat-khau-rat-dai', grants: [{ unitId: d1, role: 'viewer' }] },
        'displayName',
        /^Họ tên hiển thị:/,
      ],
      [
        { login: 'hop.le', displayName: 'x'.repeat(101), password: 'mat-khau-rat-dai', grants: [] },
        'displayName',
        /^Họ tên hiển thị:/,
      ],
      [
        { login: 'hop.le', displayName: 'X', password: 'mat-khau-rat-dai', grants: [{ unitId: d1, role: 'owner' }] },
        'grants.0.role',
        /^Vai trò:/,
      ],
      [{ login: 'hop.le', displayName: 'X', password: 'mat-khau-rat-dai', grants: [] }, 'grants', /^Phân quyền:/],
      [{ login: 'hop.le', displayName: 'X', password: 12345678901, grants: [] }, 'password', /^Mật khẩu:/],
    ];
    for (const [body, field, message] of cases) {
      const res = await as(t.app, d1Admin).post('/api/v1/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details.field).toBe(field);
      expect(res.json().message).toMatch(message);
    }
    const after = await t.db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a duplicate login is 409 naming the field', async () => {
    const res = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'EDITOR.D2',
      displayName: 'Trùng',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: d1, role: 'viewer' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'login' } });
  });

  it('a district admin cannot see, change or grant in another district', async () => {
    const list = await as(t.app, d1Admin).get('/api/v1/users?pageSize=200');
    expect(list.statusCode).toBe(200);
    const logins = list.json().items.map((u: { login: string }) => u.login);
    expect(logins).toContain('admin.d1');
    expect(logins).not.toContain('editor.d2');
    expect(logins).not.toContain('root');
    expect((await as(t.app, d1Admin).get(`/api/v1/users/${d2UserId}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, d1Admin).patch(`/api/v1/users/${d2UserId}`, { version: 1, disabled: true })).statusCode,
    ).toBe(404);
    expect(
      (await as(t.app, d1Admin).post(`/api/v1/users/${d2UserId}/password`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(404);
    expect(
      (await as(t.app, d1Admin).post(`/api/v1/users/${d2UserId}/grants`, { unitId: d1, role: 'viewer' })).statusCode,
    ).toBe(404);

    const outside = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'vuot.quyen',
      displayName: 'Vượt quyền',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: d2, role: 'admin' }],
    });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().details.field).toBe('grants.0.unitId');
    const province_ = await as(t.app, d1Admin).post(`/api/v1/users/${d1AdminId}/grants`, {
      unitId: province,
      role: 'admin',
    });
    expect(province_.statusCode).toBe(404);
    expect(province_.json().details.field).toBe('unitId');
    const cadre = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'can.bo.d2',
      displayName: 'Trần Bình',
      password: 'mat-khau-rat-dai',
      personId: d2Person,
    });
    expect(cadre.statusCode).toBe(404);
    expect(cadre.json().details.field).toBe('personId');
    const grants = await t.db.kysely.selectFrom('grants').select('unit_id').where('user_id', '=', d1AdminId).execute();
    expect(grants.map((g) => g.unit_id)).toEqual([d1]);
  });

  it("an account reaching beyond the admin's subtree is out of reach even if part of it is inside", async () => {
    const both = await makeUser(t.ctx, {
      login: 'hai.noi',
      grants: [
        { unitId: d1, role: 'viewer' },
        { unitId: d2, role: 'viewer' },
      ],
    });
    expect((await as(t.app, d1Admin).get(`/api/v1/users/${both.id}`)).statusCode).toBe(404);
    const res = await as(t.app, root).get(`/api/v1/users/${both.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toHaveLength(2);
  });

  it('an editor or viewer cannot manage accounts', async () => {
    await makeUser(t.ctx, { login: 'editor.d1', grants: [{ unitId: d1, role: 'editor' }] });
    const editor = await login(t.app, 'editor.d1', PASSWORD);
    expect((await as(t.app, editor).get('/api/v1/users')).statusCode).toBe(403);
    expect((await as(t.app, editor).get(`/api/v1/users/${d1AdminId}`)).statusCode).toBe(404);
    const res = await as(t.app, editor).post('/api/v1/users', {
      login: 'tu.cap',
      displayName: 'Tự cấp',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: d1, role: 'admin' }],
    });
    expect(res.statusCode).toBe(403);
  });

  it('nobody edits a superadmin through the API, and nobody disables themself', async () => {
    const rootId = (
      await t.db.kysely.selectFrom('users').select('id').where('login', '=', 'root').executeTakeFirstOrThrow()
    ).id;
    expect((await as(t.app, d1Admin).get(`/api/v1/users/${rootId}`)).statusCode).toBe(404);
    const self = await as(t.app, root).patch(`/api/v1/users/${rootId}`, { version: 1, displayName: 'Đổi tên' });
    expect(self.statusCode).toBe(403);
    expect(
      (await as(t.app, root).post(`/api/v1/users/${rootId}/password`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(403);
    const disableSelf = await as(t.app, d1Admin).patch(`/api/v1/users/${d1AdminId}`, { version: 1, disabled: true });
    expect(disableSelf.statusCode).toBe(400);
    expect(disableSelf.json().details.field).toBe('disabled');
    expect(disableSelf.json().message).toMatch(/tự khoá/);
  });

  it('lists with search without diacritics, sort and paging', async () => {
    for (const [l, name] of [
      ['u.anh', 'Đặng Thị Ánh'],
      ['u.an', 'Dương An'],
      ['u.dung', 'Bùi Dũng'],
    ] as const) {
      const r = await as(t.app, root).post('/api/v1/users', {
        login: l,
        displayName: name,
        password: 'mat-khau-rat-dai',
        grants: [{ unitId: d1, role: 'viewer' }],
      });
      expect(r.statusCode).toBe(201);
    }
    const found = await as(t.app, d1Admin).get('/api/v1/users?q=thi%20anh');
    expect(found.json().items.map((u: { login: string }) => u.login)).toEqual(['u.anh']);
    const sorted = await as(t.app, d1Admin).get('/api/v1/users?q=u.&sort=displayName');
    expect(sorted.json().items.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Bùi Dũng',
      'Dương An',
      'Đặng Thị Ánh',
    ]);
    const paged = await as(t.app, d1Admin).get('/api/v1/users?q=u.&sort=login&order=desc&pageSize=2&page=2');
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.json().items.map((u: { login: string }) => u.login)).toEqual(['u.an']);
    expect((await as(t.app, d1Admin).get('/api/v1/users?pageSize=500')).statusCode).toBe(400);
  });

  it('refuses an easily guessed password on create and reset, naming the field, and stores nothing', async () => {
    const before = await t.db.kysely.selectFrom('users').select(['id', 'password_hash']).orderBy('id').execute();
    const weak: [string, RegExp][] = [
      ['aaaaaaaaaa', /lặp lại/],
      ['1234567890', /hay dùng/],
      ['password123', /hay dùng/],
      // the login, the person's name and the units' names are the first things a guesser tries
      ['dinh.khoa2024', /tên đăng nhập/],
      ['dinhvankhoa1', /họ tên/],
      ['huyendoanmot2024', /tên đơn vị/],
      ['doanthanhnien2024', /./],
    ];
    for (const [password, hint] of weak) {
      const res = await as(t.app, d1Admin).post('/api/v1/users', {
        login: 'dinh.khoa',
        displayName: 'Đinh Văn Khoa',
        password,
        grants: [{ unitId: d1, role: 'viewer' }],
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().details.field).toBe('password');
      expect(res.json().message).toMatch(/^Mật khẩu: quá dễ đoán/);
      expect(res.json().message, password).toMatch(hint);
    }
    const reset = await as(t.app, d1Admin).post(`/api/v1/users/${d1AdminId}/password`, { password: 'admin.d1-2024' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json()).toMatchObject({ code: 'validation', details: { field: 'password' } });
    expect(reset.json().message).toMatch(/^Mật khẩu: quá dễ đoán/);
    expect(await t.db.kysely.selectFrom('users').select(['id', 'password_hash']).orderBy('id').execute()).toEqual(
      before,
    );
  });

  it('a password reset ends every session of the account', async () => {
    const u = await makeUser(t.ctx, { login: 'quen.mk', grants: [{ unitId: d1Grassroots, role: 'viewer' }] });
    const s1 = await login(t.app, 'quen.mk', PASSWORD);
    const s2 = await login(t.app, 'quen.mk', PASSWORD);
    const res = await as(t.app, d1Admin).post(`/api/v1/users/${u.id}/password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect((await as(t.app, s1).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await as(t.app, s2).get('/api/v1/auth/me')).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'quen.mk', password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    await login(t.app, 'quen.mk', NEW_PASSWORD);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', u.id)
      .where('entity', '=', 'user')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['password_reset']);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|mat-khau/);
  });

  it('a disabled account is signed out and cannot log in; a stale edit is 409', async () => {
    const u = await makeUser(t.ctx, { login: 'se.khoa', grants: [{ unitId: d1, role: 'editor' }] });
    const s = await login(t.app, 'se.khoa', PASSWORD);
    const res = await as(t.app, d1Admin).patch(`/api/v1/users/${u.id}`, { version: 1, disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, version: 2 });
    expect((await as(t.app, s).get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'se.khoa', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    const stale = await as(t.app, d1Admin).patch(`/api/v1/users/${u.id}`, { version: 1, displayName: 'Tên cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale');
    const enabled = await as(t.app, d1Admin).patch(`/api/v1/users/${u.id}`, { version: 2, disabled: false });
    expect(enabled.json()).toMatchObject({ disabled: false, displayName: 'se.khoa' });
    await login(t.app, 'se.khoa', PASSWORD);
  });

  it("links a cadre's own account to one person only", async () => {
    const res = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'nguyen.an',
      displayName: 'Nguyễn Văn An',
      password: 'mat-khau-rat-dai',
      personId: d1Person,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ personId: d1Person, personName: 'Nguyễn Văn An', grants: [] });
    const second = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'nguyen.an2',
      displayName: 'Nguyễn Văn An',
      password: 'mat-khau-rat-dai',
      personId: d1Person,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().details.field).toBe('personId');
    // the cadre's account is the district admin's to manage, since the cadre's unit is inside
    expect((await as(t.app, d1Admin).get(`/api/v1/users/${res.json().id}`)).statusCode).toBe(200);
  });

  it('grants are added and removed with audit rows; the last one stays', async () => {
    const created = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'cap.quyen',
      displayName: 'Cấp Quyền',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: d1, role: 'viewer' }],
    });
    const id = created.json().id as number;
    const added = await as(t.app, d1Admin).post(`/api/v1/users/${id}/grants`, { unitId: d1Grassroots, role: 'editor' });
    expect(added.statusCode).toBe(201);
    expect(added.json().grants).toHaveLength(2);
    const dup = await as(t.app, d1Admin).post(`/api/v1/users/${id}/grants`, { unitId: d1Grassroots, role: 'admin' });
    expect(dup.statusCode).toBe(409);
    const [first, second] = added.json().grants as { id: number }[];
    const removed = await as(t.app, d1Admin).delete(`/api/v1/users/${id}/grants/${second?.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().grants).toHaveLength(1);
    const last = await as(t.app, d1Admin).delete(`/api/v1/users/${id}/grants/${first?.id}`);
    expect(last.statusCode).toBe(400);
    expect((await as(t.app, d1Admin).delete(`/api/v1/users/${id}/grants/999999`)).statusCode).toBe(404);

    // in the account's own history, each with the grants before and after
    const history = await as(t.app, d1Admin).get(`/api/v1/audit?entity=user&entityId=${id}`);
    expect(history.statusCode).toBe(200);
    const entries = history.json().items as { action: string; actorName: string; changes: unknown[] }[];
    expect(entries.map((e) => e.action)).toEqual(['grant_remove', 'grant_add', 'create']);
    const editor = [{ unitId: d1Grassroots, unitName: 'Đoàn xã Một', role: 'editor' }];
    // filed under the grant's unit and listing only the grants there and below: the district viewer role is not named
    expect(entries[1]?.changes).toEqual([{ field: 'grants', before: [], after: editor }]);
    expect(entries[0]?.changes).toEqual([{ field: 'grants', before: editor, after: [] }]);
    expect(entries[0]?.actorName).toBe('admin.d1');
    const filed = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'unit_id'])
      .where('action', 'in', ['grant_add', 'grant_remove'])
      .where('entity_id', '=', id)
      .execute();
    expect(filed).toEqual([
      { entity: 'user', unit_id: d1Grassroots },
      { entity: 'user', unit_id: d1Grassroots },
    ]);
  });

  it('every change is readable as history with a field-by-field diff, newest first', async () => {
    const created = await as(t.app, d1Admin).post('/api/v1/users', {
      login: 'lich.su',
      displayName: 'Lịch Sử',
      password: 'mat-khau-rat-dai',
      grants: [{ unitId: d1, role: 'viewer' }],
    });
    const id = created.json().id as number;
    await as(t.app, d1Admin).patch(`/api/v1/users/${id}`, { version: 1, displayName: 'Lịch Sử Mới' });
    const res = await as(t.app, d1Admin).get(`/api/v1/audit?entity=user&entityId=${id}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(page.items[0]).toMatchObject({
      entity: 'user',
      entityId: id,
      actorName: 'admin.d1',
      changes: [{ field: 'displayName', before: 'Lịch Sử', after: 'Lịch Sử Mới' }],
    });
    expect(page.items[1].changes).toEqual(expect.arrayContaining([{ field: 'login', before: null, after: 'lich.su' }]));
    const asc = await as(t.app, d1Admin).get(`/api/v1/audit?entity=user&entityId=${id}&order=asc`);
    expect(asc.json().items.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
  });

  it("audit rows are scoped to the reader's subtree; a cadre sees only their own record's", async () => {
    await t.db.kysely
      .insertInto('audit_log')
      .values([
        {
          at: new Date().toISOString(),
          actor_user_id: null,
          entity: 'person',
          entity_id: d2Person,
          action: 'update',
          unit_id: d2,
          before: '{"phone":null}',
          after: '{"phone":"0901234567"}',
        },
        {
          at: new Date().toISOString(),
          actor_user_id: null,
          entity: 'person',
          entity_id: d1Person,
          action: 'update',
          unit_id: d1Grassroots,
          before: '{"phone":null}',
          after: '{"phone":"0907654321"}',
        },
      ])
      .execute();
    const d1Rows = await as(t.app, d1Admin).get('/api/v1/audit?pageSize=200');
    expect(
      d1Rows
        .json()
        .items.some((e: { entity: string; entityId: number }) => e.entity === 'person' && e.entityId === d2Person),
    ).toBe(false);
    expect((await as(t.app, d1Admin).get(`/api/v1/audit?entity=person&entityId=${d2Person}`)).json().total).toBe(0);
    expect((await as(t.app, d1Admin).get(`/api/v1/audit?unitId=${d2}`)).json().total).toBe(0);
    const rootRows = await as(t.app, root).get(`/api/v1/audit?entity=person&entityId=${d2Person}`);
    expect(rootRows.json().items[0].changes).toEqual([{ field: 'phone', before: null, after: '0901234567' }]);

    const cadre = await login(t.app, 'nguyen.an', 'mat-khau-rat-dai');
    const own = await as(t.app, cadre).get('/api/v1/audit?pageSize=200');
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    expect(
      own
        .json()
        .items.every((e: { entity: string; entityId: number }) => e.entity === 'person' && e.entityId === d1Person),
    ).toBe(true);
  });
  it('an account reaching two districts files its history under their common parent', async () => {
    const res = await as(t.app, root).post('/api/v1/users', {
      login: 'hai.huyen',
      displayName: 'Hai Huyện',
      password: 'mat-khau-rat-dai',
      grants: [
        { unitId: d1Grassroots, role: 'viewer' },
        { unitId: d2, role: 'viewer' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const row = await t.db.kysely
      .selectFrom('audit_log')
      .select('unit_id')
      .where('entity', '=', 'user')
      .where('entity_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(province);
    const d1History = await as(t.app, d1Admin).get(`/api/v1/audit?entity=user&entityId=${res.json().id}`);
    expect(d1History.json().total).toBe(0);
  });

  it('audit query errors name the field in Vietnamese', async () => {
    const res = await as(t.app, d1Admin).get('/api/v1/audit?entity=khac');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('entity');
    expect(res.json().message).toMatch(/^Loại bản ghi:/);
    const wrongType = await as(t.app, d1Admin).patch(`/api/v1/users/${d1AdminId}`, { version: 1, disabled: 'co' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().message).toMatch(/^Khoá tài khoản:/);
  });
});
