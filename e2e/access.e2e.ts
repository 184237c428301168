import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Certificate, Page as Paged, TrainingClass } from '@canbo/contract';
import { pdfPages } from '../server/test/documents.ts';
import { newContext, openBrowser, screenshot, type Session } from './browser.ts';
import { logIn, slug } from './ui.ts';

/*
 * What each demo role may open, seen in the browser: the pages it cannot use say so before asking the
 * server anything (no refused request, a clean console) and its menu never offers them; a province
 * leader reads every tab of the 2023 class; a commune editor's class header counts its own seats; and
 * a certificate's verification page dates everything by Vietnam's calendar for a visitor in Los Angeles.
 */

let s: Session;
let browser: Browser;
let current: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  s = await openBrowser();
  browser = s.browser;
  current = s.page;
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await s?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(current, `access-failed-${slug(task.name)}`).catch(() => {});
  });
});

/** A fresh desk for one account, with every console error and refused API request it meets. */
async function deskFor(login: string, options: { timezoneId?: string } = {}) {
  const context = options.timezoneId
    ? await browser.newContext({
        baseURL: process.env.CANBO_E2E_URL,
        locale: 'vi-VN',
        timezoneId: options.timezoneId,
        viewport: { width: 1440, height: 900 },
      })
    : await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  current = page;
  const errors: string[] = [];
  const refused: string[] = [];
  const api: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (!path.startsWith('/api/')) return;
    api.push(path);
    if (r.status() >= 400) refused.push(`${r.status()} ${path}`);
  });
  if (login) await logIn(page, login);
  return { page, errors, refused, api };
}

/** The pages each demo role may not open, one address for each route (`$id` = any: nothing is asked). */
const REFUSED: Record<string, string[]> = {
  admin: ['/visits/me'],
  bantochuc: ['/users', '/users/1', '/visits/me'],
  lanhdao: ['/users', '/users/1', '/imports', '/visits/me'],
  cujut: ['/users', '/users/1', '/visits/me'],
  canbo: [
    '/dashboard',
    '/units',
    '/units/1',
    '/users',
    '/users/1',
    '/audit',
    '/training',
    '/training/classes',
    '/training/catalogue',
    '/studies',
    '/studies/overdue',
    '/visits',
    '/schemes',
    '/schemes/1',
    '/schemes/1/targets/1',
    '/reports',
    '/reports/tong-hop-dao-tao',
    '/imports',
    '/standards',
    '/standards/catalogue',
  ],
};

/** What the refusal says: a cadre's own page, to an account tied to no cadre, says that no grant would open it. */
const refusal = (path: string) =>
  path === '/visits/me' ? 'Tài khoản chưa gắn với hồ sơ cán bộ' : 'Không có quyền truy cập';

/** What the signed-in shell asks around any page: the session and the unit navigator's tree. */
const SHELL_REQUESTS = ['/api/v1/auth/me', '/api/v1/units/tree'];

/** Menu entries and the page they open, to check the menu never offers a refused page. */
const MENU: Record<string, string> = {
  '/dashboard': 'Tổng quan',
  '/units': 'Tổ chức',
  '/training': 'Đào tạo, bồi dưỡng',
  '/imports': 'Nhập dữ liệu',
  '/users': 'Người dùng',
  '/audit': 'Nhật ký thay đổi',
};

