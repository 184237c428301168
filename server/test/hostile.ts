import type { LeafKind } from './samples.ts';

/**
 * What a hostile caller puts in one place of a request, by what the place expects. Values for the
 * JSON body are JSON values (a lone surrogate travels as its `\ud800` escape); values for a path or
 * a query string are already percent-encoded, so they reach the parser exactly as written.
 */

/** `[[[…]]]` nested `depth` deep: cheap to send, expensive for a recursive reader. */
export const nestedArray = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

/**
 * Each kind of place gets its core values every time, and `EXTRAS` more of the rest in turn (the
 * turn moves on with every place), so every value is sent on every route with enough places while
 * a wide body does not cost hundreds of requests.
 */
interface Values<T> {
  core: T[];
  extra: T[];
}
const EXTRAS = 2;

function pick<T>(v: Values<T>, turn: number): T[] {
  const n = Math.min(EXTRAS, v.extra.length);
  return [...v.core, ...Array.from({ length: n }, (_, i) => v.extra[(turn * n + i) % v.extra.length] as T)];
}

const BODY: Record<LeafKind, Values<unknown>> = {
  text: {
    core: [
      'ad\u0000min',
      'x\ud800y',
      // "Trần Thị Hoa" decomposed (NFD), as some keyboards and macOS send it
      'Tra\u0302\u0300n Thi\u0323 Hoa',
      'Hoa\u200b',
      '\u202eHoa',
      'a\nb',
    ],
    extra: [
      null,
      'a\u0007b\u001b[2Jc\u007f\u0085',
      '\ufeffHoa\u2060',
      {},
      '\u2067Hoa\u2069',
      'a\tb',
      'x'.repeat(70_000),
      '',
      123,
      '   ',
      '\uffff\u{1F600}',
      nestedArray(500),
    ],
  },
  // PostgreSQL has no year 0; a year past 9999 leaves the yyyy-mm-dd format
  date: { core: ['0000-01-01', '9999-12-31'], extra: ['2025-02-29', '1899-12-31', '2199-12-31', '2025-1-1', 20250101] },
  id: {
    core: [0, 2_147_483_648, 2 ** 53, '3000000000'],
    extra: [-1, 3_000_000_000, 1.5, null, 2_147_483_647, 1e308, 'abc', {}],
  },
  number: { core: [-1, 2_147_483_648, 2 ** 53 + 2], extra: [null, 0.5, 3_000_000_000, 1e308, '5', {}] },
  boolean: { core: ['true'], extra: [null, 1, {}] },
  enum: { core: ['bogus', '\u0000'], extra: [null, 'x'.repeat(10_000), 1, []] },
  object: { core: [null], extra: [[], 'x', {}, nestedArray(500)] },
  array: {
    core: [Array.from({ length: 20_000 }, () => 3_000_000_000)],
    extra: [null, {}, 'x', nestedArray(500)],
  },
  other: { core: [null, '\u0000'], extra: [[], {}] },
};

/** Hostile JSON values for a place in a body. */
export const bodyValues = (kind: LeafKind, turn: number): unknown[] => pick(BODY[kind], turn);

const PCT_TEXT: Values<string> = {
  core: ['x%00y', '%ED%A0%80', 'Tra%CC%82%CC%80n', '%E2%80%AEHoa'],
  // invisible characters, line breaks, controls, stray bytes, a broken escape, a long value, blanks
  extra: ['Hoa%E2%80%8B', 'a%0Ab%09c', '%07%1B%7F%C2%85', '%FF%FE', '%E0%A4%A', 'x'.repeat(20_000), '%20%20'],
};
const PCT_ID: Values<string> = {
  core: ['2147483648', '9007199254740993', 'abc', '1%00'],
  extra: ['0', '-1', '3000000000', '1.5', '1e308', '0x10', '', '99999999999999999999999999'],
};
const PCT_DATE: Values<string> = {
  core: ['0000-01-01', '9999-12-31'],
  extra: ['2025-02-29', '1899-12-31', '2199-12-31'],
};
const PCT_OTHER: Values<string> = { core: ['bogus', '%00'], extra: ['', '%ED%A0%80', 'x'.repeat(5000)] };

/** Hostile percent-encoded strings for a query parameter (`turn` as for bodies). */
export function queryValues(kind: LeafKind, turn: number): string[] {
  if (kind === 'id' || kind === 'number') return pick(PCT_ID, turn);
  if (kind === 'date') return pick(PCT_DATE, turn);
  return pick(kind === 'text' ? PCT_TEXT : PCT_OTHER, turn);
}

/** Hostile percent-encoded strings for a path segment (`turn` as for bodies). */
export function pathValues(kind: LeafKind, turn: number): string[] {
  return kind === 'text' ? pick(PCT_TEXT, turn) : pick(PCT_ID, turn);
}

const RAW: Values<{ label: string; type: string; payload: string | Buffer }> = {
  core: [
    { label: 'empty body', type: 'application/json', payload: '' },
    { label: 'malformed JSON', type: 'application/json', payload: '{"a":' },
    {
      label: 'invalid UTF-8',
      type: 'application/json',
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    },
    { label: 'deeply nested', type: 'application/json', payload: '['.repeat(5000) + ']'.repeat(5000) },
  ],
  extra: [
    { label: 'JSON null', type: 'application/json', payload: 'null' },
    { label: 'JSON array', type: 'application/json', payload: '[]' },
    { label: 'lone surrogate key', type: 'application/json', payload: '{"\\ud800":1}' },
    {
      label: 'prototype pollution',
      type: 'application/json',
      payload: '{"__proto__":{"x":1},"constructor":{"prototype":{"x":1}}}',
    },
    { label: 'plain text', type: 'text/plain', payload: 'hello' },
  ],
};

/** Whole-body attacks for a write route, as raw bytes with their content type (`turn` as for bodies). */
export const rawBodies = (turn: number) => pick(RAW, turn);
