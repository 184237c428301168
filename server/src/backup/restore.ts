import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { sql, type Transaction } from 'kysely';
import { createDb, type Db } from '../db/index.ts';
import { pauseForeignKeys, resetIdSequences } from '../db/bulk.ts';
import { appliedMigrations, KNOWN_MIGRATIONS, migrateTo, migrateToLatest } from '../db/migrate.ts';
import { listTables, type TableInfo } from '../db/tables.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { CopySummary } from './backup.ts';
import {
  decodeValue,
  FORMAT,
  FORMAT_VERSION,
  LineHash,
  lines,
  type FileEnd,
  type Header,
  type TableEnd,
  type TableStart,
} from './format.ts';

export interface RestoreSummary extends CopySummary {
  /** Migrations applied after the load, when the file was written at an older schema than this code's. */
  upgraded: string[];
}

const corrupt = (why: string) =>
  new AppError('validation', `Tệp sao lưu bị hỏng hoặc không đầy đủ (${why}). Không có dữ liệu nào được ghi.`);
const mismatch = (why: string) =>
  new AppError('validation', `Tệp sao lưu không khớp cấu trúc CSDL của phiên bản Canbo này: ${why}.`);

/**
 * Loads a backup file into an empty database of either engine. The target is first brought to the
 * file's schema version; then every row is written in one transaction whose checksums are checked
 * as the file is read, so a damaged or cut file rolls back and leaves no row behind; then the
 * migrations that came after the file's version run over the restored data.
 */
export async function restore(db: Db, file: string): Promise<RestoreSummary> {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new AppError('not_found', `Không đọc được tệp sao lưu ${file}: tệp không tồn tại.`);
    },
  );
  // Read by hand rather than through `pipeline`: that settles as soon as the reader stops early,
  // before the transaction has finished rolling back and with an abort in place of the reason.
  const compressed = createReadStream(file);
  const text = createGunzip();
  compressed.on('error', (err) => text.destroy(err));
  compressed.pipe(text);
  let loaded: CopySummary | undefined;
  try {
    loaded = await load(db, lines(text));
  } catch (reason) {
    if (reason instanceof AppError) throw reason;
    const code = (reason as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') throw corrupt('tệp bị cắt cụt');
    if (code === 'Z_DATA_ERROR') throw corrupt(`dữ liệu nén bị hỏng: ${(reason as Error).message}`);
    throw corrupt(reason instanceof Error ? reason.message : String(reason));
  } finally {
    compressed.destroy();
    text.destroy();
  }
  if (!loaded) throw corrupt('tệp trống');
  const upgraded = await migrateToLatest(db);
  // Planner statistics for tables that went from empty to full in one go.
  await sql`analyze`.execute(db.kysely);
  return { ...loaded, bytes: size, upgraded };
}

