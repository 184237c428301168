import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

/**
 * Classes already held, recorded as they happened (issue 9):
 * - `enrolments.attendance_percent`: the attended share as the class's papers give it — a recorded
 *   class has no sessions to count it from, and none are invented.
 * - `class_status_history.recorded_at`: a step dated at the class's own dates (`at`) keeps beside it
 *   when someone typed it in (`actor_user_id` says who).
 * - `certificates.seq` nullable and `issued_on`: a certificate as printed on paper keeps its number,
 *   date and issuer exactly, outside the unit's running numbering (no seq is faked); `issued_on` is
 *   the date on the paper (null: the day of `issued_at`). A printed number is unique per issuer.
 * SQLite cannot drop a NOT NULL, so `certificates` is rebuilt there with the same columns and keys;
 * no table references it and no trigger sits on it.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema.alterTable('enrolments').addColumn('attendance_percent', 'integer').execute();
  await db.schema.alterTable('class_status_history').addColumn('recorded_at', 'text').execute();

  if (engine === 'postgres') {
    await sql`alter table certificates alter column seq drop not null`.execute(db);
    await db.schema.alterTable('certificates').addColumn('issued_on', 'date').execute();
  } else {
    await db.schema
      .createTable('certificates_new')
      .addColumn('id', idType(engine), (c) => c.primaryKey())
      .addColumn('enrolment_id', 'integer', (c) => c.notNull().unique().references('enrolments.id'))
      .addColumn('issuing_unit_id', 'integer', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer')
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('verify_code', 'text', (c) => c.notNull().unique())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
      .addColumn('revoked_at', 'text')
      .addColumn('revoke_reason', 'text')
      .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('issued_on', 'date')
      .addUniqueConstraint('certificates_unit_year_seq', ['issuing_unit_id', 'year', 'seq'])
      .execute();
    const columns = sql.raw(
      'id, enrolment_id, issuing_unit_id, year, seq, number, verify_code, issued_at, issued_by, ' +
        'revoked_at, revoke_reason, revoked_by, created_at, updated_at, version',
    );
    await sql`insert into certificates_new (${columns}) select ${columns} from certificates`.execute(db);
    await db.schema.dropTable('certificates').execute();
    await db.schema.alterTable('certificates_new').renameTo('certificates').execute();
  }
  // Numbered certificates are unique by (issuer, year, seq) already; printed ones by their number.
  await db.schema
    .createIndex('certificates_printed_number')
    .on('certificates')
    .columns(['issuing_unit_id', 'number'])
    .unique()
    .where(sql.ref('seq'), 'is', null)
    .execute();
}
