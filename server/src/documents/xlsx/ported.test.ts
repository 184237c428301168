import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { feedXlsxTable } from './feed.ts';
import { writePortedTable } from './ported.ts';
import { writeXlsxTable, type XlsxColumn, type XlsxTable } from './table.ts';

interface Row {
  name: string;
  born: string | null;
  count: number;
}

const columns: XlsxColumn<Row>[] = [
  { header: 'Họ và tên', width: 28, value: (r) => r.name },
  { header: 'Ngày sinh', type: 'date', value: (r) => r.born },
  { header: 'Số lớp đã học', type: 'number', value: (r) => r.count },
];

const rows: Row[] = [
  { name: 'Đặng Thị Ân', born: '1995-02-28', count: 3 },
  { name: '=HYPERLINK("http://evil","bấm")', born: null, count: 0 },
  { name: '+84 912 345 678', born: 'không rõ', count: 1 },
  ...Array.from({ length: 2500 }, (_, i) => ({ name: `Cán bộ ${i}`, born: '2000-01-01', count: i })),
];

async function* slowly<T>(items: Iterable<T>) {
  for (const r of items) {
    await Promise.resolve();
    yield r;
  }
}

const table = (source: AsyncIterable<Row>): XlsxTable<Row> => ({ sheetName: 'Cán bộ', columns, rows: source });

/** Both halves of a ported export on this thread: the channel is the same one the pool is handed. */
function ported(t: XlsxTable<Row>, out: PassThrough) {
  const { input, pump } = feedXlsxTable(t, out);
  const job = writePortedTable(input);
  return { job, done: pump(job) };
}

async function sheetOf(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Cán bộ')!;
  const cells: unknown[][] = [];
  sheet.eachRow((row) => cells.push(row.values as unknown[]));
  return {
    cells,
    formats: [sheet.getCell('B2').numFmt, sheet.getCell('B5').numFmt],
    bold: sheet.getRow(1).font?.bold,
    widths: sheet.columns.map((c) => c.width),
    frozen: sheet.views,
  };
}

describe('an export written through the port (the heavy pool)', () => {
  it('equals the workbook written directly: header, rows, dates and neutralised formulas', async () => {
    const direct = new PassThrough();
    const [before] = await Promise.all([buffer(direct), writeXlsxTable(direct, table(slowly(rows)))]);
    const out = new PassThrough();
    const { job, done } = ported(table(slowly(rows)), out);
    const [after, count] = await Promise.all([buffer(out), job, done]);
    expect(count).toBe(rows.length);
    const [a, b] = await Promise.all([sheetOf(before), sheetOf(after)]);
    expect(b).toEqual(a);
    expect(b.cells.length).toBe(rows.length + 1);
    expect(b.cells[0]).toEqual([undefined, 'Họ và tên', 'Ngày sinh', 'Số lớp đã học']);
    expect(b.cells[2]).toEqual([undefined, `'=HYPERLINK("http://evil","bấm")`, undefined, 0]);
    expect(b.cells[3]?.[1]).toBe(`'+84 912 345 678`);
  });

  it('reads no more rows once the client has gone, and the writer stops', async () => {
    const out = new PassThrough();
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        if (produced % 100 === 0) await new Promise((r) => setImmediate(r));
        yield { name: `Cán bộ số ${produced} ${'x'.repeat(40)}`, born: '2000-01-01', count: produced };
      }
    }
    // Nobody reads `out`: the writer must wait on the response rather than buffer the file.
    const { job, done } = ported(table(endless()), out);
    await new Promise((r) => setTimeout(r, 150));
    const heldBack = produced;
    expect(out.readableLength).toBeLessThan(1024 * 1024);
    out.destroy();
    await expect(done).rejects.toThrow(/cancelled/);
    await expect(job).rejects.toThrow(/cancelled/);
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBeLessThanOrEqual(heldBack + 200);
  });

  it('cuts the download when the rows fail to read', async () => {
    const out = new PassThrough();
    const errors: Error[] = [];
    out.on('error', (err) => errors.push(err)); // as the HTTP response listens
    out.resume();
    async function* failing() {
      yield* slowly(rows.slice(0, 300));
      throw new Error('database went away');
    }
    const { job, done } = ported(table(failing()), out);
    await expect(done).rejects.toThrow('database went away');
    await expect(job).rejects.toThrow(/cancelled/);
    expect(out.destroyed).toBe(true);
    expect(errors.map((e) => e.message)).toEqual(['database went away']);
  });
});
