import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, type Session } from './browser.ts';
import { DEMO_PASSWORD, logIn, slug, toast } from './ui.ts';

/*
 * A user changes their own password from the user menu, on a phone. The province leader (lanhdao)
 * plays it; the demo password is put back afterwards, since the tour (tour.e2e.ts) signs in as every
 * demo account after the stories.
 */
const LOGIN = 'lanhdao';
const NEW_PASSWORD = 'mây-trắng-bay-qua-đồi-thông-2026';

let s: Session;
let page: Page;
/** The password is the new one: it must be put back. */
let changed = false;

beforeAll(async () => {
  s = await openBrowser();
  page = s.page;
  await page.setViewportSize({ width: 390, height: 844 });
});

afterAll(async () => {
  try {
    await restoreDemoPassword();
  } finally {
    await s?.close();
  }
});

/** Signs in with the new password through the API and changes it back to the demo's. */
async function restoreDemoPassword(): Promise<void> {
  const api = s.context.request;
  // the password was never changed (a test failed before): nothing to put back
  if (!changed) return;
  const signedIn = await api.post('/api/v1/auth/login', { data: { login: LOGIN, password: NEW_PASSWORD } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const me = (await (await api.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const back = await api.post('/api/v1/auth/password', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { currentPassword: NEW_PASSWORD, password: DEMO_PASSWORD },
  });
  expect(back.status(), await back.text()).toBeLessThan(300);
}

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(page, `failed-${slug(task.name)}`).catch(() => {});
  });
});

const dialog = () => page.getByRole('dialog', { name: 'Đổi mật khẩu' });
const fieldError = (label: string) =>
  dialog()
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');

/** Chooses an item of the user menu (its items carry icons, whose names join the item's own). */
async function userMenu(item: string): Promise<void> {
  await page.locator('.ant-layout-header .anticon-user').click();
  await page.locator('.ant-dropdown:visible').getByRole('menuitem').filter({ hasText: item }).click();
}

describe('account: changing one’s own password', () => {
  it('changes the password through the user menu, refusing a guessable one on its field', async () => {
    await logIn(page, LOGIN);
    await userMenu('Đổi mật khẩu');
    await dialog().waitFor();

    // The unit's name and a year: long enough, but the server's strength check refuses it.
    await dialog().getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await dialog().getByLabel('Mật khẩu mới', { exact: true }).fill('lamdong2024');
    await dialog().getByLabel('Nhập lại mật khẩu').fill('lamdong2024');
    await dialog().getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => fieldError('Mật khẩu mới').textContent(), { timeout: 10_000 }).toMatch(/^Mật khẩu/);
    // The dialog fits the phone: nothing wider than the screen.
    const box = await dialog().boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'account-weak-password');

    await dialog().getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await dialog().getByLabel('Nhập lại mật khẩu').fill(NEW_PASSWORD);
    await dialog().getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await toast(page, 'Đã đổi mật khẩu');
    changed = true;
    await dialog().waitFor({ state: 'hidden' });
  });

  it('signs in with the new password after signing out, and no longer with the old one', async () => {
    await userMenu('Đăng xuất');
    await page.waitForURL('**/login**');

    await page.getByLabel('Tên đăng nhập').fill(LOGIN);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.ant-form-item-explain-error, .ant-message-error, .ant-alert-error').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    await logIn(page, LOGIN, NEW_PASSWORD);
    expect(new URL(page.url()).pathname).not.toBe('/login');
  });
});
