import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../context.ts';
import { lockTallies } from '../../db/dialect.ts';
import { chunks, groupBy } from '../../lib/chunks.ts';
import { decodeIds, encodeIds } from '../../lib/idSet.ts';
import { FOLLOW_AT, markClasses, refreshSpans } from './spans.repository.ts';

/**
 * The training tallies (migration 0023): what each held class adds under each unit it counts for at
 * the time (`class_tallies`), and the distinct people credited under each unit per month and year
 * (`people_tallies`), kept exact by recomputing from the records whatever the triggers marked.
 *
 * `refreshTallies` runs at the end of every transaction (context.ts `inTransaction`): one cheap query
 * when nothing is marked; else the dated closure when the tree changed, then each marked class
 * (its rows deleted and inserted again) and the people sets of the units and months it touched.
 * 'all' (the migration, a load too large to follow) is left to `rebuildTallies` (`canbo serve`
 * start, `canbo tallies rebuild`): meanwhile the figures come from the records.
 */

const HELD = sql`('in_progress', 'completed', 'closed')`;
const SEATED = sql`('nominated', 'confirmed')`;

/** The first day of a month bucket (yyyymm) and of the month after it. */
function monthDays(bucket: number): [string, string] {
  const y = Math.floor(bucket / 100);
  const m = bucket % 100;
  const next = m === 12 ? (y + 1) * 100 + 1 : bucket + 1;
  const day = (b: number) => `${Math.floor(b / 100)}-${String(b % 100).padStart(2, '0')}-01`;
  return [day(bucket), day(next)];
}

const bucketOf = (day: string) => Number(day.slice(0, 4)) * 100 + Number(day.slice(5, 7));
const text = (column: string) => sql.raw(`cast(${column} as text)`);

/** `(spans of the unit credited in column on the class's day)`, with unit 0 for everywhere. */
const atTheTime = (column: string) =>
  sql`join unit_spans s on s.descendant_id = ${sql.ref(column)} and s.valid_from <= c.start_date and s.valid_to > c.start_date`;

/**
 * What the classes add, as rows of class_tallies: under the organiser's units at the time the
 * class (and a headcount-only total), under each credited unit's units at the time its seated
 * trainees; each also under unit 0.
 */
function tallyRows(classes: RawBuilder<boolean>): RawBuilder<unknown> {
  const organised = (unit: RawBuilder<unknown>, join: RawBuilder<unknown>) =>
    sql`select c.id as class_id, ${unit} as unit_id, c.start_date as day, c.level, c.kind_code, u.organisation,
        1 as classes, coalesce(c.headcount_total, 0) as participations, 0 as trainees,
        case when c.headcount_total is null then 0 else 1 end as facts
      from training_classes c join units u on u.id = c.organiser_unit_id ${join}
      where ${classes} and c.status in ${HELD}`;
  const trained = (unit: RawBuilder<unknown>, join: RawBuilder<unknown>) =>
    sql`select c.id as class_id, ${unit} as unit_id, c.start_date as day, c.level, c.kind_code, u.organisation,
        0 as classes, count(*) as participations, count(*) as trainees, count(*) as facts
      from enrolments e join training_classes c on c.id = e.class_id join units u on u.id = e.unit_id ${join}
      where ${classes} and c.status in ${HELD} and e.status in ${SEATED}
      group by c.id, c.start_date, c.level, c.kind_code, u.organisation ${join === EVERYWHERE ? sql`` : sql`, ${unit}`}`;
  return sql`select t.class_id, t.unit_id, t.day, t.level, t.kind_code, t.organisation, sum(t.classes) as classes,
      sum(t.participations) as participations, sum(t.trainees) as trainees, sum(t.facts) as facts
    from (${organised(sql`s.ancestor_id`, atTheTime('c.organiser_unit_id'))}
      union all ${organised(sql`0`, EVERYWHERE)}
      union all ${trained(sql`s.ancestor_id`, atTheTime('e.unit_id'))}
      union all ${trained(sql`0`, EVERYWHERE)}) t
    group by t.class_id, t.unit_id, t.day, t.level, t.kind_code, t.organisation`;
}

