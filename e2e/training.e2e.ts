import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  publicCertificate,
  type Enrolment,
  type Me,
  type Page as Paged,
  type Person,
  type Unit,
} from '@canbo/contract';
import { pdfPages } from '../server/test/documents.ts';
import { newContext, openBrowser, screenshot, type Session } from './browser.ts';
import { choose, inputOf, logIn, menuItem, pickDate, slug, tableRows, toast, vnDay, withoutDiacritics } from './ui.ts';

/*
 * One story of a title class on the demo database, in order: the province organiser (bantochuc)
 * creates and opens the class and gives a commune seats; that commune's editor (cujut) nominates its
 * secretaries and deputies in bulk; the organiser takes attendance, grades, completes the class and
 * certifies; a stranger verifies a certificate. The issue speaks of a "district editor": since the
 * 1 July 2025 restructuring the level below the province is the commune, so Đoàn xã Cư Jút plays it.
 */
const PROVINCE = 'Tỉnh đoàn Lâm Đồng';
const COMMUNE = 'Đoàn xã Cư Jút';
const OTHER_COMMUNE = 'Đoàn xã Nam Dong';
const KIND = 'Bồi dưỡng chức danh';
const PROGRAMME = 'Bồi dưỡng chức danh Bí thư, Phó Bí thư Đoàn cơ sở';
const CLASS_NAME = 'Lớp bồi dưỡng Bí thư, Phó Bí thư Đoàn cơ sở các xã phía Tây, khóa I';
const TARGET_TITLES = ['secretary', 'deputy_secretary'] as const;
// A commune union is a grassroots union of the Union with its own secretary and deputies, and the
// form proposes communes, "Đoàn cơ sở" and grassroots-level branches alike: below Đoàn xã Cư Jút that is
// the commune itself and a school union.
const CALLED_KINDS = ['commune', 'grassroots', 'standalone_branch'] as const;
const COMMUNE_KIND_LABEL = 'Đoàn xã, phường, đặc khu';

let s: Session;
let organiser: Page;
let unitContext: BrowserContext | undefined;
let unitEditor: Page | undefined;
let anonymous: BrowserContext | undefined;
/** Whose screen a failure shows. */
let current: Page;

let classId = 0;
/** Cadres of Đoàn xã Cư Jút the filter must find, from the demo data through the API. */
let communeNominees: string[] = [];
/** The cadre the organiser nominates from its own seats: someone the commune must not see. */
let outsider = '';
let certified: { id: number; number: string; enrolment: Enrolment } | undefined;

beforeAll(async () => {
  s = await openBrowser();
  organiser = s.page;
  current = organiser;
});

afterAll(async () => {
  await anonymous?.close();
  await unitContext?.close();
  await s?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(current, `training-failed-${slug(task.name)}`).catch(() => {});
  });
});

