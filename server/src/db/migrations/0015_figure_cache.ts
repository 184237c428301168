import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * The figures' cache and what keeps it exact.
 *
 * `figure_cache` holds a counted figure (the counting engine's result for one query in one read
 * scope) with the FINGERPRINT of the records it was counted from: the sum of `figure_changes`'
 * weights over the domains and years the figure reads. Triggers add to that sum in the same
 * transaction as every change of those records, whichever code writes them (a service, an import,
 * a bulk load), so a cached figure is used only while nothing it depends on has changed: exact,
 * not "fresh enough". Years matter: a change to a 2026 class does not void the figures of a
 * 2018–2022 scheme. Year 0 stands for every year (a change whose year is unknown).
 *
 * Domains: training (classes and their enrolments, by the class's start year), studies, visits
 * (by the trip's years), positions, people (a cadre's unit, which studies are credited to), units
 * (the tree: `unit_closure`), links (classes and studies linked to schemes).
 *
 * SQLite has one writer at a time: one counter row per (domain, year), bumped row by row.
 * PostgreSQL's writers run concurrently: one counter row would make every enrolment wait for the
 * last one to commit, so statement triggers APPEND rows (one per statement and year) and the
 * reader sums them; the engine folds them together now and then (`compactFigureChanges`).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('figure_cache')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'bigint', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('figure_cache_computed').on('figure_cache').column('computed_at').execute();
  await db.schema
    .createTable('figure_changes')
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('weight', 'bigint', (c) => c.notNull())
    .execute();
  if (engine === 'postgres') {
    await db.schema.createIndex('figure_changes_domain').on('figure_changes').columns(['domain', 'year']).execute();
    await postgresTriggers(db);
  } else {
    await db.schema
      .createIndex('figure_changes_domain')
      .on('figure_changes')
      .columns(['domain', 'year'])
      .unique()
      .execute();
    await sqliteTriggers(db);
  }
}

const yearOf = (column: string) => `coalesce(cast(substr(cast(${column} as text), 1, 4) as integer), 0)`;

/** The tables whose every change counts in a domain, whatever the year. */
const WHOLE: [table: string, domain: string][] = [
  ['studies', 'studies'],
  ['positions', 'positions'],
  ['unit_closure', 'units'],
  ['scheme_classes', 'links'],
  ['scheme_studies', 'links'],
];

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const fn = async (name: string, body: string) =>
    sql
      .raw(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`)
      .execute(db);
  // One row per statement (a statement that touched nothing still adds one: harmless).
  await fn('figure_changed', `insert into figure_changes (domain, year, weight) values (tg_argv[0], 0, 1);`);
  for (const [table, domain] of WHOLE) {
    await sql
      .raw(
        `create trigger ${table}_figures after insert or update or delete on ${table}
         for each statement execute function figure_changed('${domain}')`,
      )
      .execute(db);
  }
  // By year, from the statement's transition tables (rows, old or new): one appended row per year.
  const byYear = (name: string, years: (rows: string) => string) =>
    fn(
      name,
      `if tg_op in ('INSERT', 'UPDATE') then
         insert into figure_changes (domain, year, weight) select 'training', y, 1 from (${years('new_rows')}) s group by y;
       end if;
       if tg_op in ('UPDATE', 'DELETE') then
         insert into figure_changes (domain, year, weight) select 'training', y, 1 from (${years('old_rows')}) s group by y;
       end if;`,
    );
  await byYear('figure_changed_classes', (rows) => `select ${yearOf('r.start_date')} as y from ${rows} r`);
  await byYear(
    'figure_changed_enrolments',
    (rows) => `select ${yearOf('c.start_date')} as y from ${rows} r left join training_classes c on c.id = r.class_id`,
  );
  await fn(
    'figure_changed_trips',
    `if tg_op in ('INSERT', 'UPDATE') then
       insert into figure_changes (domain, year, weight)
       select 'visits', y, 1 from (select start_year as y from new_rows union select end_year from new_rows) s;
     end if;
     if tg_op in ('UPDATE', 'DELETE') then
       insert into figure_changes (domain, year, weight)
       select 'visits', y, 1 from (select start_year as y from old_rows union select end_year from old_rows) s;
     end if;`,
  );
  const transition = {
    insert: 'referencing new table as new_rows',
    update: 'referencing old table as old_rows new table as new_rows',
    delete: 'referencing old table as old_rows',
  };
  for (const [table, name] of [
    ['training_classes', 'figure_changed_classes'],
    ['enrolments', 'figure_changed_enrolments'],
    ['visit_trips', 'figure_changed_trips'],
  ]) {
    for (const [event, referencing] of Object.entries(transition)) {
      await sql
        .raw(
          `create trigger ${table}_figures_${event} after ${event} on ${table} ${referencing}
           for each statement execute function ${name}()`,
        )
        .execute(db);
    }
  }
  // Only a cadre's move changes a figure (studies are credited to the cadre's unit).
  await fn('figure_changed_person', `insert into figure_changes (domain, year, weight) values ('people', 0, 1);`);
  await sql
    .raw(
      `create trigger people_figures after update of unit_id on people for each row
       when (old.unit_id is distinct from new.unit_id) execute function figure_changed_person()`,
    )
    .execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = (domain: string, year: string) =>
    `insert into figure_changes (domain, year, weight) values ('${domain}', ${year}, 1)
     on conflict (domain, year) do update set weight = weight + 1;`;
  const trigger = (name: string, on: string, body: string, when = '') =>
    sql.raw(`create trigger ${name} after ${on} for each row ${when} begin ${body} end`).execute(db);
  for (const [table, domain] of WHOLE) {
    for (const event of ['insert', 'update', 'delete']) {
      await trigger(`${table}_figures_${event}`, `${event} on ${table}`, bump(domain, '0'));
    }
  }
  const classYear = (row: string) =>
    `coalesce((select ${yearOf('c.start_date')} from training_classes c where c.id = ${row}.class_id), 0)`;
  const rows = { insert: ['new'], update: ['old', 'new'], delete: ['old'] };
  for (const [event, which] of Object.entries(rows)) {
    await trigger(
      `training_classes_figures_${event}`,
      `${event} on training_classes`,
      which.map((r) => bump('training', yearOf(`${r}.start_date`))).join(' '),
    );
    await trigger(
      `enrolments_figures_${event}`,
      `${event} on enrolments`,
      which.map((r) => bump('training', classYear(r))).join(' '),
    );
    await trigger(
      `visit_trips_figures_${event}`,
      `${event} on visit_trips`,
      which.map((r) => bump('visits', `${r}.start_year`) + bump('visits', `${r}.end_year`)).join(' '),
    );
  }
  await trigger(
    'people_figures_update',
    'update of unit_id on people',
    bump('people', '0'),
    'when old.unit_id is not new.unit_id',
  );
}