/** Unit 0 takes every class and trainee (no spans to join; a constant is no GROUP BY term on SQLite). */
const EVERYWHERE = sql``;

const TALLY_COLUMNS = sql`(class_id, unit_id, day, level, kind_code, organisation, classes, participations, trainees, facts)`;

interface Key {
  unit: number;
  bucket: number;
  people: boolean;
}

/** The (unit, month) pairs the classes' tallies count in, and whether with people (read before and after a re-tally). */
async function tallyKeys(tx: Tx, ids: number[]): Promise<Key[]> {
  const out: Key[] = [];
  for (const part of chunks(ids)) {
    const rows = await sql<{ unit_id: number; day: string; people: unknown }>`
      select unit_id, ${text('day')} as day, max(trainees) as people from class_tallies
      where class_id in (${sql.join(part)}) group by unit_id, day`.execute(tx.q);
    for (const r of rows.rows) {
      out.push({ unit: Number(r.unit_id), bucket: bucketOf(r.day), people: Number(r.people) > 0 });
    }
  }
  return out;
}

/** The bucket (yyyymm) of class_tallies' day, in SQL. */
const dayBucket = sql`cast(substr(cast(day as text), 1, 4) as integer) * 100 + cast(substr(cast(day as text), 6, 2) as integer)`;

/** The monthly sums of these units (null: every unit) for the months in [first, next), from class_tallies. */
async function writeMonthSums(tx: Tx, first: string, next: string, units: number[] | null): Promise<void> {
  const [lo, hi] = [bucketOf(first), bucketOf(next) - 1];
  for (const part of units === null ? [null] : chunks(units)) {
    const which = part === null ? sql`` : sql`and unit_id in (${sql.join(part)})`;
    await sql`delete from month_tallies where bucket between ${lo} and ${hi} ${which}`.execute(tx.q);
    await sql`insert into month_tallies (unit_id, bucket, level, kind_code, organisation, classes, participations, facts)
      select unit_id, ${dayBucket}, level, kind_code, organisation, sum(classes), sum(participations), sum(facts)
      from class_tallies where day >= ${first} and day < ${next} ${which}
      group by unit_id, ${dayBucket}, level, kind_code, organisation`.execute(tx.q);
  }
}

/** Recomputes the tallies of these classes, the monthly sums and the people sets they touch. */
async function retally(tx: Tx, ids: number[]): Promise<void> {
  const before = await tallyKeys(tx, ids);
  for (const part of chunks(ids)) {
    await tx.q.deleteFrom('class_tallies').where('class_id', 'in', part).execute();
    await sql`insert into class_tallies ${TALLY_COLUMNS}
      ${tallyRows(sql`c.id in (${sql.join(part)})`)}`.execute(tx.q);
  }
  const keys = [...before, ...(await tallyKeys(tx, ids))];
  for (const [bucket, list] of groupBy(keys, (k) => k.bucket)) {
    const [first, next] = monthDays(bucket);
    await writeMonthSums(tx, first, next, [...new Set(list.map((k) => k.unit))]);
  }
  const months = groupBy(
    keys.filter((k) => k.people),
    (k) => k.bucket,
  );
  const years = new Map<number, Set<number>>();
  for (const [bucket, keys] of months) {
    const units = [...new Set(keys.map((k) => k.unit))];
    await writeMonth(tx, bucket, units);
    const year = Math.floor(bucket / 100);
    const set = years.get(year) ?? new Set<number>();
    for (const u of units) set.add(u);
    years.set(year, set);
  }
  for (const [year, units] of years) await writeYear(tx, year, [...units]);
}

/** A sorted, repeat-free copy of ids. */
function distinctSorted(ids: number[]): number[] {
  const sorted = Int32Array.from(ids).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}

type SetRow = { unit_id: number; bucket: number; level: string; people: number; members: Uint8Array };

