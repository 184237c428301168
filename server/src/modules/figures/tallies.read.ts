import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { can } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { IdUnion } from '../../lib/idSet.ts';
import { TRAINING, type Figure, type FigureQuery } from './figures.repository.ts';
import { talliesMarked } from './tallies.repository.ts';

/**
 * The fast path of the counting engine: classes, participations and distinct people read from the
 * tallies (tallies.repository.ts) instead of the records — the same figures, as the tests prove
 * after every kind of write. Taken only when the query is one the tallies answer and nothing waits
 * to be refreshed; otherwise `null`, and the engine counts from the records.
 *
 * Scope: the unit asked must be one the actor reads (its figures are then its extent at the time,
 * as in the engine); without a unit, only a system administrator's figures (everything: unit 0).
 */

/** The tallies' columns a grouping reads (class_tallies by day, month_tallies by bucket); others are counted from the records. */
const KEYS: Record<string, { day: RawBuilder<unknown>; month: RawBuilder<unknown> }> = {
  year: { day: sql`cast(substr(cast(day as text), 1, 4) as integer)`, month: sql`bucket / 100` },
  organiserLevel: { day: sql`level`, month: sql`level` },
  kind: { day: sql`kind_code`, month: sql`kind_code` },
  organisation: { day: sql`organisation`, month: sql`organisation` },
};

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function keyOf(key: string | number | null, by: string | null): string | number | null {
  if (key === null || key === undefined || by === null) return null;
  return by === 'year' ? Number(key) : String(key);
}

const byKey = (a: Figure, b: Figure) => String(a.key ?? '').localeCompare(String(b.key ?? ''));

/**
 * The figures, or null when the tallies cannot give them (then the records are counted). As the
 * engine: groups with nothing are absent; without a grouping, one row.
 */
export async function fastFigures(tx: Tx, actor: Actor, q: FigureQuery): Promise<Figure[] | null> {
  if (!TRAINING.includes(q.metric)) return null;
  const f = q.filters ?? {};
  // A filter the tallies do not keep (the organisation is kept as a grouping only): from the records.
  if (f.title != null || f.alsoWithin != null || f.schemeId != null || f.organisation != null) return null;
  const by = q.by ?? null;
  if (by !== null && !(by in KEYS)) return null;
  if (q.metric === 'people' && (f.kindCode != null || (by !== null && by !== 'year' && by !== 'organiserLevel'))) {
    return null;
  }
  const unit = f.unitId ?? 0;
  if (f.unitId == null ? !actor.isSuperadmin : !(await can(tx, actor, 'training.read', f.unitId))) return null;
  if (await talliesMarked(tx)) return null;

  const from = q.days?.from ?? `${q.fromYear}-01-01`;
  const to = q.days?.to ?? `${q.toYear}-12-31`;
  if (q.metric === 'people') return people(tx, unit, from, to, by, f.organiserLevel ?? null);

  // Whole months from their sums, the days at either edge that do not fill a month from the classes'.
  const { buckets, days } = pieces(from, to);
  const months = buckets.flatMap((b) => (b % 100 === 0 ? Array.from({ length: 12 }, (_, i) => b + i + 1) : [b]));
  const filters: RawBuilder<unknown>[] = [sql`unit_id = ${unit}`];
  if (f.organiserLevel != null) filters.push(sql`level = ${f.organiserLevel}`);
  if (f.kindCode != null) filters.push(sql`kind_code = ${f.kindCode}`);
  const [value, present] = q.metric === 'classes' ? [sql`classes`, sql`classes`] : [sql`participations`, sql`facts`];
  const parts: RawBuilder<unknown>[] = [];
  if (months.length) {
    parts.push(sql`select ${by === null ? sql`null` : KEYS[by]!.month} as key, ${value} as v, ${present} as p
      from month_tallies where ${sql.join(filters, sql` and `)}
        and bucket between ${Math.min(...months)} and ${Math.max(...months)}`);
  }
  if (days.length) {
    const within = sql.join(
      days.map(([a, b]) => sql`day between ${a} and ${b}`),
      sql` or `,
    );
    parts.push(sql`select ${by === null ? sql`null` : KEYS[by]!.day} as key, ${value} as v, ${present} as p
      from class_tallies where ${sql.join(filters, sql` and `)} and (${within})`);
  }
  if (!parts.length) return by === null ? [{ key: null, value: 0, numerator: null, denominator: null }] : [];
  const { rows } = await sql<{ key: string | number | null; value: unknown }>`
    select ${by === null ? sql`null` : sql`t.key`} as key, sum(t.v) as value from (${sql.join(parts, sql` union all `)}) t
    ${by === null ? sql`` : sql`group by t.key having sum(t.p) > 0`}`.execute(tx.q);
  return rows
    .map((r) => ({ key: keyOf(r.key, by), value: num(r.value), numerator: null, denominator: null }))
    .sort(byKey);
}

