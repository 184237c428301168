import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from '../browser.ts';
import { slug } from '../ui.ts';
import { accessibility, layoutAndWords, settled, Watcher, type Finding } from './checks.ts';
import type { Stop } from './routes.ts';

// One walk through the tour's stops in one page: open each, let it settle, check it, keep a screenshot,
// then the same for each tab of its tab bar.

export interface Result extends Finding {
  who: string;
  screen: string;
  page: string;
}

export interface Walk {
  who: string;
  screen: string;
  codes: Set<string>;
  /**
   * Where axe-core runs, once per page as drawn (its stop and tab, whoever looks): a page's
   * accessibility hardly depends on the screen or on who looks, and axe is the slowest check.
   * Undefined: not here.
   */
  axeSeen?: Set<string>;
  /** Milliseconds spent per phase, summed over walks (the tour reports where its time goes). */
  timing: Record<string, number>;
}

export async function walk(page: Page, stops: readonly Stop[], w: Walk): Promise<Result[]> {
  const watcher = new Watcher(page);
  const dir = join(screenshotDir, 'tour', w.screen, w.who);
  mkdirSync(dir, { recursive: true });
  const results: Result[] = [];
  let n = 0;
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await work();
    } finally {
      w.timing[phase] = (w.timing[phase] ?? 0) + Date.now() - start;
    }
  };

  let noAccessSeen = false;
  const look = async (name: string, stop: Stop) => {
    const found: Finding[] = [];
    watcher.touch();
    await frames(page);
    if (!(await timed('settle', () => settled(page, watcher)))) {
      found.push({ check: 'request', text: 'still loading after 15 s' });
    }
    const noAccess = await page.evaluate(() => !!document.querySelector('[data-testid="no-access"]'));
    // The "no access" page is one component wherever it stands in: checked and kept once per walk;
    // after that only its requests (there must be none refused) are looked at.
    const again = noAccess && noAccessSeen;
    noAccessSeen ||= noAccess;
    if (!again) found.push(...(await timed('layout and words', () => layoutAndWords(page, w.codes))));
    // axe once per page as drawn, whoever looks: a page, one of its tabs, the refusal of a record
    // the user cannot see, or "no access".
    const axeKey = noAccess ? 'no-access' : stop.refused ? `${name} refused` : name;
    if (w.axeSeen && !w.axeSeen.has(axeKey)) {
      w.axeSeen.add(axeKey);
      found.push(...(await timed('axe', () => accessibility(page))));
    }
    n += 1;
    if (!again) {
      const file = join(dir, `${String(n).padStart(2, '0')}-${name}.jpeg`);
      // What the screen shows: a full-page capture resizes the page (a relayout, antd's breakpoints
      // re-rendered) and cost more than every check together on a busy machine. The caret left as it
      // is: hiding it adds a style to the page and draws it again.
      await timed('screenshot', () => page.screenshot({ path: file, type: 'jpeg', quality: 70, caret: 'initial' }));
    }
    found.push(...watcher.take());
    for (const f of found) results.push({ ...f, who: w.who, screen: w.screen, page: name });
  };

  for (const [i, stop] of stops.entries()) {
    watcher.expect(stop.expects);
    try {
      await timed('navigate', () => (i === 0 ? page.goto(stop.url).then(() => undefined) : navigate(page, stop.url)));
      await look(stop.name, stop);
      if (!stop.tabs) continue;
      const first = await sectionShown(page);
      for (let t = 1; t < MAX_SECTIONS; t++) {
        const label = await nextSection(page, t);
        // The phone's list goes round to the first section after the last.
        if (label === undefined || (t > 1 && label === first)) break;
        await look(`${stop.name}-${slug(label || String(t))}`, stop);
      }
    } catch (e) {
      // One page that cannot be checked is a finding; the walk goes on to the next.
      const text = `could not be checked: ${(e as Error).message.split('\n')[0]}`;
      results.push({ check: 'unchecked', text, who: w.who, screen: w.screen, page: stop.name });
    }
  }
  watcher.expect([]);
  return results;
}

/**
 * Goes to an address inside the app as its router does (history + popstate): the app stays loaded, as
 * it does for a user moving between pages, and a page costs its own requests only.
 */
async function navigate(page: Page, url: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(history.state, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }, url);
}

/** Two frames: what a navigation or a click starts (a render, its requests) has begun. */
function frames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** More sections than any page has: a page whose sections never go round is a finding, not an endless walk. */
const MAX_SECTIONS = 20;

/**
 * The page's first tab bar (tabs nested in a tab are the tab's own business): antd's bar on a desk; on a
 * phone PageTabs puts a list of the sections in its place.
 */
const BAR = 'main .ant-tabs >> nth=0';

/** The label of the section shown, in the bar or written in the phone's list; undefined without one. */
function sectionShown(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const tabs = document.querySelector('main .ant-tabs');
    const shown =
      tabs?.querySelector(':scope > .ant-tabs-nav .ant-tabs-tab-active') ??
      tabs?.querySelector(':scope > .ant-select .ant-select-content');
    return shown ? (shown.textContent ?? '') : undefined;
  });
}

/**
 * Shows the section after the one shown and gives its label; undefined when there is none. On a desk the
 * bar's tab number `t` (a tab hidden behind the bar's "…" is still a button in the DOM: clicked there); on a
 * phone the next entry of the list, chosen as a user does by keyboard (the list draws only the entries in
 * view, so they cannot be read at once): it opens at the section shown, and goes round after the last.
 */
async function nextSection(page: Page, t: number): Promise<string | undefined> {
  const bar = page.locator(BAR);
  if ((await bar.locator(':scope > .ant-tabs-nav').count()) > 0) {
    const tab = bar.locator(`:scope > .ant-tabs-nav .ant-tabs-tab >> nth=${t}`);
    if ((await tab.count()) === 0) return undefined;
    await tab.locator('.ant-tabs-tab-btn').dispatchEvent('click');
    return (await tab.textContent()) ?? '';
  }
  const list = bar.locator(':scope > .ant-select');
  if ((await list.count()) === 0) return undefined;
  await list.click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // Looked at as the user sees it: once the list has gone (while it closes, its entries are still drawn).
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.ant-select-dropdown')).every((d) => !d.checkVisibility()),
  );
  return sectionShown(page);
}
