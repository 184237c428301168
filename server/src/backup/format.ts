import { createHash, type Hash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { Engine } from '../db/index.ts';

/**
 * The backup file: gzip-compressed UTF-8 text, one JSON value per line, the same whichever engine
 * wrote it and whichever will read it:
 *
 *   {"format":"canbo-backup","formatVersion":1,"createdAt":…,"engine":"sqlite","migrations":[…]}
 *   {"table":"units","columns":["id","code",…]}
 *   [1,"T01",…]                                   one line per row, values in `columns` order
 *   {"tableEnd":"units","rows":123,"sha256":"…"}  over the table's lines from its `table` line on
 *   … every table, parents before the tables that reference them …
 *   {"fileEnd":true,"tables":30,"rows":4567,"sha256":"…"}  over every line before this one
 *
 * Values are JSON null, numbers and strings: dates are `yyyy-mm-dd` text, timestamps ISO text and
 * booleans 0/1 on both engines already; anything else an engine could hand back is written in one of
 * those shapes (see `encodeValue`). A truncated file lacks its `fileEnd` line; a damaged one fails
 * gzip's own check or a checksum.
 */

export const FORMAT = 'canbo-backup';
export const FORMAT_VERSION = 1;

export interface Header {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: Engine;
  /** The schema version: every migration the database had, in order. */
  migrations: string[];
}
export interface TableStart {
  table: string;
  columns: string[];
}
export interface TableEnd {
  tableEnd: string;
  rows: number;
  sha256: string;
}
export interface FileEnd {
  fileEnd: true;
  tables: number;
  rows: number;
  sha256: string;
}

export type Value = null | number | string | { base64: string };

/** One cell as the file holds it. */
export function encodeValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return { base64: Buffer.from(v).toString('base64') };
  return JSON.stringify(v);
}

/** One cell as it goes back into a database. */
export function decodeValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && 'base64' in v && typeof v.base64 === 'string') {
    return Buffer.from(v.base64, 'base64');
  }
  return v;
}

/** A running SHA-256 over text exactly as it stands in the file, newlines included. */
export class LineHash {
  private hash: Hash = createHash('sha256');
  /** Text that ends with a newline (one line or many). */
  add(text: string): void {
    this.hash.update(text);
  }
  /** One line as `lines()` gives it, without its newline. */
  addLine(line: string): void {
    this.hash.update(line);
    this.hash.update('\n');
  }
  hex(): string {
    return this.hash.digest('hex');
  }
}

/** The file's lines, decompressed text split at newlines, streamed. */
export async function* lines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of source) {
    const text = rest + decoder.write(chunk);
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.end();
  // The writer ends every line with a newline: text after the last one is a cut line.
  if (rest) yield rest;
}
