import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

/**
 * Grassroots visits ("1+2"): a cadre's registration with a host unit for a year, the trips, each
 * trip's report attachment, and the counting rules of each top unit.
 *
 * A trip keeps `days` and `start_year_days` (the days falling in its start year), so counting by
 * year is a sum without a calendar function; it also keeps the visiting cadre's unit and that
 * unit's kind as they were when the trip was logged, so totals by level follow the tree of that
 * year, not today's.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = idType(engine);
  const blob = engine === 'postgres' ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('visit_registrations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1900 and 2199`))
    .addColumn('host_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('visit_registrations_person_year', ['person_id', 'year'])
    .execute();

  await db.schema
    .createTable('visit_trips')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('registration_id', 'integer', (c) => c.references('visit_registrations.id'))
    .addColumn('person_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('person_unit_kind', 'text', (c) => c.notNull())
    .addColumn('host_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('start_year', 'integer', (c) => c.notNull())
    .addColumn('end_year', 'integer', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days >= 0`))
    .addColumn('start_year_days', 'integer', (c) => c.notNull().check(sql`start_year_days >= 0`))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('report_text', 'text')
    .addColumn('report_filed_at', 'text')
    .addColumn('report_due_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('visit_trips_dates', sql`end_date >= start_date and end_year <= start_year + 1`)
    .addCheckConstraint('visit_trips_split', sql`start_year_days <= days`)
    .execute();
  await db.schema
    .createIndex('visit_trips_person_start')
    .on('visit_trips')
    .columns(['person_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('visit_trips_year_unit')
    .on('visit_trips')
    .columns(['start_year', 'person_unit_id'])
    .execute();
  await db.schema
    .createIndex('visit_trips_end_year_unit')
    .on('visit_trips')
    .columns(['end_year', 'person_unit_id'])
    .execute();
  await db.schema
    .createIndex('visit_trips_report_due')
    .on('visit_trips')
    .columns(['report_due_date'])
    .where(sql.ref('report_filed_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('visit_registrations_year')
    .on('visit_registrations')
    .columns(['year', 'person_id'])
    .execute();

  await db.schema
    .createTable('visit_report_files')
    .addColumn('trip_id', 'integer', (c) => c.primaryKey().references('visit_trips.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size between 1 and 10485760`))
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('visit_settings')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('day_counting', 'text', (c) => c.notNull().check(sql`day_counting in ('calendar', 'working')`))
    .addColumn('report_due_days', 'integer', (c) => c.notNull().check(sql`report_due_days between 1 and 365`))
    .addColumn('annual_days', 'integer', (c) => c.notNull().check(sql`annual_days between 1 and 366`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
