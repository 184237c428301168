import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

/** Organisation tree, people, positions, accounts, audit. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = idType(engine);
  // Sort keys compare byte by byte on both engines (SQLite BINARY, PostgreSQL "C").
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('units')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('place', 'text')
    .addColumn('search_text', binaryText, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();

  await db.schema
    .createTable('unit_closure')
    .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('descendant_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_closure_pk', ['ancestor_id', 'descendant_id'])
    .execute();
  await db.schema
    .createIndex('unit_closure_descendant')
    .on('unit_closure')
    .columns(['descendant_id', 'ancestor_id'])
    .execute();

  await db.schema
    .createTable('unit_tree_history')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .execute();
  await db.schema.createIndex('unit_tree_history_unit').on('unit_tree_history').column('unit_id').execute();
  await db.schema.createIndex('unit_tree_history_parent').on('unit_tree_history').column('parent_id').execute();

  await db.schema
    .createTable('unit_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'date', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('note', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_events_unit').on('unit_events').columns(['unit_id', 'event_date']).execute();

  await db.schema
    .createTable('unit_event_links')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('unit_events.id'))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .execute();
  await db.schema.createIndex('unit_event_links_to').on('unit_event_links').column('to_unit_id').execute();
  await db.schema.createIndex('unit_event_links_from').on('unit_event_links').column('from_unit_id').execute();

  await db.schema
    .createTable('ethnicities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('minority', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('sort_key', binaryText, (c) => c.notNull())
    .addColumn('search_text', binaryText, (c) => c.notNull())
    .addColumn('birth_date', 'date')
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnicity_code', 'text', (c) => c.notNull().references('ethnicities.code'))
    .addColumn('religion', 'text')
    .addColumn('national_id', 'text', (c) => c.unique())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('party_member', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('party_join_date', 'date')
    .addColumn('general_education', 'text')
    .addColumn('qualification', 'text', (c) => c.notNull())
    .addColumn('theory_level', 'text', (c) => c.notNull())
    .addColumn('it_level', 'text')
    .addColumn('language_level', 'text')
    .addColumn('hardship_area', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Lists are ordered by the Vietnamese sort key; the id breaks ties so pages are stable.
  await db.schema.createIndex('people_sort').on('people').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('people_unit_sort').on('people').columns(['unit_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('people_birth').on('people').columns(['full_name', 'birth_date']).execute();
  if (engine === 'postgres') {
    // Substring search without diacritics: a trigram index turns `like '%…%'` into an index scan.
    // The extension lives in `public` whatever schema the tables go to, and the advisory lock keeps two
    // databases' migrations (parallel test schemas) from racing to create it.
    await sql`select pg_advisory_xact_lock(7297)`.execute(db);
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`create index people_search_trgm on people using gin (search_text public.gin_trgm_ops)`.execute(db);
  }

  await db.schema
    .createTable('positions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('employment', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('term', 'text')
    .addColumn('decision', 'text')
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('positions_person').on('positions').columns(['person_id', 'start_date']).execute();
  await db.schema.createIndex('positions_unit').on('positions').columns(['unit_id', 'title', 'start_date']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('is_superadmin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grants_user_unit', ['user_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_unit').on('audit_log').columns(['unit_id', 'id']).execute();
}
