import type { Tx } from '../../../context.ts';
import { chunks } from '../../../lib/chunks.ts';

export interface StoredMove {
  person_id: number;
  from_unit_id: number;
  to_unit_id: number;
  move_date: string;
}

/** The stored moves of these people, oldest first, read in batches (a sheet names thousands). */
export async function movesOf(tx: Tx, personIds: number[]): Promise<StoredMove[]> {
  const out: StoredMove[] = [];
  for (const part of chunks([...new Set(personIds)], 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('moves')
        .select(['person_id', 'from_unit_id', 'to_unit_id', 'move_date'])
        .where('person_id', 'in', part)
        .orderBy('move_date')
        .execute()),
    );
  }
  return out;
}
