import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeText, writeXlsxTable, type XlsxColumn } from './table.ts';

interface Row {
  name: string;
  born: string | null;
  count: number;
}

const columns: XlsxColumn<Row>[] = [
  { header: 'Họ và tên', value: (r) => r.name },
  { header: 'Ngày sinh', type: 'date', value: (r) => r.born },
  { header: 'Số lớp đã học', type: 'number', value: (r) => r.count },
];

async function* slowly(rows: Row[]) {
  for (const r of rows) {
    await Promise.resolve();
    yield r;
  }
}

async function roundTrip(rows: Row[]) {
  const out = new PassThrough();
  const [bytes, count] = await Promise.all([
    buffer(out),
    writeXlsxTable(out, { sheetName: 'Cán bộ', columns, rows: slowly(rows) }),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { count, sheet: workbook.getWorksheet('Cán bộ')! };
}

describe('safeText', () => {
  it('prefixes text a spreadsheet would read as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+84 912', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '＝1']) {
      expect(safeText(bad)).toBe(`'${bad}`);
    }
  });

  it('leaves ordinary Vietnamese text alone and strips characters XML cannot carry', () => {
    expect(safeText('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(safeText("Y Bl'Ơng = 1")).toBe("Y Bl'Ơng = 1");
    expect(safeText('a\u0000b\u0007c')).toBe('abc');
  });
});

describe('writeXlsxTable', () => {
  it('writes a bold header in Vietnamese, dd/mm/yyyy dates and neutralised formulas', async () => {
    const { count, sheet } = await roundTrip([
      { name: 'Đặng Thị Ân', born: '1995-02-28', count: 3 },
      { name: '=HYPERLINK("http://evil","bấm")', born: null, count: 0 },
    ]);
    expect(count).toBe(2);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Họ và tên', 'Ngày sinh', 'Số lớp đã học']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Đặng Thị Ân');
    const born = sheet.getCell('B2');
    expect(born.value).toEqual(new Date(Date.UTC(1995, 1, 28)));
    expect(born.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('C2').value).toBe(3);
    const evil = sheet.getCell('A3');
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.value).toBe(`'=HYPERLINK("http://evil","bấm")`);
    expect(sheet.getCell('B3').value).toBeNull();
  });

  it('streams many rows without holding them in an array', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({ name: `Cán bộ ${i}`, born: '2000-01-01', count: i }));
    const { count, sheet } = await roundTrip(many);
    expect(count).toBe(1500);
    expect(sheet.rowCount).toBe(1501);
    expect(sheet.getCell('C1501').value).toBe(1499);
  });

  it('stops reading rows once the client has gone', async () => {
    const out = new PassThrough();
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        if (produced % 100 === 0) await new Promise((r) => setImmediate(r));
        yield { name: `Cán bộ số ${produced} ${'x'.repeat(40)}`, born: '2000-01-01', count: produced };
      }
    }
    const writing = writeXlsxTable(out, { sheetName: 'x', columns, rows: endless() });
    setTimeout(() => out.destroy(), 100);
    await expect(writing).rejects.toThrow(/cancelled|closed|destroyed/);
    const stoppedAt = produced;
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBe(stoppedAt);
  });

  it('destroys the output when the rows fail, so the client sees a broken download, not a short file', async () => {
    const out = new PassThrough();
    out.resume();
    async function* failing() {
      yield { name: 'A', born: null, count: 1 };
      throw new Error('db gone');
    }
    await expect(writeXlsxTable(out, { sheetName: 'x', columns, rows: failing() })).rejects.toThrow('db gone');
    expect(out.destroyed).toBe(true);
  });
});
