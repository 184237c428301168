import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AttendanceGrid, Page as Paged, TrainingClass, Unit } from '@canbo/contract';
import { CLASS_2025 } from '../server/src/demo/training.class2025.ts';
import { newContext, openBrowser, screenshot, type Session } from './browser.ts';
import { layoutProblems } from './layout.ts';
import { DESK, PHONE } from './pages.ts';
import { logIn, slug, toast } from './ui.ts';

/*
 * The pages staff live in, as the province's organisation board (bantochuc) and a commune's editor
 * (cujut), on a 1440×900 desk and a 390×844 phone: no page scrolls sideways, no table header, key cell
 * or card title is cut, no tab hides behind "…". Units open on the tree, one date governs the tree,
 * the list and the navigator; attendance is marked on a phone with the per-session list.
 */

/** A walk over several pages on two viewports, on a machine the other suites load too. */
const SLOW = 300_000;

let s: Session;
let board: Page;
let commune: Page | undefined;
let current: Page;

beforeAll(async () => {
  s = await openBrowser();
  board = s.page;
  current = board;
  await board.setViewportSize(DESK);
  // Full-page screenshots of long grids take their time while other suites load the machine.
  board.setDefaultTimeout(45_000);
  await logIn(board, 'bantochuc');
});

afterAll(async () => {
  await s?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    await screenshot(current, `layout-failed-${slug(task.name)}`).catch(() => {});
  });
});

