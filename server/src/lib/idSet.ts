/**
 * Sets of ids stored compactly and unioned exactly (the distinct people of the training tallies).
 *
 * Stored form: a tag byte, then either the sorted ids as varint deltas (tag 0: a few bytes an id,
 * what a small unit's month holds) or a bitset from the smallest id (tag 1: one bit an id in the
 * range, what a province's year holds) — whichever is smaller. Distinct counts do not add up; a
 * union of sets does, so a period's distinct people is the size of the union of its months' sets.
 */

const DELTAS = 0;
const BITS = 1;

function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    len++;
  }
  return len;
}

function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 0x80);
  }
  out[at++] = n;
  return at;
}

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, at];
    scale *= 0x80;
  }
}

/** `ids` sorted ascending, without repeats. */
export function encodeIds(ids: readonly number[]): Uint8Array {
  if (!ids.length) return new Uint8Array([DELTAS]);
  const min = ids[0]!;
  const range = ids[ids.length - 1]! - min + 1;
  let deltaBytes = 1;
  let prev = 0;
  for (const id of ids) {
    deltaBytes += varintLength(id - prev);
    prev = id;
  }
  const bitBytes = 1 + varintLength(min) + Math.ceil(range / 8);
  if (deltaBytes <= bitBytes) {
    const out = new Uint8Array(deltaBytes);
    out[0] = DELTAS;
    let at = 1;
    prev = 0;
    for (const id of ids) {
      at = writeVarint(out, at, id - prev);
      prev = id;
    }
    return out;
  }
  const out = new Uint8Array(bitBytes);
  out[0] = BITS;
  const start = writeVarint(out, 1, min);
  for (const id of ids) {
    const bit = id - min;
    out[start + (bit >> 3)]! |= 1 << (bit & 7);
  }
  return out;
}

/** The ids of a stored set, ascending. */
export function decodeIds(bytes: Uint8Array): number[] {
  const out: number[] = [];
  if (bytes[0] === DELTAS) {
    let at = 1;
    let id = 0;
    while (at < bytes.length) {
      const [delta, next] = readVarint(bytes, at);
      id += delta;
      out.push(id);
      at = next;
    }
    return out;
  }
  const [min, start] = readVarint(bytes, 1);
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) continue;
    for (let k = 0; k < 8; k++) if (b & (1 << k)) out.push(min + (i - start) * 8 + k);
  }
  return out;
}

/** A growing bitset over ids from 0: the union of stored sets, and its size. */
export class IdUnion {
  private bits = new Uint8Array(1024);

  private room(byte: number): void {
    if (byte < this.bits.length) return;
    let size = this.bits.length;
    while (size <= byte) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bits);
    this.bits = grown;
  }

  addId(id: number): void {
    this.room(id >> 3);
    this.bits[id >> 3]! |= 1 << (id & 7);
  }

  /** Adds a stored set (encodeIds): a bitset is OR-ed in byte by byte, shifted to its first id. */
  add(bytes: Uint8Array): void {
    if (bytes[0] === DELTAS) {
      // Decoded straight into the bits: a national year holds hundreds of thousands of ids.
      let bits = this.bits;
      let at = 1;
      let id = 0;
      const end = bytes.length;
      while (at < end) {
        let b = bytes[at++]!;
        let delta = b & 0x7f;
        let scale = 0x80;
        while (b >= 0x80) {
          b = bytes[at++]!;
          delta += (b & 0x7f) * scale;
          scale *= 0x80;
        }
        id += delta;
        const byte = id >> 3;
        if (byte >= bits.length) {
          this.room(byte);
          bits = this.bits;
        }
        bits[byte]! |= 1 << (id & 7);
      }
      return;
    }
    const [min, start] = readVarint(bytes, 1);
    const span = bytes.length - start;
    this.room((min >> 3) + span + 1);
    const shift = min & 7;
    let at = min >> 3;
    const bits = this.bits;
    if (shift === 0) {
      for (let i = start; i < bytes.length; i++) bits[at++]! |= bytes[i]!;
      return;
    }
    for (let i = start; i < bytes.length; i++) {
      const b = bytes[i]!;
      bits[at]! |= (b << shift) & 0xff;
      bits[at + 1]! |= b >> (8 - shift);
      at++;
    }
  }

  get size(): number {
    let n = 0;
    const bits = this.bits;
    for (let i = 0; i < bits.length; i++) {
      let b = bits[i]!;
      while (b) {
        b &= b - 1;
        n++;
      }
    }
    return n;
  }

  ids(): number[] {
    return decodeIds(encodeBits(this.bits));
  }
}

function encodeBits(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(bits.length + 2);
  out[0] = BITS;
  out[1] = 0;
  out.set(bits, 2);
  return out;
}
