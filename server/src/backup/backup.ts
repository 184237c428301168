import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Db } from '../db/index.ts';
import { readPages } from '../db/bulk.ts';
import { appliedMigrations } from '../db/migrate.ts';
import { listTables } from '../db/tables.ts';
import { AppError } from '../errors.ts';
import {
  encodeValue,
  FORMAT,
  FORMAT_VERSION,
  LineHash,
  type FileEnd,
  type Header,
  type TableEnd,
  type TableStart,
} from './format.ts';

export interface CopySummary {
  tables: number;
  rows: number;
  /** Size of the file (compressed). */
  bytes: number;
}

const PAGE = 2000;

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * Writes every table of the database to `file` (see format.ts), read in one read-only snapshot
 * transaction, so a backup taken while Canbo serves is the database as it stood at one moment.
 * The file appears under its name only once complete; a failed backup leaves no file behind.
 */
export async function backup(db: Db, file: string): Promise<CopySummary> {
  const partial = `${file}.part`;
  const summary: CopySummary = { tables: 0, rows: 0, bytes: 0 };
  try {
    await db.kysely
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx) => {
        const migrations = await appliedMigrations(tx, db.engine);
        if (!migrations.length) {
          throw new AppError(
            'not_found',
            'CSDL này chưa có dữ liệu Canbo nào (chưa được tạo bảng): hãy kiểm tra DATABASE_URL.',
          );
        }
        const header: Header = {
          format: FORMAT,
          formatVersion: FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          engine: db.engine,
          migrations,
        };
        const tables = await listTables(tx, db.engine);
        async function* text(): AsyncGenerator<string> {
          // Both checksums run over exactly the text written, a page of lines at a time.
          const whole = new LineHash();
          const emit = (chunk: string, table?: LineHash): string => {
            whole.add(chunk);
            table?.add(chunk);
            return chunk;
          };
          yield emit(line(header));
          for (const table of tables) {
            const hash = new LineHash();
            const start: TableStart = { table: table.name, columns: table.columns };
            yield emit(line(start), hash);
            let rows = 0;
            for await (const page of readPages(tx, db.engine, table, PAGE)) {
              let chunk = '';
              for (const row of page) chunk += line(table.columns.map((c) => encodeValue(row[c])));
              rows += page.length;
              yield emit(chunk, hash);
            }
            const end: TableEnd = { tableEnd: table.name, rows, sha256: hash.hex() };
            yield emit(line(end));
            summary.tables += 1;
            summary.rows += rows;
          }
          const fileEnd: FileEnd = { fileEnd: true, tables: summary.tables, rows: summary.rows, sha256: whole.hex() };
          yield line(fileEnd);
        }
        await pipeline(text, createGzip(), createWriteStream(partial));
      });
    // On disk before it takes the name a nightly job relies on.
    const handle = await open(partial, 'r+');
    await handle.sync();
    await handle.close();
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  summary.bytes = (await stat(file)).size;
  return summary;
}
