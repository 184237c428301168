import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../context.ts';
import { compactFigureChanges, executeCounting, nowIso } from '../../db/dialect.ts';
import { currentSpans } from './spans.repository.ts';
import { fastFigures } from './tallies.read.ts';
import { figureSql, type Figure, type FigureQuery } from './figures.repository.ts';

/**
 * Figures counted once and kept while the records they come from stay the same.
 *
 * Counting a national scheme reads millions of enrolments; its figures change only when a record
 * of its years does. A figure is cached under the hash of its compiled SQL and parameters (the
 * actor's read scope is part of that SQL, so two people see the same entry only when they would
 * count the same rows) with the FINGERPRINT of the records it depends on: the sum of the change
 * weights the triggers of migration 0015 add, in the same transaction, to every change of those
 * records. The sum only grows, so an entry is used exactly while nothing it reads has changed —
 * a figure from the cache is the figure counted now, never an older one.
 *
 * The fingerprint is read BEFORE counting: a change committed in between makes the entry's
 * fingerprint older than the records it was counted from, which only costs a recount.
 */

type Domain = 'training' | 'studies' | 'visits' | 'positions' | 'people' | 'units' | 'links';

interface Dependency {
  domain: Domain;
  /** The years the figure reads (a change of year 0 counts for every year); none: every year. */
  years?: [number, number];
}

/** The records a figure reads, by metric (see the counting engine's notes). */
export function dependencies(q: FigureQuery): Dependency[] {
  const years: [number, number] = [q.fromYear, q.toYear];
  const linked: Dependency[] = q.filters?.schemeId != null ? [{ domain: 'links' }] : [];
  switch (q.metric) {
    case 'classes':
    case 'participations':
    case 'people':
      return [{ domain: 'training', years }, { domain: 'units' }, ...linked];
    case 'title_training_share':
      // A holder's training may predate the period; the holders are the positions.
      return [{ domain: 'training' }, { domain: 'positions' }, { domain: 'units' }];
    case 'studies_started':
    case 'studies_graduated':
      return [{ domain: 'studies' }, { domain: 'people' }, { domain: 'units' }, ...linked];
    case 'visit_days':
      return [{ domain: 'visits', years }, { domain: 'units' }];
  }
}

/** Entries counted longer ago than this go when another is counted (a figure read since is counted again). */
const KEEP_DAYS = 30;

/** Past this many change rows for one figure, PostgreSQL's appended rows are folded together. */
const COMPACT_AT = 500;

async function fingerprint(tx: Tx, deps: Dependency[]): Promise<number> {
  const conditions: RawBuilder<unknown>[] = deps.map((d) =>
    d.years
      ? sql`(domain = ${d.domain} and (year = 0 or year between ${d.years[0]} and ${d.years[1]}))`
      : sql`domain = ${d.domain}`,
  );
  const { rows } = await sql<{ w: unknown; n: unknown }>`
    select coalesce(sum(weight), 0) as w, count(*) as n from figure_changes
    where ${sql.join(conditions, sql` or `)}`.execute(tx.q);
  if (Number(rows[0]?.n ?? 0) > COMPACT_AT) await compactFigureChanges(tx);
  return Number(rows[0]?.w ?? 0);
}

/**
 * The figures of a query (see `figureSql`): from the training tallies when they hold them, else
 * from the cache while its records are unchanged, otherwise counted now and kept.
 */
export async function countFigures(tx: Tx, actor: Actor, q: FigureQuery): Promise<Figure[]> {
  await currentSpans(tx);
  // Training figures the tallies hold need no cache (tallies.read.ts).
  const fast = await fastFigures(tx, actor, q);
  if (fast) return fast;
  const { query, read } = figureSql(actor, q);
  const compiled = query.compile(tx.q);
  const key = createHash('sha256')
    .update(compiled.sql)
    .update('\0')
    .update(JSON.stringify(compiled.parameters))
    .digest('hex');
  const current = await fingerprint(tx, dependencies(q));
  const cached = await tx.q
    .selectFrom('figure_cache')
    .select(['fingerprint', 'value'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (cached && Number(cached.fingerprint) === current) return JSON.parse(cached.value) as Figure[];

  const { rows } = await executeCounting<Record<string, unknown>>(tx, compiled);
  const figures = read(rows);
  const value = JSON.stringify(figures);
  // Queries vary (scopes, drill-down filters, the share's day): what nobody counted lately goes.
  const cutoff = new Date(Date.now() - KEEP_DAYS * 86_400_000).toISOString();
  await tx.q.deleteFrom('figure_cache').where('computed_at', '<', cutoff).execute();
  await tx.q
    .insertInto('figure_cache')
    .values({ key, fingerprint: current, value, computed_at: nowIso() })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ fingerprint: current, value, computed_at: nowIso() })
        // Two counts at once: the one from newer records stays.
        .where('figure_cache.fingerprint', '<', current),
    )
    .execute();
  return figures;
}