async function replaceSets(tx: Tx, bucket: number, units: number[] | null, rows: SetRow[]): Promise<void> {
  if (units === null) await tx.q.deleteFrom('people_tallies').where('bucket', '=', bucket).execute();
  else {
    for (const part of chunks(units)) {
      await tx.q.deleteFrom('people_tallies').where('bucket', '=', bucket).where('unit_id', 'in', part).execute();
    }
  }
  for (const part of chunks(rows, 500)) {
    await tx.q
      .insertInto('people_tallies')
      .values(part.map((r) => ({ ...r, members: Buffer.from(r.members) })))
      .execute();
  }
}

/** The people sets of one month (bucket yyyymm), for these units (null: all), from the records. */
async function writeMonth(tx: Tx, bucket: number, units: number[] | null): Promise<void> {
  const [first, next] = monthDays(bucket);
  const sets = new Map<string, number[]>();
  const collect = (rows: { unit_id: number; level: string; person_id: number }[]) => {
    for (const r of rows) {
      const key = `${r.unit_id}|${r.level}`;
      const list = sets.get(key);
      if (list) list.push(Number(r.person_id));
      else sets.set(key, [Number(r.person_id)]);
    }
  };
  const where = sql`c.start_date >= ${first} and c.start_date < ${next} and c.status in ${HELD} and e.status in ${SEATED}`;
  const select = (unitsPart: number[] | null) =>
    sql<{ unit_id: number; level: string; person_id: number }>`
      select s.ancestor_id as unit_id, c.level, e.person_id
      from enrolments e join training_classes c on c.id = e.class_id ${atTheTime('e.unit_id')}
      where ${where} ${unitsPart ? sql`and s.ancestor_id in (${sql.join(unitsPart)})` : sql``}`;
  if (units === null) collect((await select(null).execute(tx.q)).rows);
  else for (const part of chunks(units.filter((u) => u !== 0))) collect((await select(part).execute(tx.q)).rows);
  if (units === null || units.includes(0)) {
    const everywhere = await sql<{ unit_id: number; level: string; person_id: number }>`
      select 0 as unit_id, c.level, e.person_id from enrolments e join training_classes c on c.id = e.class_id
      where ${where}`.execute(tx.q);
    collect(everywhere.rows);
  }
  const rows: SetRow[] = [];
  for (const [key, ids] of sets) {
    const [unit, level] = key.split('|') as [string, string];
    const members = distinctSorted(ids);
    rows.push({ unit_id: Number(unit), bucket, level, people: members.length, members: encodeIds(members) });
  }
  await replaceSets(tx, bucket, units, rows);
}

/** The people sets of one year (bucket yyyy00): the union of its months' sets, for these units (null: all). */
async function writeYear(tx: Tx, year: number, units: number[] | null): Promise<void> {
  const parts = units === null ? [null] : chunks(units);
  const rows: SetRow[] = [];
  for (const part of parts) {
    const months = await tx.q
      .selectFrom('people_tallies')
      .select(['unit_id', 'level', 'members'])
      .where('bucket', '>', year * 100)
      .where('bucket', '<=', year * 100 + 12)
      .$if(part !== null, (qb) => qb.where('unit_id', 'in', part!))
      .execute();
    for (const [key, list] of groupBy(months, (r) => `${r.unit_id}|${r.level}`)) {
      const [unit, level] = key.split('|') as [string, string];
      const members =
        list.length === 1 ? decodeIds(list[0]!.members) : distinctSorted(list.flatMap((r) => decodeIds(r.members)));
      rows.push({
        unit_id: Number(unit),
        bucket: year * 100,
        level,
        people: members.length,
        members: encodeIds(members),
      });
    }
  }
  await replaceSets(tx, year * 100, units, rows);
}

/**
 * Brings the tallies up to date with what the triggers marked in this transaction (or left
 * marked by earlier ones): called by `inTransaction` before it commits.
 */
