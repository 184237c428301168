import { describe, expect, it } from 'vitest';
import { handMadeXlsx, rowXml, sharedStringsXml, sheetXml, understate } from '../../../test/xlsx.ts';
import { readSheetRows, SheetLimitError, type SheetCells, type SheetLimits } from './read.ts';

const limits: SheetLimits = { maxRows: 1000, maxCellsPerRow: 50, maxUnpacked: 16 * 2 ** 20, maxSharedStrings: 2 ** 20 };

function read(data: Buffer, over: Partial<SheetLimits> = {}) {
  const rows: [number, SheetCells][] = [];
  const ok = readSheetRows(data, {
    sheetName: 'Điểm danh',
    limits: { ...limits, ...over },
    onRow: (r, c) => rows.push([r, c]),
  });
  return { ok, rows };
}

function refusal(work: () => unknown): SheetLimitError {
  try {
    work();
  } catch (err) {
    if (err instanceof SheetLimitError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('reading an uploaded sheet within limits', () => {
  it('reads shared, inline and number cells by column, leaving out formulas and empty rows', () => {
    const sheet = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Họ &amp; tên</t></is></c></row>` +
        `<row r="2"/>` +
        `<row r="4"><c r="B4"><f>1+1</f><v>2</v></c><c r="AB4" t="s"><v>0</v></c></row>`,
    );
    const { ok, rows } = read(handMadeXlsx(sheet, sharedStringsXml(['Có mặt', 'Mã học viên'])));
    expect(ok).toBe(true);
    expect(rows).toEqual([
      [
        1,
        new Map([
          [1, 'Mã học viên'],
          [3, 'Họ & tên'],
        ]),
      ],
      [
        4,
        new Map([
          [2, '2'],
          [28, 'Có mặt'],
        ]),
      ],
    ]);
  });

  it('stops at the first row past the row limit, before reading the rest of a 50,000-row sheet', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => rowXml(i + 1, [i + 1, 'Nguyễn Văn An', 'Có mặt'])).join('');
    const data = handMadeXlsx(sheetXml(rows));
    const before = process.memoryUsage().rss;
    let seen = 0;
    const err = refusal(() => readSheetRows(data, { sheetName: 'Điểm danh', limits, onRow: () => void seen++ }));
    expect(err.limit).toBe('maxRows');
    expect(err.message).toContain('1000 dòng');
    expect(seen).toBe(1000);
    // Loosely: nothing near the size of the whole sheet (about 4 MB of XML) was held.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
  });

  it('refuses a row with more cells than the limit', () => {
    const wide = rowXml(
      1,
      Array.from({ length: 26 }, (_, i) => i),
    );
    const err = refusal(() => read(handMadeXlsx(sheetXml(wide)), { maxCellsPerRow: 20 }));
    expect(err.limit).toBe('maxCellsPerRow');
    expect(err.message).toContain('20 ô');
  });

  it('refuses a zip bomb whose sheet inflates to far more than it declares, counting what it inflates', () => {
    // 40 MB of rows that compress to a few hundred KB, declared as 1 KB.
    const padding = '<row r="1"/>'.repeat(3_500_000);
    const bomb = understate(handMadeXlsx(sheetXml(padding)), 'xl/worksheets/sheet1.xml', 1024);
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const err = refusal(() => read(bomb));
    expect(err.limit).toBe('maxUnpacked');
    expect(err.message).toContain('giải nén ra nhiều hơn kích thước khai báo');
  });

  it('refuses a sheet that honestly inflates past the unpacked budget', () => {
    const padding = '<row r="1"/>'.repeat(2_000_000);
    const err = refusal(() => read(handMadeXlsx(sheetXml(padding)), { maxUnpacked: 8 * 2 ** 20 }));
    expect(err.limit).toBe('maxUnpacked');
    expect(err.message).toContain('8 MB');
  });

  it('refuses shared strings larger than their limit', () => {
    const strings = sharedStringsXml(Array.from({ length: 50_000 }, (_, i) => `chuỗi ${i}`));
    const err = refusal(() => read(handMadeXlsx(sheetXml(rowXml(1, ['a'])), strings), { maxSharedStrings: 100_000 }));
    expect(err.message).toContain('sharedStrings.xml');
  });

  it('says "not a workbook" (false) for other files', () => {
    expect(read(Buffer.from('%PDF-1.4 not a zip')).ok).toBe(false);
  });
});
