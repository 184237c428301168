import { sql } from 'kysely';
import type { VisitDayCounting } from '@canbo/contract';
import { createDb } from '../server/src/db/index.ts';
import { DEFAULT_SETTINGS } from '../server/src/modules/visits/visits.repository.ts';

/**
 * What the long-term study and visit generator needs from a generated database: units with their
 * kind, parent and top unit (visit settings are kept per top unit), people with their unit, the
 * highest ids already used, and the visits already there, so a second run adds trips that overlap
 * none of a cadre's earlier trips and attaches them to the registrations already made.
 */
export interface LongTermWorld {
  kind: string[];
  parent: Int32Array;
  /** The top unit (no parent) each unit lies under. */
  top: Int32Array;
  /** Grassroots units under each province or district-level unit (hosts for its cadres' trips). */
  grassrootsUnder: Map<number, number[]>;
  grassroots: number[];
  personId: Int32Array;
  personUnit: Int32Array;
  settings: Map<number, { counting: VisitDayCounting; reportDueDays: number }>;
  maxId: { studies: number; visit_registrations: number; visit_trips: number };
  /** `${personId}:${year}` → registration id. */
  registrations: Map<string, number>;
  /** Person id → [start, end] day numbers of the trips already there, flattened. */
  trips: Map<number, number[]>;
  /** `${personId}:${year}` of every registration and every trip's start year already there. */
  usedYears: Set<string>;
}

export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Unit kinds whose cadres go down to the grassroots ("1+2"); the others receive them. */
export const VISITING_KINDS = new Set(['central', 'province', 'district', 'sector']);

export async function readLongTermWorld(url: string): Promise<LongTermWorld> {
  const db = createDb(url);
  const q = db.kysely;
  try {
    const units = await q.selectFrom('units').select(['id', 'kind', 'parent_id']).orderBy('id').execute();
    if (!units.length) throw new Error(`${url} chưa có đơn vị: chạy bench/generate.ts trước`);
    const size = units[units.length - 1]!.id + 1;
    const kind = new Array<string>(size);
    const parent = new Int32Array(size);
    for (const u of units) {
      kind[u.id] = u.kind;
      parent[u.id] = u.parent_id ?? 0;
    }
    const top = new Int32Array(size);
    const topOf = (id: number): number => {
      if (top[id]) return top[id];
      const t = parent[id] ? topOf(parent[id]) : id;
      top[id] = t;
      return t;
    };
    const grassrootsUnder = new Map<number, number[]>();
    const grassroots: number[] = [];
    for (const u of units) {
      topOf(u.id);
      if (u.kind !== 'grassroots') continue;
      grassroots.push(u.id);
      for (let a = parent[u.id]!; a; a = parent[a]!) {
        if (!VISITING_KINDS.has(kind[a]!) || kind[a] === 'central') continue;
        const list = grassrootsUnder.get(a);
        if (list) list.push(u.id);
        else grassrootsUnder.set(a, [u.id]);
      }
    }

    const people = await q.selectFrom('people').select(['id', 'unit_id']).orderBy('id').execute();
    const personId = new Int32Array(people.length);
    const personUnit = new Int32Array(people.length);
    for (const [i, p] of people.entries()) {
      personId[i] = p.id;
      personUnit[i] = p.unit_id;
    }

    const settings = new Map<number, { counting: VisitDayCounting; reportDueDays: number }>();
    for (const s of await q
      .selectFrom('visit_settings')
      .select(['unit_id', 'day_counting', 'report_due_days'])
      .execute()) {
      settings.set(s.unit_id, { counting: s.day_counting, reportDueDays: s.report_due_days });
    }
    for (const t of new Set(top)) {
      if (t && !settings.has(t)) {
        settings.set(t, { counting: DEFAULT_SETTINGS.day_counting, reportDueDays: DEFAULT_SETTINGS.report_due_days });
      }
    }

    const maxOf = async (t: 'studies' | 'visit_registrations' | 'visit_trips') => {
      const r = await q
        .selectFrom(t)
        .select(sql<number | null>`max(id)`.as('m'))
        .executeTakeFirstOrThrow();
      return Number(r.m ?? 0);
    };
    const maxId = {
      studies: await maxOf('studies'),
      visit_registrations: await maxOf('visit_registrations'),
      visit_trips: await maxOf('visit_trips'),
    };
    const registrations = new Map<string, number>();
    for (const r of await q.selectFrom('visit_registrations').select(['id', 'person_id', 'year']).execute()) {
      registrations.set(`${r.person_id}:${r.year}`, r.id);
    }
    const trips = new Map<number, number[]>();
    const usedYears = new Set(registrations.keys());
    for (const t of await q
      .selectFrom('visit_trips')
      .select(['person_id', 'start_date', 'end_date', 'start_year'])
      .execute()) {
      usedYears.add(`${t.person_id}:${t.start_year}`);
      const list = trips.get(t.person_id);
      const span = [dayNumber(t.start_date), dayNumber(t.end_date)];
      if (list) list.push(...span);
      else trips.set(t.person_id, span);
    }
    return {
      kind,
      parent,
      top,
      grassrootsUnder,
      grassroots,
      personId,
      personUnit,
      settings,
      maxId,
      registrations,
      trips,
      usedYears,
    };
  } finally {
    await db.destroy();
  }
}