export async function refreshTallies(tx: Tx): Promise<void> {
  const marked = await tx.q.selectFrom('tally_dirty').select('kind').limit(1).executeTakeFirst();
  if (!marked) return;
  await lockTallies(tx);
  await refreshSpans(tx);
  const all = await tx.q.selectFrom('tally_dirty').select('id').where('kind', '=', 'all').executeTakeFirst();
  if (all) return;
  const rows = await tx.q
    .selectFrom('tally_dirty')
    .select('id')
    .where('kind', '=', 'class')
    .limit(FOLLOW_AT + 1)
    .execute();
  if (!rows.length) return;
  const ids = rows.map((r) => Number(r.id));
  if (ids.length > FOLLOW_AT) {
    await markClasses(tx, ids);
    return;
  }
  await retally(tx, ids);
  for (const part of chunks(ids)) {
    await tx.q.deleteFrom('tally_dirty').where('kind', '=', 'class').where('id', 'in', part).execute();
  }
}

/**
 * Rebuilds every tally from the records (the dated closure first), in the caller's transaction,
 * and clears every mark: after the migration, a restore, a bulk load. Reports what it did.
 */
export async function rebuildTallies(tx: Tx, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await lockTallies(tx);
  await tx.q
    .insertInto('tally_dirty')
    .values({ kind: 'spans', id: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await refreshSpans(tx);
  log(`dated closure: ${elapsed()}`);
  await tx.q.deleteFrom('class_tallies').execute();
  // By ranges of class ids: each statement groups a few hundred thousand rows in memory, where one
  // over the whole data set sorts tens of millions on disk.
  const range = await sql<{
    lo: unknown;
    hi: unknown;
  }>`select min(id) as lo, max(id) as hi from training_classes`.execute(tx.q);
  const lo = Number(range.rows[0]?.lo ?? 0);
  const hi = Number(range.rows[0]?.hi ?? -1);
  for (let from = lo; from <= hi; from += REBUILD_CLASSES) {
    await sql`insert into class_tallies ${TALLY_COLUMNS}
      ${tallyRows(sql`c.id between ${from} and ${from + REBUILD_CLASSES - 1}`)}`.execute(tx.q);
  }
  log(`class tallies: ${elapsed()}`);
  await tx.q.deleteFrom('month_tallies').execute();
  const years = await sql<{ y: string }>`
    select distinct substr(${text('start_date')}, 1, 4) as y from training_classes where status in ${HELD}`.execute(
    tx.q,
  );
  for (const { y } of years.rows) await writeMonthSums(tx, `${y}-01-01`, `${Number(y) + 1}-01-01`, null);
  log(`monthly sums: ${elapsed()}`);
  await tx.q.deleteFrom('people_tallies').execute();
  const months = await sql<{ m: string }>`
    select distinct substr(${text('start_date')}, 1, 7) as m from training_classes where status in ${HELD}`.execute(
    tx.q,
  );
  const buckets = months.rows.map((r) => bucketOf(`${r.m}-01`)).sort((a, b) => a - b);
  for (const bucket of buckets) await writeMonth(tx, bucket, null);
  log(`people by month (${buckets.length}): ${elapsed()}`);
  for (const year of new Set(buckets.map((b) => Math.floor(b / 100)))) await writeYear(tx, year, null);
  log(`people by year: ${elapsed()}`);
  await tx.q.deleteFrom('tally_dirty').execute();
}

/** Classes per statement of a rebuild. */
const REBUILD_CLASSES = 2000;

/** Does anything wait to be refreshed? Then figures come from the records. */
export async function talliesMarked(tx: Tx): Promise<boolean> {
  return (await tx.q.selectFrom('tally_dirty').select('kind').limit(1).executeTakeFirst()) !== undefined;
}

/** Rebuilds the tallies when everything is marked (`canbo serve` start, a test app): nothing else to do otherwise. */
export async function rebuildIfMarked(tx: Tx, log?: (line: string) => void): Promise<boolean> {
  const all = await tx.q.selectFrom('tally_dirty').select('id').where('kind', '=', 'all').executeTakeFirst();
  if (!all) return false;
  await rebuildTallies(tx, log);
  return true;
}
