import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { App } from '../src/http.ts';
import { testApp } from './app.ts';
import { login, type Session } from './http.ts';
import { makeUnit, makeUser, PASSWORD } from './factories.ts';

function expectSecurityHeaders(res: LightMyRequestResponse): void {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/** A concrete URL for a route pattern: every `:param` becomes 1 (the hook refuses before any lookup). */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

describe('security', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let session: Session;
  let webDist: string;
  let withWeb: App;

  beforeAll(async () => {
    t = await testApp();
    const unit = await makeUnit(t.ctx, { name: 'Tỉnh đoàn An Toàn' });
    await makeUser(t.ctx, { login: 'bien.tap', grants: [{ unitId: unit, role: 'admin' }] });
    session = await login(t.app, 'bien.tap', PASSWORD);
    webDist = mkdtempSync(join(tmpdir(), 'canbo-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Canbo</title>');
    writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
    withWeb = await buildApp({ config: { ...t.ctx.config, webDist }, db: t.db });
    await withWeb.ready();
  });
  afterAll(async () => {
    await withWeb.close();
    rmSync(webDist, { recursive: true, force: true });
    await t.close();
  });

  it('sends the security headers on API answers, errors included', async () => {
    expectSecurityHeaders(await t.app.inject({ method: 'GET', url: '/api/v1/health' }));
    expectSecurityHeaders(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }));
    expectSecurityHeaders(await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' }));
    expectSecurityHeaders(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } }),
    );
  });

  it('sends the security headers on the web app and its files', async () => {
    // a browser holding a session gets the app's page; one without is sent to the login page first
    const signedIn = { cookie: session.cookie };
    const shell = await withWeb.inject({ method: 'GET', url: '/', headers: signedIn });
    expect(shell.statusCode).toBe(200);
    expectSecurityHeaders(shell);
    const toLogin = await withWeb.inject({ method: 'GET', url: '/units/12' });
    expect(toLogin.statusCode).toBe(302);
    expectSecurityHeaders(toLogin);
    const login = await withWeb.inject({ method: 'GET', url: '/login' });
    expect(login.statusCode).toBe(200);
    expectSecurityHeaders(login);
    const deepLink = await withWeb.inject({ method: 'GET', url: '/units/12', headers: signedIn });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('Canbo');
    expectSecurityHeaders(deepLink);
    const file = await withWeb.inject({ method: 'GET', url: '/app.js' });
    expect(file.statusCode).toBe(200);
    expectSecurityHeaders(file);
    // an unknown API address is a JSON error (401 anonymous, 404 signed in), never the app shell
    expect((await withWeb.inject({ method: 'GET', url: '/api/v1/khong-co' })).statusCode).toBe(401);
    const api = await withWeb.inject({ method: 'GET', url: '/api/v1/khong-co', headers: { cookie: session.cookie } });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('not_found');
  });

  it('sets the session cookie httpOnly, SameSite=Lax, on the whole site, expiring with the session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'bien.tap', password: PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'canbo_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.maxAge).toBe(t.ctx.config.sessionHours * 3600);
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  /** A second app on the same database with this environment, closed after `use`. */
  async function withEnv(env: NodeJS.ProcessEnv, use: (app: App) => Promise<void>): Promise<void> {
    const config = { ...loadConfig(env), webDist: null, databaseUrl: t.ctx.config.databaseUrl };
    const other = await buildApp({ config, db: t.db });
    try {
      await use(other);
    } finally {
      await other.close();
    }
  }

  const signIn = (app: App, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers,
      payload: { login: 'bien.tap', password: PASSWORD },
    });

  it('over https (an https PUBLIC_URL) marks the cookies Secure and sends HSTS', async () => {
    await withEnv({ PUBLIC_URL: 'https://canbo.tinhdoan.vn' }, async (app) => {
      const res = await signIn(app);
      expect(res.statusCode).toBe(200);
      for (const name of ['canbo_session', 'canbo_device']) {
        expect(res.cookies.find((c) => c.name === name)).toMatchObject({
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        });
      }
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.headers['strict-transport-security']).toMatch(/^max-age=/);
    });
  });

  it('over plain http sends no HSTS and no Secure cookie, whatever an untrusted client claims', async () => {
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const res = await signIn(t.app, headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.cookies.find((c) => c.name === 'canbo_session')?.secure).toBeFalsy();
    }
    expect((await t.app.inject({ method: 'GET', url: '/' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('believes X-Forwarded-Proto https from a trusted proxy only', async () => {
    await withEnv({ TRUST_PROXY: '127.0.0.1' }, async (app) => {
      const viaProxy = await signIn(app, { 'x-forwarded-proto': 'https' });
      expect(viaProxy.headers['strict-transport-security']).toMatch(/^max-age=/);
      expect(viaProxy.cookies.find((c) => c.name === 'canbo_session')?.secure).toBe(true);
      const plain = await signIn(app, { 'x-forwarded-proto': 'http' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(plain.cookies.find((c) => c.name === 'canbo_session')?.secure).toBeFalsy();
    });
  });

  it('refuses every state-changing route without the CSRF header, or with a wrong one', async () => {
    const writes = t.app.routeTable.filter((r) => !r.public && !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writes.length).toBeGreaterThan(5);
    for (const r of writes) {
      for (const headers of [
        { cookie: session.cookie },
        { cookie: session.cookie, 'x-csrf-token': `${session.csrf}x` },
      ]) {
        const res = await t.app.inject({ method: r.method as 'POST', url: concrete(r.url), headers, payload: {} });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('csrf');
      }
    }
    // the session still works: nothing above signed it out
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('throttles one address guessing across many accounts, without locking out other addresses', async () => {
    const attacker = '203.0.113.7';
    // 4 tries on each of 5 accounts: under the per-account limit, at the per-address one
    for (let i = 0; i < 20; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: attacker,
        payload: { login: `doan-mo-${i % 5}`, password: 'doan-bua-mat-khau' },
      });
      expect(res.statusCode).toBe(401);
    }
    // from that address even the right password for another account is refused, unchecked
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: attacker,
      payload: { login: 'bien.tap', password: PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
    expect(blocked.json().message).toMatch(/thử lại/);
    expect(blocked.json().details.retryAfter).toBeGreaterThan(0);
    expect(blocked.headers['retry-after']).toBe(String(blocked.json().details.retryAfter));
    // X-Forwarded-For from a client that is no trusted proxy changes nothing: it cannot pick its address
    const spoofed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: attacker,
      headers: { 'x-forwarded-for': '198.51.100.77' },
      payload: { login: 'bien.tap', password: PASSWORD },
    });
    expect(spoofed.statusCode).toBe(429);
    const framed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.78',
      headers: { 'x-forwarded-for': attacker },
      payload: { login: 'bien.tap', password: PASSWORD },
    });
    expect(framed.statusCode).toBe(200);
    // behind a proxy named in TRUST_PROXY, the address it forwards is the one that counts
    await withEnv({ TRUST_PROXY: '10.0.0.2, 127.0.0.1/32' }, async (app) => {
      const forwarded = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': attacker },
        payload: { login: 'bien.tap', password: PASSWORD },
      });
      expect(forwarded.statusCode).toBe(429);
      const other = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': '198.51.100.79' },
        payload: { login: 'bien.tap', password: PASSWORD },
      });
      expect(other.statusCode).toBe(200);
    });
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '198.51.100.9',
      payload: { login: 'bien.tap', password: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