async function load(db: Db, input: AsyncGenerator<string>): Promise<CopySummary> {
  const whole = new LineHash();
  const first = await input.next();
  if (first.done) throw corrupt('tệp trống');
  whole.addLine(first.value);
  const header = readHeader(first.value);
  await checkTarget(db, header.migrations);
  await migrateTo(db, header.migrations.at(-1)!);
  return db.kysely.transaction().execute(async (tx) => {
    const tables = new Map((await listTables(tx, db.engine)).map((t) => [t.name, t]));
    const foreignKeys = await pauseForeignKeys(tx, db.engine);
    // What the migrations seeded (catalogues) is in the file too, as the source had it.
    for (const t of [...tables.values()].reverse()) await sql`delete from ${sql.id(t.name)}`.execute(tx);

    const total = { tables: 0, rows: 0, bytes: 0 };
    let current: TableLoad | null = null;
    let ended = false;
    for await (const text of input) {
      if (ended) throw corrupt('có dữ liệu sau dòng kết thúc');
      const value = parse(text);
      if (current) {
        if (Array.isArray(value)) {
          whole.addLine(text);
          await current.add(value, text);
          continue;
        }
        whole.addLine(text);
        const end = value as Partial<TableEnd>;
        if (end.tableEnd !== current.table.name) throw corrupt(`bảng ${current.table.name} không có dòng kết thúc`);
        await current.finish(end);
        total.tables += 1;
        total.rows += current.rows;
        current = null;
        continue;
      }
      const start = value as Partial<TableStart>;
      if (typeof start.table === 'string' && Array.isArray(start.columns)) {
        whole.addLine(text);
        current = new TableLoad(tx, tableFor(tables, start as TableStart), start.columns, text);
        tables.delete(start.table);
        continue;
      }
      const end = value as Partial<FileEnd>;
      if (end.fileEnd !== true) throw corrupt('dòng không đúng định dạng');
      if (end.sha256 !== whole.hex()) throw corrupt('sai tổng kiểm tra của toàn tệp');
      if (end.tables !== total.tables || end.rows !== total.rows) throw corrupt('số bảng hoặc số dòng không khớp');
      ended = true;
    }
    if (!ended) throw corrupt('tệp bị cắt cụt, thiếu phần cuối');
    const missing = [...tables.keys()];
    if (missing.length) throw mismatch(`tệp thiếu bảng ${missing.join(', ')}`);
    const broken = await foreignKeys.resume();
    if (broken) throw corrupt(`bảng ${broken} tham chiếu tới dòng không có trong tệp`);
    await resetIdSequences(tx, db.engine);
    return total;
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw corrupt('có dòng không đọc được');
  }
}

function readHeader(text: string): Header {
  let h: Partial<Header> = {};
  try {
    h = JSON.parse(text) as Partial<Header>;
  } catch {
    // Not JSON: reported below as not a backup.
  }
  if (
    h === null ||
    typeof h !== 'object' ||
    h.format !== FORMAT ||
    typeof h.formatVersion !== 'number' ||
    !Array.isArray(h.migrations)
  ) {
    throw new AppError('validation', 'Tệp này không phải tệp sao lưu của Canbo.');
  }
  if (h.formatVersion > FORMAT_VERSION) {
    throw new AppError(
      'conflict',
      `Tệp sao lưu theo định dạng ${h.formatVersion}, mới hơn định dạng phiên bản Canbo này đọc được (${FORMAT_VERSION}). Hãy cập nhật Canbo rồi khôi phục lại.`,
    );
  }
  const migrations = h.migrations.map(String);
  const unknown = migrations.filter((m) => !KNOWN_MIGRATIONS.includes(m));
  if (unknown.length) {
    throw new AppError(
      'conflict',
      `Tệp sao lưu có cấu trúc CSDL mới hơn phiên bản Canbo này (bản cập nhật CSDL ${unknown.join(', ')} chưa có ở phiên bản này). Hãy cập nhật Canbo rồi khôi phục lại.`,
    );
  }
  if (!migrations.length || migrations.some((m, i) => KNOWN_MIGRATIONS[i] !== m)) {
    throw mismatch('danh sách bản cập nhật CSDL trong tệp không theo thứ tự của phiên bản này');
  }
  return { ...(h as Header), migrations };
}

/** Refuses a target that is ahead of the file or holds data of its own. */
async function checkTarget(db: Db, fileMigrations: string[]): Promise<void> {
  const applied = await appliedMigrations(db.kysely, db.engine);
  const unknown = applied.filter((m) => !KNOWN_MIGRATIONS.includes(m));
  if (unknown.length) {
    throw new AppError(
      'conflict',
      `CSDL đích có cấu trúc mới hơn phiên bản Canbo này (bản cập nhật CSDL ${unknown.join(', ')}). Hãy khôi phục bằng phiên bản Canbo mới hơn.`,
    );
  }
  if (applied.some((m, i) => fileMigrations[i] !== m)) {
    throw new AppError(
      'conflict',
      `CSDL đích đã được cập nhật cấu trúc tới ${applied.at(-1)}, mới hơn tệp sao lưu (${fileMigrations.at(-1)}). Hãy khôi phục vào một CSDL mới, trống.`,
    );
  }
  const occupied = await occupiedTable(db, applied);
  if (occupied) {
    throw new AppError(
      'conflict',
      `CSDL đích đã có dữ liệu (bảng ${occupied}). Chỉ khôi phục vào một CSDL trống, để không trộn lẫn hay ghi đè dữ liệu đang có.`,
    );
  }
}

/**
 * The first table holding rows that its migrations did not write, or null. A database that has only
 * been migrated (by `canbo migrate` or a first start) counts as empty: the catalogues its migrations
 * seeded are compared with what the same migrations write into a scratch database.
 */
export async function occupiedTable(db: Db, applied: string[]): Promise<string | null> {
  const seeded = await seededCounts(applied);
  for (const t of await listTables(db.kysely, db.engine)) {
    const expected = seeded.get(t.name) ?? 0;
    if (expected === 0) {
      const any = await sql`select 1 as one from ${sql.id(t.name)} limit 1`.execute(db.kysely);
      if (any.rows.length) return t.name;
    } else if ((await countRows(db.kysely, t.name)) !== expected) {
      return t.name;
    }
  }
  return null;
}

async function seededCounts(applied: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const last = applied.at(-1);
  if (!last) return counts;
  const scratch = createDb(':memory:');
  try {
    await migrateTo(scratch, last);
    for (const t of await listTables(scratch.kysely, scratch.engine)) {
      counts.set(t.name, await countRows(scratch.kysely, t.name));
    }
  } finally {
    await scratch.destroy();
  }
  return counts;
}

async function countRows(db: Db['kysely'], table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.id(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

function tableFor(tables: Map<string, TableInfo>, start: TableStart): TableInfo {
  const table = tables.get(start.table);
  if (!table) throw mismatch(`bảng ${start.table} không có trong CSDL hoặc có hai lần trong tệp`);
  const want = [...table.columns].sort().join(',');
  const got = start.columns.map(String).sort().join(',');
  if (want !== got) throw mismatch(`các cột của bảng ${start.table} khác nhau`);
  return table;
}

/** One table's rows on their way in: batched multi-row inserts, its checksum checked at its end. */
class TableLoad {
  rows = 0;
  private hash = new LineHash();
  private batch: unknown[][] = [];
  private readonly perBatch: number;

  constructor(
    private readonly tx: Transaction<Database>,
    readonly table: TableInfo,
    private readonly columns: string[],
    startLine: string,
  ) {
    this.hash.addLine(startLine);
    // Well under both engines' limits on bound parameters per statement.
    this.perBatch = Math.max(1, Math.min(500, Math.floor(8000 / columns.length)));
  }

  async add(values: unknown[], line: string): Promise<void> {
    if (values.length !== this.columns.length) throw corrupt(`một dòng của bảng ${this.table.name} sai số cột`);
    this.hash.addLine(line);
    this.rows += 1;
    this.batch.push(values.map(decodeValue));
    if (this.batch.length >= this.perBatch) await this.flush();
  }

  async finish(end: Partial<TableEnd>): Promise<void> {
    if (end.rows !== this.rows || end.sha256 !== this.hash.hex()) {
      throw corrupt(`sai tổng kiểm tra của bảng ${this.table.name}`);
    }
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const rows = this.batch;
    this.batch = [];
    try {
      await sql`insert into ${sql.id(this.table.name)} (${sql.join(this.columns.map((c) => sql.id(c)))})
        values ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}`.execute(this.tx);
    } catch (err) {
      throw new AppError(
        'validation',
        `Không ghi được bảng ${this.table.name} (${err instanceof Error ? err.message : String(err)}). Không có dữ liệu nào được ghi.`,
      );
    }
  }
}