/** A JSON GET with the page's session, to read the data the story checks against. */
async function apiGet<T>(page: Page, path: string, params: Record<string, string | number> = {}): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`, { params });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** The same browser settings as openBrowser, in a context of its own: another person at another desk. */
function newDesk(): Promise<BrowserContext> {
  return newContext(s.browser);
}

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`class-tab-${tab}`).click();
  await page.waitForURL(`**tab=${tab}**`);
}

/** A workflow step: the button, then its confirmation; the header then shows the new status. */
async function step(page: Page, action: string, status: string): Promise<void> {
  await page.getByTestId(`class-action-${action}`).click();
  await page.getByTestId('class-action-confirm').click();
  await expect.poll(() => page.getByTestId('class-status').innerText()).toBe(status);
}

const names = (page: Page) =>
  tableRows(page.getByRole('tabpanel'))
    .locator('td a')
    .allTextContents()
    .then((l) => l.sort());

describe('training: a title class from planning to a verified certificate', () => {
  it('the province organiser creates a class for grassroots secretaries, schedules it, opens it and gives Đoàn xã Cư Jút seats', async () => {
    await logIn(organiser, 'bantochuc');
    await organiser.getByRole('menuitem', { name: 'Đào tạo, bồi dưỡng' }).click();
    await organiser.waitForURL('**/training/classes**');
    await organiser.getByTestId('class-create').click();
    const form = organiser.getByRole('dialog', { name: 'Tạo lớp' });

    await form.locator('#classCreate_name').fill(CLASS_NAME);
    // The organiser proposed is the user's one unit.
    await expect
      .poll(() => form.locator('.ant-form-item:has(#classCreate_organiserUnitId)').innerText())
      .toContain(PROVINCE);
    await choose(form.locator('#classCreate_kindCode'), KIND);
    await choose(form.locator('#classCreate_programmeId'), PROGRAMME);
    // The programme brings its target titles: secretaries and deputy secretaries.
    const titles = form.locator('.ant-form-item:has(#classCreate_targetTitles)');
    await titles.getByText('Phó Bí thư', { exact: true }).waitFor();
    await titles.getByText('Bí thư', { exact: true }).waitFor();
    const start = vnDay(0);
    await pickDate(form.locator('#classCreate_startDate'), start.shown);
    // …and its standard length (3 days) the end date.
    await expect.poll(() => form.locator('#classCreate_endDate').inputValue()).toBe(vnDay(2).shown);
    await form.locator('#classCreate_capacity').fill('30');
    await screenshot(organiser, 'training-class-create');
    await form.getByRole('button', { name: 'Tạo lớp' }).click();

    await organiser.waitForURL(/\/training\/classes\/\d+(\?.*)?$/);
    classId = Number(/\/training\/classes\/(\d+)/.exec(organiser.url())![1]);
    await organiser.getByRole('heading', { name: CLASS_NAME }).waitFor();
    await expect.poll(() => organiser.getByTestId('class-status').innerText()).toBe('Dự thảo');

    // Two sessions: the first morning and afternoon, as the form proposes them one after the other.
    await openTab(organiser, 'sessions');
    for (const topic of ['Vai trò, nhiệm vụ của Bí thư, Phó Bí thư Đoàn cơ sở', 'Kỹ năng điều hành hội nghị']) {
      await organiser.getByTestId('session-add').click();
      const dialog = organiser.getByRole('dialog', { name: 'Thêm buổi học' });
      await dialog.getByLabel('Chuyên đề').fill(topic);
      await dialog.getByLabel('Giảng viên').fill('ThS. Nguyễn Thị Hồng');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await tableRows(organiser.getByRole('tabpanel')).filter({ hasText: topic }).waitFor();
    }
    const sessionRows = tableRows(organiser.getByRole('tabpanel'));
    expect(await sessionRows.count()).toBe(2);
    expect(await sessionRows.nth(0).innerText()).toContain('Sáng');
    expect(await sessionRows.nth(1).innerText()).toContain('Chiều');
    await screenshot(organiser, 'training-sessions');

    await step(organiser, 'plan', 'Đã có kế hoạch');
    await step(organiser, 'open', 'Đang nhận cử học viên');

    await openTab(organiser, 'allocations');
    await organiser.getByTestId('allocation-add').click();
    const seats = organiser.getByRole('dialog', { name: 'Phân bổ chỉ tiêu' });
    await choose(seats.getByLabel('Đơn vị', { exact: true }), COMMUNE, 'cu jut');
    await seats.getByLabel('Số chỉ tiêu').fill('6');
    await seats.getByRole('button', { name: 'Lưu' }).click();
    await seats.waitFor({ state: 'hidden' });
    const allocation = tableRows(organiser.getByRole('tabpanel')).filter({ hasText: COMMUNE });
    await allocation.waitFor();
    expect(await allocation.locator('td').nth(1).innerText()).toBe('6');
    await expect.poll(() => organiser.getByTestId('organiser-seats').innerText()).toContain('còn 24 chỗ');
    await screenshot(organiser, 'training-allocations');
  });

  it('the organiser nominates a cadre of another commune into the seats it kept', async () => {
    const [other] = (await apiGet<Paged<Unit>>(organiser, '/units', { q: 'nam dong', kind: 'commune' })).items.filter(
      (u) => u.name === OTHER_COMMUNE,
    );
    expect(other, `${OTHER_COMMUNE} in the demo`).toBeDefined();
    const [secretary] = (
      await apiGet<Paged<Person>>(organiser, '/people', { unitId: other!.id, title: 'secretary', pageSize: 50 })
    ).items.filter((p) => p.currentTitles.some((t) => t.title === 'secretary' && t.unitName === OTHER_COMMUNE));
    expect(secretary, `a secretary of ${OTHER_COMMUNE} in the demo`).toBeDefined();
    outsider = secretary!.fullName;

    await openTab(organiser, 'trainees');
    await organiser.getByTestId('nominate-one').click();
    const dialog = organiser.getByRole('dialog', { name: 'Cử học viên' });
    await choose(dialog.getByLabel('Chỉ tiêu của đơn vị'), `Chỉ tiêu của đơn vị tổ chức (${PROVINCE})`);
    await choose(
      dialog.getByLabel('Cán bộ được cử'),
      new RegExp(`^${outsider}( \\(.*\\))? – ${OTHER_COMMUNE}$`),
      withoutDiacritics(outsider).toLowerCase(),
    );
    await dialog.getByRole('button', { name: 'Cử', exact: true }).click();
    await toast(organiser, 'Đã cử học viên');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => names(organiser)).toEqual([outsider]);
  });

  it('the commune editor nominates its secretaries and deputies in bulk, previewed first, and sees only its own trainees', async () => {
    unitContext = await newDesk();
    unitEditor = await unitContext.newPage();
    current = unitEditor;
    await logIn(unitEditor, 'cujut');

    // The demo must hold such cadres under Đoàn xã Cư Jút: who holds a target title today in a
    // commune or grassroots union of its subtree.
    const me = await apiGet<Me>(unitEditor, '/auth/me');
    const commune = me.grants.find((g) => g.unitName === COMMUNE && g.role === 'editor');
    expect(commune, `cujut edits ${COMMUNE}`).toBeDefined();
    const called = (
      await apiGet<Paged<Unit>>(unitEditor, '/units', { within: commune!.unitId, status: 'active', pageSize: 200 })
    ).items
      .filter((u) => (CALLED_KINDS as readonly string[]).includes(u.kind))
      .map((u) => u.name);
    const found = new Set<string>();
    for (const title of TARGET_TITLES) {
      const people = await apiGet<Paged<Person>>(unitEditor, '/people', {
        unitId: commune!.unitId,
        title,
        pageSize: 200,
      });
      for (const p of people.items)
        if (p.currentTitles.some((t) => t.title === title && called.includes(t.unitName))) found.add(p.fullName);
    }
    communeNominees = [...found].sort();
    expect(communeNominees.length, `secretaries and deputies under ${COMMUNE}`).toBeGreaterThanOrEqual(2);

    await unitEditor.getByRole('menuitem', { name: 'Đào tạo, bồi dưỡng' }).click();
    await unitEditor.waitForURL('**/training/classes**');
    const search = unitEditor.getByLabel('Tìm theo tên lớp');
    await search.fill('cac xa phia tay');
    // the list as searched, before a row is opened (a search still pending would take the page back)
    await search.press('Enter');
    await unitEditor.waitForURL('**/training/classes?*q=cac*');
    await unitEditor.getByRole('link', { name: CLASS_NAME }).click();
    await unitEditor.waitForURL(`**/training/classes/${classId}**`);
    await unitEditor.getByRole('heading', { name: CLASS_NAME }).waitFor();
    // Nominating is all a unit does here: no attendance, results or certificates.
    await unitEditor.getByTestId('class-tab-trainees').waitFor();
    expect(await unitEditor.getByTestId('class-tab-attendance').count()).toBe(0);
    await openTab(unitEditor, 'trainees');
    // The organiser's own nominee is not the commune's business.
    await expect.poll(() => unitEditor!.getByRole('tabpanel').innerText()).toContain('Chưa có học viên');

    await unitEditor.getByTestId('nominate-bulk').click();
    const dialog = unitEditor.getByRole('dialog', { name: 'Cử học viên theo điều kiện' });
    // Proposed: the commune's seats, its subtree, secretaries and deputies of grassroots unions.
    await expect.poll(() => dialog.locator('form').innerText()).toContain(`${COMMUNE} (còn 6/6 chỉ tiêu)`);
    const kinds = dialog.locator('.ant-form-item:has(#bulk_filter_unitKinds)');
    await kinds.getByText('Đoàn cơ sở', { exact: true }).waitFor();
    await kinds.getByText(COMMUNE_KIND_LABEL, { exact: true }).waitFor();

    await dialog.getByTestId('bulk-preview').click();
    const result = dialog.getByTestId('bulk-result');
    await result.waitFor();
    const candidates = tableRows(result);
    await expect
      .poll(() =>
        candidates
          .locator('td:first-child')
          .allTextContents()
          .then((l) => l.sort()),
      )
      .toEqual(communeNominees);
    for (const text of await candidates.allInnerTexts()) expect(text).toMatch(/\tPhó Bí thư|\tBí thư/);
    const commit = dialog.getByTestId('bulk-commit');
    expect(await commit.innerText()).toBe(`Cử ${communeNominees.length} người`);
    await screenshot(unitEditor, 'training-bulk-preview');
    await commit.click();
    await toast(unitEditor, `Đã cử ${communeNominees.length} người`);
    await dialog.waitFor({ state: 'hidden' });

    // Its own trainees, and only those — in the list and in what the server gives it.
    await expect.poll(() => names(unitEditor!)).toEqual(communeNominees);
    const seen = await apiGet<Paged<Enrolment>>(unitEditor, `/training/classes/${classId}/enrolments`, {
      pageSize: 200,
    });
    expect(seen.items.map((e) => e.personName).sort()).toEqual(communeNominees);
    expect(seen.items.map((e) => e.personName)).not.toContain(outsider);
    await screenshot(unitEditor, 'training-unit-trainees');
  });

  it('the organiser confirms the trainees, starts the class and marks the whole course present in the grid', async () => {
    current = organiser;
    const everyone = [...communeNominees, outsider].sort();
    await organiser.reload();
    await openTab(organiser, 'trainees');
    await expect.poll(() => names(organiser)).toEqual(everyone);
    await organiser.locator('.ant-table-thead .ant-checkbox-input').check();
    await organiser.getByTestId('trainees-confirm').click();
    await organiser.locator('.ant-modal-confirm').getByRole('button', { name: 'Xác nhận' }).click();
    await toast(organiser, `Đã xác nhận ${everyone.length} học viên`);

    await step(organiser, 'start', 'Đang học');
    await openTab(organiser, 'attendance');
    const grid = organiser.getByRole('tabpanel');
    await expect.poll(() => tableRows(grid).count()).toBe(everyone.length);
    const sessionIds = (
      await grid.locator('thead [data-testid^="att-session-"]').evaluateAll((els) => els.map((e) => e.dataset.testid!))
    ).map((id) => Number(id.replace('att-session-', '')));
    expect(sessionIds).toHaveLength(2);
    const [first, second] = sessionIds as [number, number];

    // The first session, whole column at once…
    await grid.locator(`thead [data-testid="att-session-${first}"]`).click();
    await menuItem(organiser, 'Cả buổi có mặt');
    await expect
      .poll(() => grid.locator(`[data-testid$="-${first}"][data-mark="present"]`).count())
      .toBe(everyone.length);
    await expect
      .poll(() => grid.getByTestId('att-unsaved').innerText())
      .toBe(`${everyone.length} ô điểm danh chưa lưu`);

    // …then the whole course for the selected trainees, everyone: present throughout…
    const rowChecks = tableRows(grid).locator('.ant-table-selection-column input[type="checkbox"]');
    for (let i = 0; i < everyone.length; i++) await rowChecks.nth(i).check();
    await grid.getByTestId('att-bulk-rows').click();
    await menuItem(organiser, 'Cả khóa có mặt');
    const cells = everyone.length * sessionIds.length;
    await expect.poll(() => grid.locator('[data-testid^="att-cell-"][data-mark="present"]').count()).toBe(cells);
    await expect.poll(() => grid.getByTestId('att-unsaved').innerText()).toBe(`${cells} ô điểm danh chưa lưu`);

    // …and one cell on its own: a trainee came late to the second session, which still counts as attended.
    const lateCell = grid.locator(`[data-testid^="att-cell-"][data-testid$="-${second}"]`).first();
    await lateCell.click();
    await menuItem(organiser, 'Đi muộn');
    await expect.poll(() => lateCell.getAttribute('data-mark')).toBe('late');
    await expect.poll(() => grid.getByTestId('att-unsaved').innerText()).toBe(`${cells} ô điểm danh chưa lưu`);
    await screenshot(organiser, 'training-attendance-unsaved');

    await grid.getByTestId('att-save').click();
    await toast(organiser, `Đã lưu ${cells} ô điểm danh`);
    await grid.getByTestId('att-unsaved').waitFor({ state: 'detached' });
    await expect
      .poll(() => grid.locator('[data-testid^="att-percent-"]').allTextContents())
      .toEqual(everyone.map(() => '100%'));
    await screenshot(organiser, 'training-attendance-saved');
  });

  it('grades every trainee at least "Khá", completes the class and issues numbered certificates', async () => {
    const count = communeNominees.length + 1;
    await openTab(organiser, 'results');
    const results = organiser.getByRole('tabpanel');
    await expect.poll(() => tableRows(results).count()).toBe(count);
    const ids = (
      await results.locator('[data-testid^="res-grade-"]').evaluateAll((els) => els.map((e) => e.dataset.testid!))
    ).map((id) => Number(id.replace('res-grade-', '')));
    expect(ids).toHaveLength(count);
    for (const [i, id] of ids.entries()) {
      await inputOf(organiser, `res-score-${id}`).fill(i === 0 ? '9' : '7.5');
      await choose(inputOf(organiser, `res-grade-${id}`), i === 0 ? 'Giỏi' : 'Khá');
    }
    await expect.poll(() => results.getByTestId('res-unsaved').innerText()).toBe(`${count} học viên chưa lưu`);
    await results.getByTestId('res-save').click();
    await toast(organiser, `Đã lưu kết quả của ${count} học viên`);
    // Full attendance and a passing grade: the completion rule says completed, for everyone.
    await expect
      .poll(() => tableRows(results).locator('.ant-tag').allTextContents())
      .toEqual(ids.map(() => 'Hoàn thành'));
    await screenshot(organiser, 'training-results');

    await step(organiser, 'complete', 'Đã kết thúc');
    await openTab(organiser, 'certificates');
    const certificates = organiser.getByRole('tabpanel');
    await certificates.getByTestId('cert-issue').click();
    // Dated today: the date to print is left empty (it is for certificates issued late).
    await organiser
      .locator('.ant-modal')
      .filter({ hasText: 'Ngày cấp ghi trên giấy' })
      .getByRole('button', { name: 'Cấp giấy chứng nhận' })
      .click();
    await toast(organiser, `Đã cấp ${count} giấy chứng nhận`);
    await expect.poll(() => tableRows(certificates).count()).toBe(count);
    const numbers = await tableRows(certificates).locator('td:first-child').allTextContents();
    expect(new Set(numbers).size, `distinct numbers: ${numbers.join(', ')}`).toBe(count);
    await screenshot(organiser, 'training-certificates');

    const enrolments = await apiGet<Paged<Enrolment>>(organiser, `/training/classes/${classId}/enrolments`, {
      pageSize: 200,
    });
    // A commune trainee's certificate, whose personal data (birth date, unit) the public page must not show.
    const enrolment = enrolments.items.find((e) => e.personName === communeNominees[0] && e.birthDate !== null);
    expect(enrolment, `${communeNominees[0]} with a birth date`).toBeDefined();
    const row = tableRows(certificates).filter({ hasText: enrolment!.personName });
    const pdfButton = row.locator('[data-testid^="cert-pdf-"]');
    const id = Number((await pdfButton.getAttribute('data-testid'))!.replace('cert-pdf-', ''));
    certified = { id, number: (await row.locator('td').first().innerText()).trim(), enrolment: enrolment! };
    expect(await row.innerText()).toContain('Còn hiệu lực');
  });

  it('downloads the certificate as a PDF bearing the trainee’s name and its number', async () => {
    const { id, number, enrolment } = certified!;
    const [download] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByTestId(`cert-pdf-${id}`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`GCN-${number.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('GIẤY CHỨNG NHẬN');
    expect(pages[0]).toContain(enrolment.personName);
    expect(pages[0]).toContain(number);
  });

  it('its verification page, opened without signing in, shows the certificate as valid and nothing else about the person', async () => {
    const { id, number, enrolment } = certified!;
    const href = await organiser.getByTestId(`cert-verify-${id}`).getAttribute('href');
    expect(href).toMatch(/^\/verify\/[A-Za-z0-9_-]{10,64}$/);

    anonymous = await newDesk();
    expect(await anonymous.cookies()).toEqual([]);
    const stranger = await anonymous.newPage();
    current = stranger;
    const answer = stranger.waitForResponse((r) => r.url().includes('/api/v1/public/certificates/'));
    await stranger.goto(href!);
    const body = (await (await answer).json()) as Record<string, unknown>;
    // What the server hands a stranger: the certificate's facts, no other field.
    expect(Object.keys(body).sort()).toEqual(Object.keys(publicCertificate.shape).sort());

    const status = stranger.getByTestId('verify-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('valid');
    expect(await status.innerText()).toContain('Còn hiệu lực');
    expect(await stranger.getByTestId('verify-number').innerText()).toBe(number);
    const shown = await stranger.locator('body').innerText();
    expect(shown).toContain(enrolment.personName);
    expect(shown).toContain(CLASS_NAME);
    expect(shown).toContain(PROVINCE);
    const [y, m, d] = enrolment.birthDate!.split('-');
    for (const leak of [`${d}/${m}/${y}`, enrolment.birthDate!, enrolment.unitName, 'Ngày sinh']) {
      expect(shown, `the public page shows "${leak}"`).not.toContain(leak);
    }
    await screenshot(stranger, 'training-verify');
  });
});
