import { sql, type RawBuilder } from 'kysely';
import { foldVietnamese, type ProgrammeListQuery } from '@canbo/contract';
import type { Tx } from '../../../context.ts';
import { like, likeContains, nowIso } from '../../../db/dialect.ts';
import type { ProgrammeTable } from '../../../db/schema.ts';

export interface ProgrammeRow {
  id: number;
  name: string;
  kind_code: string;
  kind_name: string;
  target_titles: string;
  topics: string;
  standard_days: number | null;
  standard_periods: number | null;
  active: number;
  version: number;
}

/** The catalogue is shared by the whole tree: every signed-in user reads it, unscoped. */
function programmes(tx: Tx) {
  return tx.q
    .selectFrom('programmes as pr')
    .innerJoin('training_kinds as k', 'k.code', 'pr.kind_code')
    .select([
      'pr.id',
      'pr.name',
      'pr.kind_code',
      'k.name as kind_name',
      'pr.target_titles',
      'pr.topics',
      'pr.standard_days',
      'pr.standard_periods',
      'pr.active',
      'pr.version',
    ]);
}

export type ProgrammeFilter = Pick<ProgrammeListQuery, 'q' | 'kindCode' | 'active'>;

function filtered(tx: Tx, f: ProgrammeFilter) {
  let query = programmes(tx);
  const q = f.q ? foldVietnamese(f.q) : '';
  if (q) query = query.where(like('pr.search_text', likeContains(q)));
  if (f.kindCode) query = query.where('pr.kind_code', '=', f.kindCode);
  if (f.active) query = query.where('pr.active', '=', f.active === 'true' ? 1 : 0);
  return query;
}

const SORT_KEYS: Record<ProgrammeListQuery['sort'], RawBuilder<unknown>[]> = {
  name: [sql`pr.sort_key`, sql`pr.id`],
  kind: [sql`k.sort_order`, sql`k.code`, sql`pr.sort_key`, sql`pr.id`],
};

export async function findProgrammesPage(
  tx: Tx,
  f: ProgrammeFilter,
  sort: ProgrammeListQuery['sort'],
  order: ProgrammeListQuery['order'],
  page: { limit: number; offset: number },
): Promise<ProgrammeRow[]> {
  let query = filtered(tx, f);
  for (const key of SORT_KEYS[sort]) query = query.orderBy(key, order);
  return query.limit(page.limit).offset(page.offset).execute();
}

export async function countProgrammes(tx: Tx, f: ProgrammeFilter): Promise<number> {
  const row = await filtered(tx, f)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findProgramme(tx: Tx, id: number): Promise<ProgrammeRow | undefined> {
  return programmes(tx).where('pr.id', '=', id).executeTakeFirst();
}

export type ProgrammeValues = Omit<ProgrammeTable, 'id' | 'active' | 'version' | 'created_at' | 'updated_at'>;

export async function insertProgramme(tx: Tx, values: ProgrammeValues): Promise<number> {
  const now = nowIso();
  const row = await tx.q
    .insertInto('programmes')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
