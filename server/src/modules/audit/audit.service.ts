import type { AuditEntry, Page } from '@canbo/contract';
import type { Ctx } from '../../context.ts';
import { reader } from '../../context.ts';
import type { Actor } from '../../auth/actor.ts';
import { pageFrom } from '../../lib/paging.ts';
import { nameEntries, type Named } from './audit.names.ts';
import { listAudit, type AuditListInput, type AuditRow } from './audit.repository.ts';

type Change = AuditEntry['changes'][number];

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-by-field difference between two stored views of a record. A created record lists every
 * field as new, a removed one every field as gone; unchanged fields are left out.
 */
export function diff(before: unknown, after: unknown): Change[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before, after }];
  }
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: Change[] = [];
  for (const field of fields) {
    const x = field in b ? b[field] : null;
    const y = field in a ? a[field] : null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field, before: x ?? null, after: y ?? null });
  }
  return out;
}

function toNamed(r: AuditRow): Named {
  const before = parse(r.before);
  const after = parse(r.after);
  return {
    entity: r.entity,
    entityId: r.entity_id,
    view: { ...(isRecord(before) ? before : {}), ...(isRecord(after) ? after : {}) },
    changes: diff(before, after),
  };
}

export async function auditHistory(ctx: Ctx, actor: Actor, input: AuditListInput): Promise<Page<AuditEntry>> {
  const tx = reader(ctx);
  const { rows, total } = await listAudit(tx, actor, input);
  const named = rows.map(toNamed);
  const names = await nameEntries(tx, actor, named);
  const entries = rows.map((r, i): AuditEntry => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changes: named[i]!.changes,
    ...names[i]!,
  }));
  return pageFrom(entries, total, input);
}
