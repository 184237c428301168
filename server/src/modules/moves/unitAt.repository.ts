import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Tx } from '../../context.ts';

type Value<T> = Expression<T> | RawBuilder<T> | T;
const bind = <T>(v: Value<T>): Expression<T> | RawBuilder<T> =>
  typeof v === 'object' && v !== null && 'toOperationNode' in v ? v : sql<T>`${v}`;

/**
 * `a <= b` between two days, each a PostgreSQL `date` column, a text column (studies and trips keep
 * their dates as text) or a parameter: compared as `yyyy-mm-dd` text, which orders like the dates on
 * both engines. The look-ups it sits in find their rows by person or unit first (a few per key), so
 * the cast costs no index.
 */
const onOrBefore = (a: RawBuilder<unknown>, b: Expression<unknown> | RawBuilder<unknown>) =>
  sql<boolean>`cast(${a} as text) <= cast(${b} as text)`;

/**
 * THE person's unit on a day, as one SQL expression every query uses (the people list "as of", a
 * participation's credit, the moves' own checks): the `to` of the latest move on or before the day;
 * before the first move, that move's `from`; a person without moves is where `people.unit_id` says.
 * Reads the (person_id, move_date) index alone. `todayUnit` is `people.unit_id` when the query
 * already has the person's row, saving a lookup.
 */
export function unitAt(
  personId: Value<number>,
  day: Value<string>,
  todayUnit?: Expression<number> | RawBuilder<number>,
): RawBuilder<number> {
  const person = bind(personId);
  const fallback = todayUnit ?? sql<number>`(select up.unit_id from people up where up.id = ${person})`;
  return sql<number>`coalesce(
    (select ma.to_unit_id from moves ma where ma.person_id = ${person} and ${onOrBefore(sql`ma.move_date`, bind(day))}
      order by ma.move_date desc limit 1),
    (select mb.from_unit_id from moves mb where mb.person_id = ${person} order by mb.move_date limit 1),
    ${fallback})`;
}

/** A unit's name on a day (a renamed unit is credited under the name it had), else today's name. */
export function unitNameOn(unitId: Value<number | null>, day: Value<string>): RawBuilder<string> {
  const unit = bind(unitId);
  const on = bind(day);
  return sql<string>`coalesce(
    (select un.name from unit_names un where un.unit_id = ${unit} and ${onOrBefore(sql`un.valid_from`, on)}
       and (un.valid_to is null or not ${onOrBefore(sql`un.valid_to`, on)}) order by un.valid_from desc limit 1),
    (select uu.name from units uu where uu.id = ${unit}))`;
}

/** Each person's unit (id and name on that day) on one day. */
export async function unitsOn(
  tx: Tx,
  personIds: readonly number[],
  day: string,
): Promise<Map<number, { unitId: number; unitName: string }>> {
  const out = new Map<number, { unitId: number; unitName: string }>();
  if (!personIds.length) return out;
  const rows = await tx.q
    .selectFrom(
      tx.q
        .selectFrom('people as p')
        .select((eb) => ['p.id', unitAt(eb.ref('p.id'), day, eb.ref('p.unit_id')).as('unit_id')])
        .where('p.id', 'in', personIds)
        .as('x'),
    )
    .select((eb) => ['x.id', 'x.unit_id', unitNameOn(eb.ref('x.unit_id'), day).as('unit_name')])
    .execute();
  for (const r of rows) out.set(r.id, { unitId: Number(r.unit_id), unitName: r.unit_name });
  return out;
}
