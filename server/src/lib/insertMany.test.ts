import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { inTransaction } from '../context.ts';
import { insertBatches, insertMany } from './insertMany.ts';

type T = Awaited<ReturnType<typeof testApp>>;

/**
 * A bulk insert (COPY on PostgreSQL, row by row on SQLite in a transaction) stores every value as given and
 * returns each row's own id, in the rows' order: an import links positions and audit rows by them.
 */
describe('insertMany', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  // Texts COPY's format must escape, a literal "\N" that is not null, nulls, Vietnamese.
  const awkward = ['tab\there', 'line\nbreak\r\n', 'back\\slash', '\\N', 'Nguyễn Văn Đức', ''];

  it('stores 1,500 rows with awkward text and nulls, each id naming its own row', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      at: '2026-12-05T00:00:00.000Z',
      actor_user_id: null,
      entity: 'person' as const,
      entity_id: i,
      action: 'import',
      unit_id: i % 3 === 0 ? null : 1,
      before: i % 2 === 0 ? null : awkward[i % awkward.length]!,
      after: `{"n":${i},"s":${JSON.stringify(awkward[i % awkward.length])}}`,
    }));
    const ids = await inTransaction(t.ctx, (tx) => insertMany(tx, 'audit_log', rows));
    expect(ids).toHaveLength(rows.length);
    expect(new Set(ids).size).toBe(rows.length);
    const stored = await t.db.kysely
      .selectFrom('audit_log')
      .select(['id', 'entity_id', 'unit_id', 'before', 'after'])
      .where('action', '=', 'import')
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    rows.forEach((row, i) => {
      expect(byId.get(ids[i]!)).toEqual({
        id: ids[i],
        entity_id: row.entity_id,
        unit_id: row.unit_id,
        before: row.before,
        after: row.after,
      });
    });
  });

  it('keeps numbering after a bulk insert: the next single insert takes a new id', async () => {
    const [first] = await inTransaction(t.ctx, (tx) =>
      insertMany(tx, 'audit_log', [
        {
          at: '2026-12-05T00:00:00.000Z',
          actor_user_id: null,
          entity: 'person',
          entity_id: 1,
          action: 'x',
          unit_id: null,
          before: null,
          after: null,
        },
      ]),
    );
    const max = await t.db.kysely
      .selectFrom('audit_log')
      .select((e) => e.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(first).toBe(Number(max.m));
  });

  /** Audit rows `from`… as a bulk write makes them; a long one every 500th (its text past a COPY piece). */
  const auditRows = (from: number, count: number, action: string) =>
    Array.from({ length: count }, (_, k) => {
      const i = from + k;
      return {
        at: '2026-12-05T00:00:00.000Z',
        actor_user_id: null,
        entity: 'person' as const,
        entity_id: i,
        action,
        unit_id: i % 3 === 0 ? null : 1,
        before: i % 2 === 0 ? null : awkward[i % awkward.length]!,
        after: i % 500 === 7 ? 'Đ\t'.repeat(30_000) : `{"n":${i},"s":${JSON.stringify(awkward[i % awkward.length])}}`,
      };
    });
  const COLUMNS = ['at', 'actor_user_id', 'entity', 'entity_id', 'action', 'unit_id', 'before', 'after'] as const;
  async function* inBatches(action: string, batches: number, failAt = -1) {
    for (let b = 0; b < batches; b++) {
      if (b === failAt) throw new Error('the source failed');
      yield auditRows(b * 400, 400, action);
    }
  }
  const stored = (action: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['id', 'entity_id', 'unit_id', 'before', 'after'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  it('stores rows made batch by batch as they were made, each id naming its own row', async () => {
    const ids = await inTransaction(t.ctx, (tx) =>
      insertBatches(tx, 'audit_log', COLUMNS, 2000, inBatches('batched', 5)),
    );
    const rows = auditRows(0, 2000, 'batched');
    expect(await stored('batched')).toEqual(
      rows.map((row, i) => ({
        id: ids[i],
        entity_id: row.entity_id,
        unit_id: row.unit_id,
        before: row.before,
        after: row.after,
      })),
    );
  });

  it('writes nothing when the source of the rows fails midway, and the connection goes on', async () => {
    const write = inTransaction(t.ctx, (tx) =>
      insertBatches(tx, 'audit_log', COLUMNS, 2000, inBatches('failed', 5, 3)),
    );
    await expect(write).rejects.toThrow('the source failed');
    expect(await stored('failed')).toEqual([]);
    await expect(
      inTransaction(t.ctx, (tx) => insertBatches(tx, 'audit_log', COLUMNS, 400, inBatches('after', 1))),
    ).resolves.toHaveLength(400);
  });

  it('refuses a source that makes fewer rows than announced, and writes none of them', async () => {
    const write = inTransaction(t.ctx, (tx) => insertBatches(tx, 'audit_log', COLUMNS, 2000, inBatches('short', 4)));
    await expect(write).rejects.toThrow('1600 rows for the 2000 announced');
    expect(await stored('short')).toEqual([]);
  });
});
