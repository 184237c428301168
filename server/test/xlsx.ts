import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PEOPLE_COLUMNS } from '../src/modules/imports/people/people.columns.ts';

/**
 * Workbooks built by hand, part by part, for tests of the upload limits: a sheet of 200,000 rows
 * takes a fraction of a second this way, and a zip can be made to lie about its sizes.
 */

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Điểm danh" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A row of inline-text cells from column A. */
export function rowXml(r: number, values: readonly (string | number)[]): string {
  const cells = values.map((v, i) => {
    const ref = `${String.fromCharCode(65 + (i % 26))}${r}`;
    return typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}

export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

export function sharedStringsXml(strings: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`;
}

/** An .xlsx of one sheet named "Điểm danh" (the attendance sheet's name). */
export function handMadeXlsx(sheet: string, sharedStrings = sharedStringsXml([])): Buffer {
  return Buffer.from(
    zipSync(
      {
        '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types/>'),
        'xl/workbook.xml': strToU8(WORKBOOK),
        'xl/_rels/workbook.xml.rels': strToU8(RELS),
        'xl/worksheets/sheet1.xml': strToU8(sheet),
        'xl/sharedStrings.xml': strToU8(sharedStrings),
      },
      { level: 6 },
    ),
  );
}

/**
 * The zip with the uncompressed size of entry `name` rewritten to `declared`, in its local header
 * and in the central directory: what a zip bomb does so that a check of declared sizes passes.
 */
export function understate(zip: Buffer, name: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name, 'utf8');
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + out.readUInt16LE(i + 26)).equals(nameBytes)) {
      out.writeUInt32LE(declared, i + 22);
      patched++;
    } else if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + out.readUInt16LE(i + 28)).equals(nameBytes)) {
      out.writeUInt32LE(declared, i + 24);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`entry ${name} not found in both headers`);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** One deflated zip entry: its raw deflate bytes, real size and checksum, and the size it declares. */
export interface DeflatedEntry {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
  /** What the headers say it inflates to (a zip bomb says far less); the real size by default. */
  declared?: number;
}

/**
 * `head`, then `body` `times` over, then `tail`, deflated in a moment however large it inflates to:
 * each piece is compressed once and ends on a full flush (byte-aligned, no reference back), so the
 * same bytes repeated are a valid deflate stream of the piece repeated. A 1,000,001-row sheet is a
 * few hundred KB made in milliseconds; a gigabyte of padding likewise. `checksum: false` skips the
 * CRC for a bomb that a reader must refuse long before its end.
 */
export function repeatedEntry(
  name: string,
  parts: { head: string; body: string; times: number; tail: string },
  checksum = true,
): DeflatedEntry {
  const flushed = (s: string) =>
    deflateRawSync(Buffer.from(s, 'utf8'), { level: 6, finishFlush: zlibConstants.Z_FULL_FLUSH });
  const [head, body, tail] = [parts.head, parts.body, parts.tail].map((s) => Buffer.from(s, 'utf8')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  const bodyDeflated = flushed(parts.body);
  const deflated = Buffer.concat([
    flushed(parts.head),
    ...Array<Buffer>(parts.times).fill(bodyDeflated),
    flushed(parts.tail),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  let crc = 0;
  if (checksum) {
    crc = crc32(head);
    for (let i = 0; i < parts.times; i++) crc = crc32(body, crc);
    crc = crc32(tail, crc);
  }
  return { name, deflated, size: head.length + body.length * parts.times + tail.length, crc };
}

/** A small text part as a deflated entry. */
export function textEntry(name: string, text: string): DeflatedEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** A zip of deflated entries, written by hand (local headers, data, central directory, end record). */
export function zipOfEntries(entries: readonly DeflatedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const declared = e.declared ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts around the one sheet of a hand-made workbook (as handMadeXlsx writes them). */
export function workbookEntries(): DeflatedEntry[] {
  return [
    textEntry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types/>'),
    textEntry('xl/workbook.xml', WORKBOOK),
    textEntry('xl/_rels/workbook.xml.rels', RELS),
  ];
}

/**
 * A people import sheet of `count` new cadres of the unit coded EAPO (the imports tests' commune),
 * told apart by their national IDs from `firstId` on: large sheets in a moment.
 */
export function peopleSheet(count: number, firstId: number): Buffer {
  const at = (key: string) => PEOPLE_COLUMNS.findIndex((c) => c.key === key);
  const rows = [
    rowXml(
      1,
      PEOPLE_COLUMNS.map((c) => c.header),
    ),
  ];
  for (let i = 0; i < count; i++) {
    const cells: string[] = PEOPLE_COLUMNS.map(() => '');
    cells[at('unit')] = 'EAPO';
    cells[at('familyName')] = 'Lò';
    cells[at('middleName')] = 'Văn';
    cells[at('givenName')] = 'Tiến';
    cells[at('gender')] = 'Nam';
    cells[at('ethnicity')] = 'Thái';
    cells[at('nationalId')] = String(firstId + i).padStart(12, '0');
    rows.push(rowXml(i + 2, cells.slice(0, at('nationalId') + 1)));
  }
  return handMadeXlsx(sheetXml(rows.join('')));
}
