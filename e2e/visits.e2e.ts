import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, type Session } from './browser.ts';
import { logIn, pickDate, slug, vnDay } from './ui.ts';

// The demo cadre `canbo` on a phone: their own grassroots-visit year, a trip logged, its report filed.
let s: Session;
let page: Page;

beforeAll(async () => {
  s = await openBrowser();
  page = s.page;
  await page.setViewportSize({ width: 390, height: 844 });
});

afterAll(async () => {
  await s?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(page, `failed-${slug(task.name)}`).catch(() => {});
  });
});

/** A tiny PNG (its signature and a few bytes): what the server checks an attachment's type by. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** The days done this year, as the progress card shows them ("12/60 ngày"). */
async function daysDone(): Promise<number> {
  const text = await page.getByTestId('visit-days').textContent();
  return Number(/^(\d+)\//.exec(text ?? '')?.[1]);
}

/** The toasts that cover any part of the year's totals, or lie off the screen (none should). */
async function toastsOverTotals(): Promise<string[]> {
  // read at one moment: a toast may leave while they are looked at one by one
  return page.evaluate(() => {
    const totals = document.querySelector('[data-testid="visit-totals"]')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll('.ant-message-notice')).flatMap((toast) => {
      const b = toast.getBoundingClientRect();
      const text = (toast.textContent ?? '').trim();
      if (b.top < 0 || b.bottom > innerHeight) return [`off the screen: ${text}`];
      const apart =
        b.right <= totals.left || totals.right <= b.left || b.bottom <= totals.top || totals.bottom <= b.top;
      return apart ? [] : [`over the totals: ${text}`];
    });
  });
}

/** The first trip card's title shows its dates and days whole, wrapped if need be, never cut off. */
async function tripDatesWhole(): Promise<void> {
  const dates = page.getByTestId('trip-dates').first();
  expect(await dates.innerText()).toMatch(/^\d\d\/\d\d\/\d{4} – \d\d\/\d\d\/\d{4} · \d+ ngày$/);
  const clipped = await dates.evaluate((el) => {
    const box = el.closest('.ant-card-head-title')!;
    return box.scrollWidth > box.clientWidth || el.getBoundingClientRect().right > box.getBoundingClientRect().right;
  });
  expect(clipped).toBe(false);
}

describe('grassroots visits on a phone', () => {
  let before = 0;

  it('shows the cadre their year against the requirement', async () => {
    await logIn(page, 'canbo');
    await page.goto('/visits/me');
    await page.getByRole('heading', { name: 'Đi cơ sở của tôi' }).waitFor();
    await page.getByTestId('visit-days').waitFor();
    before = await daysDone();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'visits-me');
  });

  it('sees the year’s registration and changes its host unit', async () => {
    const registration = page.getByTestId('visit-registration');
    await expect.poll(() => registration.textContent()).toContain('Đơn vị cơ sở đăng ký năm');
    await page.getByRole('button', { name: 'Đổi đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    const input = dialog.getByLabel('Đơn vị cơ sở đến');
    await input.click();
    const listId = await input.getAttribute('aria-controls');
    // another unit than the one registered with
    const other = page
      .locator(
        `.ant-select-dropdown:has([id="${listId}"]) .ant-select-item-option:not(.ant-select-item-option-selected)`,
      )
      .first();
    const label = (await other.getAttribute('title')) ?? '';
    await other.click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => registration.textContent()).toContain(label.replace(/ \(.*\)$/, ''));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'visits-registration');
  });

  it('logs a trip and sees the annual total rise', async () => {
    await page.getByRole('button', { name: 'Ghi đợt đi cơ sở' }).click();
    const dialog = page.getByRole('dialog');
    await pickDate(dialog.getByLabel('Ngày bắt đầu'), vnDay(-2).shown);
    await pickDate(dialog.getByLabel('Ngày kết thúc'), vnDay(-1).shown);
    await dialog.getByLabel('Mục đích, nội dung').fill('Dự sinh hoạt chi đoàn thôn');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(daysDone).toBeGreaterThan(before);
    // the toast confirming it leaves the total it raised in sight; the new trip's dates are whole
    await page.locator('.ant-message-notice').first().waitFor();
    expect(await toastsOverTotals()).toEqual([]);
    await tripDatesWhole();
    await screenshot(page, 'visits-trip-logged');
  });

  it('files the trip’s report with an attachment, and downloads it back', async () => {
    await page.getByRole('button', { name: 'Nộp báo cáo' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Báo cáo kết quả').fill('Đã dự sinh hoạt, nắm tình hình đoàn viên thôn.');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'bao-cao-thon.png', mimeType: 'image/png', buffer: PNG });
    await dialog.getByText('bao-cao-thon.png').waitFor();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã nộp báo cáo', { exact: true }).first().waitFor();
    expect(await toastsOverTotals()).toEqual([]);
    const link = page.getByRole('button', { name: 'Tải tệp bao-cao-thon.png' }).first();
    await link.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(file.suggestedFilename()).toBe('bao-cao-thon.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'visits-report-filed');
  });
});
