import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as Paged, TrainingClass } from '@canbo/contract';
import { screenshot } from './browser.ts';
import { browserForSpec, DESK, PHONE } from './pages.ts';
import { logIn } from './ui.ts';

/*
 * The change log in words: the province organiser adds a session to a class that takes nominations,
 * then opens that class's change log and the 2023 class's (nominated, summoned, marked, certified in
 * the demo): Vietnamese actions, fields and values, names, no code, no `#id`, no JSON — on a desk and
 * on a phone, where each entry stays on the screen.
 */
const CLASS_2023 = 'Lớp bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở năm 2023';
const TOPIC = 'Chuyển đổi số trong công tác Đoàn';

let page: Page;

browserForSpec((opened) => (page = opened), 'changelog-failed');

async function classes(query: Record<string, string>): Promise<TrainingClass[]> {
  const res = await page.request.get('/api/v1/training/classes', { params: { pageSize: 200, ...query } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as Paged<TrainingClass>).items;
}

/** Codes the log once showed: enum values, field keys, ids and JSON. */
const CODES = [
  /#\d/,
  /\{"/,
  /\b(nominated|confirmed|present|late|morning|afternoon|in_person|province|planned|open|completed)\b/,
  /\b(nominate|confirm|attendance|results|issue|create|update)\b/,
  /\b(classId|personId|unitId|organiserUnitName|kindName|programmeName|completionRule|allocationId)\b/,
];

async function changeLog(): Promise<string> {
  // a loaded machine (the other specs, the build) may take its time to open the drawer
  await page.getByTestId('class-history').click({ timeout: 45_000 });
  await page.getByTestId('class-changelog-tab').click({ timeout: 45_000 });
  const entries = page.locator('.ant-drawer [data-testid=audit-entry]');
  await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const text = (await page.locator('.ant-drawer [data-testid=audit-entries]').innerText()).replace(/\s+/g, ' ');
  for (const code of CODES) expect(text).not.toMatch(code);
  return text;
}

/** On a phone the drawer and each entry fit the screen: no change column off to the side. */
async function fitsPhone(name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  try {
    const right = () =>
      page.evaluate(() =>
        Math.max(
          ...Array.from(document.querySelectorAll('[data-testid=audit-entry] [data-field]')).map(
            (e) => e.getBoundingClientRect().right,
          ),
        ),
      );
    await expect
      .poll(right, { message: `${name}: changes within the phone's width`, timeout: 15_000 })
      .toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, `${name}-phone`);
  } finally {
    await page.setViewportSize(DESK);
  }
}

describe("a class's change log in words", () => {
  it('shows a session just added by its topic, its day and part in Vietnamese, by the organiser’s name', async () => {
    await page.setViewportSize(DESK);
    await logIn(page, 'bantochuc');
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    const open = [...(await classes({ status: 'open' })), ...(await classes({ status: 'planned' }))];
    const cls = open.find((c) => c.canManage) ?? open[0];
    expect(cls, 'a class taking nominations').toBeTruthy();
    const added = await page.request.post(`/api/v1/training/classes/${cls!.id}/sessions`, {
      headers: { 'x-csrf-token': me.csrfToken as string },
      data: { date: cls!.startDate, part: 'evening', topic: TOPIC, lecturer: 'ThS. Trần Minh Khoa' },
    });
    expect(added.status(), await added.text()).toBe(201);

    await page.goto(`/training/classes/${cls!.id}`);
    const text = await changeLog();
    expect(text).toContain(`Buổi học: ${TOPIC}`);
    expect(text).toContain('Buổi: Tối');
    expect(text).toContain('Giảng viên: ThS. Trần Minh Khoa');
    expect(text).toContain('Tạo mới');
    await screenshot(page, 'changelog-session-desk');
    await fitsPhone('changelog-session');
  });

  it('shows the 2023 class’s nominations, summons, attendance and certificates with the trainees’ names', async () => {
    const [cls] = await classes({ q: CLASS_2023 });
    expect(cls).toBeTruthy();
    await page.goto(`/training/classes/${cls!.id}`);
    const text = await changeLog();
    // the newest first: the certificates and results, the attendance before them on later pages
    expect(text).toMatch(/Giấy chứng nhận: \d+\/GCN-2023 – \p{Lu}/u);
    expect(text).toMatch(/Cấp giấy chứng nhận|Thu hồi|Nhập kết quả/);
    expect(text).not.toContain('ngoài phạm vi');
    await screenshot(page, 'changelog-class2023-desk');
    await fitsPhone('changelog-class2023');
  });
});

describe('the change log page', () => {
  it('lists entries in words with the records by name, each on the screen of a phone', async () => {
    await page.goto('/audit');
    const entries = page.locator('[data-testid=audit-entry]');
    await expect.poll(() => entries.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const text = (await page.locator('[data-testid=audit-entries]').innerText()).replace(/\s+/g, ' ');
    for (const code of CODES) expect(text).not.toMatch(code);
    expect(text).toContain(`Buổi học: ${TOPIC}`);
    await screenshot(page, 'changelog-audit-desk');
    await fitsPhone('changelog-audit');
  });
});
