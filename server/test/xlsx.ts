import { strToU8, zipSync } from 'fflate';

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
