import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { newContext, openBrowser, screenshot, type Session } from './browser.ts';
import { DESK, downloaded, lookAt, xlsxTexts } from './pages.ts';
import { logIn, pickDate, slug, tableRows } from './ui.ts';

/*
 * The pages that count: the cadre structure report (a province viewer and the province organiser pick
 * The pages that count: the cadre structure report (a province viewer and the province organiser pick
 * a day, open the people behind a number, take the .xlsx and .docx), the training summary (a preset
 * period, its sentence, the classes behind its total), "Chuẩn hóa cán bộ" with its two lists and
 * exports, the title standards an administrator edits, the scheme progress report (its scheme picked, a
 * number opened, both exports), and the /imports page's newer kinds.
 * One login per role; every page is also looked at on a phone, where nothing may spill sideways.
 */

const AT = { iso: '2025-12-31', shown: '31/12/2025' };

let s: Session;
let current: Page;
const pages = new Map<string, Page>();

/** The page of this role, logged in once. */
async function as(login: string): Promise<Page> {
  let page = pages.get(login);
  if (!page) {
    page = await (await newContext(s.browser)).newPage();
    await page.setViewportSize(DESK);
    await logIn(page, login);
    pages.set(login, page);
  }
  current = page;
  return page;
}

beforeAll(async () => {
  s = await openBrowser();
  current = s.page;
});

afterAll(async () => {
  await s?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(current, `reports-failed-${slug(task.name)}`).catch(() => {});
  });
});

/** The report of the cadre structure on AT: its first number that is not zero, and its value. */
async function openReport(page: Page): Promise<{ link: Locator; value: string }> {
  await page.goto('/reports');
  await page
    .getByRole('link', { name: /đội ngũ cán bộ/i })
    .first()
    .click();
  await page.waitForURL(/\/reports\/doi-ngu-can-bo/);
  await pickDate(page.getByRole('textbox', { name: 'Tính đến ngày' }), AT.shown);
  await page.waitForURL((url) => url.searchParams.get('at') === AT.iso);
  // the calendar closed, so the screenshots show the report, not the picker over it
  await page.keyboard.press('Escape');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
  await page.locator('[data-cell]').first().waitFor();
  const links = page.locator('[data-cell]');
  const texts = await links.allInnerTexts();
  const i = texts.findIndex((v) => v.trim() !== '0');
  expect(i, 'a number other than 0').toBeGreaterThanOrEqual(0);
  return { link: links.nth(i), value: texts[i]!.trim() };
}

describe('the cadre structure report', () => {
  it('a province viewer picks a day, opens a number’s people and takes the .xlsx and .docx', async () => {
    const page = await as('lanhdao');
    const { link, value } = await openReport(page);
    const title = (await page.locator('h4').first().innerText()).trim();
    await lookAt(page, 'report');

    await link.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`${value} người`, { exact: true }).waitFor();
    await expect.poll(() => tableRows(drawer).count()).toBeGreaterThan(0);
    await lookAt(page, 'report-rows', drawer);
    const firstName = (await tableRows(drawer).first().locator('td').first().innerText()).trim();
    const rows = await downloaded(page, () => drawer.getByRole('button', { name: 'Xuất Excel' }).click());
    expect(rows.name).toMatch(/^so-lieu-.*\.xlsx$/);
    expect(await xlsxTexts(rows.bytes)).toContain(firstName);
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const xlsx = await downloaded(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click());
    expect(xlsx.name).toMatch(/^bao-cao-.*\.xlsx$/);
    const cells = await xlsxTexts(xlsx.bytes);
    expect(cells).toContain(value.replace(/\./g, ''));
    expect(cells.join('\n')).toContain(AT.shown);

    await page.getByRole('button', { name: 'Xuất văn bản Word' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Ký');
    const docx = await downloaded(page, () => dialog.getByRole('button', { name: 'Tải văn bản' }).click());
    expect(docx.name).toMatch(/^bao-cao-.*\.docx$/);
    const body = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!);
    const text = body.replace(/<[^>]+>/g, '');
    expect(text).toContain('Nguyễn Văn Ký');
    expect(text.toLowerCase()).toContain(title.toLowerCase().split(' ').slice(0, 3).join(' '));
  });

  it('the province organiser opens a number and lands on one of its people', async () => {
    const page = await as('bantochuc');
    const { link, value } = await openReport(page);
    await link.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`${value} người`, { exact: true }).waitFor();
    const person = tableRows(drawer).first().getByRole('link').first();
    const name = (await person.innerText()).trim();
    await person.click();
    await page.waitForURL(/\/people\/\d+/);
    await page.getByText(name).first().waitFor();
  });
});

