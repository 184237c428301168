import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../context.ts';
import { lockTallies } from '../../db/dialect.ts';
import { chunks, groupBy } from '../../lib/chunks.ts';

/**
 * The dated closure (`unit_spans`, migration 0023): for each unit X, the units whose records of a
 * day count for X — those in X's subtree ON THAT DAY by the dated tree (`unit_tree_history`,
 * valid_from ≤ day < valid_to), and those in the subtree on that day of a unit whose records roll
 * into X through lineage links (`unit_event_links` from → to, transitively: a commune of Đắk Nông
 * in 2015 counts for Lâm Đồng, into which Đắk Nông merged in 2025). A unit counts its own records
 * on every day. Spans of one pair that overlap (two paths to one unit) are merged, so nothing
 * counts twice; a restructuring adds spans from its date on and leaves those before it as they
 * were, so figures before a merger do not change when the merger is applied.
 *
 * Computed in memory from the tree (~10,000 units at national scale) and written as the difference
 * from what is stored, whenever the triggers mark the tree or the links changed ('spans').
 */

export const EVER = '1000-01-01';
export const NEVER = '9999-12-31';
/** Guard against a cycle in malformed dated edges (a real tree is far shallower). */
const MAX_DEPTH = 40;

/** Rows credited to `column` on `day` count for unit `root` (the training metrics' unit filter). */
export function withinAtTheTime(
  column: RawBuilder<unknown>,
  day: RawBuilder<unknown>,
  root: number,
): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from unit_spans us where us.ancestor_id = ${root}
    and us.descendant_id = ${column} and us.valid_from <= ${day} and us.valid_to > ${day})`;
}

interface Span {
  ancestor: number;
  descendant: number;
  from: string;
  to: string;
}

const text = (column: string) => sql.raw(`cast(${column} as text)`);

/** The spans the tree and the links give now, merged per pair. */
export async function computeSpans(tx: Tx): Promise<Span[]> {
  const [units, edges, links] = await Promise.all([
    sql<{ id: number; parent_id: number | null; valid_from: string }>`
      select id, parent_id, ${text('valid_from')} as valid_from from units`.execute(tx.q),
    sql<{ unit_id: number; parent_id: number | null; valid_from: string; valid_to: string | null }>`
      select unit_id, parent_id, ${text('valid_from')} as valid_from, ${text('valid_to')} as valid_to
      from unit_tree_history`.execute(tx.q),
    sql<{ from_unit_id: number; to_unit_id: number }>`select from_unit_id, to_unit_id from unit_event_links`.execute(
      tx.q,
    ),
  ]);
  const parents = new Map<number, { parent: number; from: string; to: string }[]>();
  const withEdges = new Set<number>();
  for (const e of edges.rows) {
    withEdges.add(e.unit_id);
    if (e.parent_id === null) continue;
    const list = parents.get(e.unit_id) ?? [];
    list.push({ parent: e.parent_id, from: e.valid_from, to: e.valid_to ?? NEVER });
    parents.set(e.unit_id, list);
  }
  // A unit written without dated edges (by a bulk load) hangs under today's parent from its first day.
  for (const u of units.rows) {
    if (!withEdges.has(u.id) && u.parent_id !== null) {
      parents.set(u.id, [{ parent: u.parent_id, from: u.valid_from, to: NEVER }]);
    }
  }

  // The tree: walk up from every unit, narrowing the days to those every edge on the way held.
  const tree = new Map<number, Span[]>();
  const add = (map: Map<number, Span[]>, s: Span) => {
    const list = map.get(s.ancestor);
    if (list) list.push(s);
    else map.set(s.ancestor, [s]);
  };
  for (const u of units.rows) {
    add(tree, { ancestor: u.id, descendant: u.id, from: EVER, to: NEVER });
    const stack: [unit: number, from: string, to: string, depth: number][] = [[u.id, EVER, NEVER, 0]];
    while (stack.length) {
      const [unit, from, to, depth] = stack.pop()!;
      if (depth >= MAX_DEPTH) continue;
      for (const e of parents.get(unit) ?? []) {
        const f = e.from > from ? e.from : from;
        const t = e.to < to ? e.to : to;
        if (f >= t) continue;
        add(tree, { ancestor: e.parent, descendant: u.id, from: f, to: t });
        stack.push([e.parent, f, t, depth + 1]);
      }
    }
  }

  // Lineage: each unit takes the tree spans of every unit whose records roll into it.
  const sources = groupBy(links.rows, (l) => l.to_unit_id);
  const all = new Map<number, Span[]>();
  for (const spans of tree.values()) for (const s of spans) add(all, s);
  for (const target of sources.keys()) {
    const seen = new Set<number>([target]);
    const queue = [target];
    while (queue.length) {
      const at = queue.shift()!;
      for (const l of sources.get(at) ?? []) {
        if (seen.has(l.from_unit_id)) continue;
        seen.add(l.from_unit_id);
        queue.push(l.from_unit_id);
        for (const s of tree.get(l.from_unit_id) ?? []) add(all, { ...s, ancestor: target });
      }
    }
  }

  const out: Span[] = [];
  for (const spans of all.values()) {
    for (const pair of groupBy(spans, (s) => s.descendant).values()) {
      pair.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      let cur = { ...pair[0]! };
      for (const s of pair.slice(1)) {
        if (s.from <= cur.to) {
          if (s.to > cur.to) cur.to = s.to;
        } else {
          out.push(cur);
          cur = { ...s };
        }
      }
      out.push(cur);
    }
  }
  return out;
}

const pairKey = (s: { ancestor: number; descendant: number }) => `${s.ancestor}:${s.descendant}`;

/**
 * Writes the spans the tree gives now where they differ from those stored, and returns the units
 * whose spans changed (their records count for other units than before).
 */
export async function writeSpans(tx: Tx): Promise<Set<number>> {
  const now = await computeSpans(tx);
  const stored = await sql<{ ancestor: number; descendant: number; from: string; to: string }>`
    select ancestor_id as ancestor, descendant_id as descendant, ${text('valid_from')} as "from",
      ${text('valid_to')} as "to" from unit_spans`.execute(tx.q);
  const describe = (spans: Span[]) => {
    const m = new Map<string, string>();
    for (const [key, list] of groupBy(spans, pairKey)) {
      m.set(
        key,
        list
          .map((s) => `${s.from}/${s.to}`)
          .sort()
          .join(','),
      );
    }
    return m;
  };
  const before = describe(stored.rows);
  const after = describe(now);
  const changed = new Set<string>();
  for (const [key, value] of after) if (before.get(key) !== value) changed.add(key);
  for (const key of before.keys()) if (!after.has(key)) changed.add(key);
  if (!changed.size) return new Set();

  const gone = stored.rows.filter((s) => changed.has(pairKey(s)));
  for (const [ancestor, list] of groupBy(gone, (s) => s.ancestor)) {
    for (const part of chunks([...new Set(list.map((s) => s.descendant))])) {
      await tx.q
        .deleteFrom('unit_spans')
        .where('ancestor_id', '=', ancestor)
        .where('descendant_id', 'in', part)
        .execute();
    }
  }
  const fresh = now.filter((s) => changed.has(pairKey(s)));
  for (const part of chunks(fresh, 5000)) {
    await tx.q
      .insertInto('unit_spans')
      .values(
        part.map((s) => ({ ancestor_id: s.ancestor, descendant_id: s.descendant, valid_from: s.from, valid_to: s.to })),
      )
      .execute();
  }
  return new Set([...changed].map((key) => Number(key.split(':')[1])));
}

/**
 * Makes the dated closure current before it is read: when the tree or the links changed and no
 * refresh followed yet (a load, a restore, the migration), it is rebuilt here — in the caller's
 * transaction, or in one of its own — and the classes whose units moved are marked for the tallies.
 */
export async function currentSpans(tx: Tx): Promise<void> {
  const marked = await tx.q
    .selectFrom('tally_dirty')
    .select('id')
    .where('kind', '=', 'spans')
    .limit(1)
    .executeTakeFirst();
  if (!marked) return;
  const run = (t: Tx) => refreshSpans(t);
  if (tx.q.isTransaction) await run(tx);
  else await tx.q.transaction().execute((q) => run({ q, engine: tx.engine }));
}

/** Past this many classes to re-tally after a change of the tree, the tallies are rebuilt whole. */
export const FOLLOW_AT = 20_000;

/** Rebuilds the spans when marked (under the tallies' lock), marking the classes to re-tally. */
export async function refreshSpans(tx: Tx): Promise<void> {
  await lockTallies(tx);
  const marked = await tx.q.selectFrom('tally_dirty').select('id').where('kind', '=', 'spans').executeTakeFirst();
  if (!marked) return;
  const moved = await writeSpans(tx);
  await tx.q.deleteFrom('tally_dirty').where('kind', '=', 'spans').execute();
  if (!moved.size) return;
  const all = await tx.q.selectFrom('tally_dirty').select('id').where('kind', '=', 'all').executeTakeFirst();
  if (all) return;
  const classes = new Set<number>();
  for (const part of chunks([...moved])) {
    const rows = await sql<{ id: number }>`
      select c.id from training_classes c where c.organiser_unit_id in (${sql.join(part)})
      union select e.class_id from enrolments e where e.unit_id in (${sql.join(part)})`.execute(tx.q);
    for (const r of rows.rows) classes.add(Number(r.id));
    if (classes.size > FOLLOW_AT) break;
  }
  await markClasses(tx, [...classes]);
}

/** Marks classes to re-tally, or everything when there are too many to follow one by one. */
export async function markClasses(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length > FOLLOW_AT) {
    await tx.q
      .insertInto('tally_dirty')
      .values({ kind: 'all', id: 0 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  for (const part of chunks(ids, 5000)) {
    await tx.q
      .insertInto('tally_dirty')
      .values(part.map((id) => ({ kind: 'class', id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
