import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

// Frozen copies of the enum values as this migration wrote them (see frozen/engine.ts).
const KINDS = ['university', 'master', 'doctorate', 'theory_intermediate', 'theory_advanced', 'theory_bachelor'];
const STATUSES = ['studying', 'graduated', 'withdrawn', 'extended'];
const MODES = ['full_time', 'part_time', 'distance'];
const FUNDINGS = ['state', 'self', 'scholarship', 'other'];
const GRADES = ['excellent', 'very_good', 'good', 'fairly_good', 'average'];

const oneOf = (column: string, values: string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Long-term study (degrees and political theory) and the manual qualification / theory values.
 * `people.qualification` and `people.theory_level` become the person's highest level: the manual
 * value or what a graduated study gives, whichever ranks higher; the manual value is kept beside.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('qualification_manual', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('theory_level_manual', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  // Until now every recorded level was typed in by hand.
  await sql`update people set qualification_manual = qualification, theory_level_manual = theory_level`.execute(db);

  await db.schema
    .createTable('studies')
    .addColumn('id', idType(engine), (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', KINDS)))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
    .addColumn('decision', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('major', 'text')
    .addColumn('mode', 'text', (c) => c.notNull().check(oneOf('mode', MODES)))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('expected_end_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('funding', 'text', (c) => c.notNull().check(oneOf('funding', FUNDINGS)))
    .addColumn('diploma_number', 'text')
    .addColumn('grade', 'text', (c) => c.check(sql`grade is null or ${oneOf('grade', GRADES)}`))
    .addColumn('reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'studies_dates',
      sql`expected_end_date >= start_date and (end_date is null or end_date >= start_date)`,
    )
    .addCheckConstraint(
      'studies_graduated',
      sql`status <> 'graduated' or (diploma_number is not null and grade is not null and end_date is not null)`,
    )
    .execute();
  await db.schema.createIndex('studies_person').on('studies').columns(['person_id', 'start_date']).execute();
  await db.schema.createIndex('studies_status_end').on('studies').columns(['status', 'expected_end_date']).execute();
  await db.schema.createIndex('studies_kind_start').on('studies').columns(['kind', 'start_date']).execute();
}
