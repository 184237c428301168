import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { testApp } from '../../../test/app.ts';
import { makeUser, PASSWORD } from '../../../test/factories.ts';
import { rowCount } from '../../../test/fixtures.ts';

const OWNER_HOME = '192.0.2.10';

describe('login throttling', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const attempt = (
    app: App,
    login: string,
    password: string,
    remoteAddress: string,
    cookie?: string,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      ...(cookie ? { headers: { cookie } } : {}),
      payload: { login, password },
    });

  const deviceOf = (res: LightMyRequestResponse) => {
    const c = res.cookies.find((x) => x.name === 'canbo_device');
    return c ? `canbo_device=${c.value}` : undefined;
  };

  it("a stranger's wrong passwords from many addresses do not lock the owner out", async () => {
    await makeUser(t.ctx, { login: 'chu.tai.khoan' });
    expect((await attempt(t.app, 'chu.tai.khoan', PASSWORD, OWNER_HOME)).statusCode).toBe(200);

    for (const stranger of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      for (let i = 0; i < 5; i++) {
        expect((await attempt(t.app, 'chu.tai.khoan', 'doan-bua-mot', stranger)).statusCode).toBe(401);
      }
      // the sixth guess from one address is refused unchecked, with the wait in seconds
      const refused = await attempt(t.app, 'chu.tai.khoan', PASSWORD, stranger);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'rate_limited' });
      const wait = Number(refused.headers['retry-after']);
      expect(wait).toBeGreaterThan(14 * 60);
      expect(wait).toBeLessThanOrEqual(15 * 60);
      expect(refused.json().details.retryAfter).toBe(wait);
    }
    // fifteen wrong passwords later, the owner signs in from home as ever
    expect((await attempt(t.app, 'chu.tai.khoan', PASSWORD, OWNER_HOME)).statusCode).toBe(200);
  });

  it("an address shared with a guesser still lets the owner's browser in", async () => {
    await makeUser(t.ctx, { login: 'quan.ca.phe' });
    const cafe = '203.0.113.50';
    const first = await attempt(t.app, 'quan.ca.phe', PASSWORD, '192.0.2.20');
    const device = deviceOf(first);
    expect(device).toBeDefined();
    for (let i = 0; i < 5; i++) await attempt(t.app, 'quan.ca.phe', 'doan-bua-hai', cafe);
    expect((await attempt(t.app, 'quan.ca.phe', PASSWORD, cafe)).statusCode).toBe(429);
    // a made-up device cookie is no key
    const forged = 'canbo_device=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await attempt(t.app, 'quan.ca.phe', PASSWORD, cafe, forged)).statusCode).toBe(429);
    // the browser that signed in before carries its cookie into the café
    expect((await attempt(t.app, 'quan.ca.phe', PASSWORD, cafe, device)).statusCode).toBe(200);
  });

  it('the counts survive a restart and are shared by a second instance on the same database', async () => {
    await makeUser(t.ctx, { login: 'khoi.dong.lai' });
    const guesser = '198.51.100.20';
    for (let i = 0; i < 5; i++) await attempt(t.app, 'khoi.dong.lai', 'doan-bua-ba', guesser);
    const second = await buildApp({ config: t.ctx.config, db: t.db });
    try {
      const res = await attempt(second, 'khoi.dong.lai', PASSWORD, guesser);
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('keeps only the counts of the current window', async () => {
    await makeUser(t.ctx, { login: 'don.dep' });
    for (let i = 0; i < 3; i++) await attempt(t.app, 'don.dep', 'doan-bua-bon', `198.51.100.${40 + i}`);
    expect(await rowCount(t, 'login_failures')).toBeGreaterThan(2);
    // every count so far is from more than a window ago
    const old = new Date(Date.now() - 16 * 60_000).toISOString();
    await t.db.kysely.updateTable('login_failures').set({ first_at: old, last_at: old }).execute();
    await attempt(t.app, 'don.dep', 'doan-bua-nam', '198.51.100.50');
    // only the new failure's two counters (the account from that address, and the address) remain
    expect(await rowCount(t, 'login_failures')).toBe(2);
    // and an expired window no longer holds anyone back
    expect((await attempt(t.app, 'chu.tai.khoan', PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });
});
