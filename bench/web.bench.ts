/**
 * What the browser downloads and how soon it paints (not part of `npm test`):
 *   npm run bench:web [-- --runs 3] [--files]
 * Builds what changed (scripts/build-changed.mjs), starts the built server as `npm start` does on a
 * fresh SQLite database with the demo, on a free port, and drives Debian's Chromium (playwright-core)
 * on two profiles: localhost as it is, and a phone — CDP's Network.emulateNetworkConditions at
 * 1.6 Mbps down, 750 kbps up, 150 ms latency, and Emulation.setCPUThrottlingRate 4, on a 390×844 screen. Each run starts
 * with an empty cache and prints, for the login page (/login) and for the first screen after signing
 * in there (the dashboard, the login page's files already in the cache), for `/` without a session (sent
 * to the login page), and for the dashboard opened
 * cold (a signed-in visitor with an empty cache): the JavaScript files, their compressed bytes as
 * transferred (headers included) and their raw bytes, the first contentful paint (the page's
 * splash, index.html) and when the page could be used (the login form, the dashboard's figures shown). Targets (issue 11): login page
 * < 150 KB, first screen < 400 KB, FCP < 1.5 s on the phone profile.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { machine, percentile } from './measure.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, files: { type: 'boolean', default: false } },
});
const RUNS = Number(values.runs);
/** `--files`: each measured load's scripts, compressed bytes and name, to see what a change moved. */
const FILES = values.files;
const PASSWORD = 'canbo-demo-2024';
const USER = 'lanhdao';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const built = spawnSync(process.execPath, ['scripts/build-changed.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'canbo-bench-web-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['server/dist/main.mjs', 'serve', '--demo-if-empty'], {
  stdio: 'ignore',
  detached: true,
  env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'canbo.db')}`, PORT: String(port), HOST: '127.0.0.1' },
});
const stop = () => {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
};
process.on('exit', () => {
  stop();
  rmSync(dir, { recursive: true, force: true });
});

// The first start loads the demo (hashing its passwords): allow a few minutes on a busy machine.
for (let i = 0; ; i++) {
  const ok = await fetch(`${base}/api/v1/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 1200) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 250));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

interface Profile {
  name: string;
  throttle: boolean;
  viewport?: { width: number; height: number };
}
const PROFILES: Profile[] = [
  { name: 'localhost', throttle: false },
  // A phone's screen too: what is on its first screen is what it must download first.
  { name: 'phone (1.6 Mbps, 150 ms, CPU ×4, 390×844)', throttle: true, viewport: { width: 390, height: 844 } },
];

/** A fresh context (empty cache, no cookies), throttled as the profile says, every page through CDP. */
async function open(profile: Profile): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...(profile.viewport ? { viewport: profile.viewport } : {}),
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile.throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 1_600_000 / 8,
      uploadThroughput: 750_000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  return { context, page, cdp };
}

interface Load {
  files: number;
  compressed: number;
  raw: number;
  fcp: number;
  /** Compressed script bytes come in by the time the page could be used (charts below or after it come later). */
  early: number;
  /** When the page could be used: the login form, or the dashboard's figures, shown (from the navigation's start). */
  ready: number;
}

/** Loads what `go` navigates to, counting the scripts that came over the network (not from the cache). */
async function measure(page: Page, cdp: CDPSession, go: () => Promise<unknown>): Promise<Load> {
  const scripts = new Map<string, string>();
  const sizes = new Map<string, number>();
  const onResponse = (e: { requestId: string; type: string; response: { url: string; fromDiskCache?: boolean } }) => {
    if (e.type === 'Script' && !e.response.fromDiskCache) scripts.set(e.requestId, e.response.url);
  };
  const onFinished = (e: { requestId: string; encodedDataLength: number }) =>
    sizes.set(e.requestId, e.encodedDataLength);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await go();
  const ready = await page.evaluate(() => performance.now());
  let early = 0;
  for (const id of scripts.keys()) early += sizes.get(id) ?? 0;
  await page.waitForLoadState('networkidle');
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  let compressed = 0;
  let raw = 0;
  const listed: string[] = [];
  for (const [id, url] of scripts) {
    compressed += sizes.get(id) ?? 0;
    raw += statSync(join('web/dist', new URL(url).pathname)).size;
    listed.push(`${String(sizes.get(id) ?? 0).padStart(8)} ${new URL(url).pathname}`);
  }
  if (FILES) console.log(`${listed.sort().reverse().join('\n')}\n${'-'.repeat(40)}`);
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  return { files: scripts.size, compressed, raw, fcp, ready, early };
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(USER);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

const rows: string[] = [];
const kb = (n: number) => (n / 1000).toFixed(1);
const ms = (n: number) => (n / 1000).toFixed(2);
for (const profile of PROFILES) {
  const results: Record<'root' | 'login' | 'after' | 'cold', Load[]> = { root: [], login: [], after: [], cold: [] };
  for (let run = 0; run < RUNS; run++) {
    const anonymous = await open(profile);
    results.root.push(
      await measure(anonymous.page, anonymous.cdp, async () => {
        await anonymous.page.goto('/');
        await anonymous.page.getByLabel('Tên đăng nhập').waitFor();
      }),
    );
    await anonymous.context.close();

    const warm = await open(profile);
    results.login.push(
      await measure(warm.page, warm.cdp, async () => {
        await warm.page.goto('/login');
        await warm.page.getByLabel('Tên đăng nhập').waitFor();
      }),
    );
    results.after.push(
      await measure(warm.page, warm.cdp, async () => {
        await signIn(warm.page);
        await warm.page.waitForURL((url) => url.pathname === '/dashboard', { timeout: 120_000 });
        await warm.page.getByText('Xu hướng qua các năm').first().waitFor({ timeout: 120_000 });
      }),
    );
    await warm.context.close();

    const cold = await open(profile);
    const res = await cold.context.request.post('/api/v1/auth/login', { data: { login: USER, password: PASSWORD } });
    if (!res.ok()) throw new Error(`login ${res.status()}`);
    results.cold.push(
      await measure(cold.page, cold.cdp, async () => {
        await cold.page.goto('/dashboard', { timeout: 120_000 });
        await cold.page.getByText('Xu hướng qua các năm').first().waitFor({ timeout: 120_000 });
      }),
    );
    await cold.context.close();
  }
  for (const [label, loads] of [
    ['/ without a session', results.root],
    ['login page', results.login],
    ['dashboard after signing in', results.after],
    ['dashboard, empty cache', results.cold],
  ] as const) {
    const median = (f: (l: Load) => number) =>
      percentile(
        loads.map(f).sort((a, b) => a - b),
        50,
      );
    rows.push(
      `| ${profile.name} | ${label} | ${median((l) => l.files)} | ${kb(median((l) => l.compressed))} | ${kb(median((l) => l.early))} | ${kb(median((l) => l.raw))} | ${ms(median((l) => l.fcp))} | ${ms(median((l) => l.ready))} |`,
    );
  }
}
await browser.close();

console.log(`\n${machine()}; median of ${RUNS} runs, each with an empty cache\n`);
console.log(
  '| profile | page | scripts | compressed KB | of which by usable | raw KB | first contentful paint s | usable s |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log('\nTargets: login page < 150 KB, first screen after login < 400 KB, FCP < 1.5 s on the phone profile.');
stop();
process.exit(0);
