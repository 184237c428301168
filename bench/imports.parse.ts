import '../server/src/memory.ts';
/**
 * The bare streaming read of a people sheet, alone in a fresh process (bench/imports.bench.ts runs it
 * three times): `node --import tsx bench/imports.parse.ts <file.xlsx>` prints `{ ms, rows }`. In the
 * bench's own process the same read ran up to three times slower after the import had run (the XML
 * reader's code, shared with the import's reads, was no longer as optimised): the floor of the ratios
 * must not move with what ran before it.
 */
import { readFileSync } from 'node:fs';
import { readSheetRows } from '../server/src/documents/xlsx/read.ts';
import { PEOPLE_SHEET } from '../server/src/modules/imports/people/people.columns.ts';
import { peopleImport } from '../server/src/modules/imports/people/people.import.ts';

const data = readFileSync(process.argv[2]!);
const started = performance.now();
let rows = 0;
readSheetRows(data, { sheetName: PEOPLE_SHEET, limits: peopleImport.limits, onRow: () => rows++ });
console.log(JSON.stringify({ ms: performance.now() - started, rows }));
