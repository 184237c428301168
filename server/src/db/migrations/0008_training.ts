import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

/** The default training kinds (DOMAIN.md "Training"); admins edit the catalogue afterwards. */
const KINDS: [code: string, name: string][] = [
  ['title', 'Bồi dưỡng chức danh'],
  ['union_work', 'Bồi dưỡng nghiệp vụ công tác Đoàn'],
  ['skills', 'Bồi dưỡng kỹ năng'],
  ['digital', 'Bồi dưỡng chuyển đổi số'],
  ['theory_basic', 'Lý luận chính trị sơ cấp'],
  ['other', 'Khác'],
];

/**
 * Training: catalogue, classes, sessions, seat allocations, enrolments, attendance, certificates.
 * JSON lists (partners, target titles, topics) are text columns: they are shown, never joined on.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = idType(engine);
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('training_kinds')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  const now = new Date().toISOString();
  await (db as Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('training_kinds')
    .values(
      KINDS.map(([code, name], i) => ({ code, name, sort_order: (i + 1) * 10, created_at: now, updated_at: now })),
    )
    .execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind_code', 'text', (c) => c.notNull().references('training_kinds.code'))
    .addColumn('target_titles', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('standard_days', 'integer')
    .addColumn('standard_periods', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search_text', binaryText, (c) => c.notNull())
    .addColumn('sort_key', binaryText, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('training_classes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organiser_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('kind_code', 'text', (c) => c.notNull().references('training_kinds.code'))
    .addColumn('programme_id', 'integer', (c) => c.references('programmes.id'))
    .addColumn('target_titles', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('decision', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // A historical class's reported headcount; null for a class with a named roster.
    .addColumn('headcount_total', 'integer')
    .addColumn('headcount_women', 'integer')
    .addColumn('headcount_minority', 'integer')
    .addColumn('headcount_doan', 'integer')
    .addColumn('headcount_hoi', 'integer')
    .addColumn('headcount_doi', 'integer')
    .addColumn('min_attendance_percent', 'integer', (c) => c.notNull())
    .addColumn('pass_grade', 'text', (c) => c.notNull())
    .addColumn('search_text', binaryText, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('training_classes_organiser')
    .on('training_classes')
    .columns(['organiser_unit_id', 'start_date'])
    .execute();
  await db.schema.createIndex('training_classes_start').on('training_classes').columns(['start_date', 'id']).execute();

  await db.schema
    .createTable('class_status_history')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('class_status_history_class')
    .on('class_status_history')
    .columns(['class_id', 'id'])
    .execute();

  await db.schema
    .createTable('class_sessions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('session_date', 'date', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('lecturer', 'text')
    // The secret a session's QR code carries; a trainee who scans it checks in.
    .addColumn('checkin_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('class_sessions_class')
    .on('class_sessions')
    .columns(['class_id', 'session_date'])
    .execute();

  await db.schema
    .createTable('seat_allocations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('seat_allocations_class_unit', ['class_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('seat_allocations_unit').on('seat_allocations').column('unit_id').execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('training_classes.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('allocation_id', 'integer', (c) => c.references('seat_allocations.id'))
    // The person's unit and title when nominated: credit goes to the unit at the time of the class.
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // Waitlist order: the time the person joined it (ties broken by id).
    .addColumn('waitlisted_at', 'text')
    .addColumn('nominated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('nominated_at', 'text', (c) => c.notNull())
    .addColumn('withdraw_reason', 'text')
    .addColumn('score', 'real')
    .addColumn('grade', 'text')
    // What the completion rule gives (kept current by the service), and a staff override beside it.
    .addColumn('rule_outcome', 'text')
    .addColumn('outcome_override', 'text')
    .addColumn('override_reason', 'text')
    // The secret of the trainee's personal QR code, for staff scanning at the door.
    .addColumn('checkin_code', 'text', (c) => c.notNull().unique())
    .addColumn('sort_key', binaryText, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('enrolments_class_person', ['class_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('enrolments_class_sort')
    .on('enrolments')
    .columns(['class_id', 'sort_key', 'id'])
    .execute();
  await db.schema.createIndex('enrolments_person').on('enrolments').column('person_id').execute();
  await db.schema.createIndex('enrolments_allocation').on('enrolments').columns(['allocation_id', 'status']).execute();
  await db.schema.createIndex('enrolments_unit').on('enrolments').column('unit_id').execute();

  await db.schema
    .createTable('attendance')
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('session_id', 'integer', (c) => c.notNull().references('class_sessions.id'))
    .addColumn('mark', 'text', (c) => c.notNull())
    // grid | qr | scan | upload: how the mark was taken.
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('attendance_pk', ['enrolment_id', 'session_id'])
    .execute();
  await db.schema.createIndex('attendance_session').on('attendance').column('session_id').execute();

  await db.schema
    .createTable('certificate_patterns')
    .addColumn('unit_id', 'integer', (c) => c.primaryKey().references('units.id'))
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().unique().references('enrolments.id'))
    .addColumn('issuing_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
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
    // The database itself refuses a duplicate number, whatever the service does.
    .addUniqueConstraint('certificates_unit_year_seq', ['issuing_unit_id', 'year', 'seq'])
    .execute();
}
