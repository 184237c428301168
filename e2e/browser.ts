import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));

export function baseUrl(): string {
  const url = process.env.CANBO_E2E_URL;
  if (!url) throw new Error('CANBO_E2E_URL is not set: run the browser tests with `npm run test:e2e`');
  return url;
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless; the flags keep it from reaching for the network this machine lacks. */
export async function openBrowser(): Promise<Session> {
  const browser = await launchBrowser();
  const context = await newContext(browser);
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close() };
}

/** The browser alone, for a test that opens contexts of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context as a user's desk: Vietnamese locale and time zone, no cookies (unless
 * `options` gives a signed-in storage state, or another screen).
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

// Vitest sets BASE_URL itself (to "/"), hence a name of our own for the server address.
let counter = 0;

/** Saves a numbered full-page screenshot into e2e/screenshots/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  counter += 1;
  const file = join(screenshotDir, `${String(counter).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
