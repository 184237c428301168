import type { Tx } from '../../../context.ts';
import { chunks } from '../../../lib/chunks.ts';

/** The stored studies of these people (kind and start date: what names one), read in batches. */
export async function studiesOf(
  tx: Tx,
  personIds: number[],
): Promise<{ person_id: number; kind: string; start_date: string }[]> {
  const out: { person_id: number; kind: string; start_date: string }[] = [];
  for (const part of chunks([...new Set(personIds)], 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('studies')
        .select(['person_id', 'kind', 'start_date'])
        .where('person_id', 'in', part)
        .execute()),
    );
  }
  return out;
}
