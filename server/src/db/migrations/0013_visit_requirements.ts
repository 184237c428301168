import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

/**
 * Grassroots visits: the days a year an organisation requires, overridden for the cadres of one
 * level (the kind of their unit: province, district, …) or holding one title. The most specific
 * rule wins: a title's, then the level's, then `visit_settings.annual_days`.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('visit_requirements')
    .addColumn('id', idType(engine), (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('level', 'text')
    .addColumn('title', 'text')
    .addColumn('annual_days', 'integer', (c) => c.notNull().check(sql`annual_days between 1 and 366`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('visit_requirements_one_key', sql`(level is null) <> (title is null)`)
    .addUniqueConstraint('visit_requirements_unit_level', ['unit_id', 'level'])
    .addUniqueConstraint('visit_requirements_unit_title', ['unit_id', 'title'])
    .execute();
}
