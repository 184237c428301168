import { sql } from 'kysely';
import { createDb } from '../server/src/db/index.ts';

/**
 * What the training generator needs from a generated database: the unit tree and the people in it,
 * with people laid out so that every unit's subtree is one contiguous slice (units in depth-first
 * order, each unit's people together). Drawing trainees "from the organiser's subtree" is then
 * picking indices in a range, at a million people and a hundred thousand classes.
 */
export interface World {
  unitIds: number[];
  kind: string[];
  code: string[];
  name: string[];
  parent: Int32Array;
  /** People, sorted by their unit's depth-first position. */
  personId: Int32Array;
  personUnit: Int32Array;
  personSortKey: string[];
  /** Title held today (the position without an end), copied onto a nomination as the service does. */
  personTitle: (string | null)[];
  /** [first, end) of the unit's subtree in the people arrays. */
  range(unitId: number): [number, number];
  /** The organiser's child on the path down to `unitId`, or null for the organiser itself. */
  childOf(unitId: number, organiserId: number): number | null;
  kinds: string[];
  /** Highest ids already used, so generated rows follow whatever is there. */
  maxId: Record<IdTable, number>;
  /** Highest certificate number already issued per `${unit}:${year}`, so numbering continues gapless. */
  maxSeq: Map<string, number>;
}

export const ID_TABLES = [
  'programmes',
  'training_classes',
  'class_status_history',
  'class_sessions',
  'seat_allocations',
  'enrolments',
  'certificates',
] as const;
export type IdTable = (typeof ID_TABLES)[number];

export async function readWorld(url: string): Promise<World> {
  const db = createDb(url);
  const q = db.kysely;
  try {
    const units = await q
      .selectFrom('units')
      .select(['id', 'code', 'name', 'kind', 'parent_id'])
      .orderBy('id')
      .execute();
    if (!units.length) throw new Error(`${url} chưa có đơn vị: chạy bench/generate.ts trước`);
    const size = units[units.length - 1]!.id + 1;
    const kind: string[] = new Array<string>(size);
    const code: string[] = new Array<string>(size);
    const name: string[] = new Array<string>(size);
    const parent = new Int32Array(size);
    const children = new Map<number, number[]>();
    const roots: number[] = [];
    for (const u of units) {
      kind[u.id] = u.kind;
      code[u.id] = u.code;
      name[u.id] = u.name;
      parent[u.id] = u.parent_id ?? 0;
      if (u.parent_id === null) roots.push(u.id);
      else {
        const list = children.get(u.parent_id);
        if (list) list.push(u.id);
        else children.set(u.parent_id, [u.id]);
      }
    }
    // Depth-first pre-order: a subtree is the run [pre, pre + size).
    const pre = new Int32Array(size);
    const order: number[] = [];
    const stack = [...roots].reverse();
    while (stack.length) {
      const u = stack.pop()!;
      pre[u] = order.length;
      order.push(u);
      const c = children.get(u);
      if (c) for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]!);
    }
    const subtree = new Int32Array(size).fill(1);
    for (let i = order.length - 1; i >= 0; i--) {
      const u = order[i]!;
      const up = parent[u]!;
      if (up) subtree[up] = subtree[up]! + subtree[u]!;
    }

    // In id order on both engines, so one seed gives the same classes and trainees on each.
    const people = await q.selectFrom('people').select(['id', 'unit_id', 'sort_key']).orderBy('id').execute();
    const titles = new Map<number, string>();
    for (const t of await q
      .selectFrom('positions')
      .select(['person_id', 'title'])
      .where('end_date', 'is', null)
      .orderBy('start_date')
      .execute()) {
      titles.set(t.person_id, t.title);
    }
    // Counting sort by the unit's pre-order position.
    const offset = new Int32Array(order.length + 1);
    for (const p of people) {
      const slot = pre[p.unit_id]! + 1;
      offset[slot] = offset[slot]! + 1;
    }
    for (let i = 1; i <= order.length; i++) offset[i] = offset[i]! + offset[i - 1]!;
    const fill = offset.slice(0, order.length);
    const personId = new Int32Array(people.length);
    const personUnit = new Int32Array(people.length);
    const personSortKey: string[] = new Array<string>(people.length);
    const personTitle: (string | null)[] = new Array<string | null>(people.length);
    for (const p of people) {
      const slot = pre[p.unit_id]!;
      const at = fill[slot]!;
      fill[slot] = at + 1;
      personId[at] = p.id;
      personUnit[at] = p.unit_id;
      personSortKey[at] = p.sort_key;
      personTitle[at] = titles.get(p.id) ?? null;
    }

    const kinds = (await q.selectFrom('training_kinds').select('code').orderBy('sort_order').execute()).map(
      (k) => k.code,
    );
    const maxId = {} as Record<IdTable, number>;
    for (const t of ID_TABLES) {
      const r = await q
        .selectFrom(t)
        .select(sql<number | null>`max(id)`.as('m'))
        .executeTakeFirstOrThrow();
      maxId[t] = Number(r.m ?? 0);
    }
    const maxSeq = new Map<string, number>();
    for (const r of await q
      .selectFrom('certificates')
      .select(['issuing_unit_id', 'year', sql<number>`max(seq)`.as('m')])
      .groupBy(['issuing_unit_id', 'year'])
      .execute()) {
      maxSeq.set(`${r.issuing_unit_id}:${r.year}`, Number(r.m));
    }

    return {
      unitIds: units.map((u) => u.id),
      kind,
      code,
      name,
      parent,
      personId,
      personUnit,
      personSortKey,
      personTitle,
      range: (unitId) => [offset[pre[unitId]!]!, offset[pre[unitId]! + subtree[unitId]!]!],
      childOf: (unitId, organiserId) => {
        if (unitId === organiserId) return null;
        let u = unitId;
        while (parent[u] && parent[u] !== organiserId) u = parent[u]!;
        return parent[u] === organiserId ? u : null;
      },
      kinds,
      maxId,
      maxSeq,
    };
  } finally {
    await db.destroy();
  }
}
