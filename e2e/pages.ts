import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { openBrowser, screenshot, type Session } from './browser.ts';
import { slug } from './ui.ts';

// What the browser stories share about what a page gives and how it looks: downloads, desk and phone.

export const DESK = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * One browser for a whole spec file, as its story runs in one page: opened before the first test
 * (`opened` gets the page the spec drives), closed after the last, and a screenshot named after a
 * test that fails (`failed-<test>`, or the given prefix).
 */
export function browserForSpec(opened: (page: Page) => void, failed = 'failed'): void {
  let s: Session | undefined;
  beforeAll(async () => {
    s = await openBrowser();
    opened(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (s) await screenshot(s.page, `${failed}-${slug(task.name)}`).catch(() => {});
    });
  });
}

export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download', { timeout: 60_000 });
  const [download] = await Promise.all([waiting, click()]).catch(async (err: Error) => {
    // A download that never came says why if the page said it (a refusal shown as a message or alert).
    const said = await page
      .locator('.ant-message-notice, .ant-notification-notice, .ant-alert, .ant-form-item-explain-error')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`${err.message}\nthe page showed: ${said.length ? said.join(' | ') : '(no message)'}`);
  });
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Every cell of every sheet as the text it shows. */
export async function xlsxTexts(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => texts.push(cell.text))));
  return texts;
}

/** How far the page reaches past the screen's right edge (0: nothing spills sideways). */
function spill(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * A desk and a phone screenshot of what is on screen. On the phone the page never scrolls sideways;
 * with a drawer open (`panel`: the page behind is locked) the drawer fits the screen's width.
 */
export async function lookAt(page: Page, name: string, panel?: Locator): Promise<void> {
  await screenshot(page, `${name}-desk`);
  await page.setViewportSize(PHONE);
  try {
    const reach = panel
      ? async () => ((b) => (b ? b.x + b.width - PHONE.width : 1))(await panel.boundingBox())
      : () => spill(page);
    await expect.poll(reach, { message: `${name} on a phone` }).toBeLessThanOrEqual(0);
    await screenshot(page, `${name}-phone`);
  } finally {
    await page.setViewportSize(DESK);
  }
}
