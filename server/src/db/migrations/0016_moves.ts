import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

// Frozen copy of the move kinds as this migration wrote them (see frozen/engine.ts).
const KINDS = ['transfer', 'rotation', 'secondment', 'reception'];

/**
 * A cadre's moves between units (điều động, luân chuyển, biệt phái, tiếp nhận): the person's unit
 * on any day comes from them, and a participation is credited to the unit of the class's first day.
 * One move per person and day, so "the latest move on or before a day" is always one row.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('moves')
    .addColumn('id', idType(engine), (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in (${KINDS.map((k) => `'${k}'`).join(', ')})`)))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('move_date', 'date', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decision_date', 'date')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('moves_units', sql`from_unit_id <> to_unit_id`)
    .execute();
  // The unit-at-a-date lookup reads this index alone: the person's latest move on or before a day.
  await db.schema.createIndex('moves_person_date').on('moves').columns(['person_id', 'move_date']).unique().execute();
  await db.schema.createIndex('moves_to_unit').on('moves').column('to_unit_id').execute();
  await db.schema.createIndex('moves_from_unit').on('moves').column('from_unit_id').execute();
}
