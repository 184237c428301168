import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { choose, logIn, pickDate, tableRows } from './ui.ts';
import { browserForSpec } from './pages.ts';

/*
 * The province's organising department (admin) records a cadre's move between two communes on the
 * person's page, "Quá trình công tác", sees it listed, and finds the cadre under the old commune in the
 * people list "Tính đến ngày" a day before the move. Screenshots of the tab and of the imports page,
 * on a desk and on a phone, where nothing may run off the screen.
 */

let page: Page;

const FROM = 'Đoàn xã Nam Dong';
const TO = 'Đoàn xã Cư Jút';

browserForSpec((opened) => (page = opened));

const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

/** The id of the demo unit in being with this exact name (the communes of 2025 took their old names). */
async function unitId(name: string): Promise<number> {
  const res = await page.request.get('/api/v1/units', { params: { q: name, pageSize: 50 } });
  expect(res.status()).toBe(200);
  const unit = (await res.json()).items.find(
    (u: { name: string; validTo: string | null }) => u.name === name && u.validTo === null,
  );
  expect(unit, name).toBeTruthy();
  return unit.id as number;
}

describe('moves: a cadre between two communes', () => {
  let person: number;
  let from: number;

  it('a cadre of Nam Dong since 01/08/2025, set up through the API', async () => {
    await logIn(page, 'admin');
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    const headers = { 'x-csrf-token': me.csrfToken as string };
    from = await unitId(FROM);
    const created = await page.request.post('/api/v1/people', {
      headers,
      data: {
        unitId: from,
        familyName: 'Điểu',
        middleName: null,
        givenName: "K'Chuyển",
        birthDate: '1996-03-08',
        gender: 'male',
        ethnicityCode: '01',
        nationalId: null,
        partyMember: false,
        qualification: 'university',
        theoryLevel: 'basic',
        hardshipArea: false,
        confirmDuplicate: true,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    person = (await created.json()).id;
    const position = await page.request.post('/api/v1/positions', {
      headers,
      data: {
        personId: person,
        unitId: from,
        title: 'committee_member',
        employment: 'part_time',
        method: 'elected',
        term: '2025–2030',
        decision: '12-QĐ/ĐTN',
        startDate: '2025-08-01',
        endDate: null,
      },
    });
    expect(position.status(), await position.text()).toBe(201);
  });

  it('records the move on the person’s page and lists it', async () => {
    await page.goto(`/people/${person}`);
    await page.getByRole('tab', { name: 'Quá trình công tác' }).click();
    await page.getByText('Chưa ghi lần điều chuyển nào').waitFor();
    await page.getByRole('button', { name: 'Thêm lần điều chuyển' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Thêm lần điều chuyển công tác').waitFor();
    await choose(dialog.getByLabel('Đến đơn vị'), TO, 'cu jut');
    await pickDate(dialog.getByLabel('Ngày điều chuyển'), '01/10/2025');
    await dialog.getByLabel('Số quyết định').fill('45-QĐ/ĐTN');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã ghi lần điều chuyển').first().waitFor();

    const row = tableRows(page).first();
    await expect.poll(() => row.textContent()).toContain(TO);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('01/10/2025');
    expect(text).toContain('Điều động');
    expect(text).toContain(FROM);
    expect(text).toContain('45-QĐ/ĐTN');
    await screenshot(page, 'moves-tab-desk');

    // On a phone the page's sections are chosen from a full-width list: the moves are one of them.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      const section = page.getByLabel('Mục đang xem');
      await choose(section, 'Quá trình công tác');
      await expect.poll(() => tableRows(page).first().textContent()).toContain(TO);
      expect(await pageWidth()).toBeLessThanOrEqual(390);
      // The cadre's history names the move as a move between units, with the units' names.
      await choose(section, 'Lịch sử thay đổi');
      await page.getByText('Điều chuyển công tác').first().waitFor();
      await screenshot(page, 'moves-tab-phone');
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });

  it('the people list as of a day before the move shows the cadre under the old commune', async () => {
    await page.goto(`/people?unitId=${from}&q=${encodeURIComponent("K'Chuyển")}`);
    await page.getByText('Không có dữ liệu').first().waitFor();
    await pickDate(page.getByLabel('Tính đến ngày'), '30/09/2025');
    await expect.poll(() => page.url()).toContain('asOf=2025-09-30');
    const row = tableRows(page).first();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Chuyển');
    expect(await row.textContent()).toContain(FROM);
    // Before the cadre's first position the record had not begun.
    await pickDate(page.getByLabel('Tính đến ngày'), '31/07/2025');
    await expect.poll(() => page.url()).toContain('asOf=2025-07-31');
    await page.getByText('Không có dữ liệu').first().waitFor();
  });

  it('the imports page on a desk and on a phone', async () => {
    await page.goto('/imports');
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();
    await screenshot(page, 'imports-desk');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();
      expect(await pageWidth()).toBeLessThanOrEqual(390);
      await screenshot(page, 'imports-phone');
    } finally {
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });
});