describe('the scheme progress report', () => {
  it('a province viewer picks the 2018–2022 scheme, opens its 65 and takes the .xlsx and .docx', async () => {
    const page = await as('lanhdao');
    await page.goto('/reports/tien-do-de-an');
    await page.getByText('Chọn một đề án, kế hoạch để xem tiến độ thực hiện.').waitFor();
    const picker = page.getByRole('combobox', { name: 'Đề án, kế hoạch' });
    await picker.click();
    await picker.fill('2018');
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(/giai đoạn 2018–2022/)
      .first()
      .click();
    await page.waitForURL((url) => url.searchParams.get('schemeId') !== null);
    const degrees = page.locator('[data-cell]').first();
    await expect.poll(() => degrees.innerText()).toBe('65');
    await page.getByText('Đã đạt').first().waitFor();
    await lookAt(page, 'report-scheme');

    await degrees.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('65 người', { exact: true }).waitFor();
    await expect.poll(() => tableRows(drawer).count()).toBeGreaterThan(0);
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const xlsx = await downloaded(page, () => page.getByRole('button', { name: 'Xuất Excel' }).click());
    expect(xlsx.name).toMatch(/^bao-cao-tien-do-thuc-hien-de-an-ke-hoach-.*\.xlsx$/);
    expect(await xlsxTexts(xlsx.bytes)).toEqual(expect.arrayContaining(['65', '94', 'Đã đạt']));
    await page.getByRole('button', { name: 'Xuất văn bản Word' }).click();
    const dialog = page.getByRole('dialog');
    // As a person would: the dialog read, its number typed, then the button.
    await dialog.getByLabel('Số văn bản').fill('27');
    const docx = await downloaded(page, () => dialog.getByRole('button', { name: 'Tải văn bản' }).click());
    const text = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain('Báo cáo tiến độ thực hiện đề án, kế hoạch');
    expect(text).toContain('Số: 27-BC/');
    expect(text).toContain('Đã đạt');
  });
});

describe('the training summary', () => {
  it('the province leadership picks fifteen years, reads the sentence and opens the classes behind the total', async () => {
    const page = await as('lanhdao');
    await page.goto('/reports');
    await page
      .getByRole('link', { name: /tổng hợp công tác tập huấn/i })
      .first()
      .click();
    await page.waitForURL(/\/reports\/tong-hop-dao-tao/);
    await page.getByRole('combobox', { name: 'Chọn nhanh khoảng thời gian' }).click();
    await page.locator('.ant-select-item-option[title^="15 năm qua"]').click();
    await page.waitForURL((url) => url.searchParams.get('from')?.endsWith('-01-01') ?? false);
    await page.getByText(/^Trong 15 năm qua \(\d{4} – \d{4}\), toàn tỉnh tổ chức/).waitFor();
    await page.keyboard.press('Escape');
    await lookAt(page, 'report-training');
    const total = page.locator('[data-cell="total:classes"]');
    const value = (await total.innerText()).trim().replace(/\./g, '');
    await total.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(`${value} lớp`, { exact: true }).waitFor();
    await expect.poll(() => tableRows(drawer).count()).toBeGreaterThan(0);
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});

describe('Chuẩn hóa cán bộ', () => {
  it('the province organiser reads both lists, changes the months and exports each', async () => {
    const page = await as('bantochuc');
    await page.goto('/standards');
    await page.getByRole('heading', { name: 'Chuẩn hóa cán bộ' }).waitFor();
    await page.getByRole('tab', { name: 'Chưa đạt tiêu chuẩn chức danh' }).waitFor();
    await expect.poll(() => tableRows(page.getByRole('tabpanel')).count()).toBeGreaterThan(0);
    await lookAt(page, 'standards');
    const first = await downloaded(page, () =>
      page.getByRole('tabpanel').getByRole('button', { name: 'Xuất Excel' }).click(),
    );
    expect(first.name).toMatch(/\.xlsx$/);

    await page.getByRole('tab', { name: 'Chưa bồi dưỡng chức danh' }).click();
    const months = page.locator('#standards_months');
    await months.fill('6');
    await months.press('Tab');
    await expect.poll(() => tableRows(page.getByRole('tabpanel')).count()).toBeGreaterThan(0);
    await lookAt(page, 'standards-gaps');
    const gaps = await downloaded(page, () =>
      page.getByRole('tabpanel').getByRole('button', { name: 'Xuất Excel' }).click(),
    );
    expect(gaps.name).toMatch(/\.xlsx$/);
    expect((await xlsxTexts(gaps.bytes)).join('\n')).toContain('Trong 6 tháng kể từ khi bổ nhiệm');
  });

  it('an administrator edits one title standard and sees it in the catalogue', async () => {
    const page = await as('admin');
    await page.goto('/standards/catalogue');
    await page.getByRole('heading', { name: /Tiêu chuẩn chức danh/ }).waitFor();
    const row = tableRows(page).first();
    await row.waitFor();
    await lookAt(page, 'standards-catalogue');
    await row.getByRole('button', { name: /^Sửa tiêu chuẩn/ }).click();
    const age = page.locator('#standard_maxAgeFirst');
    await age.fill('33');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    // the save, then the modal's closing, on a busy machine
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => row.locator('td').nth(2).innerText()).toMatch(/^33\b/);
  });
});

describe('imports of the newer kinds', () => {
  for (const [kind, file] of [
    ['Điểm danh', 'mau-nhap-diem-danh.xlsx'],
    ['Lớp đã học (theo danh sách học viên)', 'mau-nhap-hoc-vien-lop-da-hoc.xlsx'],
  ] as const) {
    it(`${kind}: the kind is chosen and its template downloaded`, async () => {
      const page = await as('admin');
      await page.goto('/imports');
      await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();
      await page.locator('#import-kind').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle(kind, { exact: true }).click();
      const template = await downloaded(page, () => page.getByRole('button', { name: 'Tải mẫu' }).click());
      expect(template.name).toBe(file);
      expect((await xlsxTexts(template.bytes)).length).toBeGreaterThan(3);
      await lookAt(page, `imports-${slug(kind)}`);
    });
  }
});
