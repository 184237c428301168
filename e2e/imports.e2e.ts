import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, tableRows } from './ui.ts';
import { browserForSpec } from './pages.ts';

/*
 * A commune editor (cujut) imports cadres from Excel: downloads the template, fills it in, uploads a
 * sheet with a mistake, reads the error, fixes it, imports, and finds the new cadre in the list.
 */

let page: Page;
/** The template as the first test downloaded it. */
let template: Buffer;

browserForSpec((opened) => (page = opened));

/** The template with its example row replaced by one cadre of this unit. */
async function filled(template: Buffer, unit: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Cán bộ')!;
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const set = (header: string, value: ExcelJS.CellValue) => {
    ws.getRow(3).getCell(headers.indexOf(header)).value = value;
  };
  for (let c = 1; c < headers.length; c++) ws.getRow(3).getCell(c).value = null;
  set('Đơn vị', unit);
  set('Họ', 'Điểu');
  set('Tên', "K'Nhập");
  set('Ngày sinh', '12/04/1997');
  set('Giới tính', 'Nam');
  set('Dân tộc', 'Mnông');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function uploadSheet(data: Buffer) {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'can-bo.xlsx', mimeType: 'application/octet-stream', buffer: data });
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
}

describe('imports: cadres from a sheet', () => {
  it('template, a sheet with an error, the fix, the import, the cadre in the list', async () => {
    await logIn(page, 'cujut');
    await page.goto('/imports');
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải mẫu' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mau-nhap-can-bo.xlsx');
    template = Buffer.from(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c)));

    await uploadSheet(await filled(template, 'Đoàn xã Không Có Thật'));
    const row = tableRows(page).first();
    await expect.poll(() => row.textContent()).toContain('không có đơn vị mã hoặc tên "Đoàn xã Không Có Thật"');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    await uploadSheet(await filled(template, 'Đoàn xã Cư Jút'));
    await page.getByText('Không có lỗi: có thể nhập.').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByText('Đã nhập: tạo mới 1, cập nhật 0, không đổi 0.').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Mở danh sách cán bộ' }).click();
    await page.waitForURL(/\/people/);
    const search = page.getByPlaceholder('Tìm theo họ tên');
    await search.fill("K'Nhập");
    await search.press('Enter');
    await expect.poll(() => tableRows(page).first().textContent(), { timeout: 15_000 }).toContain("Điểu K'Nhập");
  });

  it('in English, the preview shows the findings as the server words them in English', async () => {
    await page.evaluate(() => localStorage.setItem('canbo.language', 'en'));
    try {
      await page.goto('/imports');
      await uploadSheet(await filled(template, 'Đoàn xã Không Có Thật'));
      await expect
        .poll(() => tableRows(page).first().textContent())
        .toContain('no unit has the code or name "Đoàn xã Không Có Thật" in Canbo');
    } finally {
      await page.evaluate(() => localStorage.setItem('canbo.language', 'vi'));
    }
  });
});
