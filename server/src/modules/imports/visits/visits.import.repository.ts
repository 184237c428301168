import type { Tx } from '../../../context.ts';
import { chunks } from '../../../lib/chunks.ts';

export interface StoredTrip {
  person_id: number;
  host_unit_id: number;
  start_date: string;
  end_date: string;
}

/** The stored trips of these people, read in batches. */
export async function tripsOf(tx: Tx, personIds: number[]): Promise<StoredTrip[]> {
  const out: StoredTrip[] = [];
  for (const part of chunks([...new Set(personIds)], 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('visit_trips')
        .select(['person_id', 'host_unit_id', 'start_date', 'end_date'])
        .where('person_id', 'in', part)
        .execute()),
    );
  }
  return out;
}
