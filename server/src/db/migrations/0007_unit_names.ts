import { sql, type Generated, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';
import { vietnameseTextKey } from './frozen/text.ts';

/** The tables as this migration read and wrote them (frozen: not the live schema). */
interface Tables {
  units: { id: number; name: string; short_name: string | null; valid_from: string };
  unit_events: { id: number; unit_id: number; kind: string; event_date: string; details: string };
  unit_names: {
    id: Generated<number>;
    unit_id: number;
    name: string;
    short_name: string | null;
    sort_key: string;
    valid_from: string;
    valid_to: string | null;
  };
}

/**
 * Dated names, so the tree "as of" a date shows each unit under the name it had then. Existing
 * units get their history back from their rename events, which keep the old name in `details.from`;
 * where an event does not say, the earliest name known is taken to have held since the unit began.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('unit_names')
    .addColumn('id', idType(engine), (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    // The as-of tree lists a level in the order of the names it shows.
    .addColumn('sort_key', binaryText, (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema.createIndex('unit_names_unit_date').on('unit_names').columns(['unit_id', 'valid_from']).execute();

  const q = db as Kysely<Tables>;
  const units = await q.selectFrom('units').select(['id', 'name', 'short_name', 'valid_from']).orderBy('id').execute();
  const renames = await q
    .selectFrom('unit_events')
    .select(['unit_id', 'event_date', 'details'])
    .where('kind', '=', 'rename')
    .orderBy('unit_id')
    .orderBy('event_date')
    .orderBy('id')
    .execute();
  const byUnit = new Map<number, { event_date: string; details: string }[]>();
  for (const r of renames) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r]);

  type Row = Omit<Tables['unit_names'], 'id'>;
  const rows: Row[] = [];
  for (const u of units) {
    const history: Row[] = [];
    let current: Row = {
      unit_id: u.id,
      name: u.name,
      short_name: u.short_name,
      sort_key: vietnameseTextKey(u.name),
      valid_from: u.valid_from,
      valid_to: null,
    };
    // Newest rename first: each one ends the name before it.
    for (const e of [...(byUnit.get(u.id) ?? [])].reverse()) {
      const from = oldName(e.details);
      if (!from || e.event_date <= u.valid_from) break;
      if (current.valid_to !== null && e.event_date >= current.valid_to) {
        // Renamed twice on one day: the name it had before that day is the first one's old name.
        Object.assign(current, { name: from.name, short_name: from.shortName, sort_key: vietnameseTextKey(from.name) });
        continue;
      }
      current.valid_from = e.event_date;
      history.push(current);
      current = {
        unit_id: u.id,
        name: from.name,
        short_name: from.shortName,
        sort_key: vietnameseTextKey(from.name),
        valid_from: u.valid_from,
        valid_to: e.event_date,
      };
    }
    history.push(current);
    rows.push(...history.reverse());
  }
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto('unit_names')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

function oldName(details: string): { name: string; shortName: string | null } | null {
  try {
    const d = JSON.parse(details) as { from?: { name?: unknown; shortName?: unknown } };
    const name = d.from?.name;
    if (typeof name !== 'string' || !name) return null;
    const shortName = d.from?.shortName;
    return { name, shortName: typeof shortName === 'string' ? shortName : null };
  } catch {
    return null;
  }
}
