import { sql } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { like, likeStartsWith } from '../../../db/dialect.ts';
import { chunks } from '../../../lib/chunks.ts';
import { classVisible } from '../../training/classes/class.access.ts';

export interface NamedClass {
  id: number;
  name: string;
  start_date: string;
  organiser_name: string;
}

/**
 * Classes the actor sees whose folded text starts with one of these folded names (the text begins
 * with the name, so the caller keeps those whose name is the cell); a class the actor cannot see
 * is not named, as the class pages answer 404 for it.
 */
export async function classesNamed(tx: Tx, actor: Actor, folded: readonly string[]): Promise<NamedClass[]> {
  const out: NamedClass[] = [];
  for (const part of chunks([...new Set(folded)], 50)) {
    out.push(
      ...(await tx.q
        .selectFrom('training_classes as c')
        .innerJoin('units as u', 'u.id', 'c.organiser_unit_id')
        .select([
          'c.id',
          'c.name',
          sql<string>`cast(c.start_date as text)`.as('start_date'),
          'u.name as organiser_name',
        ])
        .where((eb) => eb.or(part.map((f) => like('c.search_text', likeStartsWith(f)))))
        .where((eb) => classVisible(eb, actor, 'c'))
        .orderBy('c.start_date')
        .orderBy('c.id')
        .execute()),
    );
  }
  return [...new Map(out.map((c) => [c.id, c])).values()];
}
