import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { foldVietnamese, type SchemeExportQuery } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { grantRoots, unitInScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { flag, like, likeContains } from '../../db/dialect.ts';
import { readKeysetBatch, type KeysetBatch } from '../../db/keyset.ts';
import { countRows, pageRows, whereAll } from '../../db/listing.ts';
import type { SchemeTable, SchemeTargetTable } from '../../db/schema.ts';

export type SchemeFilter = Omit<SchemeExportQuery, 'sort' | 'order'> & {
  /** Schemes whose period shares a year with these (the dashboard's period). */
  overlaps?: { from: number; to: number };
};
export type SchemeSort = SchemeExportQuery['sort'];
export type Order = SchemeExportQuery['order'];

/**
 * A scheme is seen by the readers (`training.read`) of its issuing unit's subtree and by the
 * readers of any unit below the issuing unit: a province's scheme is its districts' scheme too
 * (their figures in it are counted in their own scope).
 */
export function schemeVisible(actor: Actor, issuingUnit: RawBuilder<unknown>): RawBuilder<SqlBool> {
  if (actor.isSuperadmin) return sql<SqlBool>`1 = 1`;
  const roots = grantRoots(actor, 'training.read');
  if (!roots.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${unitInScope(actor, 'training.read', issuingUnit)}
    or ${issuingUnit} in (select ancestor_id from unit_closure where descendant_id in (${sql.join(roots)})))`;
}

export interface SchemeRow {
  id: number;
  name: string;
  code: string;
  issuing_unit_id: number;
  issuing_unit_name: string;
  decision: string | null;
  decision_date: string | null;
  start_year: number;
  end_year: number;
  description: string | null;
  version: number;
  updated_at: string;
  can_edit: number;
  target_count: number;
}

function visibleSchemes(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('schemes as s')
    .innerJoin('units as u', 'u.id', 's.issuing_unit_id')
    .where(() => schemeVisible(actor, sql.ref('s.issuing_unit_id')))
    .select([
      's.id',
      's.name',
      's.code',
      's.issuing_unit_id',
      'u.name as issuing_unit_name',
      's.decision',
      's.decision_date',
      's.start_year',
      's.end_year',
      's.description',
      's.version',
      's.updated_at',
      flag(unitInScope(actor, 'training.manage', sql.ref('s.issuing_unit_id'))).as('can_edit'),
      sql<number>`(select count(*) from scheme_targets t where t.scheme_id = s.id)`.as('target_count'),
    ]);
}

function filterConditions(f: SchemeFilter): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  const q = f.q ? foldVietnamese(f.q) : '';
  if (q) out.push(like('s.search_text', likeContains(q)));
  if (f.unitId !== undefined) {
    out.push(
      sql<boolean>`${sql.ref('s.issuing_unit_id')} in (select descendant_id from unit_closure where ancestor_id = ${f.unitId})`,
    );
  }
  if (f.year !== undefined) out.push(sql<boolean>`${f.year} between s.start_year and s.end_year`);
  if (f.overlaps) out.push(sql<boolean>`s.start_year <= ${f.overlaps.to} and s.end_year >= ${f.overlaps.from}`);
  return out;
}

const SORT_KEYS: Record<SchemeSort, RawBuilder<unknown>[]> = {
  startYear: [sql`s.start_year`, sql`s.code`, sql`s.id`],
  name: [sql`s.sort_key`, sql`s.id`],
  code: [sql`s.code`, sql`s.id`],
  updatedAt: [sql`s.updated_at`, sql`s.id`],
};

const filtered = (tx: Tx, actor: Actor, f: SchemeFilter) => whereAll(visibleSchemes(tx, actor), filterConditions(f));
const counted = (r: SchemeRow): SchemeRow => ({ ...r, target_count: Number(r.target_count) });

export async function countSchemes(tx: Tx, actor: Actor, f: SchemeFilter): Promise<number> {
  return countRows(filtered(tx, actor, f));
}

export async function findSchemesPage(
  tx: Tx,
  actor: Actor,
  f: SchemeFilter,
  sort: SchemeSort,
  order: Order,
  page: { limit: number; offset: number },
): Promise<SchemeRow[]> {
  return (await pageRows(filtered(tx, actor, f), SORT_KEYS[sort], order, page)).map(counted);
}

/** One keyset batch of the export, after the previous batch's last sort values. */
export async function findSchemesBatch(
  tx: Tx,
  actor: Actor,
  f: SchemeFilter,
  sort: SchemeSort,
  order: Order,
  after: unknown[] | null,
  limit: number,
): Promise<KeysetBatch<SchemeRow>> {
  const batch = await readKeysetBatch(filtered(tx, actor, f), SORT_KEYS[sort], order, after, limit);
  return { rows: batch.rows.map(counted), last: batch.last };
}

export async function findScheme(tx: Tx, actor: Actor, id: number): Promise<SchemeRow | undefined> {
  const row = await visibleSchemes(tx, actor).where('s.id', '=', id).executeTakeFirst();
  return row ? counted(row) : undefined;
}

export type TargetRow = Omit<SchemeTargetTable, 'id' | 'version'> & {
  id: number;
  kind_name: string | null;
  unit_name: string | null;
};

export async function findTargets(tx: Tx, schemeId: number): Promise<TargetRow[]> {
  return tx.q
    .selectFrom('scheme_targets as t')
    .leftJoin('training_kinds as k', 'k.code', 't.kind_code')
    .leftJoin('units as u', 'u.id', 't.unit_id')
    .select([
      't.id',
      't.scheme_id',
      't.position',
      't.metric',
      't.label',
      't.kind_code',
      'k.name as kind_name',
      't.title',
      't.organiser_level',
      't.unit_id',
      'u.name as unit_name',
      't.study_kinds',
      't.within_months',
      't.linked_only',
      't.total',
    ])
    .where('t.scheme_id', '=', schemeId)
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();
}

export async function findTargetYears(tx: Tx, targetIds: number[]) {
  if (!targetIds.length) return [];
  return tx.q
    .selectFrom('scheme_target_years')
    .select(['target_id', 'year', 'value'])
    .where('target_id', 'in', targetIds)
    .orderBy('target_id')
    .orderBy('year')
    .execute();
}

export async function findTargetUnits(tx: Tx, targetIds: number[]) {
  if (!targetIds.length) return [];
  return tx.q
    .selectFrom('scheme_target_units as tu')
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['tu.target_id', 'tu.unit_id', 'u.name as unit_name', 'tu.value', 'u.sort_key'])
    .where('tu.target_id', 'in', targetIds)
    .orderBy('tu.target_id')
    .orderBy('u.sort_key')
    .execute();
}

/** Linked classes and studies the actor may see. */
export async function countLinks(
  tx: Tx,
  actor: Actor,
  schemeId: number,
): Promise<{ classes: number; studies: number }> {
  const row = await sql<{ classes: unknown; studies: unknown }>`select
      (select count(*) from scheme_classes sc join training_classes c on c.id = sc.class_id
        where sc.scheme_id = ${schemeId} and ${unitInScope(actor, 'training.read', sql.ref('c.organiser_unit_id'))}) as classes,
      (select count(*) from scheme_studies ss join studies st on st.id = ss.study_id join people p on p.id = st.person_id
        where ss.scheme_id = ${schemeId} and ${unitInScope(actor, 'person.read', sql.ref('p.unit_id'))}) as studies`.execute(
    tx.q,
  );
  return { classes: Number(row.rows[0]?.classes ?? 0), studies: Number(row.rows[0]?.studies ?? 0) };
}

export async function codeTaken(tx: Tx, code: string, exceptId: number | null): Promise<boolean> {
  let q = tx.q.selectFrom('schemes').select('id').where('code', '=', code);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export type SchemeValues = Omit<SchemeTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertScheme(tx: Tx, values: SchemeValues, now: string): Promise<number> {
  const row = await tx.q
    .insertInto('schemes')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TargetValues {
  id?: number;
  position: number;
  metric: SchemeTargetTable['metric'];
  label: string | null;
  kind_code: string | null;
  title: SchemeTargetTable['title'];
  organiser_level: SchemeTargetTable['organiser_level'];
  unit_id: number | null;
  study_kinds: string | null;
  within_months: number | null;
  linked_only: number;
  total: number;
  years: { year: number; value: number }[];
  units: { unitId: number; value: number }[];
}

/** Replaces a scheme's targets: kept ones (by id) updated, missing ones removed, new ones added. */
export async function replaceTargets(tx: Tx, schemeId: number, targets: TargetValues[]): Promise<void> {
  const existing = (
    await tx.q.selectFrom('scheme_targets').select('id').where('scheme_id', '=', schemeId).execute()
  ).map((r) => r.id);
  if (existing.length) {
    await tx.q.deleteFrom('scheme_target_years').where('target_id', 'in', existing).execute();
    await tx.q.deleteFrom('scheme_target_units').where('target_id', 'in', existing).execute();
  }
  const kept = new Set(targets.flatMap((t) => (t.id === undefined ? [] : [t.id])));
  const gone = existing.filter((id) => !kept.has(id));
  if (gone.length) await tx.q.deleteFrom('scheme_targets').where('id', 'in', gone).execute();
  for (const t of targets) {
    const { id, years, units, ...values } = t;
    let targetId: number;
    if (id !== undefined) {
      await tx.q
        .updateTable('scheme_targets')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
      targetId = id;
    } else {
      const row = await tx.q
        .insertInto('scheme_targets')
        .values({ ...values, scheme_id: schemeId })
        .returning('id')
        .executeTakeFirstOrThrow();
      targetId = row.id;
    }
    if (years.length) {
      await tx.q
        .insertInto('scheme_target_years')
        .values(years.map((y) => ({ target_id: targetId, year: y.year, value: y.value })))
        .execute();
    }
    if (units.length) {
      await tx.q
        .insertInto('scheme_target_units')
        .values(units.map((u) => ({ target_id: targetId, unit_id: u.unitId, value: u.value })))
        .execute();
    }
  }
}

export async function trainingKindExists(tx: Tx, code: string): Promise<boolean> {
  return (
    (await tx.q.selectFrom('training_kinds').select('code').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

/** Units of the list lying in the subtree of `root`. */
export async function unitsWithin(tx: Tx, root: number, unitIds: number[]): Promise<Set<number>> {
  if (!unitIds.length) return new Set();
  const rows = await tx.q
    .selectFrom('unit_closure')
    .select('descendant_id')
    .where('ancestor_id', '=', root)
    .where('descendant_id', 'in', unitIds)
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}

export async function unitExists(tx: Tx, id: number): Promise<boolean> {
  return (await tx.q.selectFrom('units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

// ---- Links ----

export interface LinkRow {
  id: number;
  code: string;
  name: string;
  start_year: number;
  end_year: number;
  issuing_unit_id: number;
}

/** Schemes by id that the actor may see (the others are absent). */
export async function findVisibleSchemesByIds(tx: Tx, actor: Actor, ids: number[]): Promise<LinkRow[]> {
  if (!ids.length) return [];
  return tx.q
    .selectFrom('schemes as s')
    .select(['s.id', 's.code', 's.name', 's.start_year', 's.end_year', 's.issuing_unit_id'])
    .where('s.id', 'in', ids)
    .where(() => schemeVisible(actor, sql.ref('s.issuing_unit_id')))
    .execute();
}

export async function findClassLinks(tx: Tx, actor: Actor, classId: number): Promise<LinkRow[]> {
  return tx.q
    .selectFrom('scheme_classes as l')
    .innerJoin('schemes as s', 's.id', 'l.scheme_id')
    .select(['s.id', 's.code', 's.name', 's.start_year', 's.end_year', 's.issuing_unit_id'])
    .where('l.class_id', '=', classId)
    .where(() => schemeVisible(actor, sql.ref('s.issuing_unit_id')))
    .orderBy('s.start_year')
    .orderBy('s.code')
    .execute();
}

export async function findStudyLinks(tx: Tx, actor: Actor, studyId: number): Promise<LinkRow[]> {
  return tx.q
    .selectFrom('scheme_studies as l')
    .innerJoin('schemes as s', 's.id', 'l.scheme_id')
    .select(['s.id', 's.code', 's.name', 's.start_year', 's.end_year', 's.issuing_unit_id'])
    .where('l.study_id', '=', studyId)
    .where(() => schemeVisible(actor, sql.ref('s.issuing_unit_id')))
    .orderBy('s.start_year')
    .orderBy('s.code')
    .execute();
}

export async function setClassLinks(tx: Tx, classId: number, add: number[], remove: number[]): Promise<void> {
  if (remove.length) {
    await tx.q.deleteFrom('scheme_classes').where('class_id', '=', classId).where('scheme_id', 'in', remove).execute();
  }
  if (add.length) {
    await tx.q
      .insertInto('scheme_classes')
      .values(add.map((schemeId) => ({ scheme_id: schemeId, class_id: classId })))
      .execute();
  }
}

export async function setStudyLinks(tx: Tx, studyId: number, add: number[], remove: number[]): Promise<void> {
  if (remove.length) {
    await tx.q.deleteFrom('scheme_studies').where('study_id', '=', studyId).where('scheme_id', 'in', remove).execute();
  }
  if (add.length) {
    await tx.q
      .insertInto('scheme_studies')
      .values(add.map((schemeId) => ({ scheme_id: schemeId, study_id: studyId })))
      .execute();
  }
}

/** Every scheme the class / study is linked to, seen or not (a replaced set keeps the unseen ones). */
export async function linkedSchemeIds(tx: Tx, of: { classId: number } | { studyId: number }): Promise<number[]> {
  const rows =
    'classId' in of
      ? await tx.q.selectFrom('scheme_classes').select('scheme_id').where('class_id', '=', of.classId).execute()
      : await tx.q.selectFrom('scheme_studies').select('scheme_id').where('study_id', '=', of.studyId).execute();
  return rows.map((r) => r.scheme_id);
}

/**
 * The subtree a scheme's links are checked against: its issuing unit's, or for an issuing unit that
 * has ended, the subtree of the unit its records roll up into (a merged province's scheme goes on
 * serving its cadres, whose records are now kept by the new province's units).
 */
export async function linkRoot(tx: Tx, issuingUnitId: number): Promise<number> {
  const u = await tx.q
    .selectFrom('units')
    .select(['id', 'parent_id', 'valid_to'])
    .where('id', '=', issuingUnitId)
    .executeTakeFirstOrThrow();
  return u.valid_to !== null && u.parent_id !== null ? u.parent_id : u.id;
}
