import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { newContext, openBrowser, type Session } from './browser.ts';
import { DEMO_PASSWORD } from './ui.ts';

/*
 * What a phone downloads before it can sign in, and how the app's files are sent: compressed by the
 * build, cached for good when their name carries a hash, the page itself checked on each visit.
 */

/** The login page's JavaScript, compressed as sent: the target of issue 11. */
const LOGIN_BUDGET = 150_000;

let s: Session;

beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await s?.close();
});

/** The scripts a page load fetches, each with its compressed size as it came over the wire. */
async function scriptsOf(
  page: Page,
  load: () => Promise<unknown>,
): Promise<{ url: string; bytes: number; res: Response }[]> {
  const seen: Response[] = [];
  const onResponse = (res: Response) => {
    if (res.request().resourceType() === 'script') seen.push(res);
  };
  page.on('response', onResponse);
  await load();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return Promise.all(
    seen.map(async (res) => ({ url: res.url(), bytes: (await res.request().sizes()).responseBodySize, res })),
  );
}

describe('the app’s files', () => {
  it('the login page downloads under 150 KB of compressed JavaScript, all of it brotli, cached for a year', async () => {
    const page = s.page;
    const scripts = await scriptsOf(page, async () => {
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').waitFor();
    });
    const total = scripts.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`login page: ${scripts.length} scripts, ${(total / 1000).toFixed(1)} KB compressed`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(LOGIN_BUDGET);
    for (const { url, res } of scripts) {
      const headers = await res.allHeaders();
      expect(headers['content-encoding'], url).toBe('br');
      expect(headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
    }
    // none of the app behind the login: its router, route schemas, unit tree or date pickers
    expect(scripts.map((f) => f.url).join(' ')).not.toMatch(/Layout|router|tree|date-picker/);
  });

  it('signs in from that page and opens the app', async () => {
    const page = s.page;
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await expect.poll(() => page.getByRole('menuitem').count()).toBeGreaterThan(3);
  });

  it('asks for both fields before sending anything', async () => {
    const page = await s.context.newPage();
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts())
      .toEqual(['Hãy nhập tên đăng nhập', 'Hãy nhập mật khẩu']);
    await page.close();
  });

  it('a visitor without a session at / or a deep link gets the login page’s files alone, and comes back after signing in', async () => {
    const context = await newContext(s.browser);
    const page = await context.newPage();
    const login = await scriptsOf(page, async () => {
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').waitFor();
    });
    const names = (files: { url: string }[]) => files.map((f) => new URL(f.url).pathname).sort();
    await context.close();

    for (const [address, landing] of [
      ['/', '/login'],
      ['/people?q=nguyen', '/login?redirect=%2Fpeople%3Fq%3Dnguyen'],
    ] as const) {
      const fresh = await newContext(s.browser);
      const visit = await fresh.newPage();
      const scripts = await scriptsOf(visit, async () => {
        await visit.goto(address);
        await visit.getByLabel('Tên đăng nhập').waitFor();
      });
      const at = new URL(visit.url());
      expect(at.pathname + at.search, address).toBe(landing);
      expect(names(scripts), address).toEqual(names(login));
      if (address !== '/') {
        await visit.getByLabel('Tên đăng nhập').fill('lanhdao');
        await visit.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
        await visit.getByRole('button', { name: 'Đăng nhập' }).click();
        await visit.waitForURL((url) => url.pathname === '/people' && url.searchParams.get('q') === 'nguyen');
      }
      await fresh.close();
    }
  });

  it('the dashboard on a phone fetches the charts’ code only when a chart scrolls into view', async () => {
    // a small phone: the key figures fill its first screen, the trend's chart is below them
    const context = await newContext(s.browser, { viewport: { width: 360, height: 640 } });
    const res = await context.request.post('/api/v1/auth/login', {
      data: { login: 'lanhdao', password: DEMO_PASSWORD },
    });
    expect(res.ok()).toBe(true);
    const page = await context.newPage();
    // every request, whatever its kind: a chunk may come as a module preload as well as a script
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    const charts = () => asked.filter((path) => /\/assets\/EChart-/.test(path));
    await page.goto('/dashboard');
    await page.getByText('Xu hướng qua các năm').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked.some((path) => path.startsWith('/api/v1/dashboard'))).toBe(true);
    expect(charts()).toEqual([]);
    await page.getByText('Xu hướng qua các năm').first().scrollIntoViewIfNeeded();
    await page.locator('canvas').first().waitFor();
    expect(charts()).toHaveLength(1);
    await context.close();
  });

  it('sends the page to be checked on each visit, the icon as an icon, and a missing chunk as a 404', async () => {
    const req = s.context.request;
    const page = await req.get('/login');
    expect(page.headers()['cache-control']).toBe('no-cache');
    expect(page.headers()['content-type']).toMatch(/text\/html/);

    const icon = await req.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/^image\//);
    expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);

    const svg = await req.get('/favicon.svg');
    expect(svg.headers()['content-type']).toMatch(/^image\/svg\+xml/);

    const missing = await req.get('/assets/index-khongco.js');
    expect(missing.status()).toBe(404);
    expect(await missing.text()).not.toContain('<html');
  });
});