describe('pages a role cannot use', () => {
  for (const [login, paths] of Object.entries(REFUSED)) {
    it(`${login}: every page it cannot use says why ("Không có quyền truy cập"), asks the server nothing and offers the way home`, async () => {
      const desk = await deskFor(login);
      for (const path of paths) {
        desk.api.length = 0;
        await desk.page.goto(path);
        const box = desk.page.getByTestId('no-access');
        await box.waitFor();
        expect(await box.innerText(), path).toContain(refusal(path));
        // the page itself never drew: only the shell asked anything (the session, the unit navigator)
        expect(
          desk.api.filter((p) => !SHELL_REQUESTS.includes(p)),
          path,
        ).toEqual([]);
        expect(await desk.page.getByRole('table').count(), path).toBe(0);
      }
      // the menu offers none of them
      const menu = desk.page.getByRole('menu').first();
      for (const [path, label] of Object.entries(MENU)) {
        if (!paths.includes(path)) continue;
        expect(await menu.getByText(label, { exact: true }).count(), `${login}'s menu offers ${label}`).toBe(0);
      }
      expect(desk.refused).toEqual([]);
      expect(desk.errors).toEqual([]);
      await screenshot(desk.page, `access-refused-${login}`);
      // the way home leads somewhere the account may be
      await desk.page.getByRole('button', { name: 'Về trang chủ' }).click();
      await desk.page.waitForURL((url) => url.pathname !== paths[paths.length - 1]);
      await desk.page.waitForLoadState('networkidle');
      expect(await desk.page.getByTestId('no-access').count()).toBe(0);
    }, 240_000);
  }
});

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

const CLASS_2023 = 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023';

/** The demo's 2023 class for grassroots secretaries, as this account reads it. */
async function class2023(page: Page): Promise<TrainingClass> {
  const found = await apiGet<Paged<TrainingClass>>(page, `/training/classes?q=${encodeURIComponent(CLASS_2023)}`);
  const cls = found.items.find((c) => c.name === CLASS_2023);
  expect(cls, CLASS_2023).toBeTruthy();
  return cls!;
}

describe('a class as each of its readers sees it', () => {
  it('a province leader opens every tab of the 2023 class, read-only, with each trainee’s unit seats named', async () => {
    const desk = await deskFor('lanhdao');
    const cls = await class2023(desk.page);
    expect(cls).toMatchObject({ readsAll: true, canManage: false });
    await desk.page.goto(`/training/classes/${cls.id}`);
    const tabs = ['info', 'sessions', 'allocations', 'trainees', 'attendance', 'results', 'certificates'];
    for (const tab of tabs) await desk.page.getByTestId(`class-tab-${tab}`).waitFor();
    expect(await desk.page.getByTestId('class-seats').getAttribute('data-seats')).toBe('class');

    await desk.page.getByTestId('class-tab-trainees').click();
    // every trainee's "Chỉ tiêu của đơn vị" names the seats they came on (the leader reads every allocation)
    const header = desk.page.locator('thead th', { hasText: 'Chỉ tiêu của đơn vị' });
    await header.waitFor();
    await desk.page.locator('tbody tr.ant-table-row').first().waitFor();
    const column = await header.evaluate((th) => Array.from(th.parentElement!.children).indexOf(th));
    const quotas = await desk.page
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent?.trim() ?? ''), column);
    expect(quotas.length).toBeGreaterThan(0);
    expect(quotas.filter((q) => q === '')).toEqual([]);

    // attendance: the grid, each trainee's share attended, no marking controls
    const grid = desk.page.waitForResponse((r) => /\/training\/classes\/\d+\/attendance/.test(r.url()), {
      timeout: 60_000,
    });
    await desk.page.getByTestId('class-tab-attendance').click();
    expect((await grid).status()).toBe(200);
    // a roster of 243 on a busy machine: the grid may take a while to draw
    await desk.page.locator('[data-testid^="att-percent-"]').first().waitFor({ timeout: 60_000 });
    expect(await desk.page.getByTestId('att-bulk-rows').count()).toBe(0);
    expect(await desk.page.getByText('Nhập bảng điểm danh').count()).toBe(0);

    await desk.page.getByTestId('class-tab-results').click();
    await desk.page.locator('.ant-table-row').first().waitFor();
    expect(await desk.page.locator('.ant-table-row input').count()).toBe(0);

    await desk.page.getByTestId('class-tab-certificates').click();
    await desk.page.locator('[data-testid^="cert-verify-"]').first().waitFor();
    expect(await desk.page.getByRole('button', { name: /Cấp giấy chứng nhận/ }).count()).toBe(0);
    expect(await desk.page.getByRole('button', { name: /Thu hồi/ }).count()).toBe(0);
    await screenshot(desk.page, 'access-viewer-certificates');

    expect(desk.refused).toEqual([]);
    expect(desk.errors).toEqual([]);
  }, 180_000);

  it("a commune editor's class header counts its own unit's seats, not the class's", async () => {
    const desk = await deskFor('cujut');
    const list = await apiGet<Paged<TrainingClass>>(desk.page, '/training/classes?status=open&pageSize=200');
    const cls = list.items.find((c) => !c.readsAll && c.seatsAllocated > 0)!;
    expect(cls, 'an open class with seats for Cư Jút').toBeTruthy();
    await desk.page.goto(`/training/classes/${cls.id}`);
    const seats = desk.page.getByTestId('class-seats');
    await seats.waitFor();
    expect(await seats.getAttribute('data-seats')).toBe('own');
    const text = await seats.innerText();
    expect(text).toContain('Chỉ tiêu của đơn vị');
    expect(text).toContain(String(cls.seatsAllocated));
    expect(text).not.toContain('Chỉ tiêu đã phân bổ');
    expect(desk.errors).toEqual([]);
    await screenshot(desk.page, 'access-unit-editor-header');
  }, 120_000);
});

