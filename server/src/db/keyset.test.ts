import { describe, expect, it } from 'vitest';
import { offsetBatches, type OffsetWindow } from './keyset.ts';

/** A list of `n` numbers read by window, each read recorded. */
function list(n: number) {
  const all = Array.from({ length: n }, (_, i) => i + 1);
  const reads: OffsetWindow[] = [];
  const read = (w: OffsetWindow) => {
    reads.push(w);
    return Promise.resolve(all.slice(w.offset, w.offset + w.limit));
  };
  return { all, reads, read };
}

async function collect(batches: AsyncIterable<number[]>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const b of batches) out.push(b);
  return out;
}

describe('offsetBatches', () => {
  it('reads a list batch after batch, each window once, and stops at the first short batch', async () => {
    const l = list(1_201);
    const batches = await collect(offsetBatches(l.read, 500));
    expect(batches.map((b) => b.length)).toEqual([500, 500, 201]);
    expect(batches.flat()).toEqual(l.all);
    expect(l.reads).toEqual([
      { limit: 500, offset: 0 },
      { limit: 500, offset: 500 },
      { limit: 500, offset: 1000 },
    ]);
  });

  it('a list of whole batches ends on an empty read, which yields nothing; an empty list yields nothing', async () => {
    const whole = list(1_000);
    expect((await collect(offsetBatches(whole.read, 500))).map((b) => b.length)).toEqual([500, 500]);
    expect(whole.reads.map((w) => w.offset)).toEqual([0, 500, 1000]);
    const empty = list(0);
    expect(await collect(offsetBatches(empty.read, 500))).toEqual([]);
    expect(empty.reads).toHaveLength(1);
  });

  it('reads only as the consumer asks', async () => {
    const l = list(2_000);
    const batches = offsetBatches(l.read, 500);
    await batches.next();
    expect(l.reads).toHaveLength(1);
    await batches.return(undefined);
    expect(l.reads).toHaveLength(1);
  });
});