async function apiGet<T>(page: Page, path: string, params: Record<string, string | number> = {}): Promise<T> {
  const res = await page.request.get(`/api/v1${path}`, { params });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

const unitNamed = async (page: Page, name: string) =>
  (await apiGet<Paged<Unit>>(page, '/units', { q: name, pageSize: 50 })).items.find((u) => u.name === name)!;

/** Waits for the page's data (no spinner, no skeleton), then a settled layout. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 30_000 })
    .toBe(0);
}

/**
 * Opens `path` on the desk and on the phone: each time no layout problem, and a screenshot. The
 * last viewport is the desk again.
 */
async function checkBoth(page: Page, path: string, name: string, ready: (page: Page) => Promise<void>) {
  for (const [size, wide] of [
    [DESK, true],
    [PHONE, false],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    await ready(page);
    await settled(page);
    await expect.poll(() => layoutProblems(page, wide), { message: `${name} at ${size.width}px` }).toEqual([]);
    await screenshot(page, `layout-${name}-${wide ? 'desk' : 'phone'}`);
  }
  await page.setViewportSize(DESK);
}

const heading = (text: string) => (page: Page) =>
  page.getByRole('heading', { name: text, exact: true }).first().waitFor();

describe('every page fits a desk and a phone', () => {
  it(
    'the shell: no margin round the page; the phone menu fits the screen',
    async () => {
      await board.goto('/people');
      expect(await board.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
      await board.setViewportSize(PHONE);
      await board.getByRole('button', { name: 'Mở trình đơn' }).click();
      const drawer = board.locator('.ant-drawer-content-wrapper');
      await drawer.waitFor();
      await board.locator('.ant-drawer .ant-tree').waitFor();
      await expect.poll(() => board.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = (await drawer.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await screenshot(board, 'layout-menu-phone');
      await board.keyboard.press('Escape');
      await board.setViewportSize(DESK);
    },
    SLOW,
  );

  it(
    'units: the tree first, the list, a unit with its tabs and actions',
    async () => {
      await checkBoth(board, '/units', 'units-tree', async (p) => {
        await p.locator('main .ant-tree').waitFor();
      });
      await checkBoth(board, '/units?view=table', 'units-list', async (p) => {
        await p.locator('main .ant-table-row').first().waitFor();
      });
      const province = await unitNamed(board, 'Tỉnh đoàn Lâm Đồng');
      await checkBoth(board, `/units/${province.id}`, 'unit-page', heading('Tỉnh đoàn Lâm Đồng'));
    },
    SLOW,
  );

  it(
    'training: the classes, a class’s sessions and attendance, the programmes',
    async () => {
      await checkBoth(board, '/training/classes', 'classes', async (p) => {
        await p.locator('main .ant-table-row').first().waitFor();
      });
      const cls = await class2025(board);
      for (const tab of ['sessions', 'attendance'] as const) {
        await checkBoth(board, `/training/classes/${cls.id}?tab=${tab}`, `class-${tab}`, async (p) => {
          await p.getByTestId(`class-tab-${tab}`).first().waitFor();
        });
      }
      await checkBoth(board, '/training/catalogue', 'programmes', async (p) => {
        await p.locator('main .ant-table-row').first().waitFor();
      });
    },
    SLOW,
  );

  it(
    'attendance is marked on a phone: a session, a tap on a trainee’s mark, Save',
    async () => {
      const cls = await class2025(board);
      const grid = await apiGet<AttendanceGrid>(board, `/training/classes/${cls.id}/attendance`, { pageSize: 100 });
      const session = grid.sessions[0]!;
      const trainee = grid.rows.find((r) => r.marks[0] !== null)!;
      const before = trainee.marks[0]!;
      const other = before === 'excused' ? 'late' : 'excused';
      const words = { present: 'Có mặt', late: 'Đi muộn', excused: 'Vắng có phép', absent: 'Vắng không phép' };
      const markOnServer = async () =>
        (await apiGet<AttendanceGrid>(board, `/training/classes/${cls.id}/attendance`, { pageSize: 100 })).rows.find(
          (r) => r.enrolmentId === trainee.enrolmentId,
        )!.marks[0];

      await board.setViewportSize(PHONE);
      try {
        await board.goto(`/training/classes/${cls.id}?tab=attendance`, { waitUntil: 'domcontentloaded' });
        await board.getByTestId('att-by-session').waitFor();
        await board.getByTestId('att-legend').getByText('Vắng có phép').waitFor();
        // the first session is the one shown (the class is over: none is today's)
        await board.getByRole('combobox', { name: 'Buổi điểm danh' }).waitFor();
        const button = (mark: keyof typeof words) =>
          board.getByRole('radio', { name: `${trainee.personName}: ${words[mark]}` }).first();
        // antd's radio input is hidden under its label: the label is what a thumb taps
        const tap = (mark: keyof typeof words) => button(mark).locator('xpath=ancestor::label').click();
        expect(await button(before).isChecked()).toBe(true);
        // a thumb-sized target
        const box = (await board
          .getByTestId(`att-marks-${trainee.enrolmentId}`)
          .locator('label')
          .first()
          .boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(40);
        expect(box.width).toBeGreaterThanOrEqual(60);
        await tap(other);
        await board.getByTestId('att-unsaved').getByText('1 ô điểm danh chưa lưu').waitFor();
        expect(await layoutProblems(board, false)).toEqual([]);
        await screenshot(board, 'layout-attendance-marked-phone');
        await board.getByTestId('att-save').click();
        await toast(board, 'Đã lưu 1 ô điểm danh');
        expect(await markOnServer()).toBe(other);
        expect(session.id).toBe(grid.sessions[0]!.id);
        // and back as it was, so the class's record stays the demo's
        await tap(before);
        await board.getByTestId('att-save').click();
        await toast(board, 'Đã lưu 1 ô điểm danh');
        expect(await markOnServer()).toBe(before);
      } finally {
        await board.setViewportSize(DESK);
      }
    },
    SLOW,
  );

  it(
    'units: one date in the address for the tree, the list and the navigator; a name said once',
    async () => {
      await board.goto('/units?asOf=2024-01-23');
      // the navigator beside the page has no picker of its own here: the page's date is its date
      await board.locator('aside .ant-tree').getByText('Tỉnh đoàn Đắk Nông', { exact: true }).waitFor();
      expect(await board.locator('aside').getByLabel('Xem theo ngày').count()).toBe(0);
      await expect.poll(() => board.getByLabel('Xem theo ngày').first().inputValue()).toBe('23/01/2024');
      await board.locator('main .ant-tree').getByText('Tỉnh đoàn Đắk Nông', { exact: true }).waitFor();
      // the list of that day, the province of then in it
      await board.getByText('Danh sách', { exact: true }).click();
      await board.waitForURL(
        (url) => url.searchParams.get('view') === 'table' && url.searchParams.get('asOf') === '2024-01-23',
      );
      await board.getByRole('combobox', { name: 'Loại đơn vị' }).click();
      await board.locator('.ant-select-dropdown:visible').getByText('Tỉnh, thành đoàn', { exact: true }).click();
      await board.locator('main .ant-table-row').getByText('Tỉnh đoàn Đắk Nông', { exact: true }).first().waitFor();
      // a province established since is not in the list of that day
      const lamDong = await unitNamed(board, 'Tỉnh đoàn Lâm Đồng');
      if (lamDong.validFrom > '2024-01-23') {
        expect(
          await board.locator('main .ant-table-row').getByText('Tỉnh đoàn Lâm Đồng', { exact: true }).count(),
        ).toBe(0);
      }
      await screenshot(board, 'layout-units-list-2024');
      // elsewhere the navigator's own date goes into the address
      await board.goto('/people?asOf=2024-01-23');
      await board.locator('aside .ant-tree').getByText('Tỉnh đoàn Đắk Nông', { exact: true }).waitFor();
      // the province of 2024 whose short name is its name: said once
      const dakNong = await unitNamed(board, 'Tỉnh đoàn Đắk Nông');
      await board.goto(`/units/${dakNong.id}`);
      const title = board.getByRole('heading', { level: 3 }).first();
      await expect.poll(() => title.textContent()).toBe('Tỉnh đoàn Đắk Nông');
    },
    SLOW,
  );

  it(
    'people',
    async () => {
      await checkBoth(board, '/people', 'people', async (p) => {
        await p.locator('main .ant-table-row').first().waitFor();
      });
    },
    SLOW,
  );

  it(
    'as a commune editor: units, own unit, classes, a class, people',
    async () => {
      const context = await newContext(s.browser);
      commune = await context.newPage();
      commune.setDefaultTimeout(45_000);
      current = commune;
      await logIn(commune, 'cujut');
      await checkBoth(commune, '/units', 'cujut-units', async (p) => {
        await p.locator('main .ant-tree').waitFor();
      });
      const own = await unitNamed(commune, 'Đoàn xã Cư Jút');
      await checkBoth(commune, `/units/${own.id}`, 'cujut-unit', heading('Đoàn xã Cư Jút'));
      await checkBoth(commune, '/training/classes', 'cujut-classes', async (p) => {
        await p.locator('main .ant-table-row').first().waitFor();
      });
      const cls = (await apiGet<Paged<TrainingClass>>(commune, '/training/classes', { pageSize: 1 })).items[0]!;
      await checkBoth(commune, `/training/classes/${cls.id}?tab=sessions`, 'cujut-class', async (p) => {
        await p.getByTestId('class-tab-sessions').first().waitFor();
      });
      await checkBoth(commune, '/people', 'cujut-people', async (p) => {
        await p.locator('main .ant-table-row').first().waitFor();
      });
      current = board;
    },
    SLOW,
  );
});

async function class2025(page: Page): Promise<TrainingClass> {
  const list = await apiGet<Paged<TrainingClass>>(page, '/training/classes', { q: CLASS_2025.name, pageSize: 5 });
  const cls = list.items.find((c) => c.name === CLASS_2025.name);
  expect(cls, CLASS_2025.name).toBeTruthy();
  return cls!;
}
