import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app.ts';
import { LOGIN_LIMITS } from '../../auth/throttle.ts';
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

  it('a guesser spread over many addresses is slowed, while the owner at home or in their browser is not', async () => {
    await makeUser(t.ctx, { login: 'nhieu.dia.chi' });
    const home = await attempt(t.app, 'nhieu.dia.chi', PASSWORD, '192.0.2.30');
    const device = deviceOf(home);
    const limit = LOGIN_LIMITS.perAccountFromStrangers;
    // fewer guesses from each address than its own limit, but together past the account's
    for (let i = 0; i < limit; i++) {
      expect((await attempt(t.app, 'nhieu.dia.chi', 'doan-bua-sau', `198.51.101.${i}`)).statusCode).toBe(401);
    }
    // a new address is refused unchecked, even with the right password
    const refused = await attempt(t.app, 'nhieu.dia.chi', PASSWORD, '198.51.102.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // another account is not affected
    await makeUser(t.ctx, { login: 'ben.canh' });
    expect((await attempt(t.app, 'ben.canh', PASSWORD, '198.51.102.2')).statusCode).toBe(200);
    // the owner's address and the owner's browser elsewhere still sign in
    expect((await attempt(t.app, 'nhieu.dia.chi', PASSWORD, '192.0.2.30')).statusCode).toBe(200);
    expect((await attempt(t.app, 'nhieu.dia.chi', PASSWORD, '198.51.102.3', device)).statusCode).toBe(200);
    // wrong passwords from the owner's own places do not count towards the strangers' limit
    await t.db.kysely.deleteFrom('login_failures').execute();
    for (let i = 0; i < limit; i++) {
      const place = i % 2 ? { address: '192.0.2.30' } : { address: `198.51.103.${i}`, cookie: device };
      await attempt(t.app, 'nhieu.dia.chi', 'go-nham', place.address, place.cookie);
      // the owner's own limit per place: sign in between so it never trips
      if (i % 4 === 3) await attempt(t.app, 'nhieu.dia.chi', PASSWORD, '192.0.2.30', device);
    }
    expect((await attempt(t.app, 'nhieu.dia.chi', PASSWORD, '198.51.104.1')).statusCode).toBe(200);
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
    // only the new failure's three counters (the account from that address, the address, and the
    // account's failures from strangers) remain
    expect(await rowCount(t, 'login_failures')).toBe(3);
    // and an expired window no longer holds anyone back
    expect((await attempt(t.app, 'chu.tai.khoan', PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });
});
