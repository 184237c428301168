import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { makePerson, makeUnit, makeUser } from '../../test/factories.ts';
import { as, login, type Session } from '../../test/http.ts';
import { hashToken } from './session.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tokenOf = (s: Session) => s.cookie.split('=')[1]!;

/**
 * Sessions are served from memory for a moment (auth/session.cache.ts): each case signs in, makes
 * one request (which keeps the session), changes something, and checks the very next request.
 */
describe('session cache', () => {
  const TTL = 400;
  let t: Awaited<ReturnType<typeof testApp>>;
  let province: number;
  let district: number;
  let otherDistrict: number;
  let person: number;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp({ sessionCacheMs: TTL });
    province = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông', kind: 'province' });
    district = await makeUnit(t.ctx, { name: 'Huyện đoàn Cư Jút', parentId: province, kind: 'district' });
    otherDistrict = await makeUnit(t.ctx, { name: 'Huyện đoàn Krông Nô', parentId: province, kind: 'district' });
    person = await makePerson(t.ctx, { unitId: district, familyName: 'Nguyễn', givenName: 'Hoa' });
    const a = await makeUser(t.ctx, { superadmin: true });
    admin = await login(t.app, a.login, a.password);
  });
  afterAll(() => t.close());

  async function signedIn(
    grants: { unitId: number; role: 'viewer' | 'editor' }[] = [{ unitId: province, role: 'editor' }],
  ) {
    const user = await makeUser(t.ctx, { grants });
    const session = await login(t.app, user.login, user.password);
    expect((await as(t.app, session).get('/api/v1/auth/me')).statusCode).toBe(200);
    return { user, session };
  }

  const versionOf = async (userId: number) =>
    (await as(t.app, admin).get(`/api/v1/users/${userId}`)).json<{ version: number }>().version;

  it('serves a session from memory until its time is up: a change made outside this server shows within it', async () => {
    const { session } = await signedIn();
    // As another process would (the command line): a direct delete, no write transaction of this server.
    await t.db.kysely
      .deleteFrom('sessions')
      .where('token_hash', '=', hashToken(tokenOf(session)))
      .execute();
    expect((await as(t.app, session).get('/api/v1/auth/me')).statusCode).toBe(200);
    await sleep(TTL + 100);
    expect((await as(t.app, session).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a logout ends the session at once', async () => {
    const { session } = await signedIn();
    expect((await as(t.app, session).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, session).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it("a password change ends the account's other sessions at once, and keeps the one that made it", async () => {
    const { user, session: here } = await signedIn();
    const elsewhere = await login(t.app, user.login, user.password);
    expect((await as(t.app, elsewhere).get('/api/v1/auth/me')).statusCode).toBe(200);
    const changed = await as(t.app, here).post('/api/v1/auth/password', {
      currentPassword: user.password,
      password: 'bon-tu-khong-lien-quan',
    });
    expect(changed.statusCode).toBe(204);
    expect((await as(t.app, elsewhere).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await as(t.app, here).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a password reset by an administrator and a disabled account end the sessions at once', async () => {
    const reset = await signedIn();
    const res = await as(t.app, admin).post(`/api/v1/users/${reset.user.id}/password`, {
      password: 'mat-khau-moi-dai-hon',
    });
    expect(res.statusCode).toBe(204);
    expect((await as(t.app, reset.session).get('/api/v1/auth/me')).statusCode).toBe(401);

    const disabled = await signedIn();
    const off = await as(t.app, admin).patch(`/api/v1/users/${disabled.user.id}`, {
      version: await versionOf(disabled.user.id),
      disabled: true,
    });
    expect(off.statusCode).toBe(200);
    expect((await as(t.app, disabled.session).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a grant added or removed changes what the next request may see', async () => {
    const { user, session } = await signedIn([{ unitId: otherDistrict, role: 'viewer' }]);
    const read = () => as(t.app, session).get(`/api/v1/people/${person}`);
    const grants = async () =>
      (await as(t.app, session).get('/api/v1/auth/me')).json<{ grants: { id: number; unitId: number }[] }>().grants;
    expect((await read()).statusCode).toBe(404);

    const added = await as(t.app, admin).post(`/api/v1/users/${user.id}/grants`, { unitId: district, role: 'viewer' });
    expect(added.statusCode).toBe(201);
    expect((await read()).statusCode).toBe(200);
    const now = await grants();
    expect(now.map((g) => g.unitId)).toEqual([otherDistrict, district]);

    const removed = await as(t.app, admin).delete(`/api/v1/users/${user.id}/grants/${now[1]!.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await read()).statusCode).toBe(404);
    expect((await grants()).map((g) => g.unitId)).toEqual([otherDistrict]);
  });

  it('never serves a session past its end, however recently it was read', async () => {
    const short = await testApp({ sessionCacheMs: 60_000, sessionHours: 1 / 3600 });
    try {
      const unit = await makeUnit(short.ctx, { name: 'Tỉnh đoàn Lâm Đồng', kind: 'province' });
      const user = await makeUser(short.ctx, { grants: [{ unitId: unit, role: 'viewer' }] });
      const session = await login(short.app, user.login, user.password);
      expect((await as(short.app, session).get('/api/v1/auth/me')).statusCode).toBe(200);
      await sleep(1100);
      expect((await as(short.app, session).get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('with SESSION_CACHE_MS=0 every request reads the database', async () => {
    const uncached = await testApp({ sessionCacheMs: 0 });
    try {
      const unit = await makeUnit(uncached.ctx, { name: 'Tỉnh đoàn Lâm Đồng', kind: 'province' });
      const user = await makeUser(uncached.ctx, { grants: [{ unitId: unit, role: 'viewer' }] });
      const session = await login(uncached.app, user.login, user.password);
      expect((await as(uncached.app, session).get('/api/v1/auth/me')).statusCode).toBe(200);
      await uncached.db.kysely.deleteFrom('sessions').execute();
      expect((await as(uncached.app, session).get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await uncached.close();
    }
  });
});
