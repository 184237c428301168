import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

// Frozen copies of the values as this migration wrote them (see frozen/engine.ts).
const METRICS = [
  'classes',
  'participations',
  'people',
  'title_training_share',
  'studies_started',
  'studies_graduated',
  'visit_days',
];
const LEVELS = ['central', 'province', 'district', 'commune', 'grassroots'];

const oneOf = (column: string, values: string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Schemes and plans (đề án, kế hoạch): a period of years, targets on a fixed set of metrics with
 * their filters as columns, optional values per year and per unit, and the classes and studies
 * linked to a scheme explicitly. Nothing counted is stored: progress is computed from the records,
 * so the indexes at the end serve the counting engine (classes by period, a class's seated
 * trainees, holders of a title, graduations by kind and date).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = idType(engine);
  // Sort keys compare byte by byte on both engines (SQLite BINARY, PostgreSQL "C").
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('schemes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('issuing_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('decision', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('start_year', 'integer', (c) => c.notNull().check(sql`start_year between 1900 and 2199`))
    .addColumn('end_year', 'integer', (c) => c.notNull().check(sql`end_year between 1900 and 2199`))
    .addColumn('description', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', binaryText, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('schemes_period', sql`end_year >= start_year and end_year - start_year < 20`)
    .execute();
  await db.schema
    .createIndex('schemes_issuing_unit')
    .on('schemes')
    .columns(['issuing_unit_id', 'start_year'])
    .execute();

  await db.schema
    .createTable('scheme_targets')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull().check(oneOf('metric', METRICS)))
    .addColumn('label', 'text')
    .addColumn('kind_code', 'text', (c) => c.references('training_kinds.code'))
    .addColumn('title', 'text')
    .addColumn('organiser_level', 'text', (c) =>
      c.check(sql`organiser_level is null or ${oneOf('organiser_level', LEVELS)}`),
    )
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    // JSON array of study kinds, or null for every kind.
    .addColumn('study_kinds', 'text')
    .addColumn('within_months', 'integer', (c) =>
      c.check(sql`within_months is null or within_months between 1 and 120`),
    )
    .addColumn('linked_only', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`linked_only in (0, 1)`),
    )
    .addColumn('total', 'integer', (c) => c.notNull().check(sql`total >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'scheme_targets_share',
      sql`metric <> 'title_training_share' or (within_months is not null and title is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('scheme_targets_scheme')
    .on('scheme_targets')
    .columns(['scheme_id', 'position'])
    .execute();

  await db.schema
    .createTable('scheme_target_years')
    .addColumn('target_id', 'integer', (c) => c.notNull().references('scheme_targets.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 0`))
    .addPrimaryKeyConstraint('scheme_target_years_pk', ['target_id', 'year'])
    .execute();

  await db.schema
    .createTable('scheme_target_units')
    .addColumn('target_id', 'integer', (c) => c.notNull().references('scheme_targets.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 0`))
    .addPrimaryKeyConstraint('scheme_target_units_pk', ['target_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('scheme_classes')
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addPrimaryKeyConstraint('scheme_classes_pk', ['scheme_id', 'class_id'])
    .execute();
  await db.schema.createIndex('scheme_classes_class').on('scheme_classes').column('class_id').execute();

  await db.schema
    .createTable('scheme_studies')
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('study_id', 'integer', (c) => c.notNull().references('studies.id'))
    .addPrimaryKeyConstraint('scheme_studies_pk', ['scheme_id', 'study_id'])
    .execute();
  await db.schema.createIndex('scheme_studies_study').on('scheme_studies').column('study_id').execute();

  // The counting engine: a class's trainees by status with the person and unit the figures need
  // (an index-only read of 10 M enrolments), classes by period, holders of a title, graduations.
  // The unit comes last: before the person, SQLite probed it once per unit of a subtree for every
  // class and status (25 s for a whole tree's participations in bench:schemes, 0.9 s this way).
  await db.schema
    .createIndex('enrolments_class_status_person')
    .on('enrolments')
    .columns(['class_id', 'status', 'person_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('training_classes_start_status')
    .on('training_classes')
    .columns(['start_date', 'status', 'organiser_unit_id'])
    .execute();
  await db.schema.createIndex('positions_title_start').on('positions').columns(['title', 'start_date']).execute();
  await db.schema.createIndex('studies_kind_end').on('studies').columns(['kind', 'end_date']).execute();
}
