import type { auditEntities } from '@canbo/contract';
import type { Tx } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { nowIso } from '../../db/dialect.ts';

export type AuditEntity = (typeof auditEntities)[number];

/**
 * One audit row per change, written in the change's own transaction, so there is never a change
 * without its row nor a row without its change. `before`/`after` are the API's view of the record.
 */
export async function writeAudit(
  tx: Tx,
  actor: Actor | null,
  entry: {
    entity: AuditEntity;
    entityId: number;
    action: string;
    unitId: number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx.q
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_user_id: actor?.userId ?? null,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      unit_id: entry.unitId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
