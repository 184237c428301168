import { sql, type Kysely } from 'kysely';
import { idType, type Engine } from './frozen/engine.ts';

interface TitleStandardSeed {
  title: string;
  level: string;
  max_age_first: number | null;
  max_age_in_post: number | null;
  hardship_max_age_first: number | null;
  hardship_max_age_in_post: number | null;
  min_qualification: string | null;
  min_theory_level: string | null;
}

const none = {
  max_age_first: null,
  max_age_in_post: null,
  hardship_max_age_first: null,
  hardship_max_age_in_post: null,
  min_qualification: null,
  min_theory_level: null,
};

/**
 * The QĐ 289 defaults DOMAIN.md states, and only those: the provincial secretary 35 at first
 * appointment, 40 while in post; a district committee member 30 / 35, 37 in post in hardship areas;
 * a district secretary a university degree and intermediate political theory; a commune secretary
 * intermediate vocational training and basic political theory. Admins fill in the rest.
 */
const SEED: TitleStandardSeed[] = [
  { ...none, title: 'secretary', level: 'province', max_age_first: 35, max_age_in_post: 40 },
  {
    ...none,
    title: 'committee_member',
    level: 'district',
    max_age_first: 30,
    max_age_in_post: 35,
    hardship_max_age_in_post: 37,
  },
  { ...none, title: 'secretary', level: 'district', min_qualification: 'university', min_theory_level: 'intermediate' },
  { ...none, title: 'secretary', level: 'commune', min_qualification: 'intermediate', min_theory_level: 'basic' },
];

/**
 * The standard of each title at each unit level (QĐ 289, configurable): age limits at first
 * appointment and while in post, the same two for cadres in hardship areas (null: the ordinary limit
 * applies), and the minimum professional qualification and political theory. A null cell asks nothing.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const age = (column: string) => sql.raw(`${column} is null or ${column} between 15 and 80`);
  await db.schema
    .createTable('title_standards')
    .addColumn('id', idType(engine), (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('max_age_first', 'integer', (c) => c.check(age('max_age_first')))
    .addColumn('max_age_in_post', 'integer', (c) => c.check(age('max_age_in_post')))
    .addColumn('hardship_max_age_first', 'integer', (c) => c.check(age('hardship_max_age_first')))
    .addColumn('hardship_max_age_in_post', 'integer', (c) => c.check(age('hardship_max_age_in_post')))
    .addColumn('min_qualification', 'text')
    .addColumn('min_theory_level', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('title_standards_title_level', ['title', 'level'])
    .execute();
  const now = new Date().toISOString();
  await (db as Kysely<{ title_standards: TitleStandardSeed & { created_at: string; updated_at: string } }>)
    .insertInto('title_standards')
    .values(SEED.map((s) => ({ ...s, created_at: now, updated_at: now })))
    .execute();
}
