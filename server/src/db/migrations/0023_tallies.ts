import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * Training figures precomputed, exact, and their units as they stood at the time.
 *
 * `unit_spans`: the dated closure. (ancestor, descendant, valid_from, valid_to) says the descendant's
 * records of the days valid_from ≤ d < valid_to count for the ancestor: it was in the ancestor's
 * subtree on those days by the dated tree (`unit_tree_history`), or in the subtree then of a unit
 * whose records roll into the ancestor through lineage links (`unit_event_links`). A unit counts
 * its own records always. The spans of one pair never overlap, so nothing counts twice.
 *
 * `class_tallies`: per held class, what it adds under every unit it counts for (the ancestors at
 * the time of its organiser for `classes`, of each credited unit for `participations` and
 * `trainees`; unit 0 = everywhere), by the credited unit's organisation (the organiser's for the
 * class itself and a headcount-only total). `facts` counts the participation rows behind it (seated
 * trainees, and a headcount total even of 0), so a group is present exactly when the records give it
 * one. Recomputed per class from its rows: exact by construction.
 *
 * `month_tallies`: class_tallies summed per unit and month (bucket yyyymm), what a period's whole
 * months read (fifteen years of a province: a few thousand rows, not every class).
 *
 * `people_tallies`: the distinct people credited under a unit at the time, per month (bucket
 * yyyymm) and year (yyyy00) and organiser level, as a compact set of person ids (`members`); a
 * union of sets counts distinct people over any run of months and years exactly.
 *
 * `tally_dirty`: what the triggers below mark in the same transaction as the write — a class to
 * re-tally ('class', id), the tree or the links ('spans', 0), everything ('all', 0: this migration,
 * a load too large to follow) — and the application refreshes (figures/tallies.refresh.ts).
 * Nothing marked is read from the tallies: a figure then comes from the records.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const blob = engine === 'postgres' ? sql`bytea` : sql`blob`;
  await db.schema
    .createTable('unit_spans')
    .addColumn('ancestor_id', 'integer', (c) => c.notNull())
    .addColumn('descendant_id', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_spans_pk', ['ancestor_id', 'descendant_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('unit_spans_descendant').on('unit_spans').columns(['descendant_id']).execute();
  await db.schema
    .createTable('class_tallies')
    .addColumn('class_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind_code', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('classes', 'integer', (c) => c.notNull())
    .addColumn('participations', 'integer', (c) => c.notNull())
    .addColumn('trainees', 'integer', (c) => c.notNull())
    .addColumn('facts', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_tallies_unit_day').on('class_tallies').columns(['unit_id', 'day']).execute();
  await db.schema.createIndex('class_tallies_class').on('class_tallies').column('class_id').execute();
  await db.schema
    .createTable('month_tallies')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind_code', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('classes', 'integer', (c) => c.notNull())
    .addColumn('participations', 'integer', (c) => c.notNull())
    .addColumn('facts', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('month_tallies_unit')
    .on('month_tallies')
    .columns(['unit_id', 'bucket', 'level', 'kind_code', 'organisation'])
    .unique()
    .execute();
  await db.schema
    .createTable('people_tallies')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('members', blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('people_tallies_pk', ['unit_id', 'bucket', 'level'])
    .execute();
  await db.schema
    .createTable('tally_dirty')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tally_dirty_pk', ['kind', 'id'])
    .execute();
  await sql`insert into tally_dirty (kind, id) values ('spans', 0), ('all', 0)`.execute(db);
  if (engine === 'postgres') await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** The columns of a class and of an enrolment a tally reads. */
const CLASS_COLUMNS = ['status', 'start_date', 'level', 'kind_code', 'organiser_unit_id', 'headcount_total'];
const ENROLMENT_COLUMNS = ['status', 'unit_id', 'class_id', 'person_id'];

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const fn = (name: string, body: string) =>
    sql
      .raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`)
      .execute(db);
  const mark = (select: string) => `insert into tally_dirty (kind, id) select distinct 'class', x.id from (${select}) x
    where x.id is not null on conflict do nothing;`;
  const changed = (columns: string[], key: string) =>
    `select o.${key} as id from old_rows o join new_rows n on n.id = o.id
       where (${columns.map((c) => `o.${c}`).join(', ')}) is distinct from (${columns.map((c) => `n.${c}`).join(', ')})
     union select n.${key} from old_rows o join new_rows n on n.id = o.id
       where (${columns.map((c) => `o.${c}`).join(', ')}) is distinct from (${columns.map((c) => `n.${c}`).join(', ')})`;
  // Statement triggers over the transition tables: a load of a million enrolments marks each class once.
  const perTable = async (table: string, key: string, columns: string[]) => {
    await fn(
      `tally_${table}`,
      `if tg_op = 'INSERT' then ${mark(`select ${key} as id from new_rows`)}
       elsif tg_op = 'DELETE' then ${mark(`select ${key} as id from old_rows`)}
       else ${mark(changed(columns, key))}
       end if;`,
    );
    const transition = {
      insert: 'referencing new table as new_rows',
      update: 'referencing old table as old_rows new table as new_rows',
      delete: 'referencing old table as old_rows',
    };
    for (const [event, referencing] of Object.entries(transition)) {
      await sql
        .raw(
          `create trigger ${table}_tally_${event} after ${event} on ${table} ${referencing}
           for each statement execute function tally_${table}()`,
        )
        .execute(db);
    }
  };
  await perTable('training_classes', 'id', CLASS_COLUMNS);
  await perTable('enrolments', 'class_id', ENROLMENT_COLUMNS);
  await fn('tally_spans', `insert into tally_dirty (kind, id) values ('spans', 0) on conflict do nothing;`);
  for (const table of ['unit_tree_history', 'unit_event_links']) {
    await sql
      .raw(
        `create trigger ${table}_tally after insert or update or delete on ${table}
         for each statement execute function tally_spans()`,
      )
      .execute(db);
  }
  // A unit's parent and first day stand in for its dated edges when it has none; its organisation
  // is what its classes and trainees count under.
  await sql
    .raw(`create trigger units_tally_insert after insert on units for each statement execute function tally_spans()`)
    .execute(db);
  await fn(
    'tally_units',
    `if exists (select 1 from old_rows o join new_rows n on n.id = o.id
        where (o.parent_id, o.valid_from) is distinct from (n.parent_id, n.valid_from)) then
       insert into tally_dirty (kind, id) values ('spans', 0) on conflict do nothing;
     end if;
     ${mark(`select c.id from training_classes c join old_rows o on o.id = c.organiser_unit_id join new_rows n on n.id = o.id
        where o.organisation <> n.organisation
      union select e.class_id from enrolments e join old_rows o on o.id = e.unit_id join new_rows n on n.id = o.id
        where o.organisation <> n.organisation`)}`,
  );
  await sql
    .raw(
      `create trigger units_tally_update after update on units
       referencing old table as old_rows new table as new_rows for each statement execute function tally_units()`,
    )
    .execute(db);
  // The figures' cache counts the dated closure as part of the tree (migration 0015's domain 'units').
  await sql
    .raw(
      `create trigger unit_spans_figures after insert or update or delete on unit_spans
       for each statement execute function figure_changed('units')`,
    )
    .execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const trigger = (name: string, on: string, body: string, when = '') =>
    sql.raw(`create trigger ${name} after ${on} for each row ${when} begin ${body} end`).execute(db);
  const mark = (id: string) => `insert into tally_dirty (kind, id) values ('class', ${id}) on conflict do nothing;`;
  const spans = `insert into tally_dirty (kind, id) values ('spans', 0) on conflict do nothing;`;
  const differ = (columns: string[]) => columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await trigger('training_classes_tally_insert', 'insert on training_classes', mark('new.id'));
  await trigger('training_classes_tally_delete', 'delete on training_classes', mark('old.id'));
  await trigger(
    'training_classes_tally_update',
    'update on training_classes',
    mark('new.id'),
    `when ${differ(CLASS_COLUMNS)}`,
  );
  await trigger('enrolments_tally_insert', 'insert on enrolments', mark('new.class_id'));
  await trigger('enrolments_tally_delete', 'delete on enrolments', mark('old.class_id'));
  await trigger(
    'enrolments_tally_update',
    'update on enrolments',
    mark('old.class_id') + mark('new.class_id'),
    `when ${differ(ENROLMENT_COLUMNS)}`,
  );
  for (const table of ['unit_tree_history', 'unit_event_links']) {
    for (const event of ['insert', 'update', 'delete']) {
      await trigger(`${table}_tally_${event}`, `${event} on ${table}`, spans);
    }
  }
  await trigger('units_tally_insert', 'insert on units', spans);
  await trigger('units_tally_tree', 'update on units', spans, `when ${differ(['parent_id', 'valid_from'])}`);
  await trigger(
    'units_tally_organisation',
    'update on units',
    `insert into tally_dirty (kind, id) select 'class', c.id from training_classes c where c.organiser_unit_id = new.id
       on conflict do nothing;
     insert into tally_dirty (kind, id) select distinct 'class', e.class_id from enrolments e where e.unit_id = new.id
       on conflict do nothing;`,
    'when old.organisation is not new.organisation',
  );
  const bump = `insert into figure_changes (domain, year, weight) values ('units', 0, 1)
     on conflict (domain, year) do update set weight = weight + 1;`;
  for (const event of ['insert', 'update', 'delete']) {
    await trigger(`unit_spans_figures_${event}`, `${event} on unit_spans`, bump);
  }
}
