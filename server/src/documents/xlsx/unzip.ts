import { Inflate } from 'fflate';

/**
 * Reading the parts of an uploaded zip (an .xlsx is one) without trusting what it says about
 * itself: the sizes it declares are only a claim, so every part is inflated in small steps and its
 * real output counted as it comes, against the part's declared size and the reader's own budget.
 * A zip bomb is stopped after a few MB of output, whatever its headers say.
 */

export class ZipLimitError extends Error {
  constructor(
    readonly reason: 'unpacked' | 'corrupt',
    message: string,
    /** The same in English, for a user reading the app in English (the message is Vietnamese). */
    readonly en: string = message,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Where the compressed data starts in the file. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed input handed to the inflater at a time: at most ~1000× that comes out per step. */
const STEP = 4096;

const corrupt = (why: string) => new ZipLimitError('corrupt', why);

/** A limit as a person reads it: "64 MB", "512 KB". */
export const sizeText = (bytes: number) =>
  bytes >= 2 ** 20 ? `${Math.round((bytes / 2 ** 20) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** The entries listed in the central directory (the end of the file), or an error when there is none. */
export function zipEntries(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('không có mục lục zip');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL) throw corrupt('mục lục zip hỏng');
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    // ZIP64 marks its sizes 0xFFFFFFFF; nothing a spreadsheet upload needs is that large.
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || local === 0xffffffff) {
      throw corrupt('zip64 không được hỗ trợ');
    }
    const name = names.decode(data.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL) throw corrupt(`phần ${name} hỏng`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > data.length) throw corrupt(`phần ${name} bị cắt cụt`);
    entries.push({ name, method, compressedSize, declaredSize, dataStart });
    at += 46 + skip;
  }
  return entries;
}

/** A shared allowance of inflated bytes across the parts a reader opens. */
export class UnpackBudget {
  used = 0;
  constructor(readonly limit: number) {}
}

/**
 * Inflates one entry, handing its output to `onChunk` piece by piece. Stops (throws) as soon as the
 * output passes the entry's declared size or the budget; `onChunk` may throw to stop early too.
 */
export function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  budget: UnpackBudget,
  onChunk: (chunk: Uint8Array) => void,
): void {
  const input = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    budget.used += chunk.length;
    if (produced > entry.declaredSize) {
      throw new ZipLimitError(
        'unpacked',
        `phần ${entry.name} giải nén ra nhiều hơn kích thước khai báo`,
        `the part ${entry.name} unpacks to more than its declared size`,
      );
    }
    if (budget.used > budget.limit) {
      throw new ZipLimitError(
        'unpacked',
        `dữ liệu giải nén vượt quá ${sizeText(budget.limit)}`,
        `the unpacked data is over ${sizeText(budget.limit)}`,
      );
    }
    if (chunk.length) onChunk(chunk);
  };
  if (entry.method === STORED) {
    for (let i = 0; i < input.length; i += STEP) take(input.subarray(i, i + STEP));
    return;
  }
  if (entry.method !== DEFLATED) throw corrupt(`phần ${entry.name} nén theo cách không hỗ trợ`);
  const inflater = new Inflate((chunk) => take(chunk));
  try {
    for (let i = 0; i < input.length; i += STEP) inflater.push(input.subarray(i, i + STEP), i + STEP >= input.length);
  } catch (err) {
    // fflate's own errors carry a numeric code; anything else was thrown by `onChunk` and goes on as it is.
    if (typeof (err as { code?: unknown }).code === 'number') throw corrupt(`phần ${entry.name} không giải nén được`);
    throw err;
  }
  if (produced !== entry.declaredSize) throw corrupt(`phần ${entry.name} không đúng kích thước khai báo`);
}

/** A small part (the workbook, its relations, the shared strings) whole, within `max` bytes. */
export function inflateText(
  data: Uint8Array,
  entry: ZipEntry,
  budget: UnpackBudget,
  max: number,
  what: { vi: string; en: string },
): string {
  if (entry.declaredSize > max) {
    throw new ZipLimitError(
      'unpacked',
      `${what.vi} lớn hơn ${sizeText(max)}`,
      `${what.en} is larger than ${sizeText(max)}`,
    );
  }
  const parts: Uint8Array[] = [];
  inflateEntry(data, entry, budget, (chunk) => parts.push(chunk));
  return Buffer.concat(parts).toString('utf8');
}
