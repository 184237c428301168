import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './http.ts';
import { IMMUTABLE, REVALIDATE } from './web.ts';
import { testApp } from '../test/app.ts';
import { makePerson, makeUnit, makeUser, PASSWORD } from '../test/factories.ts';
import { login, type Session } from '../test/http.ts';

const PAGE = '<!doctype html><title>Canbo</title><script type="module" src="/assets/index-Ab12Cd.js"></script>';
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `từ thứ ${i}`))};`;
/** The real icon the build copies from web/public. */
const ICON = readFileSync(new URL('../../web/public/favicon.ico', import.meta.url));

/** A built web app as vite leaves it: the files, and the brotli and gzip copies beside the text ones. */
function writeDist(dir: string): void {
  mkdirSync(join(dir, 'assets'));
  const files: [string, string | Buffer][] = [
    ['index.html', PAGE],
    ['assets/index-Ab12Cd.js', SCRIPT],
    ['favicon.ico', ICON],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), content);
    if (name.endsWith('.ico')) continue;
    // marked, so that a test sees which copy was sent
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(`${content as string}/*br*/`));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(`${content as string}/*gz*/`));
  }
}

describe('serving the web app and compressing answers', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let web: App;
  let dist: string;
  let session: Session;

  beforeAll(async () => {
    t = await testApp();
    dist = mkdtempSync(join(tmpdir(), 'canbo-web-'));
    writeDist(dist);
    web = await buildApp({ config: { ...t.ctx.config, webDist: dist }, db: t.db });
    await web.ready();
    const unit = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Nén Thử' });
    await makeUser(t.ctx, { login: 'nen.thu', grants: [{ unitId: unit, role: 'editor' }] });
    for (let i = 0; i < 40; i++) {
      await makePerson(t.ctx, { unitId: unit, familyName: 'Nguyễn', middleName: 'Văn', givenName: `Người ${i}` });
    }
    session = await login(t.app, 'nen.thu', PASSWORD);
  });
  afterAll(async () => {
    await web.close();
    rmSync(dist, { recursive: true, force: true });
    await t.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => web.inject({ method: 'GET', url, headers });

  it('sends a hashed script in brotli when the browser takes it, else gzip, else plain — cached for a year', async () => {
    const br = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(`${SCRIPT}/*br*/`);

    const gz = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(`${SCRIPT}/*gz*/`);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);

    const plain = await get('/assets/index-Ab12Cd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('sends the page compressed and asks the browser to check it on every visit, deep links included', async () => {
    for (const url of ['/', '/index.html', '/people/12?tab=training', '/login']) {
      const res = await get(url, { 'accept-encoding': 'br', cookie: 'canbo_session=any' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('<title>Canbo</title>');
    }
  });

  it('sends a browser without a session to the login page, noting where it was going', async () => {
    const expected: [string, string][] = [
      ['/', '/login'],
      ['/dashboard', '/login?redirect=%2Fdashboard'],
      ['/people/12?tab=training', '/login?redirect=%2Fpeople%2F12%3Ftab%3Dtraining'],
      ['/checkin/abc', '/login?redirect=%2Fcheckin%2Fabc'],
    ];
    for (const [url, location] of expected) {
      const res = await get(url, { 'accept-encoding': 'br' });
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location, url).toBe(location);
    }
    // The pages open to anyone, the files and the API are answered as they are.
    for (const url of ['/login', '/login?redirect=%2Fpeople', '/verify/abc', '/index.html', '/favicon.ico']) {
      expect((await get(url)).statusCode, url).toBe(200);
    }
    expect((await get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers a missing asset with a 404, never the page', async () => {
    for (const url of ['/assets/index-Old99.js', '/assets/khong-co.css', '/assets/']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/application\/json/);
      expect(res.body, url).not.toContain('<title>');
    }
  });

  it('sends the icon at /favicon.ico, not the page', async () => {
    const res = await get('/favicon.ico', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    const body = res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.rawPayload) : res.rawPayload;
    // an ICO file begins with reserved 0 and type 1
    expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(res.headers['cache-control']).toBe(REVALIDATE);
  });

  it('compresses a page of the people list as the browser accepts, and sends small answers plain', async () => {
    const headers = { cookie: session.cookie };
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/people?pageSize=200', headers });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json<{ items: unknown[] }>().items).toHaveLength(40);

    const br = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people?pageSize=200',
      headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const unpacked = brotliDecompressSync(br.rawPayload).toString();
    expect(JSON.parse(unpacked)).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(unpacked.length / 3);

    const gz = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people?pageSize=200',
      headers: { ...headers, 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());

    // under a kilobyte the headers would cost more than they save
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
