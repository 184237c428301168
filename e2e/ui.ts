import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

// What a browser story does the way a user does it, on antd's widgets, without fixed sleeps.

export const DEMO_PASSWORD = 'canbo-demo-2024';

/** What a user types without Vietnamese input: no tone marks, đ as d. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function slug(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A day counted from today in Vietnam, where the browser says it is: yyyy-mm-dd and dd/mm/yyyy. */
export function vnDay(daysFromToday: number): { iso: string; shown: string } {
  const d = new Date(Date.now() + daysFromToday * 86_400_000);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
  const [y, m, day] = iso.split('-');
  return { iso, shown: `${day}/${m}/${y}` };
}

/** Signs in on the login page and waits to be let in (to where the app sends this user). */
export async function logIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Types a date into an antd DatePicker the way a user does (dd/mm/yyyy, Enter). */
export async function pickDate(input: Locator, shown: string): Promise<void> {
  await input.click();
  await input.fill(shown);
  await input.press('Enter');
}

/**
 * Picks an option of an antd Select from its own dropdown (found through the listbox its input
 * controls, so a closing dropdown of another field is never clicked). `input` is the Select's input
 * (what its label points to); `typed` is searched first. A string names the option's label exactly
 * (its title: some options show a second line, a unit's kind and parent); a pattern matches its text.
 */
export async function choose(input: Locator, option: string | RegExp, typed?: string): Promise<void> {
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await expect.poll(() => input.getAttribute('aria-controls')).toBeTruthy();
  const listId = await input.getAttribute('aria-controls');
  const options = input.page().locator(`.ant-select-dropdown:has([id="${listId}"]) .ant-select-item-option`);
  const wanted =
    typeof option === 'string'
      ? options.and(input.page().locator(`[title="${option.replace(/["\\]/g, '\\$&')}"]`))
      : options.filter({ hasText: option });
  await wanted.first().click();
}

/** The input inside an element carrying a test id (antd puts the id on the widget's wrapper or input). */
export function inputOf(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Chooses an item of the open dropdown menu and waits for the menu to go, so the next one is unambiguous. */
export async function menuItem(page: Page, name: string): Promise<void> {
  await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name, exact: true }).click();
  await expect.poll(() => page.locator('.ant-dropdown').count(), { timeout: 10_000 }).toBe(0);
}

/** Waits for a toast (antd message) with this text. */
export async function toast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message').getByText(text, { exact: true }).first().waitFor();
}

/** The rows of the visible table (in the page or a dialog). */
export function tableRows(scope: Page | Locator): Locator {
  return scope.locator('.ant-table-tbody > tr.ant-table-row');
}
