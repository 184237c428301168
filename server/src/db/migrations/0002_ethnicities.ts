import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

/** The table as this migration wrote to it (frozen: not the live schema). */
interface Tables {
  ethnicities: { code: string; name: string; minority: number; sort_order: number };
}

/** The statistics office's 54 groups + "other", in its codes and order (every group but Kinh is a minority). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const csv = readFileSync(new URL('./data/ethnicities.csv', import.meta.url), 'utf8');
  const rows = csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line, i) => {
      const [code = '', name = '', minority = '1'] = line.split(',');
      return { code, name, minority: Number(minority), sort_order: i + 1 };
    });
  await (db as Kysely<Tables>).insertInto('ethnicities').values(rows).execute();
}
