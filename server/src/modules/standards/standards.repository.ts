import type { StandardLevel, Title } from '@canbo/contract';
import type { Selectable } from 'kysely';
import type { Tx } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import type { TitleStandardTable } from '../../db/schema.ts';

export type StandardRow = Selectable<TitleStandardTable>;
export type StandardValues = Pick<
  StandardRow,
  | 'max_age_first'
  | 'max_age_in_post'
  | 'hardship_max_age_first'
  | 'hardship_max_age_in_post'
  | 'min_qualification'
  | 'min_theory_level'
>;

const COLUMNS = [
  'id',
  'title',
  'level',
  'max_age_first',
  'max_age_in_post',
  'hardship_max_age_first',
  'hardship_max_age_in_post',
  'min_qualification',
  'min_theory_level',
  'created_at',
  'updated_at',
  'version',
] as const;

export async function listStandards(tx: Tx): Promise<StandardRow[]> {
  return tx.q.selectFrom('title_standards').select(COLUMNS).orderBy('title').orderBy('level').execute();
}

export async function findStandard(tx: Tx, title: Title, level: StandardLevel): Promise<StandardRow | undefined> {
  return tx.q
    .selectFrom('title_standards')
    .select(COLUMNS)
    .where('title', '=', title)
    .where('level', '=', level)
    .executeTakeFirst();
}

export async function insertStandard(
  tx: Tx,
  key: { title: Title; level: StandardLevel },
  values: StandardValues,
): Promise<void> {
  const now = nowIso();
  await tx.q
    .insertInto('title_standards')
    .values({ ...key, ...values, created_at: now, updated_at: now })
    .execute();
}
