import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as contract from '@canbo/contract';
import type { Page, Request, Response } from 'playwright-core';

// What every page must be, checked in the browser as a user sees it: nothing spills sideways, no table
// header is cut, no code or `#id` where words belong, a quiet console, no refused request, every word
// translated, and no serious or critical accessibility violation. The tour (tour.e2e.ts) runs these on
// every page; any browser story may call them on the pages it reaches.

export type Check =
  'overflow' | 'header-cut' | 'code' | 'id' | 'raw-key' | 'console' | 'request' | 'translation' | 'a11y' | 'unchecked';

export interface Finding {
  check: Check;
  text: string;
}

/** A refusal a page asks for on purpose (a QR check-in outside its window answers 404): method, path, statuses. */
export interface ExpectedRefusal {
  method: string;
  path: RegExp;
  statuses: readonly number[];
}

/**
 * Every enum code of the contract (class statuses, titles, marks, …): none of them may be shown as
 * such. Collected from the contract's exports, so an enum added later is covered.
 */
export function contractCodes(): Set<string> {
  const codes = new Set<string>();
  for (const value of Object.values(contract)) {
    const options = enumOptions(value);
    for (const o of options) if (typeof o === 'string' && /^[a-z][a-zA-Z_]*$/.test(o)) codes.add(o);
  }
  return codes;
}

function enumOptions(value: unknown): readonly unknown[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  if (value && typeof value === 'object' && 'options' in value && Array.isArray(value.options)) return value.options;
  return [];
}

/**
 * Listens to a page's console and network from now on: console errors (an i18n missing key is one, see
 * web/src/i18n), uncaught exceptions, responses ≥ 400 and requests that failed. `take()` hands over what
 * was seen since the last call; `idle()` says whether no request is in flight.
 */
export class Watcher {
  private findings: Finding[] = [];
  private inFlight = new Set<Request>();
  private expected: readonly ExpectedRefusal[] = [];
  private lastActivity = Date.now();

  constructor(private readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      // Chromium logs every refused response as a console error too: the request check reports it.
      if (text.startsWith('Failed to load resource')) return;
      const missing = /^i18n: missing translation (.*)$/.exec(text);
      this.findings.push(missing ? { check: 'translation', text: missing[1] ?? text } : { check: 'console', text });
    });
    page.on('pageerror', (err) => this.findings.push({ check: 'console', text: `uncaught: ${err.message}` }));
    page.on('request', (req) => {
      this.inFlight.add(req);
      this.lastActivity = Date.now();
    });
    page.on('requestfinished', (req) => this.settle(req));
    page.on('requestfailed', (req) => {
      this.settle(req);
      this.findings.push({
        check: 'request',
        text: `${req.method()} ${pathOf(req.url())}: ${req.failure()?.errorText}`,
      });
    });
    page.on('response', (res) => this.onResponse(res));
  }

  /** The refusals the page about to be visited asks for on purpose. */
  expect(refusals: readonly ExpectedRefusal[] = []): void {
    this.expected = refusals;
  }

  take(): Finding[] {
    const out = this.findings;
    this.findings = [];
    return out;
  }

  /** Counts as activity: a navigation or a click just made, whose requests may not have started yet. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  /** No request in flight, and none started or ended for `quietMs`. */
  idle(quietMs: number): boolean {
    return this.inFlight.size === 0 && Date.now() - this.lastActivity >= quietMs;
  }

  private settle(req: Request): void {
    this.inFlight.delete(req);
    this.lastActivity = Date.now();
  }

  private onResponse(res: Response): void {
    const status = res.status();
    if (status < 400) return;
    const req = res.request();
    const path = pathOf(res.url());
    const wanted = this.expected.some(
      (e) => e.method === req.method() && e.path.test(path) && e.statuses.includes(status),
    );
    if (!wanted) this.findings.push({ check: 'request', text: `${req.method()} ${path} → ${status}` });
  }
}

function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