describe('the verification page for a visitor far from Vietnam', () => {
  // 20:00 on 10 January 2024 in UTC: already the 11th in Vietnam, still the 10th in Los Angeles.
  const REVOKED_AT = '2024-01-10T20:00:00.000Z';
  // 18:30 on 1 December 2023 UTC: 01:30 on 2 December in Vietnam.
  const ISSUED_AT = '2023-12-01T18:30:00.000Z';

  it('shows the issue and revocation dates of Vietnam, as the certificate PDF prints them', async () => {
    const organiser = await deskFor('bantochuc');
    const cls = await class2023(organiser.page);
    const certs = await apiGet<Paged<Certificate>>(
      organiser.page,
      `/training/classes/${cls.id}/certificates?pageSize=200&status=valid&sort=number&order=desc`,
    );
    const cert = certs.items[0]!;
    const me = await apiGet<{ csrfToken: string }>(organiser.page, '/auth/me');
    const revoked = await organiser.page.request.post(`/api/v1/training/certificates/${cert.id}/revoke`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: cert.version, reason: 'Cấp nhầm người' },
    });
    expect(revoked.status(), await revoked.text()).toBe(200);
    // A moment no browser can pick: set in the database the server reads.
    const file = process.env.CANBO_E2E_DATABASE;
    if (!file) throw new Error('CANBO_E2E_DATABASE is not set: run the browser tests with `npm run test:e2e`');
    const db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    db.prepare('update certificates set revoked_at = ?, issued_at = ?, issued_on = null where id = ?').run(
      REVOKED_AT,
      ISSUED_AT,
      cert.id,
    );
    db.close();

    const visitor = await deskFor('', { timezoneId: 'America/Los_Angeles' });
    expect(await visitor.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      'America/Los_Angeles',
    );
    expect(await visitor.page.evaluate((at) => new Date(at).getDate(), REVOKED_AT)).toBe(10);
    await visitor.page.goto(`/verify/${cert.verifyCode}`);
    const status = visitor.page.getByTestId('verify-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('revoked');
    expect(await visitor.page.getByTestId('verify-revoked-on').innerText()).toBe('ngày 11/01/2024');
    expect(await visitor.page.getByTestId('verify-issued-on').innerText()).toBe('02/12/2023');
    expect(visitor.errors).toEqual([]);
    await screenshot(visitor.page, 'access-verify-los-angeles');

    // the paper says the same days
    const pdf = await organiser.page.request.get(`/api/v1/training/certificates/${cert.id}/certificate.pdf`);
    expect(pdf.status()).toBe(200);
    const [text] = await pdfPages(await pdf.body());
    expect(text).toContain('Ngày thu hồi: 11/01/2024');
    expect(text).toContain('ngày 02 tháng 12 năm 2023');
  }, 180_000);
});
