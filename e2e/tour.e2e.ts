import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext } from './browser.ts';
import { DESK, PHONE } from './pages.ts';
import { contractCodes } from './tour/checks.ts';
import { adminIds, idsFor, kindCodes, type DemoIds } from './tour/demo.ts';
import { publicStops, routerPaths, signedInStops, type Stop } from './tour/routes.ts';
import { walk, type Result } from './tour/visit.ts';
import { DEMO_PASSWORD } from './ui.ts';

// The tour: every page of the router, as every demo user and without signing in, on a desk (1440×900)
// and a phone (390×844). Each page and each of its tabs must show no overflow, no cut table header, no
// code, `#id` or raw key, no console error or refused request, no missing translation and no serious
// or critical axe-core violation (axe on the desk, once per page and tab whoever looks). A read-only
// page (reports, the dashboard) is visited once for users who read the same units. Screenshots:
// e2e/screenshots/tour/<screen>/<user>/. Every finding is also written to e2e/results/tour.json.
// The walks run first, a few at a time, each in its own context of one browser; then each user and
// screen is a test of its own that lists what was found there.

const USERS = ['admin', 'bantochuc', 'lanhdao', 'cujut', 'canbo'] as const;
const SCREENS = { desk: DESK, phone: PHONE } as const;
/** Walks at a time: the server and the browser work while a page waits on the other. */
const PARALLEL = Number(process.env.CANBO_TOUR_PARALLEL) || Math.min(3, Math.max(2, availableParallelism() - 1));
const resultsFile = fileURLToPath(new URL('./results/tour.json', import.meta.url));

type State = Awaited<ReturnType<BrowserContext['storageState']>>;
let browser: Browser;
let admin: DemoIds;
const walks: { who: string; screen: keyof typeof SCREENS; state?: State; stops: Stop[] }[] = [];
const results: Result[] = [];
const failures: string[] = [];
const codes = contractCodes();
const axeSeen = new Set<string>();
const timing: Record<string, number> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  // One sign-in per user (through the API: the login page is a stop of its own); every screen's
  // context starts from its cookies.
  const signedIn: { who: string; state: State; ids: DemoIds }[] = [];
  for (const who of USERS) {
    const context = await newContext(browser, { viewport: DESK });
    const login = await context.request.post('/api/v1/auth/login', { data: { login: who, password: DEMO_PASSWORD } });
    expect(login.status(), `${who} signs in`).toBe(200);
    if (who === 'admin') {
      admin = await adminIds(context.request);
      for (const code of await kindCodes(context.request)) codes.add(code);
    }
    signedIn.push({ who, state: await context.storageState(), ids: await idsFor(context.request, admin) });
    await context.close();
  }
  for (const screen of Object.keys(SCREENS) as (keyof typeof SCREENS)[]) {
    walks.push({ who: 'anonymous', screen, stops: publicStops(admin) });
    // A read-only page is visited once per screen for the users who read the same units (admin,
    // bantochuc and lanhdao all read the province): it would show them the same thing.
    const read = new Set<string>();
    for (const s of signedIn) {
      const stops = signedInStops(s.ids).filter((stop) => {
        if (!stop.sameForReaders || s.ids.reads === undefined) return true;
        const key = `${s.ids.reads} ${stop.url}`;
        return !read.has(key) && !!read.add(key);
      });
      walks.push({ who: s.who, screen, state: s.state, stops });
    }
  }
}, 120_000);

afterAll(async () => {
  mkdirSync(join(resultsFile, '..'), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 1));
  await browser?.close();
});

function seconds(ms: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v / 100) / 10]));
}

/** The findings as lines a person reads: page, check, what was seen. */
function listed(found: Result[]): string {
  return found.map((r) => `${r.page} [${r.check}] ${r.text}`).join('\n');
}

describe('tour of every page', () => {
  it('visits every route of the web router', () => {
    const toured = new Set([...signedInStops(admin), ...publicStops(admin)].map((s) => s.route));
    expect(routerPaths().filter((p) => !toured.has(p))).toEqual([]);
  });

  it('walks every page as every user on both screens', async () => {
    const started = Date.now();
    // CANBO_TOUR_ONLY=desk/admin,phone/canbo narrows the walks while working on a page (never in CI).
    const only = process.env.CANBO_TOUR_ONLY?.split(',');
    const queue = walks.filter((w) => !only || only.includes(`${w.screen}/${w.who}`));
    const worker = async () => {
      for (let w = queue.shift(); w; w = queue.shift()) {
        const context = await newContext(browser, { viewport: SCREENS[w.screen], storageState: w.state });
        // A busy machine draws slowly: a page that takes long is reported by `settled`, not by a timeout.
        context.setDefaultTimeout(60_000);
        try {
          const found = await walk(await context.newPage(), w.stops, {
            who: w.who,
            screen: w.screen,
            codes,
            axeSeen: w.screen === 'desk' ? axeSeen : undefined,
            timing,
          });
          results.push(...found);
        } catch (e) {
          failures.push(`${w.who} on the ${w.screen}: ${(e as Error).message}`);
          console.error(`tour: ${failures.at(-1)}`);
        } finally {
          await context.close();
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    console.log(
      `tour: ${walks.length} walks, ${PARALLEL} at a time, in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `${results.length} findings (${resultsFile}); seconds per phase, summed: ${JSON.stringify(seconds(timing))}`,
    );
    expect(failures).toEqual([]);
  }, 1_800_000);

  for (const screen of Object.keys(SCREENS)) {
    for (const who of ['anonymous', ...USERS]) {
      it(`${who === 'anonymous' ? 'without signing in' : `as ${who}`}, on the ${screen}: nothing found`, () => {
        const found = results.filter((r) => r.who === who && r.screen === screen);
        expect(found, listed(found)).toEqual([]);
      });
    }
  }
});
