import type { AuditEntity } from '@canbo/contract';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { nowIso } from '../../db/dialect.ts';
import { insertBatches, insertMany } from '../../lib/insertMany.ts';

export type { AuditEntity };

export interface AuditEntryInput {
  entity: AuditEntity;
  entityId: number;
  action: string;
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * One audit row per change, written in the change's own transaction, so there is never a change
 * without its row nor a row without its change. `before`/`after` are the API's view of the record.
 */
export async function writeAudit(tx: Tx, actor: Actor | null, entry: AuditEntryInput): Promise<void> {
  await writeAudits(tx, actor, [entry]);
}

/** A row whose before and after are the same records no change: a save that changed nothing. */
function changesSomething(entry: AuditEntryInput): boolean {
  if (entry.before === undefined || entry.after === undefined) return true;
  return JSON.stringify(entry.before) !== JSON.stringify(entry.after);
}

/**
 * The rows of a bulk change (a grid of 2,000 trainees, 243 certificates) in multi-row inserts:
 * one insert per row would make such a save take seconds on PostgreSQL. All share one timestamp.
 * Entries that change nothing are left out, so the history lists only real changes.
 */
export async function writeAudits(tx: Tx, actor: Actor | null, entries: readonly AuditEntryInput[]): Promise<void> {
  const at = nowIso();
  // insertMany: few statements (or COPY) on PostgreSQL, one prepared row at a time on SQLite.
  await insertMany(
    tx,
    'audit_log',
    entries.filter(changesSomething).map((entry) => auditRow(actor, at, entry)),
  );
}

const AUDIT_COLUMNS = [
  'at',
  'actor_user_id',
  'entity',
  'entity_id',
  'action',
  'unit_id',
  'before',
  'after',
] as const satisfies readonly (keyof Insertable<Database['audit_log']>)[];

function auditRow(actor: Actor | null, at: string, entry: AuditEntryInput): Insertable<Database['audit_log']> {
  return {
    at,
    actor_user_id: actor?.userId ?? null,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    unit_id: entry.unitId,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

/**
 * The rows of a write too large to hold them at once (an import's 160,000), made a batch at a time
 * as they are written (insertBatches). Every entry records a change (a new record's): `count` is
 * known before the first is made, so none is left out as writeAudits leaves out a save that changed nothing.
 */
export async function writeAuditBatches(
  tx: Tx,
  actor: Actor | null,
  count: number,
  batches: AsyncIterable<readonly AuditEntryInput[]>,
): Promise<void> {
  const at = nowIso();
  async function* rows() {
    for await (const batch of batches) yield batch.map((entry) => auditRow(actor, at, entry));
  }
  await insertBatches(tx, 'audit_log', AUDIT_COLUMNS, count, rows());
}
