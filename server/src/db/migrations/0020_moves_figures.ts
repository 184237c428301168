import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * A move changes figures even when the unit of today stays the same: a back-dated move (or one
 * corrected, or deleted) changes the unit a cadre was in on past days, and a study is credited to
 * the unit of its start day, read from the moves when counted. Migration 0015's 'people' domain
 * ("a cadre's unit") only heard `people.unit_id`; every change of `moves` now counts in it too,
 * whatever writes it. (Enrolments and trips store their credit and are credited again in the same
 * transaction: their own triggers already count those updates, by year.)
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    // `figure_changed(domain)` is 0015's statement-trigger function: one appended row per statement.
    await sql
      .raw(
        `create trigger moves_figures after insert or update or delete on moves
         for each statement execute function figure_changed('people')`,
      )
      .execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete']) {
    await sql
      .raw(
        `create trigger moves_figures_${event} after ${event} on moves for each row begin
           insert into figure_changes (domain, year, weight) values ('people', 0, 1)
           on conflict (domain, year) do update set weight = weight + 1;
         end`,
      )
      .execute(db);
  }
}