/** `yyyy-mm-dd` of a month's first and last day. */
function monthEdges(y: number, m: number): [string, string] {
  const mm = String(m).padStart(2, '0');
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${y}-${mm}-01`, `${y}-${mm}-${String(last).padStart(2, '0')}`];
}

/**
 * The pieces of a period: whole years and whole months read from their stored sets, the days at
 * either edge that do not fill a month counted from the records.
 */
function pieces(from: string, to: string): { buckets: number[]; days: [string, string][] } {
  const buckets: number[] = [];
  const days: [string, string][] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${String(m).padStart(2, '0')}-01` <= to) {
    const [first, last] = monthEdges(y, m);
    const a = first < from ? from : first;
    const b = last > to ? to : last;
    if (a === first && b === last) {
      if (m === 1 && `${y}-12-31` <= to) {
        buckets.push(y * 100);
        y++;
        continue;
      }
      buckets.push(y * 100 + m);
    } else if (a <= b) days.push([a, b]);
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
  return { buckets, days };
}

/** Distinct people under `unit` over the days, grouped: unions of the stored sets and the edge days' people. */
async function people(
  tx: Tx,
  unit: number,
  from: string,
  to: string,
  by: string | null,
  level: string | null,
): Promise<Figure[]> {
  const { buckets, days } = pieces(from, to);
  const groups = new Map<string, IdUnion>();
  const group = (key: string) => {
    let u = groups.get(key);
    if (!u) groups.set(key, (u = new IdUnion()));
    return u;
  };
  const keyFor = (bucket: number, lvl: string) =>
    by === 'year' ? String(Math.floor(bucket / 100)) : by === 'organiserLevel' ? lvl : '';
  if (buckets.length) {
    const sets = await tx.q
      .selectFrom('people_tallies')
      .select(['bucket', 'level', 'members'])
      .where('unit_id', '=', unit)
      .where('bucket', 'in', buckets)
      .$if(level !== null, (qb) => qb.where('level', '=', level!))
      .execute();
    for (const s of sets) group(keyFor(s.bucket, s.level)).add(s.members);
  }
  for (const [a, b] of days) {
    const spans =
      unit === 0
        ? sql``
        : sql`join unit_spans s on s.descendant_id = e.unit_id and s.valid_from <= c.start_date
            and s.valid_to > c.start_date and s.ancestor_id = ${unit}`;
    const { rows } = await sql<{ level: string; person_id: number }>`
      select c.level, e.person_id from enrolments e join training_classes c on c.id = e.class_id ${spans}
      where c.start_date between ${a} and ${b} and c.status in ('in_progress', 'completed', 'closed')
        and e.status in ('nominated', 'confirmed') ${level !== null ? sql`and c.level = ${level}` : sql``}`.execute(
      tx.q,
    );
    const bucket = Number(a.slice(0, 4)) * 100;
    for (const r of rows) group(keyFor(bucket, r.level)).addId(Number(r.person_id));
  }
  // Ungrouped, the engine answers one row, 0 when there is nothing.
  if (by === null) return [{ key: null, value: groups.get('')?.size ?? 0, numerator: null, denominator: null }];
  const out: Figure[] = [];
  for (const [key, union] of groups) {
    const value = union.size;
    if (value === 0) continue;
    out.push({ key: keyOf(key, by), value, numerator: null, denominator: null });
  }
  return out.sort(byKey);
}