/**
 * Waits for a page to be drawn with its data: no request in flight for a moment and no spinner or
 * skeleton on screen (no fixed sleep). Past `timeoutMs` it returns false rather than throwing, so the
 * tour reports a page that never settles among the rest.
 */
export async function settled(page: Page, watcher: Watcher, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (watcher.idle(150)) {
      const busy = await page.evaluate(() => {
        const spinning = document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active');
        return Array.from(spinning).some((el) => (el as HTMLElement).checkVisibility());
      });
      if (!busy && watcher.idle(150)) return true;
    }
    await page.waitForTimeout(50);
  }
  return false;
}

// Evaluated rather than added as a <script>: the app's Content-Security-Policy (script-src 'self')
// refuses inline scripts, and the tour checks the app under its real policy.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page as it is drawn now (axe injected once per document). */
export async function accessibility(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    // A colour still on its way (antd fades a button from disabled to enabled when its data arrives)
    // is not the colour the page shows: the finite transitions and animations end first.
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      check: 'a11y' as const,
      text: `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
    }));
}

/**
 * What the page shows, checked in the browser: overflow, cut table headers, codes, `#ids` and raw i18n
 * keys in visible text. Text inside `translate="no"` (a login, a unit code) is data, not words, and is
 * not searched for codes.
 */
export async function layoutAndWords(page: Page, codes: Set<string>): Promise<Finding[]> {
  return page.evaluate(
    (codeList) => {
      const codes = new Set(codeList);
      const found: { check: string; text: string }[] = [];
      const doc = document.documentElement;
      if (doc.scrollWidth > window.innerWidth) {
        found.push({
          check: 'overflow',
          text: `page is ${doc.scrollWidth} px wide on a ${window.innerWidth} px screen`,
        });
      }

      // A header is cut when it, or anything in it, hides what overflows and holds more than it shows.
      // A box that lets its overflow show is not cut: a pinned column's header carries antd's shadow, an
      // invisible box hanging past its edge, which widens the header's scrollWidth with no text cut.
      for (const th of Array.from(document.querySelectorAll<HTMLElement>('.ant-table-thead th'))) {
        if (!th.checkVisibility() || !th.innerText.trim()) continue;
        const boxes = [th, ...Array.from(th.querySelectorAll<HTMLElement>('*'))];
        const cut = boxes.some((el) => {
          if (el.scrollWidth <= el.clientWidth + 1) return false;
          const style = getComputedStyle(el);
          return style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        });
        if (cut) found.push({ check: 'header-cut', text: `"${th.innerText.trim().replace(/\s+/g, ' ')}"` });
      }

      // Visible text, node by node, outside data marked translate="no".
      const seen = new Set<string>();
      const report = (check: string, token: string, context: string) => {
        const key = `${check}:${token}`;
        if (seen.has(key)) return;
        seen.add(key);
        found.push({ check, text: `"${token}" in "${context.slice(0, 80)}"` });
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const fileOrHost = /\.(pdf|xlsx|docx|zip|png|csv|json|com|vn|org|net)$/i;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!parent || !text || parent.closest('script, style, noscript, [translate="no"]')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        for (const chunk of text.split(/\s+/)) {
          // An address, a link, a file's extension (".xlsx"): not words of the page.
          if (chunk.includes('@') || chunk.includes('://') || chunk.startsWith('.')) continue;
          const bare = chunk.replace(/^[("'“[]+|[)"'”\],;!?]+$|[.:]$/g, '');
          if (/^#\d+$/.test(bare)) report('id', bare, text);
          if (/^[a-z][a-zA-Z0-9]*([.:][a-zA-Z0-9_]+)+$/.test(bare) && /[a-z]/.test(bare) && !fileOrHost.test(bare)) {
            report('raw-key', bare, text);
          }
          for (const word of bare.match(/[\p{L}\p{N}_]+/gu) ?? []) {
            if (codes.has(word)) report('code', word, text);
          }
        }
      }
      return found as { check: Check; text: string }[];
    },
    [...codes],
  );
}
