import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The statistics office's 54 groups + "other", in its codes and order (every group but Kinh is a minority). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const csv = readFileSync(new URL('../../modules/catalog/ethnicities.csv', import.meta.url), 'utf8');
  const rows = csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line, i) => {
      const [code = '', name = '', minority = '1'] = line.split(',');
      return { code, name, minority: Number(minority), sort_order: i + 1 };
    });
  await (db as Kysely<Database>).insertInto('ethnicities').values(rows).execute();
}
