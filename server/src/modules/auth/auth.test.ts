import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { as, login } from '../../../test/http.ts';
import { createSuperadmin } from '../users/users.bootstrap.ts';

describe('auth', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    await createSuperadmin(t.ctx, 'admin', 'mat-khau-rat-dai');
  });
  afterAll(() => t.close());

  it('an anonymous request to a private route is 401 with a Vietnamese message', async () => {
    const res = await as(t.app, null).get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('logs in with an httpOnly SameSite=Lax cookie and a CSRF token, and logs out', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'ADMIN', password: 'mat-khau-rat-dai' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'canbo_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.login).toBe('admin');
    expect(body.csrfToken).toMatch(/.{20,}/);
    const session = { cookie: `canbo_session=${cookie?.value}`, csrf: body.csrfToken };
    expect((await as(t.app, session).get('/api/v1/auth/me')).statusCode).toBe(200);
    // a write without the CSRF header is refused
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf');
    expect((await as(t.app, session).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, session).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const s = await login(t.app, 'admin', 'mat-khau-rat-dai');
    const token = s.cookie.split('=')[1];
    const rows = await t.db.kysely.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const user = await t.db.kysely.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('an expired session is refused, and cleared out at the next login', async () => {
    const s = await login(t.app, 'admin', 'mat-khau-rat-dai');
    await t.db.kysely.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await as(t.app, s).get('/api/v1/auth/me')).statusCode).toBe(401);
    await login(t.app, 'admin', 'mat-khau-rat-dai');
    const left = await t.db.kysely.selectFrom('sessions').select('expires_at').execute();
    expect(left).toHaveLength(1);
    expect(left[0]!.expires_at > new Date().toISOString()).toBe(true);
  });

  it('a wrong password is 401 naming the field, and the sixth try in a row is throttled', async () => {
    await createSuperadmin(t.ctx, 'victim', 'mat-khau-rat-dai');
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'victim', password: 'sai-mat-khau' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().details.field).toBe('password');
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'victim', password: 'mat-khau-rat-dai' },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toMatch(/thử lại/);
  });

  it('a user changes their own password: the current one proves it, a weak one is refused, other sessions end', async () => {
    await createSuperadmin(t.ctx, 'tu.doi', 'mat-khau-rat-dai', 'Lò Văn Tư');
    const here = await login(t.app, 'tu.doi', 'mat-khau-rat-dai');
    const elsewhere = await login(t.app, 'tu.doi', 'mat-khau-rat-dai');
    const change = (body: object) => as(t.app, here).post('/api/v1/auth/password', body);

    const wrong = await change({ currentPassword: 'khong-dung-dau', password: 'bon-tu-khong-lien-quan' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: { field: 'currentPassword' } });
    expect(wrong.json().message).toMatch(/^Mật khẩu hiện tại:/);
    for (const weak of ['aaaaaaaaaa', 'lovantu2024', 'tu.doi2024']) {
      const res = await change({ currentPassword: 'mat-khau-rat-dai', password: weak });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().details.field).toBe('password');
      expect(res.json().message).toMatch(/^Mật khẩu: quá dễ đoán/);
    }
    expect((await change({ currentPassword: 'mat-khau-rat-dai', password: 'bon-tu-khong-lien-quan' })).statusCode).toBe(
      204,
    );
    expect((await as(t.app, here).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await as(t.app, elsewhere).get('/api/v1/auth/me')).statusCode).toBe(401);
    await login(t.app, 'tu.doi', 'bon-tu-khong-lien-quan');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'password_change')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/argon2|bon-tu/);
  });

  it('a login body of the wrong type is 400 naming the field in Vietnamese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 5, password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('login');
    expect(res.json().message).toMatch(/^Tên đăng nhập:/);
  });

  it('lists the 54 ethnic groups and "other" in the statistics office order', async () => {
    const s = await login(t.app, 'admin', 'mat-khau-rat-dai');
    const res = await as(t.app, s).get('/api/v1/catalog/ethnicities');
    const items = res.json().items;
    expect(items).toHaveLength(55);
    expect(items[0]).toEqual({ code: '01', name: 'Kinh', minority: false });
    expect(items.find((e: { name: string }) => e.name === 'Mnông').minority).toBe(true);
  });
});
