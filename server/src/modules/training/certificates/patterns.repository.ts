import { sql } from 'kysely';
import type { Tx } from '../../../context.ts';
import { stale } from '../../../errors.ts';

export interface PatternRow {
  unit_id: number;
  pattern: string;
  version: number;
}

export interface PatternUnit {
  id: number;
  name: string;
  code: string;
}

export function findUnitForPattern(tx: Tx, unitId: number): Promise<PatternUnit | undefined> {
  return tx.q.selectFrom('units').select(['id', 'name', 'code']).where('id', '=', unitId).executeTakeFirst();
}

export function findPattern(tx: Tx, unitId: number): Promise<PatternRow | undefined> {
  return tx.q
    .selectFrom('certificate_patterns')
    .select(['unit_id', 'pattern', 'version'])
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

/**
 * A unit's first own pattern has version 0 on the client (it saw the default); a concurrent first
 * save loses on the primary key and is told to reload, like any stale write.
 */
export async function insertPattern(tx: Tx, unitId: number, pattern: string, now: string): Promise<void> {
  const result = await tx.q
    .insertInto('certificate_patterns')
    .values({ unit_id: unitId, pattern, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('unit_id').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) throw stale();
}

export async function updatePattern(tx: Tx, unitId: number, version: number, pattern: string, now: string) {
  const result = await tx.q
    .updateTable('certificate_patterns')
    .set({ pattern, updated_at: now, version: sql<number>`version + 1` })
    .where('unit_id', '=', unitId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw stale();
}
